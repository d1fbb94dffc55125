"""The medical review task's approve dialog and its override
(content/models/workflows.py), through the admin."""

from __future__ import annotations

import pytest
from wagtail.models import PageLogEntry, TaskState

from content.editorial.review import OVERRIDE_ACTION
from content.models import CauseCategoryPage, CausePage
from tests.content.editorial.conftest import (
    CAUSE_QUERY,
    DRAFT_TITLE,
    XHR,
    approve_url,
    overdue,
    submit_overdue,
)
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_cause(demo_article) -> CausePage:
    category = CauseCategoryPage.objects.get(slug="systemic")
    return CausePageFactory(
        parent=category,
        title=DRAFT_TITLE,
        slug="luteal-phase",
        summary="Written by an editor, not reviewed yet.",
        live=False,
    )


def test_reviewer_overrides_from_the_approve_dialog_and_it_is_in_the_history(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)

    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state),
        {
            "comment": "Content still matches the guideline.",
            "override_overdue_review": "on",
        },
        headers=XHR,
    )
    assert response.status_code == 200
    assert response.json()["step"] == "success"
    draft_cause.refresh_from_db()
    assert draft_cause.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "Content still matches the guideline."
    entry = PageLogEntry.objects.get(page=draft_cause, action=OVERRIDE_ACTION)
    assert entry.user == reviewer
    assert entry.data == {"next_review_due": overdue()}
    history = client.get(f"/admin/pages/{draft_cause.pk}/history/")
    assert b"Override overdue medical review" in history.content
    assert graphql(CAUSE_QUERY).data["cause"]["title"] == DRAFT_TITLE


def test_approve_dialog_without_the_override_still_refuses(
    draft_cause, editor, reviewer, client, admin_edit
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": "ok"}, headers=XHR
    )
    assert response.status_code == 200
    assert response.json()["step"] == "action"
    assert "has passed" in response.json()["html"]
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    draft_cause.refresh_from_db()
    assert not draft_cause.live
    assert not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()
