"""Translation state in the API (content/api/translation.py): per page, and
the report for one language, over HTTP."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

STATUS = """
{ cause(slug: "hydrosalpinx") {
    translationStatus { locale state isSource hasLiveTranslation isStale
                        percentTranslated }
} }
"""

REPORT = """
query ($locale: String!) {
  translationReport(locale: $locale) {
    locale total translated inProgress outOfDate untranslated percentTranslated
    items { kind typeName title slug sourceLocale status { locale state } }
  }
}
"""


def test_each_language_has_one_status_of_the_english_source(
    machine_translated_article, graphql
):
    result = graphql(STATUS)
    assert not result.errors, result.errors
    by_locale = {s["locale"]: s for s in result.data["cause"]["translationStatus"]}
    assert list(by_locale) == ["en", "de", "fr", "es", "it"]
    assert by_locale["en"]["state"] == "SOURCE" and by_locale["en"]["isSource"]
    german = by_locale["de"]
    assert german["state"] == "TRANSLATED"
    assert german["hasLiveTranslation"] and not german["isStale"]
    assert german["percentTranslated"] == 100.0
    french = by_locale["fr"]
    assert french["state"] == "UNTRANSLATED"
    assert not french["hasLiveTranslation"] and french["percentTranslated"] == 0.0


def test_the_report_counts_every_item_once_in_its_state(
    machine_translated_article, graphql
):
    result = graphql(REPORT, {"locale": "de"})
    assert not result.errors, result.errors
    report = result.data["translationReport"]
    assert report["locale"] == "de"
    items = report["items"]
    assert report["total"] == len(items) > 16  # the pages and the site chrome
    states = [item["status"]["state"] for item in items]
    assert report["translated"] == states.count("TRANSLATED")
    assert report["untranslated"] == states.count("UNTRANSLATED")
    assert report["inProgress"] + report["outOfDate"] == (
        states.count("IN_PROGRESS") + states.count("OUT_OF_DATE")
    )
    assert {item["sourceLocale"] for item in items} == {"en"}
    assert {item["status"]["locale"] for item in items} == {"de"}
    assert "setting" in {item["kind"] for item in items}
    assert 0 < report["percentTranslated"] <= 100


def test_the_report_of_an_unknown_language_is_a_clear_error(db, graphql):
    result = graphql(REPORT, {"locale": "xx"})
    (error,) = result.errors
    assert error["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert result.data == {} or result.data.get("translationReport") is None
