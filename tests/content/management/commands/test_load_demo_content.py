import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringTranslation

from content.demo import article
from content.models import CauseCategoryPage, CauseIndexPage, CausePage, SiteChrome

pytestmark = pytest.mark.django_db


def load(verbosity: int = 1) -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out, verbosity=verbosity)
    return out.getvalue()


def tree_snapshot() -> list[tuple]:
    return list(
        Page.objects.order_by("path").values_list(
            "path", "title", "live", "latest_revision_id"
        )
    )


def test_demo_creates_the_whole_article_published():
    output = load(verbosity=2)
    hub = CauseIndexPage.objects.get()
    categories = CauseCategoryPage.objects.child_of(hub).order_by("path")
    assert [c.slug for c in categories] == ["embryonic", "uterine", "systemic"]
    assert [c.get_children().count() for c in categories] == [2, 6, 4]
    assert CausePage.objects.count() == 12
    assert all(page.live for page in Page.objects.filter(depth__gt=1))
    home = Site.objects.get(is_default_site=True).root_page
    assert hub.get_parent().pk == home.pk and home.depth == 2
    assert home.title == "Home" and home.live
    chrome = SiteChrome.objects.get()
    assert chrome.live and chrome.contact_email.endswith("@example.org")
    assert "Created cause: Hydrosalpinx" in output
    assert "created 18 item(s)" in output  # the home page, 16 pages, the chrome


def test_default_output_is_one_line_per_step():
    lines = load().splitlines()
    assert lines == ["Demo article: created 18 item(s); 0 already existed."]
    again = io.StringIO()
    call_command("load_demo_content", translations="de", stdout=again)
    assert again.getvalue().splitlines() == [
        "The demo content is already loaded (18 items): nothing changed.",
        "Translated and published 17 item(s) into Deutsch with the dummy translator "
        "(reversed words, not a real translation); 0 already existed.",
    ]


def test_second_run_changes_nothing_and_says_so():
    load()
    before = tree_snapshot()
    output = load()
    assert tree_snapshot() == before
    assert SiteChrome.objects.count() == 1
    assert "nothing changed" in output


def test_a_second_run_brings_the_search_index_up_to_date():
    """A database indexed before the search fields changed (here: no entries
    at all) finds pages by their text again after `make run` reloads."""
    from wagtail.search.models import IndexEntry

    load()
    IndexEntry.objects.all().delete()
    assert not Page.objects.autocomplete("ultrasound").results()
    assert "nothing changed" in load()
    found = {page.specific.slug for page in Page.objects.autocomplete("ultrasound")}
    assert found and found <= {page.slug for page in CausePage.objects.all()}
    assert "hydrosalpinx" in found


def test_every_internal_reference_is_resolved():
    load()
    for page in Page.objects.type(CauseIndexPage, CauseCategoryPage, CausePage):
        page = page.specific
        assert "@slug:" not in json.dumps(list(page.body.raw_data))
    cause = CausePage.objects.get(slug="hydrosalpinx")
    expected = next(
        c["related"]
        for category in article.HUB["categories"]
        for c in category["causes"]
        if c["slug"] == "hydrosalpinx"
    )
    assert [r.target.slug for r in cause.related_causes.all()] == expected


def test_demo_covers_every_cause_of_the_brief():
    load()
    titles = " ".join(CausePage.objects.values_list("title", flat=True)).lower()
    for term in (
        "embryo development",
        "embryo quality",
        "thin endometrium",
        "microbiome",
        "polyps",
        "congenital",
        "hydrosalpinx",
        "natural killer",
        "thyroid",
        "autoimmune",
        "alloimmune",
        "endometriosis",
    ):
        assert term in titles


def test_translations_option_machine_translates_the_whole_article():
    out = io.StringIO()
    call_command("load_demo_content", translations="de", stdout=out)
    german = Page.objects.filter(locale__language_code="de")
    assert german.count() == 17  # the German home page and the 16 article pages
    assert all(page.live for page in german)
    hub = CauseIndexPage.objects.get(locale__language_code="de")
    assert hub.title == " ".join(reversed(article.HUB["title"].split(" ")))
    chrome = SiteChrome.objects.get(locale__language_code="de")
    assert chrome.live and chrome.contact_email == "hello@example.org"
    tools = set(
        StringTranslation.objects.filter(locale__language_code="de").values_list(
            "tool_name", "translation_type"
        )
    )
    assert tools == {("Dummy translator (machine output, not reviewed)", "machine")}
    assert "Translated and published 17 item(s)" in out.getvalue()

    again = io.StringIO()
    call_command("load_demo_content", translations="de", stdout=again)
    assert "nothing changed" in again.getvalue()
    assert Page.objects.filter(locale__language_code="de").count() == 17


