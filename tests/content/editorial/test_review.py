"""The medical review workflow, review dates and the medicalReview field."""

from __future__ import annotations

import datetime
import importlib
import json

import pytest
from django.contrib.auth.models import User
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    TaskState,
    Workflow,
)

from content.editorial.review import MEDICAL_REVIEWERS, OVERRIDE_ACTION
from content.models import CausePage, MedicalReviewTask
from tests.content.conftest import make_user
from tests.content.editorial.conftest import (
    CAUSE_QUERY,
    DRAFT_TITLE,
    XHR,
    approve_url,
    in_review,
    make_overdue,
    overdue,
    submit_overdue,
)
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db


def test_article_tree_is_assigned_the_medical_review_workflow(draft_cause):
    workflow = draft_cause.get_workflow()
    assert workflow is not None and workflow.name == "Medical review"
    task = workflow.tasks.get().specific
    assert isinstance(task, MedicalReviewTask)
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
    make_overdue(draft_cause)
    client.force_login(editor)
    admin_edit(
        draft_cause,
        "action-submit",
        title=DRAFT_TITLE,
        next_review_due=overdue(),
        override_overdue_review="on",
    )
    assert not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()


# The override in the approve dialog (dashboard and editor) ------------------


def test_editor_posting_the_override_gets_403_and_nothing_changes(
    draft_cause, editor, client, admin_edit
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "ok", "override_overdue_review": "on"},
        headers=XHR,
    )
    assert response.status_code == 403
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    draft_cause.refresh_from_db()
    assert not draft_cause.live
    assert not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()


def test_override_ticked_in_the_editors_approve_dialog_publishes_once_recorded(
    draft_cause, editor, reviewer, client, admin_edit
):
    """In the editor, the approve dialog's data travels with the edit form."""
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    # The dialog validates its form and hands the data back to the editor.
    response = client.post(
        f"/admin/pages/workflow/collect_action_data/{draft_cause.pk}/approve/"
        f"{task_state.pk}/",
        {"comment": "Reviewed again.", "override_overdue_review": "on"},
        headers=XHR,
    )
    assert response.status_code == 200
    cleaned = response.json()["cleaned_data"]
    assert cleaned == {
        "comment": "Reviewed again.",
        "next_review_due": None,
        "override_overdue_review": True,
    }
    response = admin_edit(
        draft_cause,
        "action-workflow-action",
        title=DRAFT_TITLE,
        next_review_due=overdue(),
        **{
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps(cleaned),
        },
    )
    assert response.status_code == 302
    draft_cause.refresh_from_db()
    assert draft_cause.live
    entries = PageLogEntry.objects.filter(page=draft_cause, action=OVERRIDE_ACTION)
    assert [entry.user for entry in entries] == [reviewer]


# Bulk publishing and publish_scheduled ---------------------------------------


def overdue_draft(parent, title: str, slug: str, due: str | None) -> CausePage:
    page = CausePageFactory(parent=parent, title=title, slug=slug, live=False)
    page.next_review_due = due and datetime.date.fromisoformat(due)
    page.save_revision()
    return page


def bulk_publish(client, pages, include_descendants: bool = False):
    ids = "&".join(f"id={page.pk}" for page in pages)
    data = {"include_descendants": "on"} if include_descendants else {}
    return client.post(
        f"/admin/bulk/wagtailcore/page/publish/?{ids}&next=/admin/pages/",
        data,
        follow=True,
    )


# Only medical reviewers publish directly (migration 0006) -------------------


@pytest.fixture
def moderator(db) -> User:
    return make_user("mona-moderator", "Moderators")


def test_moderators_cannot_publish_an_article_page_directly(
    draft_cause, moderator, client, admin_edit, graphql
):
    client.force_login(moderator)
    response = admin_edit(draft_cause, "action-publish", title=DRAFT_TITLE)
    assert response.status_code in (200, 302)
    draft_cause.refresh_from_db()
    assert not draft_cause.live
    assert graphql(CAUSE_QUERY).data == {"cause": None}
    # They still edit and submit to the medical review.
    response = admin_edit(draft_cause, "action-submit", title=DRAFT_TITLE)
    assert response.status_code == 302
    assert in_review(draft_cause).task.name == "Medical review"


def test_only_medical_reviewers_may_publish_and_other_roles_are_kept(
    draft_cause, editor, reviewer, moderator
):
    def page_permissions(group: str) -> set[str]:
        return set(
            GroupPagePermission.objects.filter(group__name=group).values_list(
                "permission__codename", flat=True
            )
        )

    assert {"add_page", "change_page", "publish_page"} <= page_permissions(
        MEDICAL_REVIEWERS
    )
    assert {"add_page", "change_page"} <= page_permissions("Editors")
    assert {"add_page", "change_page"} <= page_permissions("Moderators")
    publishers = GroupPagePermission.objects.filter(
        permission__codename="publish_page"
    ).values_list("group__name", flat=True)
    assert set(publishers) == {MEDICAL_REVIEWERS}
    assert draft_cause.permissions_for_user(reviewer).can_publish()
    assert not draft_cause.permissions_for_user(editor).can_publish()
    assert not draft_cause.permissions_for_user(moderator).can_publish()


def test_publish_permission_migration_is_reversible(db, moderator, draft_cause):
    from django.apps import apps

    migration = importlib.import_module(
        "content.migrations.0006_publish_only_through_medical_review"
    )
    migration.restore_moderators_publishing(apps, None)
    assert draft_cause.permissions_for_user(moderator).can_publish()
    root = Page.objects.get(depth=1)
    assert GroupPagePermission.objects.filter(
        group__name="Moderators", page=root, permission__codename="publish_page"
    ).exists()

    migration.remove_direct_publishing(apps, None)
    moderator = User.objects.get(pk=moderator.pk)  # no cached permissions
    assert not draft_cause.permissions_for_user(moderator).can_publish()
    assert GroupPagePermission.objects.filter(
        group__name=MEDICAL_REVIEWERS, page=root, permission__codename="publish_page"
    ).exists()
