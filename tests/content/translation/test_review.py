"""Aliases of source pages in a translated tree, through the admin and the API.

wagtail-localize lets a translated page become an alias of its source ("Convert
to alias page") and Wagtail lets an alias become an ordinary page. Both put
content before readers in a language no reviewer approved it for, so they are
for people who may publish; the API says when an alias shows its source.
"""

import html
import io
import json
import re

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from content.models import CausePage

pytestmark = pytest.mark.django_db

QUERY = """
query ($locale: String) {
  cause(slug: "hydrosalpinx", locale: $locale) {
    title locale servedLocale isFallback sourceLocale isPartialTranslation
    untranslatedSegments untranslatedParts { field }
  }
}
"""


@pytest.fixture
def translator(machine_translated_article) -> User:
    call_command("setup_translators", stdout=io.StringIO())
    user = User.objects.create_user("ines", "ines@example.org", "not-a-secret")
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def session(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def german_cause() -> CausePage:
    return CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")


def english_cause() -> CausePage:
    return CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def editor_props(client: Client, page: Page) -> dict:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    props = re.search(
        r'<div class="js-translation-editor" data-props="([^"]*)">',
        response.content.decode(),
    )
    assert props, "not the translation editor"
    return json.loads(html.unescape(props.group(1)))


def convert_url(page: Page) -> str:
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


def test_translator_cannot_convert_a_translation_into_an_alias_of_its_source(
    translator, graphql
):
    german = german_cause()
    served = graphql(QUERY, {"locale": "de"}).data["cause"]
    assert served["servedLocale"] == "de" and served["isFallback"] is False
    client = session(translator)
    assert editor_props(client, german)["links"]["convertToAliasUrl"] is None

    edit_url = reverse("wagtailadmin_pages:edit", args=[german.pk])
    language = german.locale.get_display_name()
    for request in (client.get, client.post):
        response = request(convert_url(german))
        assert response.status_code == 302 and response.url == edit_url
        assert messages_of(response)[-1:] == [
            f"'{german.title}' in {language} was not changed: Convert to alias "
            "page is only for people who may publish the page, as it would show "
            f"readers content that no medical reviewer approved for {language}. "
            "Ask a medical reviewer."
        ]
    # The edit view's "Convert to alias page" action posts there too.
    response = client.post(edit_url, {"localize-convert-to-alias": "1"})
    assert client.post(response.url).status_code == 302

    german.refresh_from_db()
    assert german.alias_of_id is None
    assert Translation.objects.filter(
        source__object_id=german.translation_key, target_locale=german.locale
    ).exists()
    assert graphql(QUERY, {"locale": "de"}).data["cause"] == served


def test_translator_is_not_offered_convert_to_alias_on_a_manual_translation(
    translator,
):
    german = german_cause()
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=german.locale
    )
    client = session(translator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[german.pk])
    response = client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]),
        {"next": edit_url},
    )
    assert response.status_code == 302
    # Wagtail's page editor now, without the action.
    page = client.get(edit_url).content.decode()
    assert 'id="page-edit-form"' in page
    assert "localize-convert-to-alias" not in page
    response = client.post(convert_url(german))
    assert response.status_code == 302
    german.refresh_from_db()
    assert german.alias_of_id is None

    # A medical reviewer is offered it.
    reviewer_page = session(User.objects.create_superuser("rosa", "rosa@example.org"))
    assert "localize-convert-to-alias" in reviewer_page.get(edit_url).content.decode()


def test_reviewer_converts_to_an_alias_and_the_api_says_it_is_english(
    translator, reviewer, graphql
):
    german = german_cause()
    english = english_cause()
    client = session(reviewer)
    assert editor_props(client, german)["links"]["convertToAliasUrl"]
    response = client.post(convert_url(german))
    assert response.status_code == 302
    german.refresh_from_db()
    assert german.alias_of_id == english.pk

    served = graphql(QUERY, {"locale": "de"}).data["cause"]
    assert served == {
        "title": english.title,
        "locale": "de",
        "servedLocale": "en",
        "isFallback": True,
        "sourceLocale": "en",
        "isPartialTranslation": False,
        "untranslatedSegments": 0,
        "untranslatedParts": [],
    }
    english_served = graphql(QUERY, {"locale": "en"}).data["cause"]
    assert english_served["servedLocale"] == "en"
    assert english_served["isFallback"] is False

    # Making the alias an ordinary page would drop that label: a translator
    # may not, a medical reviewer may.
    convert_alias = reverse("wagtailadmin_pages:convert_alias", args=[german.pk])
    response = session(translator).post(convert_alias)
    assert response.status_code == 302
    assert (
        "Convert alias to ordinary page is only for people who may publish"
        in (messages_of(response)[-1])
    )
    german.refresh_from_db()
    assert german.alias_of_id == english.pk
    assert graphql(QUERY, {"locale": "de"}).data["cause"] == served

    assert client.post(convert_alias).status_code == 302
    german.refresh_from_db()
    assert german.alias_of_id is None


