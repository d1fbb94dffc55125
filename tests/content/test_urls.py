"""The content app's URLs (content/urls.py): the preview page at /preview/."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import resolve, reverse

from content.editorial import views

pytestmark = pytest.mark.django_db


def test_the_preview_page_is_at_preview():
    assert reverse("content_preview") == "/preview/"
    assert resolve("/preview/").func is views.preview


@override_settings(FRONTEND_URL="")
def test_the_preview_page_answers_privately_without_a_token(client):
    response = client.get("/preview/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
