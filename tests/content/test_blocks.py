import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from content.blocks import BodyBlock
from tests.factories import CauseIndexPageFactory

BODY = BodyBlock()


def clean(name, value):
    block = BODY.child_blocks[name]
    return block.clean(block.to_python(value))


@pytest.mark.parametrize("name", list(BODY.child_blocks))
def test_every_block_is_described_for_editors(name):
    block = BODY.child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.description
    assert block.get_preview_value() is not None


def test_paragraph_requires_text():
    with pytest.raises(ValidationError):
        clean("paragraph", "")
    assert clean("paragraph", "<p>Some text</p>").source == "<p>Some text</p>"


def test_heading_requires_text_and_a_known_level():
    assert clean("heading", {"text": "Why", "level": "h3"})["level"] == "h3"
    with pytest.raises(ValidationError):
        clean("heading", {"text": "", "level": "h2"})
    with pytest.raises(ValidationError):
        clean("heading", {"text": "Why", "level": "h1"})


def test_bullet_list_needs_at_least_one_item():
    assert list(clean("bullet_list", {"items": ["One"]})["items"]) == ["One"]
    with pytest.raises(ValidationError):
        clean("bullet_list", {"items": []})


def test_callout_kind_is_info_support_or_warning():
    for kind in ("info", "support", "warning"):
        value = clean("callout", {"kind": kind, "title": "T", "message": "<p>x</p>"})
        assert value["kind"] == kind
    with pytest.raises(ValidationError):
        clean("callout", {"kind": "danger", "title": "T", "message": "<p>x</p>"})


def test_treatment_needs_a_description():
    with pytest.raises(ValidationError):
        clean("treatment", {"title": "Medication", "description": ""})


def test_quote_needs_text_and_limits_its_length():
    with pytest.raises(ValidationError):
        clean("quote", {"text": "", "attribution": "Someone"})
    with pytest.raises(ValidationError):
        clean("quote", {"text": "x" * 601, "attribution": ""})


@pytest.mark.django_db
def test_image_needs_an_image_and_alt_text():
    image = Image.objects.create(title="Diagram", file=get_test_image_file())
    assert (
        clean("image", {"image": image.pk, "alt_text": "A diagram"})["image"] == image
    )
    with pytest.raises(ValidationError):
        clean("image", {"image": image.pk, "alt_text": "   "})
    with pytest.raises(ValidationError):
        clean("image", {"image": None, "alt_text": "A diagram"})


def test_faq_needs_question_and_answer():
    with pytest.raises(ValidationError):
        clean("faq", {"question": "", "answer": "<p>Yes</p>"})
    with pytest.raises(ValidationError):
        clean("faq", {"question": "Why?", "answer": ""})


@pytest.mark.django_db
def test_page_link_needs_a_page():
    hub = CauseIndexPageFactory(parent=Page.get_first_root_node())
    assert clean("page_link", {"page": hub.pk, "link_text": ""})["page"].pk == hub.pk
    with pytest.raises(ValidationError):
        clean("page_link", {"page": None, "link_text": "Read more"})


STRUCT_TYPES = [
    "HeadingBlock",
    "BulletListBlock",
    "CalloutBlock",
    "TreatmentBlock",
    "QuoteBlock",
    "ImageBlock",
    "FAQBlock",
    "PageLinkBlock",
    "ReferenceBlock",
]
CHILDREN = "blocks { field rawValue ... on PageChooserBlock { page { id } } }"
EVERY_BLOCK = (
    '{ cause(slug: "every-block") { body { blockType rawValue '
    + " ".join(f"... on {name} {{ {CHILDREN} }}" for name in STRUCT_TYPES)
    + " } } }"
)


@pytest.mark.django_db
def test_raw_value_of_every_block_is_a_string_and_json_when_structured(graphql):
    """``rawValue`` serves every block of the body library: text as it is
    stored, anything structured as the JSON it is stored as."""
    from tests.factories import CauseCategoryPageFactory, CausePageFactory

    hub = CauseIndexPageFactory(parent=Page.get_first_root_node())
    category = CauseCategoryPageFactory(parent=hub, slug="a-category")
    image = Image.objects.create(title="Diagram", file=get_test_image_file())
    rich = f'<p>See <a linktype="page" id="{category.pk}">the category</a>.</p>'
    values = {
        "paragraph": rich,
        "heading": {"text": "A heading", "level": "h3"},
        "bullet_list": {"items": ["First point", "Second point"]},
        "callout": {"kind": "support", "title": "A callout", "message": rich},
        "treatment": {"title": "A treatment", "description": "<p>Rest.</p>"},
        "quote": {"text": "Words of a reader.", "attribution": "A reader"},
        "image": {"image": image.pk, "alt_text": "A diagram", "caption": ""},
        "faq": {"question": "Why?", "answer": "<p>Because.</p>"},
        "page_link": {"page": category.pk, "link_text": "Read on"},
        "reference": {
            "authors": "Example A",
            "title": "A study",
            "publisher": "Journal of Examples",
            "year": 2020,
            "doi": "10.1000/example.1",
            "pubmed_id": "",
            "url": "",
        },
    }
    assert set(values) == set(BODY.child_blocks), "a block type is not covered"
    CausePageFactory(
        parent=category,
        slug="every-block",
        body=[{"type": name, "value": value} for name, value in values.items()],
    )

    result = graphql(EVERY_BLOCK)
    assert not result.errors, result.errors
    body = result.data["cause"]["body"]
    assert [block["blockType"] for block in body] == list(values)
    by_type = {block["blockType"]: block for block in body}
    assert by_type["paragraph"]["rawValue"] == rich
    for name, value in values.items():
        if name == "paragraph":
            continue
        raw = json.loads(by_type[name]["rawValue"])
        if name == "bullet_list":
            assert [item["value"] for item in raw["items"]] == value["items"]
        else:
            assert raw == value, name
        children = {child["field"]: child for child in by_type[name]["blocks"]}
        assert set(children) == set(value)
        for field, child in children.items():
            assert isinstance(child["rawValue"], str), (name, field)
    page_link = {c["field"]: c for c in by_type["page_link"]["blocks"]}
    assert page_link["page"]["rawValue"] == str(category.pk)
    assert page_link["page"]["page"] == {"id": str(category.pk)}
    image_block = {c["field"]: c for c in by_type["image"]["blocks"]}
    assert image_block["image"]["rawValue"] == str(image.pk)
    reference = {c["field"]: c for c in by_type["reference"]["blocks"]}
    assert reference["year"]["rawValue"] == "2020"
