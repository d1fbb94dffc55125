"""``review.overdue``: a live page whose next medical review date has passed.

Sent once per page and review date, on the first day the page is overdue
(the date is before today, the rule of the medical review), by a sweep the
worker runs every day just after midnight: the sweep task queues its next
run when it finishes, and ``migrate`` queues one when none is waiting. A
worker that was stopped catches up when it starts. ``manage.py
webhooks_review_overdue`` runs the sweep at once. The review date is the
page field named by ``WEBHOOKS_REVIEW_DUE_FIELD`` on any page type that has
it.
"""

from __future__ import annotations

import datetime
import logging

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from cms.webhooks.events import emit, page_data

logger = logging.getLogger("cms.webhooks")

#: Minutes after midnight (in TIME_ZONE) at which the daily sweep runs.
SWEEP_MINUTE = 5


def page_models_with_review_date() -> list[type[Page]]:
    field = settings.WEBHOOKS_REVIEW_DUE_FIELD
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model._meta.proxy:
            continue
        names = {f.name for f in model._meta.get_fields()}
        if field in names and field in {f.name for f in model._meta.local_fields}:
            found.append(model)
    return found


def send_overdue_events(today: datetime.date | None = None) -> int:
    """Send the event for every live page whose review fell overdue and was
    not announced yet. Returns how many were sent."""
    field = settings.WEBHOOKS_REVIEW_DUE_FIELD
    today = today or timezone.localdate()
    sent = 0
    for model in page_models_with_review_date():
        pages = (
            model.objects.live()
            .filter(**{f"{field}__lt": today})
            .select_related("locale")
            .order_by("pk")
        )
        for page in pages:
            due = getattr(page, field)
            data = page_data(page, page.live_revision_id)
            # Nothing a reader sees changes: there is nothing to invalidate.
            data["invalidates"] = {"tags": [], "urls": []}
            with transaction.atomic():
                if emit(
                    "review.overdue",
                    data,
                    once_key=f"review.overdue:{page.pk}:{due.isoformat()}",
                ):
                    sent += 1
    return sent


def next_sweep_at(now: datetime.datetime | None = None) -> datetime.datetime:
    now = timezone.localtime(now or timezone.now())
    tomorrow = now.date() + datetime.timedelta(days=1)
    return timezone.make_aware(
        datetime.datetime.combine(tomorrow, datetime.time(0, SWEEP_MINUTE))
    )


@task(backend="webhooks")
def review_overdue_sweep() -> int:
    """Send ``review.overdue`` for pages that fell overdue, then come back
    tomorrow (the worker runs it)."""
    sent = send_overdue_events()
    schedule_next_sweep()
    return sent


def _waiting_sweeps():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path=review_overdue_sweep.module_path, status="READY"
    )


def schedule_next_sweep(run_after: datetime.datetime | None = None) -> None:
    """Queue the next daily sweep, unless one is waiting already."""
    with transaction.atomic():
        if not _waiting_sweeps().exists():
            review_overdue_sweep.using(run_after=run_after or next_sweep_at()).enqueue()


def ensure_sweep_scheduled(**kwargs) -> None:
    """After ``migrate``: a sweep soon (catching up), if none is waiting."""
    try:
        schedule_next_sweep(run_after=timezone.now())
    except DatabaseError:  # the tables are not there yet (a partial migrate)
        logger.info("The review-overdue sweep was not scheduled")
