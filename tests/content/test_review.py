"""The medical review workflow, review dates and the medicalReview field."""

from __future__ import annotations

import datetime
import json

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState

from content.models import CauseCategoryPage, CausePage
from content.review import OVERRIDE_ACTION
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Luteal phase questions"
CAUSE_QUERY = '{ cause(slug: "luteal-phase") { title summary } }'


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


def in_review(page: CausePage) -> TaskState:
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def approve_url(page, task_state, action="approve") -> str:
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def test_article_tree_is_assigned_the_medical_review_workflow(draft_cause):
    workflow = draft_cause.get_workflow()
    assert workflow is not None and workflow.name == "Medical review"
    task = workflow.tasks.get().specific
    assert [group.name for group in task.groups.all()] == ["Medical reviewers"]
    assert Workflow.objects.get(name="Medical review").active


def test_editor_cannot_publish_an_article_page_directly(
    draft_cause, editor, client, admin_edit, graphql
):
    client.force_login(editor)
    response = admin_edit(draft_cause, "action-publish", title=DRAFT_TITLE)
    assert response.status_code in (200, 302)
    draft_cause.refresh_from_db()
    assert not draft_cause.live
    assert graphql(CAUSE_QUERY).data == {"cause": None}


def test_submitted_page_is_served_only_after_a_reviewer_approves(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    client.force_login(editor)
    response = admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    assert response.status_code == 302
    task_state = in_review(draft_cause)
    assert graphql(CAUSE_QUERY).data == {"cause": None}

    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": "Checked the dosages."}
    )
    assert response.status_code == 302
    draft_cause.refresh_from_db()
    assert draft_cause.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert task_state.comment == "Checked the dosages."
    assert graphql(CAUSE_QUERY).data["cause"]["title"] == DRAFT_TITLE


def test_reviewer_rejects_with_a_comment_and_nothing_is_published(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    client.force_login(editor)
    admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    task_state = in_review(draft_cause)

    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state, "reject"),
        {"comment": "Please cite a source for the second claim."},
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Please cite a source for the second claim."
    draft_cause.refresh_from_db()
    assert not draft_cause.live
    assert graphql(CAUSE_QUERY).data == {"cause": None}


def test_editor_approving_their_own_page_gets_403_and_nothing_changes(
    draft_cause, editor, client, admin_edit
):
    client.force_login(editor)
    admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    task_state = in_review(draft_cause)
    for action in ("approve", "reject"):
        response = client.post(
            approve_url(draft_cause, task_state, action),
            {"comment": "ok"},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert response.status_code == 403
    # Without the admin's XMLHttpRequest header, Wagtail redirects with its
    # "no permission" message instead; nothing changes either way.
    response = client.post(approve_url(draft_cause, task_state), {"comment": "ok"})
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    draft_cause.refresh_from_db()
    assert not draft_cause.live


def overdue() -> str:
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


def test_approving_an_overdue_page_is_refused_and_nothing_is_published(
    draft_cause, editor, reviewer, client, admin_edit
):
    client.force_login(editor)
    admin_edit(
        draft_cause, "action-submit", title=DRAFT_TITLE, next_review_due=overdue()
    )
    task_state = in_review(draft_cause)

    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "ok"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 403
    assert "next review date" in response.json()["error"]
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": "ok"}, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert any("has passed" in message for message in shown), shown
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    draft_cause.refresh_from_db()
    assert not draft_cause.live


def test_overdue_review_date_is_a_clear_error_in_the_editor(
    draft_cause, editor, reviewer, client, admin_edit
):
    client.force_login(editor)
    admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    in_review(draft_cause)

    client.force_login(reviewer)
    response = admin_edit(
        draft_cause,
        "action-workflow-action",
        title=DRAFT_TITLE,
        next_review_due=overdue(),
        **{"workflow-action-name": "approve"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["next_review_due"]
    assert "next review date" in errors[0] and "has passed" in errors[0]
    draft_cause.refresh_from_db()
    assert not draft_cause.live


def test_reviewer_override_publishes_and_is_recorded_in_the_history(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    client.force_login(editor)
    admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    in_review(draft_cause)

    client.force_login(reviewer)
    response = admin_edit(
        draft_cause,
        "action-workflow-action",
        title=DRAFT_TITLE,
        next_review_due=overdue(),
        override_overdue_review="on",
        **{
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": "Still accurate."}),
        },
    )
    assert response.status_code == 302
    draft_cause.refresh_from_db()
    assert draft_cause.live
    entry = PageLogEntry.objects.get(page=draft_cause, action=OVERRIDE_ACTION)
    assert entry.user == reviewer
    assert entry.data == {"next_review_due": overdue()}
    history = client.get(f"/admin/pages/{draft_cause.pk}/history/")
    assert b"overdue" in history.content
    assert graphql(CAUSE_QUERY).data["cause"]["title"] == DRAFT_TITLE


def test_an_editor_cannot_tick_the_override(draft_cause, editor, client, admin_edit):
    client.force_login(editor)
    admin_edit(
        draft_cause,
        "action-submit",
        title=DRAFT_TITLE,
        next_review_due=overdue(),
        override_overdue_review="on",
    )
    assert not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()


def test_medical_review_is_served_on_every_article_page_type(demo_article, graphql):
    cause = CausePage.objects.get(slug="hydrosalpinx")
    cause.reviewed_by = "Dr Imogen Example"
    cause.reviewer_credentials = "MD, reproductive medicine"
    cause.last_reviewed = datetime.date(2024, 3, 1)
    cause.next_review_due = timezone.localdate() - datetime.timedelta(days=1)
    cause.save_revision().publish()
    fields = (
        "medicalReview { reviewedBy credentials lastReviewed nextReviewDue isOverdue }"
    )
    result = graphql(
        f'{{ cause(slug: "hydrosalpinx") {{ {fields} }} '
        f"causeIndex {{ {fields} categories {{ {fields} }} }} }}"
    )
    assert not result.errors, result.errors
    assert result.data["cause"]["medicalReview"] == {
        "reviewedBy": "Dr Imogen Example",
        "credentials": "MD, reproductive medicine",
        "lastReviewed": "2024-03-01",
        "nextReviewDue": cause.next_review_due.isoformat(),
        "isOverdue": True,
    }
    assert result.data["causeIndex"]["medicalReview"]["isOverdue"] is False
    assert result.data["causeIndex"]["categories"][0]["medicalReview"] == {
        "reviewedBy": None,
        "credentials": None,
        "lastReviewed": None,
        "nextReviewDue": None,
        "isOverdue": False,
    }
