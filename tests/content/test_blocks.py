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
