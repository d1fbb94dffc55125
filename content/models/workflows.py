"""The "Medical review" task of the workflow that publishes article pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import transaction
from django.utils.translation import gettext, gettext_lazy
from wagtail.forms import TaskStateCommentForm
from wagtail.models import GroupApprovalTask

from content.editorial.review import apply_override


class MedicalReviewApprovalForm(TaskStateCommentForm):
    """The approve dialog (dashboard and editor): a comment, and the override
    (shown only when the page's review is overdue, ``approve_modal.html``)."""

    override_overdue_review = forms.BooleanField(
        required=False,
        label=gettext_lazy("Publish although the review is overdue"),
        help_text=gettext_lazy(
            "Medical reviewers only, when the next review date has passed. "
            "Recorded in the page history."
        ),
    )


class MedicalReviewTask(GroupApprovalTask):
    """A group approval whose approve dialog lets a medical reviewer override.

    Members of the task's groups approve or request changes, as with Wagtail's
    group approval task. Approving publishes; ticking *Publish although the
    review is overdue* first records a medical reviewer's override in the page
    history, as the editor's checkbox does.
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
        if action_name == "approve" and override_overdue_review is True:
            revision = task_state.workflow_state.content_object.get_latest_revision()
            apply_override(revision.as_object(), user)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return gettext(
            "Members of the chosen groups approve (which publishes) or request "
            "changes; medical reviewers may override an overdue review date"
        )
