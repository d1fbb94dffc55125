"""Translation state, same-language links and explicit fallback, over HTTP."""

import json
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from content.models import CauseCategoryPage, CausePage
from content.translation.coverage import HandMade
from content.translation.sources import Record, Source, source_locale_id
from content.translation.status import (
    IN_PROGRESS,
    IN_REVIEW,
    OUT_OF_DATE,
    SOURCE,
    TRANSLATED,
    UNTRANSLATED,
    Version,
    is_hand_made,
    is_stale,
    locale_status,
    translation_source,
)
from tests.content.api.test_loading import add_causes

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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


# The decision for one object in one language, without a database -----------

EN = Locale(pk=1, language_code="en")
DE = Locale(pk=2, language_code="de")
FR = Locale(pk=3, language_code="fr")
MAY = datetime(2026, 5, 1, tzinfo=UTC)
JUNE = datetime(2026, 6, 1, tzinfo=UTC)
JULY = datetime(2026, 7, 1, tzinfo=UTC)

ENGLISH = Version(pk=10, locale_id=EN.pk, last_published_at=MAY)
GERMAN = Version(pk=20, locale_id=DE.pk, last_published_at=JUNE)
SYNCED = Source(
    pk=1, key="k", locale_id=EN.pk, last_updated_at=MAY, digest_live="a",
    digest_synced="a", unextracted=(),
)  # fmt: skip
CHANGED = replace(SYNCED, digest_live="b")
RECORD = Record(
    pk=5, source_id=1, source_locale_id=EN.pk, key="k", locale_id=DE.pk,
    last_updated_at=JULY,
)  # fmt: skip


def german(version=GERMAN, **kwargs):
    arguments = {
        "source_locale_id": EN.pk,
        "public": True,
        "source": SYNCED,
        "source_version": ENGLISH,
        "record": RECORD,
        "segments": 4,
        "translated": 4,
    }
    return locale_status(DE, version, **{**arguments, **kwargs})


def test_the_source_language_is_the_source_complete_and_never_stale():
    status = locale_status(
        EN, ENGLISH, source_locale_id=EN.pk, public=True, source=CHANGED
    )
    assert (status.state, status.is_source, status.label) == ("source", True, "Source")
    assert status.has_live_translation and not status.is_stale
    assert status.percent_translated == 100.0
    assert (status.last_updated_at, status.instance_pk) == (MAY, ENGLISH.pk)
    assert status.locale_code == "en"
    missing = locale_status(EN, None, source_locale_id=EN.pk, public=True)
    assert missing.state == SOURCE and not missing.has_live_translation
    assert missing.last_updated_at is None and missing.instance_pk is None


def test_live_complete_and_in_step_is_translated():
    status = german()
    assert status.state == TRANSLATED and status.label == "Translated"
    assert status.has_live_translation and not status.is_stale
    assert status.percent_translated == 100.0
    assert (status.instance_pk, status.translation_pk) == (GERMAN.pk, RECORD.pk)
    # The later of the version's publication and the record's last update.
    assert status.last_updated_at == JULY
    assert german(record=None).last_updated_at == JUNE


def test_no_version_is_untranslated_whatever_the_counts():
    status = german(None)
    assert status.state == UNTRANSLATED and status.percent_translated == 0.0
    assert not status.has_live_translation and status.instance_pk is None
    assert status.last_updated_at == JULY  # its translation record's
    assert german(None, record=None, source=None).last_updated_at is None


def test_an_alias_of_another_language_counts_as_untranslated():
    alias = replace(GERMAN, is_alias=True)
    status = german(alias, source=CHANGED)
    assert status.state == UNTRANSLATED and status.percent_translated == 0.0
    assert not status.has_live_translation and not status.is_stale
    assert status.instance_pk is None and status.last_updated_at == JULY


def test_a_changed_source_makes_a_synced_translation_out_of_date():
    status = german(source=CHANGED)
    assert status.state == OUT_OF_DATE and status.is_stale
    # Stale wins over incomplete and unpublished.
    assert german(replace(GERMAN, live=False), source=CHANGED).state == OUT_OF_DATE
    assert german(source=CHANGED, translated=1).state == OUT_OF_DATE


def test_a_translation_no_longer_synced_is_never_out_of_date():
    stopped = replace(RECORD, enabled=False)
    assert german(source=CHANGED, record=stopped).state == TRANSLATED
    assert german(source=CHANGED, record=None).state == TRANSLATED


def test_without_digests_a_later_publication_of_the_source_is_a_change():
    undigested = replace(SYNCED, digest_live=None, digest_synced=None)
    republished = replace(ENGLISH, last_published_at=JUNE)
    assert german(source=undigested, source_version=republished).is_stale
    assert not german(source=undigested, source_version=ENGLISH).is_stale
    assert not german(source=undigested, source_version=None).is_stale
    unpublished = replace(ENGLISH, last_published_at=None)
    assert not german(source=undigested, source_version=unpublished).is_stale
    assert is_stale(replace(undigested, digest_live="a"), republished)
    # Digests, when both are known, decide alone.
    assert is_stale(CHANGED, None)
    assert not is_stale(SYNCED, republished)


