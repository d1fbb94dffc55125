"""The "Medical review" task of the workflow that publishes article pages."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.widgets import AdminDateInput
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask

from content.editorial.review import (
    apply_override,
    is_medical_reviewer,
    is_overdue,
    record_review,
    today,
)


class MedicalReviewApprovalForm(TaskStateCommentForm):
    """The approve dialog (dashboard and editor): a comment, the next review
    date, and the override (shown only when the page's review is overdue,
    ``approve_modal.html``)."""

    next_review_due = forms.DateField(
        required=False,
        label=gettext_lazy("Next review due"),
        help_text=gettext_lazy(
            "Leave empty to use the site's review interval from today "
            "(Settings → Medical review)."
        ),
        widget=AdminDateInput,
    )
    override_overdue_review = forms.BooleanField(
        required=False,
        label=gettext_lazy("Publish although the review is overdue"),
        help_text=gettext_lazy(
            "Medical reviewers only, when the next review date has passed. "
            "Recorded in the page history."
        ),
    )

    def clean_next_review_due(self) -> datetime.date | None:
        due = self.cleaned_data.get("next_review_due")
        if due is not None and due <= today():
            raise forms.ValidationError(
                gettext_lazy("The next review date must be in the future.")
            )
        return due


def chosen_review_date(value: object) -> datetime.date | None:
    """The dialog's next review date: a date from the dashboard's form, its ISO
    string from the editor (which sends the dialog's data as JSON)."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


class MedicalReviewTask(GroupApprovalTask):
    """A group approval whose approve dialog lets a medical reviewer override.

    Members of the task's groups approve or request changes, as with Wagtail's
    group approval task. Approving publishes, and records the review on the
    published version (``content.editorial.review.record_review``), with the
    next review date the reviewer chose: in the dialog, or by changing it in
    the editor before approving; else the site's review interval applies.

    Ticking *Publish although the review is overdue* instead records a medical
    reviewer's override in the page history, as the editor's checkbox does,
    and publishes the version as it is: the date stays overdue, so the next
    edit needs a review or another override.
    """

    class Meta:
        verbose_name = gettext_lazy("Medical review task")
        verbose_name_plural = gettext_lazy("Medical review tasks")

    def get_form_for_action(self, action: str) -> type[forms.Form]:
        if action == "approve":
            return MedicalReviewApprovalForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action: str) -> str:
        # Wagtail gives the form no page; the dialog's template has it, and
        # shows the override only when the page's review is overdue.
        if action == "approve":
            return "content/workflows/approve_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(
        self,
        task_state: Any,
        user: Any,
        action_name: str,
        override_overdue_review: bool = False,
        **kwargs: Any,
    ) -> Any:
        next_review_due = chosen_review_date(kwargs.pop("next_review_due", None))
        if action_name == "approve" and is_medical_reviewer(user):
            page = task_state.workflow_state.content_object
            revision = page.get_latest_revision()
            if next_review_due is None or next_review_due <= today():
                next_review_due = self.date_set_in_editor(task_state, revision)
            version = revision.as_object()
            due = getattr(version, "next_review_due", None)
            if not hasattr(version, "next_review_due"):
                pass  # not an article page: nothing to record
            elif next_review_due is None and is_overdue(due):
                # Published as it is, once, with the override (recorded here
                # or by the editor's form); without one the publication is
                # refused (ArticlePage.publish).
                if override_overdue_review is True:
                    apply_override(version, user)
            else:
                # The version published is the one the review is recorded on.
                page.latest_revision = record_review(revision, user, next_review_due)
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def date_set_in_editor(task_state: Any, revision: Any) -> datetime.date | None:
        """The next review date the reviewer typed in the editor while
        approving: the version approved differs from the one submitted (only
        medical reviewers may change the date, ``ArticlePageForm``)."""
        submitted = task_state.revision
        if submitted is None or submitted.pk == revision.pk:
            return None
        due = getattr(revision.as_object(), "next_review_due", None)
        before = getattr(submitted.as_object(), "next_review_due", None)
        if due is not None and due != before and due > today():
            return due
        return None

    @classmethod
    def get_description(cls) -> str:
        return gettext(
            "Members of the chosen groups approve (which publishes) or request "
            "changes; medical reviewers may override an overdue review date"
        )
