"""What the medical review needs to know beyond the pages themselves.

A reviewer's credentials, shown to readers beside their name on every page
they approve, are theirs to keep current: a small profile edited in the
admin's account settings (``wagtail_hooks.ReviewerProfileSettingsPanel``).
How long a review holds is a site setting (*Settings → Medical review*).
"""

from __future__ import annotations

import datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

DEFAULT_REVIEW_INTERVAL_MONTHS = 12


class ReviewerProfile(models.Model):
    """How a medical reviewer is named to readers on the pages they approve."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_profile",
    )
    display_name = models.CharField(
        _("name shown to readers"),
        max_length=120,
        blank=True,
        help_text=_(
            "For example 'Dr Imogen Example'. Your account's name if left empty."
        ),
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=120,
        blank=True,
        help_text=_(
            "Qualifications shown to readers with your name, e.g. "
            "'MD, reproductive medicine'."
        ),
    )

    class Meta:
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")

    def __str__(self) -> str:
        return self.reviewer_name()

    @classmethod
    def for_user(cls, user: Any) -> ReviewerProfile:
        """The user's profile, unsaved and empty if they have none yet."""
        profile = cls.objects.filter(user=user).first()
        return profile if profile is not None else cls(user=user)

    def reviewer_name(self) -> str:
        return (
            self.display_name.strip()
            or self.user.get_full_name().strip()
            or self.user.get_username()
        )


@register_setting(icon="calendar-check")
class ReviewSettings(BaseSiteSetting):
    """How long a medical review holds before the page must be reviewed again."""

    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=DEFAULT_REVIEW_INTERVAL_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "When a medical reviewer approves a page without choosing its next "
            "review date, the next review is due this many months later."
        ),
    )

    class Meta:
        verbose_name = _("medical review")

    def next_review_due(self, reviewed_on: datetime.date) -> datetime.date:
        return reviewed_on + relativedelta(months=self.review_interval_months)
