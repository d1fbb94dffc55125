"""Body blocks in the API (content/api/blocks.py): ``blockType`` and
``rawValue``, over HTTP."""

import json

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from content.blocks import BodyBlock
from tests.factories import CauseIndexPageFactory

BODY = BodyBlock()


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