def test_german_home_page_alias_is_not_served(machine_translated_article, graphql):
    """The German home page is an alias of the English one: English text in
    the German tree. Home pages are structure and never served, so it cannot
    reach a reader unlabelled."""
    home = machine_translated_article.get_parent()
    assert home.alias_of_id is not None
    result = graphql(
        '{ causeIndex(locale: "de") { servedLocale isFallback parent { title } }'
        f' page(id: "{home.pk}") {{ title }} }}'
    )
    assert not result.errors
    hub = result.data["causeIndex"]
    assert hub == {"servedLocale": "de", "isFallback": False, "parent": None}
    assert result.data["page"] is None


STATUS = """
query ($locale: String) {
  cause(slug: "hydrosalpinx", locale: $locale) {
    translationStatus {
      locale state hasLiveTranslation isStale percentTranslated lastUpdatedAt
    }
  }
}
"""

REPORT = """
{
  translationReport(locale: "de") {
    translated untranslated
    items {
      typeName slug
      status { state hasLiveTranslation isStale percentTranslated lastUpdatedAt }
    }
  }
}
"""


def german_status(graphql, locale: str) -> dict:
    result = graphql(STATUS, {"locale": locale})
    assert not result.errors, result.errors
    statuses = result.data["cause"]["translationStatus"]
    return next(status for status in statuses if status["locale"] == "de")


def german_report(graphql) -> tuple[dict, dict]:
    result = graphql(REPORT)
    assert not result.errors, result.errors
    report = result.data["translationReport"]
    (item,) = [
        item
        for item in report["items"]
        if item["typeName"] == "CausePage" and item["slug"] == "hydrosalpinx"
    ]
    return report, item["status"]


def admin_status(client: Client, title: str) -> tuple[str, str]:
    """The admin report's page for German, and the row of the page titled so."""
    page = client.get(reverse("translation_status"), {"locale": "de"})
    assert page.status_code == 200
    content = page.content.decode()
    (row,) = [
        row
        for row in re.findall(r"<tr>.*?</tr>", content, re.S)
        if html.escape(title) in row
    ]
    return content, row


def test_an_alias_of_the_source_is_reported_untranslated_not_translated(
    translator, reviewer, graphql
):
    german = german_cause()
    english = english_cause()
    assert german_status(graphql, "en")["state"] == "TRANSLATED"
    report_before, item = german_report(graphql)
    assert item["state"] == "TRANSLATED" and item["hasLiveTranslation"] is True
    admin_before, row = admin_status(session(translator), english.title)
    assert 'data-state="translated"' in row

    assert session(reviewer).post(convert_url(german)).status_code == 302
    german.refresh_from_db()
    assert german.alias_of_id == english.pk

    # The German page now shows the English one: German readers get no
    # translation, and translators have the page to translate again.
    untranslated = {
        "state": "UNTRANSLATED",
        "hasLiveTranslation": False,
        "isStale": False,
        "percentTranslated": 0.0,
        "lastUpdatedAt": None,
    }
    assert german_status(graphql, "en") == {"locale": "de", **untranslated}
    assert german_status(graphql, "de") == {"locale": "de", **untranslated}
    report, item = german_report(graphql)
    assert item == untranslated
    assert report["translated"] == report_before["translated"] - 1
    assert report["untranslated"] == report_before["untranslated"] + 1

    admin, row = admin_status(session(translator), english.title)
    assert 'data-state="untranslated"' in row and "0.0%" in row
    assert admin.count('data-state="untranslated"') == (
        admin_before.count('data-state="untranslated"') + 1
    )
