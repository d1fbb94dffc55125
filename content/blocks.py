"""The one block library every article page body is built from.

Child names of ``BodyBlock`` are the API's ``blockType`` strings: renaming one
is a breaking change for frontends and needs a data migration.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext, gettext_lazy
from grapple.helpers import register_streamfield_block
from grapple.models import (
    GraphQLCollection,
    GraphQLImage,
    GraphQLInt,
    GraphQLPage,
    GraphQLRichText,
    GraphQLString,
)
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from content.reading import current_reader
from content.translation.rich_text import SynchronisedLinksRichTextBlock

#: Rich-text features for article prose. Images and embeds are blocks of their
#: own, so their alt text and captions are always structured. Every rich-text
#: block keeps its link addresses identical in all languages
#: (``content.translation.rich_text``).
PROSE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class SynchronisedBlockMixin:
    """A block copied from the source page on every translation sync.

    wagtail-localize offers choosers to translators as "overridable" values;
    which page or image a block shows must stay identical in every language,
    so these blocks give translators nothing to change. The API maps a chosen
    page to its translation in the reader's language at read time.
    """

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class VisiblePageChooserBlock(SynchronisedBlockMixin, blocks.PageChooserBlock):
    """A page chooser that, inside an API request, yields only public pages.

    In the admin it behaves like Wagtail's own chooser. While a GraphQL request
    is being answered, values are read from the request's reader, which
    applies the visibility rules, loads every chosen page of the response in
    one query instead of one per body, and swaps a page for its translation in
    the requested language.
    """

    def bulk_to_python(self, values):
        reader = current_reader()
        if reader is None:
            return super().bulk_to_python(values)
        pages = reader.link_targets(values)
        return [pages.get(int(v)) if str(v).isdigit() else None for v in values]


class SynchronisedImageChooserBlock(SynchronisedBlockMixin, ImageChooserBlock):
    """An image chooser whose choice every translation shares."""


@register_streamfield_block
class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=gettext_lazy("Text"))
    level = blocks.ChoiceBlock(
        choices=[
            ("h2", gettext_lazy("Section heading")),
            ("h3", gettext_lazy("Sub-heading")),
        ],
        default="h2",
        label=gettext_lazy("Level"),
    )

    graphql_fields = [
        GraphQLString("text", required=True),
        GraphQLString("level", required=True),
    ]

    class Meta:
        icon = "title"
        label = gettext_lazy("Heading")
        description = gettext_lazy("A heading that starts a new section of the page.")
        preview_value = {"text": "Why implantation can fail", "level": "h2"}


@register_streamfield_block
class BulletListBlock(blocks.StructBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=300), min_num=1, label=gettext_lazy("Items")
    )

    graphql_fields = [
        GraphQLCollection(GraphQLString, "items", required=True, item_required=True)
    ]

    class Meta:
        icon = "list-ul"
        label = gettext_lazy("Bullet list")
        description = gettext_lazy("A short list of points, one sentence or term each.")
        preview_value = {"items": ["A good-quality embryo", "A receptive uterus"]}


@register_streamfield_block
class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("info", gettext_lazy("Information")),
            ("support", gettext_lazy("Emotional support")),
            ("warning", gettext_lazy("Important")),
        ],
        default="info",
        label=gettext_lazy("Kind"),
        help_text=gettext_lazy(
            "Support callouts are shown gently; warnings stand out."
        ),
    )
    title = blocks.CharBlock(max_length=120, label=gettext_lazy("Title"))
    message = SynchronisedLinksRichTextBlock(
        features=PROSE_FEATURES, label=gettext_lazy("Message")
    )

    graphql_fields = [
        GraphQLString("kind", required=True),
        GraphQLString("title", required=True),
        GraphQLRichText("message", required=True),
    ]

    class Meta:
        icon = "info-circle"
        label = gettext_lazy("Callout")
        description = gettext_lazy(
            "A highlighted box: background information, support or a caution."
        )
        preview_value = {
            "kind": "support",
            "title": "You are not alone",
            "message": "<p>Talking to a counsellor can help.</p>",
        }


@register_streamfield_block
class TreatmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=gettext_lazy("Title"))
    description = SynchronisedLinksRichTextBlock(
        features=PROSE_FEATURES, label=gettext_lazy("Description")
    )

    graphql_fields = [
        GraphQLString("title", required=True),
        GraphQLRichText("description", required=True),
    ]

    class Meta:
        icon = "pick"
        label = gettext_lazy("Treatment")
        description = gettext_lazy(
            "What can be done about this cause, to discuss with the clinic."
        )
        preview_value = {
            "title": "Options your clinic may discuss",
            "description": "<p>Medication can sometimes help.</p>",
        }


@register_streamfield_block
class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600, label=gettext_lazy("Text"))
    attribution = blocks.CharBlock(
        max_length=120, required=False, label=gettext_lazy("Attribution")
    )

    graphql_fields = [
        GraphQLString("text", required=True),
        GraphQLString("attribution"),
    ]

    class Meta:
        icon = "openquote"
        label = gettext_lazy("Quote")
        description = gettext_lazy("A short quotation, with who said it.")
        preview_value = {
            "text": "Knowing the possible reasons helped me ask better questions.",
            "attribution": "A member of our community",
        }


@register_streamfield_block
class ImageBlock(blocks.StructBlock):
    image = SynchronisedImageChooserBlock(label=gettext_lazy("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        label=gettext_lazy("Alternative text"),
        help_text=gettext_lazy("Describe the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(
        max_length=250, required=False, label=gettext_lazy("Caption")
    )

    graphql_fields = [
        GraphQLImage("image", required=True),
        GraphQLString("alt_text", required=True),
        GraphQLString("caption"),
    ]

    class Meta:
        icon = "image"
        label = gettext_lazy("Image")
        description = gettext_lazy(
            "An illustration with alternative text and an optional caption."
        )
        preview_value = {"alt_text": "Diagram of the uterus", "caption": ""}


@register_streamfield_block
class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label=gettext_lazy("Question"))
    answer = SynchronisedLinksRichTextBlock(
        features=PROSE_FEATURES, label=gettext_lazy("Answer")
    )

    graphql_fields = [
        GraphQLString("question", required=True),
        GraphQLRichText("answer", required=True),
    ]

    class Meta:
        icon = "help"
        label = gettext_lazy("Question and answer")
        description = gettext_lazy("A question patients often ask, with its answer.")
        preview_value = {
            "question": "Can this be treated?",
            "answer": "<p>Often it can; your clinic will explain.</p>",
        }


@register_streamfield_block
class PageLinkBlock(blocks.StructBlock):
    page = VisiblePageChooserBlock(label=gettext_lazy("Page"))
    link_text = blocks.CharBlock(
        max_length=120,
        required=False,
        label=gettext_lazy("Link text"),
        help_text=gettext_lazy("Link text; the page title is used when left empty."),
    )

    graphql_fields = [
        GraphQLPage("page"),
        GraphQLString("link_text"),
    ]

    class Meta:
        icon = "link"
        label = gettext_lazy("Page link")
        description = gettext_lazy("A prominent link to another page of the article.")
        preview_value = {"link_text": "Read about thin endometrium"}


DOI_VALIDATOR = RegexValidator(
    r"^10\.\d{4,9}/\S+$",
    gettext_lazy("Enter a DOI such as 10.1000/xyz123 (without https://doi.org/)."),
)
PUBMED_ID_VALIDATOR = RegexValidator(
    r"^[1-9]\d{0,8}$",
    gettext_lazy("Enter a PubMed ID: digits only, such as 31415926."),
)


class ReferenceStructValue(blocks.StructValue):
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self['doi']}" if self.get("doi") else None

    def pubmed_url(self) -> str | None:
        pmid = self.get("pubmed_id")
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else None


@register_streamfield_block
class ReferenceBlock(blocks.StructBlock):
    """A source the page relies on, listed and numbered under the article."""

    authors = blocks.CharBlock(
        max_length=300,
        label=gettext_lazy("Authors"),
        help_text=gettext_lazy("As cited, e.g. 'Example A, Sample B, et al.'"),
    )
    title = blocks.CharBlock(max_length=300, label=gettext_lazy("Title"))
    publisher = blocks.CharBlock(
        max_length=200, label=gettext_lazy("Journal or publisher"), required=False
    )
    year = blocks.IntegerBlock(
        min_value=1800, max_value=2100, required=False, label=gettext_lazy("Year")
    )
    doi = blocks.CharBlock(
        max_length=200, required=False, label="DOI", validators=[DOI_VALIDATOR]
    )
    pubmed_id = blocks.CharBlock(
        max_length=9,
        required=False,
        label=gettext_lazy("PubMed ID"),
        validators=[PUBMED_ID_VALIDATOR],
    )
    url = blocks.URLBlock(required=False, label="URL")

    graphql_fields = [
        GraphQLString("authors", required=True),
        GraphQLString("title", required=True),
        GraphQLString("publisher"),
        GraphQLInt("year"),
        GraphQLString("doi"),
        GraphQLString("pubmed_id"),
        GraphQLString("url"),
    ]

    class Meta:
        icon = "doc-full"
        value_class = ReferenceStructValue
        label = gettext_lazy("Reference")
        description = gettext_lazy(
            "A cited source: authors, title, journal, year, DOI or PubMed ID."
        )
        preview_value = {
            "authors": "Example A, Sample B",
            "title": "A study used as an example",
            "publisher": "Journal of Examples",
            "year": 2020,
            "doi": "10.1000/example.1",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("doi") and not value.get("pubmed_id"):
            raise StructBlockValidationError(
                block_errors={
                    "doi": ValidationError(gettext("Give a DOI, a PubMed ID or both.")),
                }
            )
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of every article page: prose plus structured, typed blocks."""

    paragraph = SynchronisedLinksRichTextBlock(
        features=PROSE_FEATURES,
        icon="pilcrow",
        label=gettext_lazy("Paragraph"),
        description=gettext_lazy(
            "Running text. Links to other pages stay in the reader's language."
        ),
        preview_value="<p>Many things have to go right for a pregnancy.</p>",
    )
    heading = HeadingBlock()
    bullet_list = BulletListBlock()
    callout = CalloutBlock()
    treatment = TreatmentBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    faq = FAQBlock()
    page_link = PageLinkBlock()
    reference = ReferenceBlock()

    class Meta:
        block_counts = {}