@pytest.mark.parametrize("codes", ["xx", "en"])
def test_translations_option_rejects_unknown_or_source_language(codes):
    with pytest.raises(CommandError):
        call_command("load_demo_content", translations=codes, stdout=io.StringIO())
    assert not Page.objects.filter(locale__language_code="de").exists()


def test_each_language_has_its_own_home_page_slugs_and_urls(graphql):
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    english = CauseIndexPage.objects.get(locale__language_code="en")
    german = CauseIndexPage.objects.get(locale__language_code="de")
    # Same slug (no "-1"), each below its own language's home page.
    assert german.slug == english.slug == article.HUB["slug"]
    english_home, german_home = english.get_parent(), german.get_parent()
    assert english_home.depth == german_home.depth == 2
    assert german_home.locale.language_code == "de" and german_home.live
    assert german_home.translation_key == english_home.translation_key
    for model in (CauseCategoryPage, CausePage):
        for page in model.objects.filter(locale__language_code="de"):
            source = model.objects.get(
                translation_key=page.translation_key, locale__language_code="en"
            )
            assert page.slug == source.slug

    query = """query ($locale: String) {
      causeIndex(locale: $locale) { url urlPath categories { url urlPath } }
      cause(slug: "hydrosalpinx", locale: $locale) { url urlPath }
    }"""
    en = graphql(query, {"locale": "en"}).data
    de = graphql(query, {"locale": "de"}).data
    hub_path = f"/{article.HUB['slug']}/"
    assert en["causeIndex"]["url"] == hub_path
    assert de["causeIndex"]["url"] == f"/de{hub_path}"
    assert en["cause"]["url"] == f"{hub_path}uterine/hydrosalpinx/"
    assert de["cause"]["url"] == f"/de{hub_path}uterine/hydrosalpinx/"
    assert de["cause"]["urlPath"] != en["cause"]["urlPath"]
    assert de["cause"]["urlPath"].endswith(f"{hub_path}uterine/hydrosalpinx/")
    english_urls = {c["url"] for c in en["causeIndex"]["categories"]}
    german_urls = {c["url"] for c in de["causeIndex"]["categories"]}
    assert len(german_urls) == 3 and not english_urls & german_urls
    assert all(url.startswith("/de/") for url in german_urls)


def test_a_tree_without_home_pages_is_brought_into_shape():
    """A database loaded before home pages existed: the hubs were top pages
    and the German one had to take a suffixed slug."""
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    english = CauseIndexPage.objects.get(locale__language_code="en")
    german = CauseIndexPage.objects.get(locale__language_code="de")
    root = Page.get_first_root_node()
    english_home, german_home = english.get_parent(), german.get_parent()
    german.slug = f"{english.slug}-1"
    german.save(update_fields=["slug", "url_path"])
    english.move(root, pos="last-child")
    german.move(root, pos="last-child")
    site = Site.objects.get(is_default_site=True)
    site.root_page = english
    site.save()
    german_home.delete()
    english_home.delete()

    out = io.StringIO()
    call_command("load_demo_content", stdout=out, verbosity=2)
    english.refresh_from_db()
    german.refresh_from_db()
    assert english.depth == german.depth == 3
    assert german.slug == english.slug
    home = Site.objects.get(is_default_site=True).root_page
    assert english.get_parent().pk == home.pk
    assert german.get_parent().get_translation(home.locale).pk == home.pk
    assert german.url == f"/de/{english.slug}/"
    cause = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    assert cause.url_path.startswith(german.url_path)
    assert "Moved the article hub below Home." in out.getvalue()


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


IMAGE_QUERY = """
query ($locale: String) {
  cause(slug: "thin-endometrium", locale: $locale) {
    body {
      blockType
      ... on ImageBlock {
        altText caption
        image { id title width height rendition(width: 800) { url width height } }
      }
    }
  }
}
"""


def test_a_cause_shows_the_illustration_the_demo_draws(graphql):
    load()
    body = graphql(IMAGE_QUERY).data["cause"]["body"]
    images = [block for block in body if block["blockType"] == "image"]
    assert len(images) == 1
    block = images[0]
    assert block["altText"].startswith("Two simplified drawings of the uterus")
    assert (
        block["caption"]
        == "A typical lining (left) and a thin lining (right), simplified."
    )
    image = block["image"]
    assert (image["width"], image["height"]) == (1200, 700)
    assert image["title"].startswith("Illustration:")
    assert image["rendition"]["width"] == 800
    assert image["rendition"]["url"].endswith(".png")

    # A second run draws nothing new; a translation shares the image and
    # translates its words.
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    german = graphql(IMAGE_QUERY, {"locale": "de"}).data["cause"]["body"]
    german_image = next(b for b in german if b["blockType"] == "image")
    assert german_image["image"]["id"] == image["id"]
    assert german_image["altText"] == " ".join(reversed(block["altText"].split(" ")))
    assert get_image_model().objects.count() == 1
