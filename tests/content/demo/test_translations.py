"""The demo article machine-translated (content/demo/translations.py)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.fields import get_translatable_fields

from content.models import CauseIndexPage

pytestmark = pytest.mark.django_db


def text_by_place(page) -> dict[str, str]:
    """Every sentence-like string of a page's translatable fields, by where it
    sits (field, block ids, struct keys; list position for lists stored
    without item ids)."""
    found: dict[str, str] = {}

    def walk(value, place):
        if isinstance(value, str):
            # Single words read the same reversed (the dummy translator).
            if " " in value.strip():
                found[place] = value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict) and "id" in item and "value" in item:
                    walk(item["value"], f"{place}.{item['id']}")
                else:
                    walk(item, f"{place}.{index}")
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{place}.{key}")

    for translatable in get_translatable_fields(type(page)):
        if not translatable.is_translated(page):
            continue
        field = translatable.get_field(type(page))
        value = field.value_from_object(page)
        if hasattr(value, "raw_data"):
            value = list(value.raw_data)
        walk(value, field.name)
    return found


GERMAN_ARTICLE = """
{
  causeIndex(locale: "de") {
    slug isPartialTranslation
    body { id ... on BulletListBlock { items } }
    categories {
      slug isPartialTranslation
      causes { slug isPartialTranslation }
    }
  }
}
"""


def test_german_demo_serves_no_english_text_it_does_not_declare(graphql):
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    english_hub = CauseIndexPage.objects.get(locale__language_code="en")
    bullet_block = next(b for b in english_hub.body if b.block_type == "bullet_list")
    english_items = list(bullet_block.value["items"])
    assert len(english_items) > 5

    result = graphql(GERMAN_ARTICLE)
    assert not result.errors, result.errors
    hub = result.data["causeIndex"]
    (german_items,) = [b["items"] for b in hub["body"] if b["id"] == bullet_block.id]
    assert len(german_items) == len(english_items)
    assert not set(german_items) & set(english_items)
    assert german_items[0] == " ".join(reversed(english_items[0].split(" ")))

    served = [hub, *hub["categories"]] + [
        cause for category in hub["categories"] for cause in category["causes"]
    ]
    assert len(served) == 16
    assert {page["isPartialTranslation"] for page in served} == {False}
    for german in Page.objects.filter(locale__language_code="de", depth__gt=2):
        german = german.specific
        english = german.get_translation(english_hub.locale).specific
        source_text, served_text = text_by_place(english), text_by_place(german)
        assert len(source_text) > 3
        assert source_text.keys() == served_text.keys()
        english_left = [
            place for place, text in served_text.items() if source_text[place] == text
        ]
        assert english_left == [], german.slug
