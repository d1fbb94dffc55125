"""The medical review in the admin: the reviewer's account settings panel."""

from __future__ import annotations

import pytest
from wagtail.test.utils.form_data import _querydict_from_form

from content.editorial.models import ReviewerProfile
from tests.content.editorial.conftest import soup

pytestmark = pytest.mark.django_db


def account_form(client):
    response = client.get("/admin/account/")
    assert response.status_code == 200
    forms = soup(response.content.decode()).find_all("form")
    form = next(f for f in forms if f.find(attrs={"name": "name_email-first_name"}))
    return response, _querydict_from_form(form, exclude_csrf=True).copy()


def test_reviewers_keep_their_credentials_in_their_account_settings(
    reviewer, editor, client
):
    client.force_login(reviewer)
    response, data = account_form(client)
    assert "Medical reviewer" in response.content.decode()
    data["reviewer_profile-display_name"] = "Dr Rafael Reviewer"
    data["reviewer_profile-credentials"] = "MD, obstetrics"
    response = client.post("/admin/account/", data)
    assert response.status_code == 302
    profile = ReviewerProfile.objects.get(user=reviewer)
    assert profile.reviewer_name() == "Dr Rafael Reviewer"
    assert profile.credentials == "MD, obstetrics"

    # Editors review nothing, so they have no such panel.
    client.force_login(editor)
    response = client.get("/admin/account/")
    assert b"reviewer_profile-credentials" not in response.content
