"""What a translated page says about its own text, content-based staleness and
a report over every source language, over HTTP."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from content.demo.translations import machine_translate
from content.models import CauseCategoryPage, CauseIndexPage, CausePage, SiteChrome
from content.translation.state.models import SourceDigest, TranslatedRevision
from tests.content.api.test_loading import add_causes
from tests.factories import CausePageFactory, SiteChromeFactory

pytestmark = pytest.mark.django_db

CAUSE = """
query Cause($slug: String!, $locale: String, $fallback: Boolean) {
  cause(slug: $slug, locale: $locale, fallback: $fallback) {
    locale servedLocale isFallback sourceLocale
    untranslatedSegments isPartialTranslation
    untranslatedParts { field blockId segments }
    title summary
    body { id }
    translationStatus { locale state isStale percentTranslated }
  }
}
"""


def in_language(model, slug, code):
    return model.objects.get(slug=slug, locale__language_code=code)


def source_of(instance) -> TranslationSource:
    return TranslationSource.objects.get(
        object_id=instance.translation_key, locale_id=instance.locale_id
    )


def translation_of(instance, code="de") -> Translation:
    return Translation.objects.get(
        source=source_of(instance), target_locale__language_code=code
    )


def german_strings(instance, paths):
    return StringTranslation.objects.filter(
        locale__language_code="de",
        context__object_id=instance.translation_key,
        context__path__in=paths,
    )


def publish_translation(translation, capture):
    """What the editor's Publish button does."""
    with capture(execute=True):
        translation.save_target(publish=True)


def status_in(data, code):
    return next(s for s in data["translationStatus"] if s["locale"] == code)


def cause(graphql, slug="hydrosalpinx", **variables):
    result = graphql(CAUSE, {"slug": slug, **variables})
    assert not result.errors, result.errors
    return result.data["cause"]


# Partly translated pages ----------------------------------------------------


