"""The project's own preview page (content/editorial/views.py), through the client."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.test import override_settings

from content.editorial.views import PREVIEW_QUERY
from content.models import CausePage
from tests.content.editorial.test_preview import DRAFT, click_preview

pytestmark = pytest.mark.django_db


@pytest.fixture
def cause(demo_article) -> CausePage:
    return CausePage.objects.get(slug="hydrosalpinx")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("ada-admin", "ada@example.org", "x")


@override_settings(FRONTEND_URL="")
def test_project_preview_page_runs_the_same_query_with_the_token(
    cause, superuser, client
):
    client.force_login(superuser)
    preview = click_preview(client, cause, title=DRAFT)
    assert preview["path"] == "/preview/"
    response = client.get("/preview/", {"token": preview["token"], "locale": "en"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response.context["query"] == PREVIEW_QUERY
    assert response.context["variables"] == {"token": preview["token"], "locale": "en"}
    assert b'fetch("/graphql/"' in response.content


def test_project_preview_page_leads_to_the_frontend_when_there_is_one(
    cause, superuser, client
):
    client.force_login(superuser)
    token = click_preview(client, cause, title=DRAFT)["token"]
    response = client.get("/preview/", {"token": token, "locale": "en"})
    assert response.status_code == 302
    assert response["Location"] == (
        f"http://127.0.0.1:3000/preview/?{urlencode({'token': token, 'locale': 'en'})}"
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"
