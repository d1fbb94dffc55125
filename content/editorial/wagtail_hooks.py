"""The medical review in the admin: reviewers' profiles and review history."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.log_actions import LogFormatter

from content.editorial.models import ReviewerProfile
from content.editorial.review import REVIEW_ACTION, is_medical_reviewer


class ReviewerProfileForm(forms.ModelForm):
    class Meta:
        model = ReviewerProfile
        fields = ["display_name", "credentials"]


class ReviewerProfileSettingsPanel(BaseSettingsPanel):
    """*Account → Medical reviewer*: how readers see the reviewer named."""

    name = "reviewer_profile"
    title = gettext_lazy("Medical reviewer")
    help_text = gettext_lazy(
        "Shown to readers on every page you approve, with the date of your review."
    )
    order = 150
    form_class = ReviewerProfileForm

    def is_active(self) -> bool:
        return is_medical_reviewer(self.user)

    def get_form(self) -> forms.Form:
        kwargs = {"instance": ReviewerProfile.for_user(self.user), "prefix": self.name}
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)


@hooks.register("register_account_settings_panel")
def register_reviewer_profile_panel(request: Any, user: Any, profile: Any) -> Any:
    return ReviewerProfileSettingsPanel(request, user, profile)


@hooks.register("register_log_actions")
def register_review_recorded(actions: Any) -> None:
    @actions.register_action(REVIEW_ACTION)
    class ReviewRecorded(LogFormatter):
        label = gettext_lazy("Record medical review")

        def format_message(self, log_entry: Any) -> str:
            data = log_entry.data or {}
            reviewer = data.get("reviewed_by") or ""
            if data.get("credentials"):
                reviewer = f"{reviewer} ({data['credentials']})"
            return _(
                "Medical review recorded: reviewed by %(reviewer)s on "
                "%(last_reviewed)s, next review due %(next_review_due)s"
            ) % {
                "reviewer": reviewer,
                "last_reviewed": data.get("last_reviewed", ""),
                "next_review_due": data.get("next_review_due", ""),
            }
