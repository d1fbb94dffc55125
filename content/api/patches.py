"""Patches of grapple and graphene for the public API.

Applied once, from ``ContentConfig.ready()``: after grapple registered its
types (its app is ready first), before ``grapple.schema`` builds the schema.
Each names the release it was written against (requirements.txt) and the
targets it relies on (``content.patches``); tests/content/api/test_patches.py
checks them.
"""

from __future__ import annotations

import graphene
from django.utils.functional import cached_property
from grapple.registry import registry
from grapple.settings import grapple_settings
from grapple.types.pages import Page as GenericPageType
from grapple.types.redirects import RedirectObjectType
from grapple.types.rich_text import RichText as RichTextScalar
from grapple.types.sites import SiteObjectType
from grapple.types.streamfield import StreamFieldInterface
from grapple.types.structures import PositiveInt
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.fields import StreamField

from content.api import blocks as api_blocks
from content.api import interfaces, middleware, scalars
from content.patches import Patches, Target

GRAPPLE = "wagtail-grapple 0.31.0"
RESOLVER = ("self", "info", "kwargs")

patches = Patches()


@patches.patch(
    "block-names-as-block-types",
    GRAPPLE,
    [
        Target(
            "grapple.types.streamfield:StreamFieldInterface.resolve_block_type",
            parameters=RESOLVER,
        )
    ],
)
def use_block_names_as_block_types() -> None:
    """``blockType`` is the block's name in the body library, not grapple's
    Python class name (``content.api.blocks.resolve_block_type``)."""
    StreamFieldInterface.resolve_block_type = api_blocks.resolve_block_type


@patches.patch(
    "block-values-as-the-reader-sees-them",
    GRAPPLE,
    [
        Target(
            "grapple.types.streamfield:StreamFieldInterface.resolve_raw_value",
            parameters=RESOLVER,
        ),
        Target(
            "grapple.registry:registry.streamfield_blocks",
            keys=(blocks.PageChooserBlock,),
        ),
        Target(
            "registry.streamfield_blocks[PageChooserBlock].resolve_page",
            parameters=RESOLVER,
            find=lambda: (
                registry.streamfield_blocks[blocks.PageChooserBlock].resolve_page
            ),
        ),
    ],
)
def serve_block_values_as_the_reader_sees_them() -> None:
    """``rawValue`` is a string, and ``PageChooserBlock.page`` a page the
    reader may see (grapple hands graphql-core Python values and calls
    ``.specific`` on a withheld page); see ``content.api.blocks``."""
    StreamFieldInterface.resolve_raw_value = api_blocks.resolve_raw_value
    chooser_type().resolve_page = api_blocks.resolve_chosen_page


@patches.patch(
    "strict-positive-int",
    GRAPPLE,
    [
        Target(
            "grapple.types.structures:PositiveInt.parse_literal",
            parameters=("ast", "_variables"),
        ),
        Target(
            "grapple.types.structures:PositiveInt.parse_value", parameters=("value",)
        ),
    ],
)
def make_positive_int_strict() -> None:
    """``PositiveInt`` refuses negative and non-integer input with a clear
    error; grapple's turns a negative literal into null (the argument is
    silently ignored) and leaks a Python error text for others
    (``content.api.scalars``)."""
    PositiveInt.parse_literal = staticmethod(scalars._parse_literal)
    PositiveInt.parse_value = staticmethod(scalars._parse_value)


@patches.patch(
    "internal-page-fields-hidden",
    GRAPPLE,
    [
        Target(
            "grapple.types.pages:Page._meta.fields",
            keys=interfaces.INTERNAL_PAGE_FIELDS,
        ),
        Target("grapple.registry:registry.pages"),
    ],
)
def hide_internal_page_fields() -> None:
    """Remove draft and editorial fields from every page type of the schema:
    ``draftTitle`` would serve the title of an unpublished revision and
    ``aliasOf`` an unfiltered page (``content.api.interfaces``)."""
    for node in {GenericPageType, *registry.pages.values()}:
        for name in interfaces.INTERNAL_PAGE_FIELDS:
            node._meta.fields.pop(name, None)


@patches.patch(
    "non-content-types-hidden",
    GRAPPLE,
    [Target("grapple.registry:registry.django_models.clear")],
)
def hide_non_content_types() -> None:
    """Drop grapple's plain Django model types.

    Grapple registers every model of the apps in ``GRAPPLE["APPS"]``: page
    types and snippets, but also any other model of the app as a bare type,
    listed in the ``Search`` union. In this app those are the medical
    review's workflow task and the join rows behind a cause's related
    causes: editorial machinery, not content, and never returned by any
    field. Only pages, snippets and settings stay.
    """
    registry.django_models.clear()


