"""The medical review workflow, review dates and the medicalReview field."""

from __future__ import annotations

import datetime
import importlib
import io
import json
import logging

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    TaskState,
    Workflow,
)

from content.editorial.review import MEDICAL_REVIEWERS, OVERRIDE_ACTION, record_override
from content.models import CauseCategoryPage, CausePage, MedicalReviewTask
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


def test_medical_review_is_served_on_every_article_page_type(demo_article, graphql):
    cause = CausePage.objects.get(slug="hydrosalpinx")
    cause.reviewed_by = "Dr Imogen Example"
    cause.reviewer_credentials = "MD, reproductive medicine"
    cause.last_reviewed = datetime.date(2024, 3, 1)
    cause.next_review_due = timezone.localdate()
    cause.save_revision().publish()
    # The review date passes while the page is live.
    cause.next_review_due = timezone.localdate() - datetime.timedelta(days=1)
    CausePage.objects.filter(pk=cause.pk).update(next_review_due=cause.next_review_due)
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


# The override in the approve dialog (dashboard and editor) ------------------


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


def test_bulk_publish_refuses_when_a_page_is_overdue_and_names_it(
    demo_article, reviewer, client
):
    category = CauseCategoryPage.objects.get(slug="systemic")
    overdue_page = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    current = overdue_draft(category, "Prolactin questions", "prolactin-q", None)
    client.force_login(reviewer)

    response = bulk_publish(client, [current, overdue_page])
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1, shown
    assert "Nothing was published" in shown[0]
    assert "'Thyroid questions'" in shown[0] and overdue() in shown[0]
    assert "Prolactin" not in shown[0]
    for page in (overdue_page, current):
        page.refresh_from_db()
        assert not page.live

    # Without the overdue page, the other one is published.
    response = bulk_publish(client, [current])
    current.refresh_from_db()
    assert current.live
    overdue_page.refresh_from_db()
    assert not overdue_page.live


def test_bulk_publish_checks_the_unpublished_subpages_it_would_publish(
    demo_article, reviewer, client
):
    category = CauseCategoryPage.objects.get(slug="systemic")
    overdue_page = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    client.force_login(reviewer)

    response = bulk_publish(client, [category], include_descendants=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any("'Thyroid questions'" in message for message in shown), shown
    overdue_page.refresh_from_db()
    assert not overdue_page.live

    # The category alone is not refused.
    response = bulk_publish(client, [category])
    shown = [str(message).strip() for message in response.context["messages"]]
    assert shown == ["1 page has been published"], shown


def test_bulk_publish_accepts_an_overdue_page_a_reviewer_overrode(
    demo_article, reviewer, client
):
    category = CauseCategoryPage.objects.get(slug="systemic")
    page = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    record_override(page.get_latest_revision().as_object(), reviewer)
    client.force_login(reviewer)
    bulk_publish(client, [page])
    page.refresh_from_db()
    assert page.live


def test_publish_scheduled_skips_an_overdue_page_with_a_warning(demo_article, caplog):
    category = CauseCategoryPage.objects.get(slug="systemic")
    past = timezone.now() - datetime.timedelta(minutes=5)
    # Scheduled, then the review date passed before the go-live time.
    late = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    late.go_live_at = past - datetime.timedelta(minutes=1)
    late_revision = late.save_revision(approved_go_live_at=late.go_live_at)
    fine = overdue_draft(category, "Prolactin questions", "prolactin-q", None)
    fine.go_live_at = past
    fine.save_revision(approved_go_live_at=past)

    out, err = io.StringIO(), io.StringIO()
    with caplog.at_level(logging.WARNING):
        call_command("publish_scheduled", stdout=out, stderr=err)

    fine.refresh_from_db()
    assert fine.live  # the run went on after the refused page
    late.refresh_from_db()
    assert not late.live
    late_revision.refresh_from_db()
    assert late_revision.approved_go_live_at is not None  # still scheduled
    report = out.getvalue()
    assert "Published (scheduled): 1\n  Prolactin questions" in report
    assert "Left scheduled: the medical review is overdue: 1" in report
    assert f"  Thyroid questions (cause {late.pk})" in report
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "'Thyroid questions'" in warnings[0]
    assert f"id {late.pk}" in warnings[0] and overdue() in warnings[0]
    assert "stays scheduled" in warnings[0]

    # Once a medical reviewer overrides, the next run publishes it.
    reviewer = make_user("rhea-reviewer", MEDICAL_REVIEWERS)
    record_override(late_revision.as_object(), reviewer)
    call_command("publish_scheduled", stdout=out, stderr=err)
    late.refresh_from_db()
    assert late.live


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
