import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site
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
