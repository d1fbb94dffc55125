import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site
from wagtail_localize.models import StringTranslation

from content.demo import article
from content.models import CauseCategoryPage, CauseIndexPage, CausePage, SiteChrome

pytestmark = pytest.mark.django_db


def load() -> str:
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def tree_snapshot() -> list[tuple]:
    return list(
        Page.objects.order_by("path").values_list(
            "path", "title", "live", "latest_revision_id"
        )
    )


def test_demo_creates_the_whole_article_published():
    output = load()
    hub = CauseIndexPage.objects.get()
    categories = CauseCategoryPage.objects.child_of(hub).order_by("path")
    assert [c.slug for c in categories] == ["embryonic", "uterine", "systemic"]
    assert [c.get_children().count() for c in categories] == [2, 6, 4]
    assert CausePage.objects.count() == 12
    assert all(page.live for page in Page.objects.filter(depth__gt=1))
    assert Site.objects.get(is_default_site=True).root_page_id == hub.pk
    chrome = SiteChrome.objects.get()
    assert chrome.live and chrome.contact_email.endswith("@example.org")
    assert "Created cause: Hydrosalpinx" in output
    assert "Created 17 item(s)" in output


def test_second_run_changes_nothing_and_says_so():
    load()
    before = tree_snapshot()
    output = load()
    assert tree_snapshot() == before
    assert SiteChrome.objects.count() == 1
    assert "nothing changed" in output


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
    assert german.count() == 16
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
    assert Page.objects.filter(locale__language_code="de").count() == 16


@pytest.mark.parametrize("codes", ["xx", "en"])
def test_translations_option_rejects_unknown_or_source_language(codes):
    with pytest.raises(CommandError):
        call_command("load_demo_content", translations=codes, stdout=io.StringIO())
    assert not Page.objects.filter(locale__language_code="de").exists()