def test_live_translation_with_english_text_says_so_and_where(
    machine_translated_article, graphql, django_capture_on_commit_callbacks
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    segments = StringSegment.objects.filter(source=source_of(english)).order_by("order")
    first_block = next(
        s.context.path for s in segments if s.context.path.startswith("body.")
    )
    block_id = first_block.split(".")[1]
    dropped = ["summary", first_block]
    assert german_strings(english, dropped).delete()[0] == 2
    publish_translation(translation_of(english), django_capture_on_commit_callbacks)

    german = cause(graphql, locale="de")
    # The page is the German translation, live, yet part of it is English.
    assert german["servedLocale"] == "de" and german["isFallback"] is False
    assert german["summary"] == english.summary
    assert german["sourceLocale"] == "en"
    assert german["untranslatedSegments"] == 2
    assert german["isPartialTranslation"] is True
    assert sorted(german["untranslatedParts"], key=lambda p: p["field"]) == [
        {"field": "body", "blockId": block_id, "segments": 1},
        {"field": "summary", "blockId": None, "segments": 1},
    ]
    assert block_id in [block["id"] for block in german["body"]]

    source = cause(graphql, locale="en")
    assert source["sourceLocale"] == "en"
    assert source["untranslatedSegments"] == 0
    assert source["isPartialTranslation"] is False
    assert source["untranslatedParts"] == []


def test_partial_flag_describes_the_version_served_not_the_work_in_progress(
    machine_translated_article, graphql, django_capture_on_commit_callbacks
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    translation = translation_of(english)
    kept = {
        (s.translation_of_id, s.context_id): s.data
        for s in german_strings(english, ["summary"])
    }
    german_strings(english, ["summary"]).delete()
    publish_translation(translation, django_capture_on_commit_callbacks)
    assert cause(graphql, locale="de")["untranslatedSegments"] == 1

    # A translator translates the summary in the editor but does not publish.
    german_locale = Locale.objects.get(language_code="de")
    for (string_id, context_id), data in kept.items():
        StringTranslation.objects.create(
            translation_of_id=string_id,
            context_id=context_id,
            locale=german_locale,
            data=data,
        )
    german = cause(graphql, locale="de")
    assert status_in(german, "de")["percentTranslated"] == 100.0
    # ...so the live page still shows the English summary, and says so.
    assert german["summary"] == english.summary
    assert german["untranslatedSegments"] == 1

    publish_translation(translation, django_capture_on_commit_callbacks)
    german = cause(graphql, locale="de")
    assert german["summary"] != english.summary
    assert german["untranslatedSegments"] == 0
    assert german["isPartialTranslation"] is False


def test_a_saved_draft_translation_is_described_once_published(
    machine_translated_article, graphql, django_capture_on_commit_callbacks
):
    # A draft of a live translation waits in a revision: readers, and the
    # description of what they read, change only when it is published.
    english = in_language(CausePage, "hydrosalpinx", "en")
    german_strings(english, ["summary"]).delete()
    translation_of(english).save_target(publish=False)

    german = cause(graphql, locale="de")
    assert german["summary"] != english.summary
    assert german["untranslatedSegments"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        in_language(CausePage, "hydrosalpinx", "de").get_latest_revision().publish()
    german = cause(graphql, locale="de")
    assert german["summary"] == english.summary
    assert german["untranslatedSegments"] == 1
    assert german["isPartialTranslation"] is True
    assert german["untranslatedParts"] != []


def test_translation_saved_before_records_counts_current_strings(
    machine_translated_article, graphql
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    german_page = in_language(CausePage, "hydrosalpinx", "de")
    TranslatedRevision.objects.filter(
        revision_id__in=[german_page.live_revision_id, german_page.latest_revision_id]
    ).delete()
    assert cause(graphql, locale="de")["untranslatedSegments"] == 0
    german_strings(english, ["summary"]).delete()
    german = cause(graphql, locale="de")
    assert german["untranslatedSegments"] == 1
    assert german["untranslatedParts"] == [
        {"field": "summary", "blockId": None, "segments": 1}
    ]


def test_whole_page_fallback_is_not_a_partial_translation(
    machine_translated_article, graphql
):
    french = cause(graphql, locale="fr", fallback=True)
    assert french["isFallback"] is True and french["servedLocale"] == "en"
    assert french["sourceLocale"] == "en"
    assert french["untranslatedSegments"] == 0
    assert french["isPartialTranslation"] is False

    result = graphql(
        '{ causeIndex(locale: "de") { sourceLocale isPartialTranslation '
        "categories { sourceLocale isPartialTranslation "
        "causes { sourceLocale untranslatedSegments isPartialTranslation } } } }"
    )
    assert not result.errors
    hub = result.data["causeIndex"]
    pages = [hub, *hub["categories"]] + [
        c for category in hub["categories"] for c in category["causes"]
    ]
    assert len(pages) == 16
    assert {page["sourceLocale"] for page in pages} == {"en"}
    assert {page["isPartialTranslation"] for page in pages} == {False}


COVERAGE_OF_EVERY_PAGE = """
{
  causeIndex(locale: "de", fallback: true) {
    sourceLocale untranslatedSegments
    categories {
      isPartialTranslation untranslatedParts { field blockId segments }
      causes {
        sourceLocale isFallback untranslatedSegments isPartialTranslation
        untranslatedParts { field segments }
        relatedCauses { isPartialTranslation }
      }
    }
  }
}
"""


def test_coverage_costs_the_same_queries_for_any_number_of_pages(
    machine_translated_article, graphql, django_capture_on_commit_callbacks, settings
):
    # Measure the resolvers, not the response cache.
    settings.GRAPHQL_CACHE_SECONDS = 0
    partial = in_language(CausePage, "hydrosalpinx", "en")
    german_strings(partial, ["summary"]).delete()
    publish_translation(translation_of(partial), django_capture_on_commit_callbacks)
    unrecorded = in_language(CausePage, "endometriosis", "de")
    TranslatedRevision.objects.filter(revision_id=unrecorded.live_revision_id).delete()

    def count():
        graphql(COVERAGE_OF_EVERY_PAGE)
        with CaptureQueriesContext(connection) as captured:
            result = graphql(COVERAGE_OF_EVERY_PAGE)
        assert not result.errors, result.errors
        causes = [
            c for cat in result.data["causeIndex"]["categories"] for c in cat["causes"]
        ]
        partly = [c for c in causes if c["isPartialTranslation"]]
        assert [c["untranslatedParts"] for c in partly] == [
            [{"field": "summary", "segments": 1}]
        ]
        return len(captured), len(causes)

    add_causes(24)
    queries_36, causes = count()
    assert causes == 36
    add_causes(24)
    queries_60, causes = count()
    assert causes == 60
    assert queries_60 == queries_36
    assert 0 < queries_36 <= 30


# Staleness is about content -------------------------------------------------


def german_state(graphql, slug="hydrosalpinx"):
    result = graphql(
        "query S($slug: String!) "
        "{ cause(slug: $slug) { translationStatus { locale state isStale } } }",
        {"slug": slug},
    )
    assert not result.errors, result.errors
    status = status_in(result.data["cause"], "de")
    return status["state"], status["isStale"]


def report_out_of_date(graphql):
    result = graphql(
        '{ translationReport(locale: "de") { outOfDate items { title status '
        "{ state } } } }"
    )
    assert not result.errors
    return result.data["translationReport"]


def test_republishing_unchanged_sources_leaves_translations_current(
    machine_translated_article, graphql
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    hub = CauseIndexPage.objects.get(locale__language_code="en")
    chrome = SiteChrome.objects.get(locale__language_code="en")
    for instance in (english, hub, chrome):
        instance.save_revision().publish()

    english.refresh_from_db()
    assert english.last_published_at > source_of(english).last_updated_at
    assert german_state(graphql) == ("TRANSLATED", False)
    assert report_out_of_date(graphql)["outOfDate"] == 0


def test_changing_a_sentence_makes_the_translation_stale_until_synced(
    machine_translated_article, graphql
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    body = list(english.body.raw_data)
    index, block = next((i, b) for i, b in enumerate(body) if b["type"] == "paragraph")
    original = block["value"]
    changed = original.replace("</p>", " A sentence added for this test.</p>", 1)
    assert changed != original

    def set_paragraph(html):
        page = in_language(CausePage, "hydrosalpinx", "en")
        page.body.raw_data[index] = {**block, "value": html}
        page.save_revision().publish()

    set_paragraph(changed)
    assert german_state(graphql) == ("OUT_OF_DATE", True)
    assert report_out_of_date(graphql)["outOfDate"] == 1

    # Put back as it was: the translation matches its source again.
    set_paragraph(original)
    assert german_state(graphql) == ("TRANSLATED", False)

    set_paragraph(changed)
    source = source_of(english)
    before = {
        (t.translation_of.data, t.context.path): t.data
        for t in StringTranslation.objects.filter(
            locale__language_code="de", context__object_id=english.translation_key
        ).select_related("translation_of", "context")
    }
    source.update_from_db()
    assert german_state(graphql) == ("IN_PROGRESS", False)

    after = {
        (t.translation_of.data, t.context.path): t.data
        for t in StringTranslation.objects.filter(
            locale__language_code="de", context__object_id=english.translation_key
        ).select_related("translation_of", "context")
    }
    current = {
        (s.string.data, s.context.path)
        for s in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }
    missing = current - after.keys()
    assert [text for text, _path in missing] == [
        next(text for text, path in current if "added for this test" in text)
    ]
    # Every segment whose source text did not change keeps its translation.
    assert len(current & after.keys()) > 5
    assert {k: after[k] for k in current & after.keys()} == {
        k: before[k] for k in current & before.keys()
    }


def test_a_synchronised_value_change_is_a_change(machine_translated_article, graphql):
    english = in_language(CausePage, "hydrosalpinx", "en")
    related = list(english.related_causes.all())
    assert related
    english.related_causes.remove(related[0])
    english.save_revision().publish()
    assert german_state(graphql) == ("OUT_OF_DATE", True)

    source_of(english).update_from_db()
    assert german_state(graphql) == ("TRANSLATED", False)


# The report lists every source language --------------------------------------

REPORT = """
query Report($locale: String!) {
  translationReport(locale: $locale) {
    total translated untranslated
    items { kind typeName title slug sourceLocale status { locale state } }
  }
}
"""


def report(graphql, code):
    result = graphql(REPORT, {"locale": code})
    assert not result.errors, result.errors
    return result.data["translationReport"]


def test_report_lists_objects_written_in_other_languages(
    machine_translated_article, graphql
):
    english_total = report(graphql, "en")["total"]
    uterine = in_language(CauseCategoryPage, "uterine", "de")
    page = CausePageFactory(
        parent=uterine,
        title="Gebärmutterhalsschwäche",
        slug="cervical-weakness",
        summary="Eine Ursache, nur auf Deutsch geschrieben.",
    )
    page.save_revision().publish()
    assert page.locale.language_code == "de"
    SiteChromeFactory(
        locale=Locale.objects.get(language_code="de"),
        organisation_name="Kinderwunsch-Verbund Nord",
        contact_email="nord@example.org",
    )

    def item(data, slug=None, type_name="CausePage"):
        found = [
            i
            for i in data["items"]
            if i["typeName"] == type_name and (slug is None or i["slug"] == slug)
        ]
        return found

    german = report(graphql, "de")
    (written,) = item(german, "cervical-weakness")
    assert written["sourceLocale"] == "de"
    assert written["status"] == {"locale": "de", "state": "SOURCE"}
    english = report(graphql, "en")
    (needed,) = item(english, "cervical-weakness")
    assert needed["sourceLocale"] == "de"
    assert needed["status"]["state"] == "UNTRANSLATED"
    chrome = item(english, type_name="SiteChrome")
    assert {(c["sourceLocale"], c["status"]["state"]) for c in chrome} == {
        ("en", "SOURCE"),
        ("de", "UNTRANSLATED"),
    }
    assert english["untranslated"] == 2
    assert english["total"] == english_total + 2
    english_total += 2

    # Translated into English through wagtail-localize: still one item, seen
    # from its German source.
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    machine_translate(translation, DummyTranslator({}))
    translation.save_target(publish=False)
    translation.get_target_instance().get_latest_revision().publish()

    english = report(graphql, "en")
    (translated,) = item(english, "cervical-weakness")
    assert translated["sourceLocale"] == "de"
    assert translated["status"]["state"] == "TRANSLATED"
    assert translated["title"] == "Gebärmutterhalsschwäche"
    assert english["total"] == english_total
    french = report(graphql, "fr")
    (untranslated,) = item(french, "cervical-weakness")
    assert untranslated["sourceLocale"] == "de"
    assert untranslated["status"]["state"] == "UNTRANSLATED"

    served = cause(graphql, "cervical-weakness", locale="en")
    assert served["servedLocale"] == "en" and served["sourceLocale"] == "de"
    assert served["isPartialTranslation"] is False
    states = {s["locale"]: s["state"] for s in served["translationStatus"]}
    assert states["de"] == "SOURCE" and states["en"] == "TRANSLATED"


# Translations made by hand ---------------------------------------------------


def publish_with_ancestors(page):
    for ancestor in page.get_ancestors().filter(depth__gt=1, live=False):
        ancestor.specific.save_revision().publish()
    page.save_revision().publish()


def french_report_item(graphql, slug):
    result = graphql(
        '{ translationReport(locale: "fr") { inProgress translated '
        "items { slug status { state percentTranslated } } } }"
    )
    assert not result.errors, result.errors
    data = result.data["translationReport"]
    (item,) = [i for i in data["items"] if i["slug"] == slug]
    return item["status"]


def test_a_copy_translated_by_hand_counts_the_text_left_in_english(
    machine_translated_article, graphql
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    before = french_report_item(graphql, "hydrosalpinx")
    assert before["state"] == "UNTRANSLATED"
    french = english.copy_for_translation(
        Locale.objects.get(language_code="fr"), copy_parents=True
    )
    french.title = "Hydrosalpinx : une trompe bouchée"
    french.summary = "Une trompe de Fallope bouchée et remplie de liquide."
    publish_with_ancestors(french)
    body_segments = StringSegment.objects.filter(
        source=source_of(english), context__path__startswith="body."
    ).count()
    body_blocks = {
        block.id
        for block in english.body
        if block.block_type in ("paragraph", "heading", "callout", "quote", "faq")
    }
    assert body_segments > 3

    data = cause(graphql, locale="fr")
    assert data["servedLocale"] == "fr" and data["sourceLocale"] == "en"
    assert data["isPartialTranslation"] is True
    # The title and summary are French; every sentence of the body is English.
    assert data["untranslatedSegments"] == body_segments
    assert {part["field"] for part in data["untranslatedParts"]} == {"body"}
    assert body_blocks <= {part["blockId"] for part in data["untranslatedParts"]}
    status = status_in(data, "fr")
    assert status["state"] == "IN_PROGRESS"
    assert 0 < status["percentTranslated"] < 100
    assert french_report_item(graphql, "hydrosalpinx") == {
        "state": "IN_PROGRESS",
        "percentTranslated": status["percentTranslated"],
    }


def test_a_translation_no_longer_synced_counts_english_pasted_in(
    machine_translated_article, graphql
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    translation = translation_of(english)
    translation.enabled = False  # "Stop synced translation"
    translation.save()
    german = in_language(CausePage, "hydrosalpinx", "de")
    german.save_revision().publish()
    data = cause(graphql, locale="de")
    # Edited by hand but still all German: complete.
    assert data["untranslatedSegments"] == 0
    assert status_in(data, "de")["percentTranslated"] == 100.0
    assert status_in(data, "de")["state"] == "TRANSLATED"

    german.summary = english.summary
    german.save_revision().publish()
    data = cause(graphql, locale="de")
    assert data["summary"] == english.summary
    assert data["untranslatedSegments"] == 1
    assert data["isPartialTranslation"] is True
    assert data["untranslatedParts"] == [
        {"field": "summary", "blockId": None, "segments": 1}
    ]
    status = status_in(data, "de")
    assert status["state"] == "IN_PROGRESS"
    assert 0 < status["percentTranslated"] < 100


def test_a_source_synced_before_digests_is_judged_by_content(
    machine_translated_article, graphql
):
    english = in_language(CausePage, "hydrosalpinx", "en")
    english.save_revision().publish()  # unchanged
    english.refresh_from_db()
    assert english.last_published_at > source_of(english).last_updated_at
    # As for a source synced before digests were recorded.
    SourceDigest.objects.filter(source=source_of(english)).delete()
    assert german_state(graphql) == ("TRANSLATED", False)
    assert SourceDigest.objects.filter(source=source_of(english)).exists()

    english.summary = "A summary rewritten after the last sync."
    english.save_revision().publish()
    SourceDigest.objects.filter(source=source_of(english)).delete()
    assert german_state(graphql) == ("OUT_OF_DATE", True)


# Lists stored in Wagtail's older format ----------------------------------------

HUB_COVERAGE = """
{
  causeIndex(locale: "de") {
    isPartialTranslation untranslatedSegments
    untranslatedParts { field blockId segments }
    body { id ... on BulletListBlock { items } }
    translationStatus { locale state percentTranslated }
  }
}
"""


def test_list_items_wagtail_localize_cannot_extract_are_declared_untranslated(
    machine_translated_article, graphql, django_capture_on_commit_callbacks
):
    english = CauseIndexPage.objects.get(locale__language_code="en")
    body = list(english.body.raw_data)
    index = next(i for i, b in enumerate(body) if b["type"] == "bullet_list")
    block = body[index]
    items = [
        item["value"] if isinstance(item, dict) else item
        for item in block["value"]["items"]
    ]
    # Written by code in the older list format: plain strings, no item ids.
    body[index] = {**block, "value": {**block["value"], "items": items}}
    english.body = body
    english.save_revision().publish()
    english = CauseIndexPage.objects.get(pk=english.pk)
    assert english.body.raw_data[index]["value"]["items"] == items

    source_of(english).update_from_db()
    publish_translation(translation_of(english), django_capture_on_commit_callbacks)

    hub = graphql(HUB_COVERAGE).data["causeIndex"]
    (served,) = [b["items"] for b in hub["body"] if b["id"] == block["id"]]
    assert served == items  # wagtail-localize copied them in English...
    # ...and the page says so.
    assert hub["isPartialTranslation"] is True
    assert hub["untranslatedSegments"] == len(items)
    assert hub["untranslatedParts"] == [
        {"field": "body", "blockId": block["id"], "segments": len(items)}
    ]
    status = status_in(hub, "de")
    assert status["state"] == "IN_PROGRESS"
    assert status["percentTranslated"] < 100