def test_unpublished_or_hidden_versions_are_in_progress():
    draft = german(replace(GERMAN, live=False))
    assert draft.state == IN_PROGRESS and not draft.has_live_translation
    hidden = replace(GERMAN, is_public=False)
    assert german(hidden).state == IN_PROGRESS
    # The admin's view counts any live version.
    assert german(hidden, public=False).state == TRANSLATED


def test_a_version_waiting_for_the_medical_review_is_in_review():
    waiting = replace(GERMAN, in_review=True)
    # Complete or not, live or not: the translator's part waits for the reviewer.
    assert german(waiting, translated=1).state == IN_REVIEW
    assert german(waiting, translated=1).percent_translated == 25.0
    assert german(waiting).state == IN_REVIEW
    first = german(replace(waiting, live=False))
    assert first.state == IN_REVIEW and not first.has_live_translation
    assert first.label == "In review"
    # A changed source is still the first thing to see; an alias is no version.
    assert german(waiting, source=CHANGED).state == OUT_OF_DATE
    assert german(replace(waiting, is_alias=True)).state == UNTRANSLATED


def test_percent_counts_translated_segments_and_text_wagtail_localize_cannot_offer():
    assert german(translated=3).percent_translated == 75.0
    assert german(translated=3).state == IN_PROGRESS
    with_lists = replace(SYNCED, unextracted=("body.1.0", "body.1.1"))
    status = german(source=with_lists, segments=4, translated=4)
    assert status.percent_translated == 66.7 and status.state == IN_PROGRESS
    unknown = replace(SYNCED, unextracted=None)
    assert german(source=unknown).percent_translated == 100.0


def test_without_segments_a_version_is_complete():
    assert german(segments=0, translated=0).percent_translated == 100.0
    no_source = german(source=None, record=None, segments=9, translated=9)
    assert no_source.percent_translated == 100.0 and no_source.state == TRANSLATED


def test_a_hand_made_translation_is_judged_by_comparison_with_its_source():
    compared = HandMade(untranslated_paths=("title",), segments=4)
    status = german(record=None, compared=compared, segments=0)
    assert status.percent_translated == 75.0 and status.state == IN_PROGRESS
    complete = HandMade(untranslated_paths=(), segments=4)
    assert german(record=None, compared=complete).state == TRANSLATED
    # Nothing known of its segments: the counts decide.
    unknown = HandMade(untranslated_paths=(), segments=None)
    assert german(compared=unknown, translated=2).percent_translated == 50.0
    assert HandMade(("a", "b", "c"), segments=2).percent == 0.0
    assert HandMade((), segments=0).percent == 100.0


def test_which_versions_are_compared_by_hand():
    disabled = replace(RECORD, enabled=False)
    assert is_hand_made(GERMAN, ENGLISH, None)
    assert is_hand_made(GERMAN, ENGLISH, disabled)
    assert not is_hand_made(GERMAN, ENGLISH, RECORD)
    assert not is_hand_made(None, ENGLISH, None)
    assert not is_hand_made(GERMAN, None, None)
    assert not is_hand_made(ENGLISH, ENGLISH, None)
    assert not is_hand_made(replace(GERMAN, is_alias=True), ENGLISH, None)


def test_a_language_is_translated_from_the_source_with_a_record_for_it():
    german_source = Source(pk=2, key="k", locale_id=DE.pk)
    into_french = Record(
        pk=6, source_id=2, source_locale_id=DE.pk, key="k", locale_id=FR.pk
    )
    records = {(1, DE.pk): RECORD, (2, FR.pk): into_french}
    both = [german_source, SYNCED]
    assert translation_source(both, records, EN.pk, FR.pk) == german_source
    assert translation_source(both, records, EN.pk, DE.pk) == SYNCED
    # No record: the group's own source; none in that language: none.
    assert translation_source(both, {}, EN.pk, FR.pk) == SYNCED
    assert translation_source([german_source], {}, EN.pk, FR.pk) is None
    # Both have a record: the group's own source first.
    records[(2, DE.pk)] = replace(into_french, locale_id=DE.pk)
    records[(1, FR.pk)] = replace(RECORD, locale_id=FR.pk)
    assert translation_source(both, records, EN.pk, FR.pk) == SYNCED


def test_the_language_a_group_is_translated_from():
    german_source = Source(pk=2, key="k", locale_id=DE.pk)
    french_source = Source(pk=3, key="k", locale_id=FR.pk)
    versions = {EN.pk: 10, DE.pk: 20, FR.pk: 30}
    # Its source's, the default language's if it has several.
    assert source_locale_id(versions, [german_source], EN.pk) == DE.pk
    assert source_locale_id(versions, [french_source, SYNCED], EN.pk) == EN.pk
    # Else the oldest source's.
    assert source_locale_id(versions, [french_source, german_source], EN.pk) == DE.pk
    # A source whose version is gone does not count.
    assert source_locale_id({EN.pk: 10, FR.pk: 30}, [german_source], EN.pk) == EN.pk
    # No source: the default language if it has a version, else the oldest.
    assert source_locale_id({FR.pk: 30, DE.pk: 40}, [], EN.pk) == FR.pk
    assert source_locale_id({}, [], EN.pk) == EN.pk
