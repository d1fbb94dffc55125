"""Translation state, same-language links and explicit fallback, over HTTP."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from content.models import CauseCategoryPage, CausePage
from tests.content.api.test_loading import add_causes

pytestmark = pytest.mark.django_db

NESTED = """
query Nested($locale: String, $fallback: Boolean) {
  causeIndex(locale: $locale, fallback: $fallback) {
    locale servedLocale isFallback
    body {
      ... on PageLinkBlock { page { slug locale servedLocale isFallback } }
      ... on RichTextBlock { value }
    }
    categories {
      slug servedLocale isFallback
      index { servedLocale }
      causes {
        slug servedLocale isFallback
        category { slug servedLocale }
        relatedCauses { slug servedLocale isFallback }
        body { ... on PageLinkBlock { page { slug servedLocale isFallback } } }
      }
    }
  }
}
"""


def german_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


def served_pages(data):
    """Every page object of a NESTED response, at any depth."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "servedLocale" in value:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def test_nested_lists_and_links_stay_in_the_requested_locale(
    machine_translated_article, graphql
):
    result = graphql(NESTED, {"locale": "de"})
    assert not result.errors
    pages = served_pages(result.data)
    assert len(pages) > 50
    assert {page["servedLocale"] for page in pages} == {"de"}
    assert not any(page.get("isFallback") for page in pages)
    causes = [
        cause
        for category in result.data["causeIndex"]["categories"]
        for cause in category["causes"]
    ]
    assert len(causes) == 12
    assert all(cause["relatedCauses"] for cause in causes)


def test_related_causes_pointing_at_english_pages_are_shown_in_german(
    machine_translated_article, graphql
):
    # wagtail-localize copies the relation as it is in the source: here it
    # targets the English pages. The API serves their German translations.
    german_cause = german_page(CausePage, "hydrosalpinx")
    targets = [rel.target for rel in german_cause.related_causes.all()]
    assert {target.locale.language_code for target in targets} == {"en"}

    result = graphql(
        '{ cause(slug: "hydrosalpinx", locale: "de") '
        "{ relatedCauses { slug servedLocale } } }"
    )
    related = result.data["cause"]["relatedCauses"]
    assert [r["slug"] for r in related] == [t.slug for t in targets]
    assert {r["servedLocale"] for r in related} == {"de"}


def test_link_to_an_untranslated_page_is_dropped_without_fallback(
    machine_translated_article, graphql
):
    german_page(CauseCategoryPage, "uterine").unpublish()

    result = graphql(NESTED, {"locale": "de"})
    hub = result.data["causeIndex"]
    assert [c["slug"] for c in hub["categories"]] == ["embryonic", "systemic"]
    links = [b["page"] for b in hub["body"] if "page" in b]
    assert None in links
    assert {link["servedLocale"] for link in links if link} == {"de"}
    paragraph = next(
        b["value"]
        for b in hub["body"]
        if "uterus the to linked causes" in b.get("value", "")
    )
    assert "<a>causes linked to the uterus" not in paragraph
    assert "<a>uterus the to linked causes</a>" in paragraph
    assert "hreflang" not in paragraph


def test_raw_values_name_the_pages_the_typed_fields_serve(
    machine_translated_article, graphql
):
    german_page(CauseCategoryPage, "uterine").unpublish()

    result = graphql(
        '{ causeIndex(locale: "de") { body { rawValue '
        "... on PageLinkBlock { page { id } } "
        "... on RichTextBlock { value } } } }"
    )
    assert not result.errors, result.errors
    body = result.data["causeIndex"]["body"]
    links = [block for block in body if "page" in block]
    assert None in [link["page"] for link in links]
    for link in links:
        served = link["page"] and int(link["page"]["id"])
        assert json.loads(link["rawValue"])["page"] == served
    live_german = {
        str(pk)
        for pk in Page.objects.live()
        .filter(locale__language_code="de")
        .values_list("pk", flat=True)
    }
    for block in body:
        if "value" in block:
            ids = re.findall(r'linktype="page" id="(\d+)"', block["rawValue"])
            assert set(ids) <= live_german
            assert block["rawValue"].count("<a") == block["value"].count("<a")
    paragraph = next(b for b in body if "uterus the to linked" in b.get("value", ""))
    assert "<a>uterus the to linked causes</a>" in paragraph["rawValue"]


def test_pages_of_another_language_keep_their_category(demo_article, german, graphql):
    """An English cause reached from a German field (``translations``) shows
    the category it is in: the German one where there is one, its own
    otherwise. ``category`` is non-null, so it is never an error."""
    hub = demo_article.copy_for_translation(german, copy_parents=True)
    hub.save_revision().publish()
    embryonic = CauseCategoryPage.objects.get(slug="embryonic")
    embryonic.copy_for_translation(german).save_revision().publish()

    causes = (
        "descendants(limit: 20) { ... on CausePage { slug category { slug locale } } }"
    )
    result = graphql(
        f'{{ causeIndex(locale: "de") {{ translations {{ {causes} }} }} }}'
    )
    assert not result.errors, result.errors
    (english,) = result.data["causeIndex"]["translations"]
    found = [page for page in english["descendants"] if page]
    assert len(found) == 12
    for cause in found:
        expected = "de" if cause["category"]["slug"] == "embryonic" else "en"
        assert cause["category"]["locale"] == expected, cause
    assert {c["category"]["slug"] for c in found} == {
        "embryonic",
        "uterine",
        "systemic",
    }
    result = graphql(
        '{ pages(locale: "de", contentType: "content.CauseIndexPage", limit: 1) '
        f"{{ translations {{ {causes} }} }} }}"
    )
    assert not result.errors, result.errors
    (translated,) = result.data["pages"]
    (english,) = translated["translations"]
    assert [page for page in english["descendants"] if page] == found


