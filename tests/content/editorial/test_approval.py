"""What approving a medical review records, and what the reviewer sees.

Approval by a medical reviewer records the review on the published version
(who, from their profile, when, and the next review date); an overdue
override covers one publication; a refused approval keeps the dialog as the
reviewer filled it in; approving from the dashboard confirms what was
published.
"""

from __future__ import annotations

import json

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from content.editorial.models import ReviewerProfile
from content.editorial.review import OVERRIDE_ACTION, REVIEW_ACTION
from tests.content.editorial.conftest import (
    DRAFT_TITLE,
    REVIEW_QUERY,
    XHR,
    approve_url,
    in_months,
    in_review,
    make_overdue,
    overdue,
    soup,
    submit,
    submit_overdue,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def credentialed_reviewer(reviewer):
    ReviewerProfile.objects.create(
        user=reviewer,
        display_name="Dr Rafael Reviewer",
        credentials="MD, reproductive medicine",
    )
    return reviewer


# Approval records the review -------------------------------------------------


def test_approval_records_the_reviewer_and_the_next_review_date(
    draft_cause, editor, credentialed_reviewer, client, admin_edit, graphql
):
    task_state = submit(client, editor, draft_cause, admin_edit)
    submitted = task_state.revision

    client.force_login(credentialed_reviewer)
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": "Checked."}, headers=XHR
    )
    assert response.json()["step"] == "success"

    today = timezone.localdate()
    review = graphql(REVIEW_QUERY).data["cause"]["medicalReview"]
    assert review == {
        "reviewedBy": "Dr Rafael Reviewer",
        "credentials": "MD, reproductive medicine",
        "lastReviewed": today.isoformat(),
        "nextReviewDue": in_months(12).isoformat(),
        "isOverdue": False,
    }
    # The submitted revision stays as it was submitted; the published one
    # carries the review.
    submitted.refresh_from_db()
    assert submitted.as_object().reviewed_by == ""
    draft_cause.refresh_from_db()
    assert draft_cause.live_revision != submitted
    assert draft_cause.live_revision.as_object().title == DRAFT_TITLE

    entry = PageLogEntry.objects.get(page=draft_cause, action=REVIEW_ACTION)
    assert entry.user == credentialed_reviewer
    history = client.get(f"/admin/pages/{draft_cause.pk}/history/")
    text = history.content.decode()
    assert "Medical review recorded" in text
    assert "Dr Rafael Reviewer (MD, reproductive medicine)" in text
    assert in_months(12).isoformat() in text


def test_a_date_the_reviewer_sets_in_the_dialog_is_kept(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    dialog = client.get(approve_url(draft_cause, task_state), headers=XHR)
    assert 'name="next_review_due"' in dialog.json()["html"]
    chosen = in_months(3).isoformat()
    client.post(
        approve_url(draft_cause, task_state),
        {"comment": "", "next_review_due": chosen},
        headers=XHR,
    )
    assert graphql(REVIEW_QUERY).data["cause"]["medicalReview"]["nextReviewDue"] == (
        chosen
    )


def test_a_past_date_in_the_dialog_is_refused_with_a_message(
    draft_cause, editor, reviewer, client, admin_edit
):
    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "Fine.", "next_review_due": overdue()},
        headers=XHR,
    )
    assert response.json()["step"] == "action"
    assert "must be in the future" in response.json()["html"]
    draft_cause.refresh_from_db()
    assert not draft_cause.live


def test_a_date_the_reviewer_types_in_the_editor_when_approving_is_kept(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    submit(client, editor, draft_cause, admin_edit)
    chosen = in_months(18).isoformat()
    client.force_login(reviewer)
    response = admin_edit(
        draft_cause,
        "action-workflow-action",
        title=DRAFT_TITLE,
        next_review_due=chosen,
        **{
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": "ok"}),
        },
    )
    assert response.status_code == 302
    review = graphql(REVIEW_QUERY).data["cause"]["medicalReview"]
    assert review["nextReviewDue"] == chosen
    assert review["reviewedBy"] == "Rafael Reviewer"


def test_review_data_typed_by_an_editor_is_not_accepted(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    client.force_login(editor)
    form = client.get(f"/admin/pages/{draft_cause.pk}/edit/")
    page = soup(form.content.decode())
    for name in ("reviewed_by", "reviewer_credentials", "last_reviewed"):
        assert page.find(attrs={"name": name}).has_attr("disabled"), name
    assert page.find(attrs={"name": "next_review_due"}).has_attr("disabled")
    assert "only medical reviewers can change it" in form.content.decode()

    admin_edit(
        draft_cause,
        "action-submit",
        title=DRAFT_TITLE,
        reviewed_by="Dr Made Up",
        reviewer_credentials="Professor of everything",
        last_reviewed="2020-01-01",
        next_review_due="2099-01-01",
    )
    submitted = in_review(draft_cause).revision.as_object()
    assert submitted.reviewed_by == ""
    assert submitted.reviewer_credentials == ""
    assert submitted.last_reviewed is None
    assert submitted.next_review_due is None

    # A medical reviewer may correct them.
    client.force_login(reviewer)
    form = client.get(f"/admin/pages/{draft_cause.pk}/edit/")
    assert (
        not soup(form.content.decode())
        .find(attrs={"name": "reviewed_by"})
        .has_attr("disabled")
    )


# An override covers one publication ------------------------------------------


def test_an_override_covers_one_publication(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "Typo fix only.", "override_overdue_review": "on"},
        headers=XHR,
    )
    assert response.json()["step"] == "success"
    draft_cause.refresh_from_db()
    assert draft_cause.live
    # Published as it was: the review is still overdue, nothing was recorded.
    review = graphql(REVIEW_QUERY).data["cause"]["medicalReview"]
    assert review["nextReviewDue"] == overdue() and review["isOverdue"] is True
    assert not PageLogEntry.objects.filter(action=REVIEW_ACTION).exists()

    # The next edit, with the same overdue date, is refused again.
    client.force_login(editor)
    admin_edit(draft_cause, "action-submit", title="Luteal phase, edited")
    task_state = in_review(draft_cause)
    client.force_login(reviewer)
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": "ok"}, headers=XHR
    )
    assert response.json()["step"] == "action"
    assert "has passed" in response.json()["html"]
    assert graphql(REVIEW_QUERY).data["cause"]["title"] == DRAFT_TITLE
    # The reviewer's editor refuses it too, and so does bulk publishing.
    response = admin_edit(draft_cause, "action-publish", title="Luteal phase, edited")
    assert response.status_code == 200
    assert "has passed" in response.context["form"].errors["next_review_due"][0]
    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={draft_cause.pk}&next=/admin/",
        {},
        follow=True,
    )
    assert "Nothing was published" in str(list(response.context["messages"])[0])
    assert graphql(REVIEW_QUERY).data["cause"]["title"] == DRAFT_TITLE

    # Overriding again is a new history entry, and publishes this edit.
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "Wording only.", "override_overdue_review": "on"},
        headers=XHR,
    )
    assert response.json()["step"] == "success"
    assert graphql(REVIEW_QUERY).data["cause"]["title"] == "Luteal phase, edited"
    overrides = PageLogEntry.objects.filter(page=draft_cause, action=OVERRIDE_ACTION)
    assert overrides.count() == 2
    history = client.get(f"/admin/pages/{draft_cause.pk}/history/")
    shown = history.content.decode()
    assert shown.count("Published although the medical review was overdue") == 2