@patches.patch(
    "redirect-targets-gated",
    GRAPPLE,
    [
        Target(
            "grapple.types.redirects:RedirectObjectType.resolve_new_url",
            parameters=RESOLVER,
        )
    ],
)
def gate_redirect_targets() -> None:
    """A redirect's ``newUrl`` is withheld while its target page is not
    public; grapple serves it whatever the page
    (``content.api.middleware.redirect_target_url``)."""
    RedirectObjectType.resolve_new_url = middleware.redirect_target_url


@patches.patch(
    "site-root-page-nullable",
    f"{GRAPPLE}, graphene 3.4.3",
    [
        Target("grapple.types.sites:SiteObjectType._meta.fields", keys=("root_page",)),
        Target(
            "SiteObjectType._meta.fields['root_page'].get_type",
            parameters=("schema",),
            find=lambda: SiteObjectType._meta.fields["root_page"].get_type,
        ),
        Target(
            "graphene:Field._type",
            find=lambda: graphene.Field(graphene.String)._type,
            lazy=True,
        ),
    ],
)
def let_site_root_pages_be_withheld() -> None:
    """Make ``Site.rootPage`` nullable.

    A site's root page is a home page: structure, never served by the public
    API (``content.visibility``). grapple declares the field non-null (the
    foreign key is), so withholding it was a server error for every query
    that asks for it; it is null instead, like any page the public may not
    see.
    """
    original = SiteObjectType._meta.fields["root_page"]

    def nullable() -> graphene.Field:
        field = original.get_type()
        if isinstance(field.type, graphene.NonNull):
            field._type = field.type.of_type
        return field

    SiteObjectType._meta.fields["root_page"] = graphene.Dynamic(nullable)


@patches.patch(
    "rich-text-without-a-template-render",
    f"{GRAPPLE}, wagtail 7.4",
    [
        Target("grapple.types.rich_text:RichText.serialize", parameters=("rich_text",)),
        Target("wagtail.rich_text:RichText.__html__", parameters=("self",)),
    ],
)
def serve_rich_text_without_a_template_render() -> None:
    """Rich text (model fields and ``RichTextBlock.value``) is the expanded
    HTML, as grapple serves it, without rendering Wagtail's rich-text
    template for every value: that template returns its input unchanged, so
    the render only costs time. Left as grapple has it when the template is
    another one (``content.api.scalars.serialize_rich_text``) or the format
    is not HTML."""
    if grapple_settings.RICHTEXT_FORMAT != "html":
        return
    if not scalars.rich_text_template_is_identity():
        return
    RichTextScalar.serialize = staticmethod(scalars.serialize_rich_text)


@patches.patch(
    "page-rows-without-a-relation-scan",
    "django-modelcluster 6.5",
    [
        Target(
            "modelcluster.models:ClusterableModel.__init__",
            parameters=("self", "args", "kwargs"),
        )
    ],
)
def build_page_rows_without_a_relation_scan() -> None:
    """A page loaded from the database is built without modelcluster
    listing every field of its model twice.

    ``ClusterableModel.__init__`` looks for child relations among its
    keyword arguments (an editor's form passes them), scanning the model's
    fields on every instance, including the pages of every query, which
    Django builds from positional column values only (``Model.from_db``).
    Without keyword arguments there is nothing to find: the constructor
    goes straight on to Django's, as modelcluster's would."""
    upstream = ClusterableModel.__init__

    def __init__(self, *args, **kwargs):
        if kwargs:
            upstream(self, *args, **kwargs)
        else:
            super(ClusterableModel, self).__init__(*args)

    __init__.__wrapped__ = upstream
    ClusterableModel.__init__ = __init__


@patches.patch(
    "stream-field-json-field-built-once",
    "wagtail 7.4",
    [
        Target("wagtail.fields:StreamField.json_field"),
        Target(
            "wagtail.fields:StreamField.from_db_value",
            parameters=("self", "value", "expression", "connection"),
        ),
    ],
)
def build_the_stream_field_json_field_once() -> None:
    """Each ``StreamField`` builds its ``JSONField`` helper once.

    Wagtail's ``StreamField.json_field`` is a property that constructs a new
    ``JSONField`` whenever it is read, and ``from_db_value`` reads it for
    every body loaded: one field construction per page of every query. The
    helper holds nothing but its encoder, so one per field serves them all.
    """
    json_field = cached_property(StreamField.json_field.fget)
    json_field.__set_name__(StreamField, "json_field")
    StreamField.json_field = json_field


def chooser_type() -> type:
    """Grapple's type for ``PageChooserBlock`` values."""
    return registry.streamfield_blocks[blocks.PageChooserBlock]


def apply() -> None:
    patches.apply()
