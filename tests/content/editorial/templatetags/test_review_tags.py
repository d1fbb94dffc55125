"""The approve dialog offers the override only for an overdue review
(content/editorial/templatetags/review_tags.py), through the admin."""

from __future__ import annotations

import pytest

from tests.content.editorial.conftest import (
    DRAFT_TITLE,
    XHR,
    approve_url,
    in_review,
    submit_overdue,
)

pytestmark = pytest.mark.django_db


def test_approve_dialog_offers_the_override(
    draft_cause, editor, reviewer, client, admin_edit
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    response = client.get(approve_url(draft_cause, task_state), headers=XHR)
    assert response.status_code == 200
    html = response.json()["html"]
    assert 'name="comment"' in html
    assert 'name="override_overdue_review"' in html
    assert "Publish although the review is overdue" in html
    # Requesting changes has no override.
    response = client.get(approve_url(draft_cause, task_state, "reject"), headers=XHR)
    assert 'name="override_overdue_review"' not in response.json()["html"]


def test_approve_dialog_offers_the_override_only_when_the_review_is_overdue(
    draft_cause, editor, reviewer, client, admin_edit
):
    client.force_login(editor)
    response = admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    assert response.status_code == 302
    task_state = in_review(draft_cause)
    client.force_login(reviewer)
    dashboard = approve_url(draft_cause, task_state)
    editor_dialog = (
        f"/admin/pages/workflow/collect_action_data/{draft_cause.pk}/approve/"
        f"{task_state.pk}/"
    )
    for url in (dashboard, editor_dialog):
        response = client.get(url, headers=XHR)
        assert response.status_code == 200
        html = response.json()["html"]
        assert 'name="comment"' in html
        assert 'name="override_overdue_review"' not in html
        assert "Publish although the review is overdue" not in html

    response = client.post(dashboard, {"comment": "Checked."}, headers=XHR)
    assert response.json()["step"] == "success"
    draft_cause.refresh_from_db()
    assert draft_cause.live