def test_fallback_serves_the_source_page_and_says_so(
    machine_translated_article, graphql
):
    german_page(CauseCategoryPage, "uterine").unpublish()

    result = graphql(NESTED, {"locale": "de", "fallback": True})
    assert not result.errors
    hub = result.data["causeIndex"]
    assert [c["slug"] for c in hub["categories"]] == [
        "embryonic",
        "uterine",
        "systemic",
    ]
    uterine = hub["categories"][1]
    assert uterine["servedLocale"] == "en" and uterine["isFallback"] is True
    # Its German causes are withdrawn with it: they fall back to English too.
    assert {c["servedLocale"] for c in uterine["causes"]} == {"en"}
    assert {c["isFallback"] for c in uterine["causes"]} == {True}
    assert {c["category"]["servedLocale"] for c in uterine["causes"]} == {"en"}
    link = next(
        b["page"]
        for b in hub["body"]
        if b.get("page", {}) and b["page"]["slug"] == "uterine"
    )
    assert link == {
        "slug": "uterine",
        "locale": "en",
        "servedLocale": "en",
        "isFallback": True,
    }
    paragraph = next(
        b["value"]
        for b in hub["body"]
        if "uterus the to linked causes" in b.get("value", "")
    )
    assert 'hreflang="en">uterus the to linked causes</a>' in paragraph
    for page in served_pages(result.data):
        if "isFallback" in page:
            assert page["isFallback"] is (page["servedLocale"] != "de")


@pytest.mark.parametrize(
    "query",
    [
        '{ cause(slug: "hydrosalpinx", locale: "fr"%s) { %f } }',
        '{ causeCategory(slug: "uterine", locale: "fr"%s) { %f } }',
        '{ causeIndex(locale: "fr"%s) { %f } }',
    ],
)
def test_missing_translation_is_null_unless_fallback_is_asked_for(
    demo_article, graphql, query
):
    query = query.replace("%f", "slug servedLocale isFallback")
    without = graphql(query.replace("%s", ""))
    assert not without.errors
    assert list(without.data.values()) == [None]

    with_fallback = graphql(query.replace("%s", ", fallback: true"))
    assert not with_fallback.errors
    (page,) = with_fallback.data.values()
    assert page["servedLocale"] == "en" and page["isFallback"] is True


def test_lists_with_fallback_mark_every_page_in_another_language(
    machine_translated_article, graphql
):
    german_page(CausePage, "hydrosalpinx").unpublish()
    german_page(CausePage, "endometriosis").delete()

    without = graphql('{ causes(locale: "de") { slug servedLocale isFallback } }')
    assert len(without.data["causes"]) == 10
    assert {c["servedLocale"] for c in without.data["causes"]} == {"de"}

    result = graphql(
        '{ causes(locale: "de", fallback: true) { slug servedLocale isFallback } '
        'uterine: causes(locale: "de", category: "uterine", fallback: true) '
        "{ slug isFallback } "
        'french: causes(locale: "fr", fallback: true, limit: 3) '
        "{ servedLocale isFallback } "
        'causeCategories(locale: "fr", fallback: true) { slug isFallback } }'
    )
    assert not result.errors
    causes = result.data["causes"]
    assert len(causes) == 12
    fallbacks = {c["slug"] for c in causes if c["isFallback"]}
    assert fallbacks == {"hydrosalpinx", "endometriosis"}
    assert {c["servedLocale"] for c in causes if c["isFallback"]} == {"en"}
    assert {c["slug"]: c["isFallback"] for c in result.data["uterine"]}[
        "hydrosalpinx"
    ] is True
    assert result.data["french"] == [{"servedLocale": "en", "isFallback": True}] * 3
    assert [c["isFallback"] for c in result.data["causeCategories"]] == [True] * 3


def test_translation_status_per_language(machine_translated_article, graphql):
    result = graphql(
        '{ cause(slug: "hydrosalpinx") { translationStatus { locale state isSource '
        "hasLiveTranslation isStale percentTranslated lastUpdatedAt } } }"
    )
    statuses = {s["locale"]: s for s in result.data["cause"]["translationStatus"]}
    assert list(statuses) == ["en", "de", "fr", "es", "it"]
    assert statuses["en"]["state"] == "SOURCE" and statuses["en"]["isSource"]
    assert statuses["de"]["state"] == "TRANSLATED"
    assert statuses["de"]["hasLiveTranslation"] is True
    assert statuses["de"]["percentTranslated"] == 100.0
    assert statuses["de"]["lastUpdatedAt"]
    assert statuses["fr"] == {
        "locale": "fr",
        "state": "UNTRANSLATED",
        "isSource": False,
        "hasLiveTranslation": False,
        "isStale": False,
        "percentTranslated": 0.0,
        "lastUpdatedAt": None,
    }


