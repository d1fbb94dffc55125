"""Medical review: who may publish an article page, and when.

Article pages are published by approving the "Medical review" workflow (see
the ``0003`` data migration). A page whose next review date has passed is
refused on every interactive publishing path, unless a medical reviewer
overrides it; the override is written to the page history.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

# No Wagtail model imports at module level: Wagtail imports this module (the
# workflow's finishing action, WAGTAIL_FINISH_WORKFLOW_ACTION) while its own
# models are being defined.

MEDICAL_REVIEWERS = "Medical reviewers"
WORKFLOW_NAME = "Medical review"
OVERRIDE_ACTION = "content.review_override"

OVERDUE_MESSAGE = (
    "The next review date ({date}) has passed. A medical reviewer must review "
    "the page and set a new date before it is published, or override this."
)


class ReviewOverdue(Exception):
    """Publishing refused: the page's medical review is overdue.

    Deliberately not a ``PermissionDenied``: Wagtail's admin would turn that
    into a generic "no permission" message. ``ReviewOverdueMiddleware`` shows
    this message instead.
    """

    def __init__(self, message: str, page_id: int | None = None):
        super().__init__(message)
        self.page_id = page_id


def today() -> datetime.date:
    return timezone.localdate()


def is_overdue(next_review_due: datetime.date | None) -> bool:
    return next_review_due is not None and next_review_due < today()


def is_medical_reviewer(user: Any) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=MEDICAL_REVIEWERS).exists()


def record_override(page: Any, user: Any) -> None:
    """Write the reviewer's override of an overdue review to the page history."""
    from wagtail.log_actions import log

    log(
        page,
        OVERRIDE_ACTION,
        user=user,
        data={"next_review_due": page.next_review_due.isoformat()},
    )


def override_recorded(page: Any) -> bool:
    """Has a medical reviewer accepted publishing with this overdue date?"""
    from wagtail.models import PageLogEntry

    entries = PageLogEntry.objects.filter(
        page_id=page.pk,
        action=OVERRIDE_ACTION,
        data__next_review_due=page.next_review_due.isoformat(),
    ).select_related("user")
    return any(is_medical_reviewer(entry.user) for entry in entries)


def check_publishable(page: Any) -> None:
    """Refuse to publish an article page whose review is overdue."""
    due = getattr(page, "next_review_due", None)
    if is_overdue(due) and not override_recorded(page):
        raise ReviewOverdue(OVERDUE_MESSAGE.format(date=due.isoformat()), page.pk)


def publish_reviewed_workflow_state(workflow_state: Any, user: Any = None) -> None:
    """The workflow's finishing action: publish the approved revision.

    Wagtail's own action publishes unconditionally; this one first applies the
    review-date rule. Approval runs in one transaction, so a refusal leaves the
    task in review and nothing published.
    """
    revision = workflow_state.content_object.get_latest_revision()
    check_publishable(revision.as_object())
    revision.publish(user=user)