def test_an_overdue_page_approved_with_a_new_date_is_reviewed(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    chosen = in_months(12).isoformat()
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": "Reviewed in full.", "next_review_due": chosen},
        headers=XHR,
    )
    assert response.json()["step"] == "success"
    review = graphql(REVIEW_QUERY).data["cause"]["medicalReview"]
    assert review["nextReviewDue"] == chosen and review["isOverdue"] is False
    assert not PageLogEntry.objects.filter(action=OVERRIDE_ACTION).exists()


# A refused approval keeps the dialog ------------------------------------------


def test_refused_approval_keeps_the_comment_and_shows_the_reason_by_the_checkbox(
    draft_cause, editor, reviewer, client, admin_edit
):
    task_state = submit_overdue(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    comment = "The dosage table matches the 2024 guideline."
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": comment}, headers=XHR
    )
    assert response.status_code == 200
    assert response.json()["step"] == "action"
    dialog = soup(response.json()["html"])
    # The dialog as the reviewer filled it in, ready to submit again.
    assert dialog.find("form")["action"] == approve_url(draft_cause, task_state)
    assert dialog.find("textarea", attrs={"name": "comment"}).text.strip() == comment
    checkbox = dialog.find("input", attrs={"name": "override_overdue_review"})
    field = checkbox.find_parent(attrs={"data-field-wrapper": True})
    assert "has passed" in field.get_text()
    assert overdue() in field.get_text()

    # Ticking the override then approves with the comment kept.
    response = client.post(
        approve_url(draft_cause, task_state),
        {"comment": comment, "override_overdue_review": "on"},
        headers=XHR,
    )
    assert response.json()["step"] == "success"
    task_state.refresh_from_db()
    assert task_state.comment == comment


# Approving from the dashboard says what was published -------------------------


def test_approving_from_the_dashboard_says_what_was_published(
    draft_cause, editor, reviewer, client, admin_edit
):
    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    dashboard = client.get("/admin/")
    assert DRAFT_TITLE in dashboard.content.decode()
    response = client.post(
        approve_url(draft_cause, task_state) + "?next=/admin/",
        {"comment": "Checked."},
        headers=XHR,
    )
    assert response.json() == {"step": "success", "redirect": "/admin/"}
    dashboard = client.get("/admin/")
    shown = [str(message) for message in dashboard.context["messages"]]
    assert shown == [f"'{DRAFT_TITLE}' was approved and published."]


def test_requesting_changes_from_the_dashboard_says_so_once(
    draft_cause, editor, reviewer, client, admin_edit
):
    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    url = approve_url(draft_cause, task_state, action="reject") + "?next=/admin/"
    response = client.post(url, {"comment": "Cite the guideline."}, headers=XHR)
    assert response.json() == {"step": "success", "redirect": "/admin/"}
    dashboard = client.get("/admin/")
    shown = [str(message) for message in dashboard.context["messages"]]
    requested = [m for m in shown if "requested" in m]
    assert requested == [f"Changes to '{DRAFT_TITLE}' were requested."], shown
    # Sent back already: a second request changes and confirms nothing.
    client.post(url, {"comment": "Again."}, headers=XHR)
    shown = [str(m) for m in client.get("/admin/").context["messages"]]
    assert not [m for m in shown if "requested" in m], shown


def test_a_refused_or_repeated_approval_confirms_nothing(
    draft_cause, editor, reviewer, client, admin_edit
):
    make_overdue(draft_cause)
    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    client.post(approve_url(draft_cause, task_state), {"comment": ""}, headers=XHR)
    dashboard = client.get("/admin/")
    assert not [m for m in dashboard.context["messages"] if "approved" in str(m)]
    client.post(
        approve_url(draft_cause, task_state),
        {"comment": "", "override_overdue_review": "on"},
        headers=XHR,
    )
    client.get("/admin/")  # the confirmation, shown once
    response = client.post(
        approve_url(draft_cause, task_state), {"comment": ""}, follow=True
    )
    shown = [str(message) for message in response.context["messages"]]
    assert not [m for m in shown if "approved" in m], shown
