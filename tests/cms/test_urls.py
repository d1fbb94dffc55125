"""The project's URLs (cms/urls.py): the API, the admin, the preview page and
the pages of each language at their own paths."""

from __future__ import annotations

import pytest
from django.urls import resolve, reverse

from content.models import CauseIndexPage

pytestmark = pytest.mark.django_db


def test_the_api_is_at_graphql_and_needs_no_csrf_token(client):
    assert reverse("graphql") == "/graphql/"
    csrf_client = type(client)(enforce_csrf_checks=True)
    response = csrf_client.post(
        "/graphql/", '{"query": "{ __typename }"}', content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


def test_the_admin_and_django_admin_ask_for_a_login(client):
    for path, login in (
        ("/admin/", "/admin/login/"),
        ("/django-admin/", "/django-admin/login/"),
    ):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(login), path


def test_the_preview_page_and_documents_have_their_routes():
    assert resolve("/preview/").url_name == "content_preview"
    assert resolve("/documents/1/example.pdf").url_name == "wagtaildocs_serve"


def test_translations_are_served_under_their_language_code(
    machine_translated_article,
):
    english = CauseIndexPage.objects.get(locale__language_code="en")
    assert not english.url.startswith("/en/")
    assert machine_translated_article.url.startswith("/de/")
    assert machine_translated_article.url.removeprefix("/de") == english.url
    assert resolve(machine_translated_article.url).url_name == "wagtail_serve"