def test_translation_status_counts_translated_segments(
    machine_translated_article, graphql
):
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    source = TranslationSource.objects.get(object_id=english.translation_key)
    segments = StringSegment.objects.filter(source=source).order_by("order")
    total = segments.count()
    for segment in segments[:3]:
        StringTranslation.objects.get(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale__language_code="de",
        ).delete()

    result = graphql(
        '{ cause(slug: "hydrosalpinx", locale: "de") '
        "{ translationStatus { locale state percentTranslated } } }"
    )
    german = next(
        s for s in result.data["cause"]["translationStatus"] if s["locale"] == "de"
    )
    expected = round(100 * (total - 3) / total, 1)
    assert german == {
        "locale": "de",
        "state": "IN_PROGRESS",
        "percentTranslated": expected,
    }


def test_source_edit_makes_the_translation_stale_until_synced(
    machine_translated_article, graphql
):
    query = (
        '{ cause(slug: "hydrosalpinx", locale: "de") '
        "{ translationStatus { locale state isStale } } }"
    )

    def german_status():
        statuses = graphql(query).data["cause"]["translationStatus"]
        return next(s for s in statuses if s["locale"] == "de")

    assert german_status() == {"locale": "de", "state": "TRANSLATED", "isStale": False}
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    english.summary = "A blocked tube filled with fluid, explained for tests."
    english.save_revision().publish()
    assert german_status() == {"locale": "de", "state": "OUT_OF_DATE", "isStale": True}

    TranslationSource.objects.get(object_id=english.translation_key).update_from_db()
    # Synced: no longer stale, but the changed summary awaits its translator.
    assert german_status() == {"locale": "de", "state": "IN_PROGRESS", "isStale": False}


def test_translation_report_lists_public_objects_with_their_state(
    machine_translated_article, graphql
):
    german_page(CausePage, "hydrosalpinx").unpublish()
    draft = CausePage.objects.get(slug="endometriosis", locale__language_code="en")
    draft.unpublish()

    result = graphql(
        '{ translationReport(locale: "de") { locale total translated inProgress '
        "outOfDate untranslated percentTranslated "
        "items { kind typeName title slug sourceLocale status { state } } } }"
    )
    assert not result.errors
    report = result.data["translationReport"]
    assert report["locale"] == "de"
    # 15 article pages (one English draft hidden) and the chrome; home pages
    # are structure, not content.
    assert report["total"] == 16
    assert report["inProgress"] == 1
    assert report["translated"] == 15
    assert report["untranslated"] == report["outOfDate"] == 0
    assert report["percentTranslated"] == round(100 * 15 / 16, 1)
    slugs = [item["slug"] for item in report["items"]]
    assert "endometriosis" not in slugs
    kinds = {item["kind"] for item in report["items"]}
    assert kinds == {"page", "setting"}
    chrome = next(i for i in report["items"] if i["kind"] == "setting")
    assert chrome["typeName"] == "SiteChrome" and chrome["slug"] is None
    hydrosalpinx = next(i for i in report["items"] if i["slug"] == "hydrosalpinx")
    assert hydrosalpinx["status"]["state"] == "IN_PROGRESS"

    french = graphql('{ translationReport(locale: "fr") { untranslated total } }')
    assert french.data["translationReport"]["untranslated"] == 16


def test_translation_report_needs_a_known_locale(demo_article, graphql):
    result = graphql('{ translationReport(locale: "xx") { total } }')
    assert result.errors[0]["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert "Known locales: en, de, fr, es, it." in result.errors[0]["message"]


STATUS_OF_EVERY_PAGE = """
{
  causeIndex(locale: "de", fallback: true) {
    translationStatus { locale state percentTranslated }
    categories {
      translationStatus { locale state }
      causes { translationStatus { locale state isStale } relatedCauses { slug } }
    }
  }
}
"""


def test_translation_status_costs_the_same_queries_for_any_number_of_pages(
    machine_translated_article, graphql, settings
):
    # Measure the resolvers, not the response cache.
    settings.GRAPHQL_CACHE_SECONDS = 0

    def count():
        graphql(STATUS_OF_EVERY_PAGE)
        with CaptureQueriesContext(connection) as captured:
            result = graphql(STATUS_OF_EVERY_PAGE)
        assert not result.errors, result.errors
        causes = [
            c for cat in result.data["causeIndex"]["categories"] for c in cat["causes"]
        ]
        return len(captured), len(causes)

    # English-only causes are served as fallbacks, in both counts.
    add_causes(24)
    queries_36, causes = count()
    assert causes == 36
    add_causes(24)
    queries_60, causes = count()
    assert causes == 60
    assert queries_60 == queries_36
    assert queries_36 <= 25
