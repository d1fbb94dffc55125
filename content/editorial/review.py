"""Medical review: who may publish an article page, and when.

Article pages are published by approving the "Medical review" workflow (see
the ``0004`` to ``0006`` data migrations). Approval by a medical reviewer
records the review on the published version (``record_review``): who, with
the credentials of their profile, when, and the next review date, the
reviewer's choice or the site's review interval from today.

A page whose next review date has passed is not published, unless a medical
reviewer sets a new date when approving, or overrides it. An override is
written to the page history and covers one publication: the next edit with
the same overdue date is refused again.

The rule is applied where every publication passes, ``ArticlePage.publish``
(``check_revision``): approving the workflow, the bulk publish action,
``publish_scheduled``, translations. The page editor publishes without going
through it, so its form applies the same rule (``ArticlePageForm``), and the
bulk action checks all selected pages first to name every refused one
(``refuse_overdue_bulk_publish`` in ``wagtail_hooks``).
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy, gettext_noop

# No Wagtail model imports at module level: Wagtail imports this module (the
# workflow's finishing action, WAGTAIL_FINISH_WORKFLOW_ACTION) while its own
# models are being defined.

# Stored in English, shown in the admin language (content.editorial.patches).
MEDICAL_REVIEWERS = gettext_noop("Medical reviewers")
WORKFLOW_NAME = gettext_noop("Medical review")
OVERRIDE_ACTION = "content.review_override"
REVIEW_ACTION = "content.review_recorded"
# The log action Wagtail's publish_scheduled command publishes with.
SCHEDULED_PUBLISH = "wagtail.publish.scheduled"
PUBLISH_ACTIONS = ("wagtail.publish", SCHEDULED_PUBLISH)
#: The page fields a medical review fills in; only reviewers edit them.
REVIEW_FIELDS = (
    "reviewed_by",
    "reviewer_credentials",
    "last_reviewed",
    "next_review_due",
)

logger = logging.getLogger("content.review")

OVERDUE_MESSAGE = gettext_lazy(
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
    """Has a medical reviewer accepted publishing with this overdue date, since
    the page was last published? An override covers one publication."""
    from wagtail.models import PageLogEntry

    entries = PageLogEntry.objects.filter(
        page_id=page.pk,
        action=OVERRIDE_ACTION,
        data__next_review_due=page.next_review_due.isoformat(),
    )
    last_publication = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=PUBLISH_ACTIONS)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if last_publication is not None:
        entries = entries.filter(pk__gt=last_publication)
    return any(
        is_medical_reviewer(entry.user) for entry in entries.select_related("user")
    )


def is_refused(page: Any) -> bool:
    """Is publishing this version of the page refused by the review-date rule?"""
    due = getattr(page, "next_review_due", None)
    return is_overdue(due) and not override_recorded(page)


def check_publishable(page: Any) -> None:
    """Refuse to publish an article page whose review is overdue."""
    if is_refused(page):
        raise ReviewOverdue(
            OVERDUE_MESSAGE.format(date=page.next_review_due.isoformat()), page.pk
        )


def check_revision(revision: Any, log_action: Any) -> bool:
    """Apply the review-date rule to publishing ``revision``.

    Raises ``ReviewOverdue``, which rolls back the approval or bulk action
    that was publishing. ``publish_scheduled`` is not interactive and must go
    on with the other pages, so a scheduled publication is skipped instead
    (``False``), with a warning naming the page: the revision stays scheduled
    and is published by the first run after a reviewer has dealt with it.
    """
    page = revision.as_object()
    if not is_refused(page):
        return True
    if log_action == SCHEDULED_PUBLISH:
        logger.warning(
            "Not publishing scheduled page %r (id %s): its next review date "
            "(%s) has passed. It stays scheduled until a medical reviewer "
            "reviews it and sets a new date, or overrides this.",
            page.title,
            page.pk,
            page.next_review_due.isoformat(),
        )
        return False
    check_publishable(page)
    return True


def bulk_publish_refusals(pages: Any, include_descendants: bool, user: Any) -> list:
    """The pages a bulk publish would publish against the review-date rule.

    Each selected page, and with ``include_descendants`` each unpublished
    descendant the user may publish, exactly as Wagtail's bulk action picks
    them; each is judged by the revision that would be published.
    """

    def version(page: Any) -> Any:
        revision = page.get_latest_revision()
        return revision.as_object() if revision is not None else page.specific

    candidates = {}
    for page in pages:
        candidates.setdefault(page.pk, page)
        if include_descendants:
            for descendant in page.get_descendants().not_live().specific():
                if descendant.permissions_for_user(user).can_publish():
                    candidates.setdefault(descendant.pk, descendant)
    return [
        candidate
        for candidate in map(version, candidates.values())
        if is_refused(candidate)
    ]


def approval_needs_override(page: Any) -> bool:
    """Would approving ``page`` now be refused without a reviewer's override?

    Judged by the version under review, the page's latest revision.
    """
    revision = page.get_latest_revision()
    return is_refused(revision.as_object() if revision is not None else page)


def apply_override(page: Any, user: Any) -> bool:
    """A medical reviewer overrides the overdue review of ``page`` (a version).

    Recorded once in the page history; nothing happens if the review is not
    overdue, is already overridden, or ``user`` is not a medical reviewer.
    """
    if (
        is_medical_reviewer(user)
        and is_overdue(getattr(page, "next_review_due", None))
        and not override_recorded(page)
    ):
        record_override(page, user)
        return True
    return False


def review_site_settings(page: Any) -> Any:
    """The review settings of the site ``page`` belongs to (the default site's
    for a page outside every site)."""
    from wagtail.models import Site

    from content.editorial.models import ReviewSettings

    site = page.get_site() or Site.objects.filter(is_default_site=True).first()
    return ReviewSettings.for_site(site)


def record_review(
    revision: Any, user: Any, next_review_due: datetime.date | None = None
) -> Any:
    """A medical reviewer approves ``revision``: record the review on it.

    The approved version is saved again as a new revision with the review
    filled in (who, with the credentials of their profile, today, and
    ``next_review_due`` or the site's review interval from today), which is
    the one published; the revision that was submitted stays as it was. The
    page history gets an entry saying so. Returns the new revision.
    """
    from wagtail.log_actions import log

    from content.editorial.models import ReviewerProfile

    page = revision.as_object()
    profile = ReviewerProfile.for_user(user)
    reviewed_on = today()
    page.reviewed_by = profile.reviewer_name()
    page.reviewer_credentials = profile.credentials
    page.last_reviewed = reviewed_on
    page.next_review_due = next_review_due or review_site_settings(
        page
    ).next_review_due(reviewed_on)
    reviewed = page.save_revision(user=user, log_action=False, clean=False)
    log(
        page,
        REVIEW_ACTION,
        user=user,
        revision=reviewed,
        data={
            "reviewed_by": page.reviewed_by,
            "credentials": page.reviewer_credentials,
            "last_reviewed": reviewed_on.isoformat(),
            "next_review_due": page.next_review_due.isoformat(),
        },
    )
    return reviewed


def publish_reviewed_workflow_state(workflow_state: Any, user: Any = None) -> None:
    """The workflow's finishing action: publish the approved revision.

    ``ArticlePage.publish`` applies the review-date rule. Approval runs in one
    transaction, so a refusal leaves the task in review and nothing published.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user)
