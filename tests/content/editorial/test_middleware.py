"""A refused approval answered clearly in the admin
(content/editorial/middleware.py)."""

from __future__ import annotations

import pytest
from wagtail.models import TaskState

from tests.content.editorial.conftest import (
    DRAFT_TITLE,
    approve_url,
    in_review,
    make_overdue,
)

pytestmark = pytest.mark.django_db


def test_approving_an_overdue_page_is_refused_and_nothing_is_published(
    draft_cause, editor, reviewer, client, admin_edit
):
    make_overdue(draft_cause)
    client.force_login(editor)
    admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    task_state = in_review(draft_cause)

    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "ok"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    # The approve dialog shows the reason as its next step (Wagtail's dialog
    # turns any other status into a generic error).
    assert response.status_code == 200
    assert response.json()["step"] == "action"
    assert "next review date" in response.json()["html"]
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": "ok"}, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert any("has passed" in message for message in shown), shown
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    draft_cause.refresh_from_db()
    assert not draft_cause.live
