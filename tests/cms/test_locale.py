"""The language of each request: the admin follows the browser and the user's
preference, page URLs their prefix, the GraphQL API only its locale arguments."""

import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

GERMAN_BROWSER = "de-DE,de;q=0.9,en;q=0.6"
ENGLISH_BROWSER = "en-GB,en;q=0.9"


@pytest.fixture
def translator(db, client) -> User:
    call_command("setup_translators", stdout=io.StringIO())
    user = User.objects.create_user("ingrid", "ingrid@example.org", "not-a-secret")
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    return user


def admin_home(client, accept_language: str | None) -> tuple[str, str]:
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = client.get("/admin/", **headers)
    assert response.status_code == 200
    return response.content.decode(), response


def speaks_german(html: str) -> bool:
    # "Log out" and "Pages" in Wagtail's German catalogue.
    return '<html lang="de"' in html and "Abmelden" in html and "Seiten" in html


def speaks_english(html: str) -> bool:
    return '<html lang="en"' in html and "Log out" in html and "Abmelden" not in html


def test_admin_follows_the_browser_language_without_a_preference(translator, client):
    html, response = admin_home(client, GERMAN_BROWSER)
    assert speaks_german(html)
    assert response["Content-Language"] == "de"
    assert "Accept-Language" in response["Vary"]
    html, _ = admin_home(client, ENGLISH_BROWSER)
    assert speaks_english(html)
    html, _ = admin_home(client, None)
    assert speaks_english(html)


def test_the_preferred_admin_language_wins_over_the_browser(translator, client):
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "de"
    profile.save()
    html, _ = admin_home(client, ENGLISH_BROWSER)
    assert speaks_german(html)
    profile.preferred_language = "en"
    profile.save()
    html, _ = admin_home(client, GERMAN_BROWSER)
    assert speaks_english(html)


def test_the_admin_sign_in_page_follows_the_browser(db, client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=GERMAN_BROWSER)
    assert response.status_code == 200
    assert "Passwort vergessen?" in response.content.decode()
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    assert "Forgotten password?" in response.content.decode()


def test_page_urls_are_in_the_language_of_their_prefix(db, client):
    german = client.get("/de/no-such-page/", HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)
    assert german.status_code == 404
    assert german["Content-Language"] == "de"
    english = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE=GERMAN_BROWSER)
    assert english.status_code == 404
    assert english["Content-Language"] == "en"
    for response in (german, english):
        assert "Accept-Language" not in response.get("Vary", "")


HUB = "{ causeIndex { title locale } }"


def hub(client, accept_language: str | None = None, method: str = "get"):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    if method == "get":
        return client.get("/graphql/", {"query": HUB}, **headers)
    return client.post(
        "/graphql/",
        json.dumps({"query": HUB}),
        content_type="application/json",
        **headers,
    )


def test_the_api_ignores_the_browser_language_and_shares_its_cache(
    machine_translated_article, demo_article, client
):
    english = {"title": demo_article.title, "locale": "en"}
    first = hub(client, GERMAN_BROWSER)
    assert first.status_code == 200
    assert json.loads(first.content)["data"]["causeIndex"] == english
    assert first["X-Cache"] == "MISS"
    responses = [first]
    for accept_language in (None, ENGLISH_BROWSER, "fr", GERMAN_BROWSER):
        response = hub(client, accept_language)
        assert response["X-Cache"] == "HIT", accept_language
        assert response.content == first.content
        responses.append(response)
    posted = hub(client, GERMAN_BROWSER, method="post")
    assert json.loads(posted.content)["data"]["causeIndex"] == english
    for response in [*responses, posted]:
        assert "Accept-Language" not in response.get("Vary", "")
        assert "Content-Language" not in response
    german = client.get(
        "/graphql/",
        {"query": '{ causeIndex(locale: "de") { locale } }'},
        HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER,
    )
    assert json.loads(german.content)["data"]["causeIndex"] == {"locale": "de"}
