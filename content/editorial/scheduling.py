"""Scheduled publishing, honoured by the API exactly at its boundaries.

Wagtail publishes a revision scheduled with a go-live date, and unpublishes a
page or snippet whose expiry date has passed, only when its
``publish_scheduled`` command runs. Until then the API would keep serving the
old state, and the response cache could keep an answer past an expiry. So
every GraphQL request that is not a cache hit first calls ``settle``:

- one query reads the next *boundary*: the earliest ``approved_go_live_at``
  of a scheduled revision, and the earliest ``expire_at`` of a live page or
  snippet (``Revision.approved_go_live_at`` is indexed by Wagtail, the page
  expiry by our migration ``0007_index_page_expiry``);
- when that moment has come, the same work as ``publish_scheduled`` is done
  first for the due objects, through Wagtail's own ``revision.publish()`` and
  ``unpublish()``: one worker does it under a lock while the others wait for
  it, so the answer shows the state after the boundary;
- what is due but refused (an article page whose medical review is overdue
  stays scheduled, see ``content.editorial.review``) or fails is left as it is, and
  tried again ``RETRY_SECONDS`` later rather than on every request;
- the answer is marked valid until the next boundary
  (``request.graphql_valid_until``), so the response cache never serves it
  from that moment on, and HTTP caches get a ``max-age`` that ends there.

Scheduling a revision moves the boundary earlier than cached answers know;
``cms.cache.invalidation`` empties the response cache then.
"""

from __future__ import annotations

import datetime
import functools
import logging
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import DraftStateMixin, Page, Revision

logger = logging.getLogger("content.scheduling")

LOCK_KEY = "content:scheduling:lock"
RETRY_KEY = "content:scheduling:retry-at"
#: A worker holding the lock longer than this is presumed dead.
LOCK_SECONDS = 60
#: How long a request waits for another worker's scheduled publishing.
WAIT_SECONDS = 5.0
#: Something due that was refused or failed is tried again after this long.
RETRY_SECONDS = 60


@functools.cache
def scheduled_models() -> tuple[type[Model], ...]:
    """Page and every model with a live state: what ``publish_scheduled`` handles."""
    return (Page,) + tuple(
        model
        for model in apps.get_models()
        if issubclass(model, DraftStateMixin) and not issubclass(model, Page)
    )


def _earliest(queryset: QuerySet, field: str, after: datetime.datetime | None):
    queryset = queryset.filter(**{f"{field}__isnull": False})
    if after is not None:
        queryset = queryset.filter(**{f"{field}__gt": after})
    first = queryset.order_by(field).values_list(field, flat=True)[:1]
    return first.query.sql_with_params()


def _as_datetime(value: Any) -> datetime.datetime | None:
    if isinstance(value, str):  # SQLite returns subquery columns as text
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)
    return value


def next_boundary(after: datetime.datetime | None = None) -> datetime.datetime | None:
    """The earliest moment at which a scheduled publish or an expiry is due.

    One query, whatever the number of scheduled models. ``after`` leaves out
    boundaries up to that moment.
    """
    parts = [_earliest(Revision.objects.all(), "approved_go_live_at", after)]
    parts += [
        _earliest(model._default_manager.filter(live=True), "expire_at", after)
        for model in scheduled_models()
    ]
    sql = "SELECT " + ", ".join(f"({part})" for part, _params in parts)
    params = [param for _part, part_params in parts for param in part_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    moments = [moment for moment in map(_as_datetime, row) if moment is not None]
    return min(moments, default=None)


@dataclass
class DueWork:
    """What one run of the due work did, by object description."""

    unpublished: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    #: Refused (an overdue medical review): still scheduled.
    refused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def acquire_lock(wait: float = WAIT_SECONDS) -> str | None:
    """Take the scheduling lock (shared by every process using the cache)."""
    token = uuid.uuid4().hex
    deadline = time.monotonic() + wait
    while not (added := cache.add(LOCK_KEY, token, timeout=LOCK_SECONDS)):
        if added is None or time.monotonic() >= deadline:  # None: cache unreachable
            return None
        time.sleep(0.02)
    return token


def release_lock(token: str) -> None:
    if cache.get(LOCK_KEY) == token:
        cache.delete(LOCK_KEY)


def run_due_work(now: datetime.datetime) -> DueWork:
    """Unpublish what has expired and publish what is due at ``now``.

    The same steps, in the same order, as Wagtail's ``publish_scheduled``,
    but for objects due *at or before* now. Rows are locked for the
    transaction and rows another transaction holds are skipped (PostgreSQL;
    SQLite serialises writers anyway). An object that fails is logged and
    left as it is; the others go on. A revision whose publication was refused
    (overdue review) stays scheduled and is not counted as published.
    """
    work = DueWork()
    with transaction.atomic():
        for model in scheduled_models():
            expired = (
                model._default_manager.filter(live=True, expire_at__lte=now)
                .order_by("expire_at", "pk")
                .select_for_update(skip_locked=True)
            )
            for obj in list(expired):
                done = _attempt(
                    obj,
                    lambda obj=obj: obj.unpublish(
                        set_expired=True, log_action="wagtail.unpublish.scheduled"
                    ),
                )
                (work.unpublished if done else work.failed).append(_describe(obj))
        due = (
            Revision.objects.filter(approved_go_live_at__lte=now)
            .order_by("approved_go_live_at", "pk")
            .select_for_update(skip_locked=True)
        )
        for revision in list(due):
            # Article pages refuse (with a warning) a scheduled publication
            # whose medical review is overdue: the revision stays scheduled.
            done = _attempt(
                revision,
                lambda revision=revision: revision.publish(
                    log_action="wagtail.publish.scheduled"
                ),
            )
            if not done:
                work.failed.append(_describe(revision))
            elif Revision.objects.filter(
                pk=revision.pk, approved_go_live_at__isnull=False
            ).exists():
                work.refused.append(_describe(revision))
            else:
                work.published.append(_describe(revision))
    return work


def _attempt(obj: Any, action: Any) -> bool:
    try:
        with transaction.atomic():
            action()
    except Exception:
        logger.exception("Scheduled publishing of %r failed", obj)
        return False
    return True


def _describe(obj: Any) -> str:
    if isinstance(obj, Revision):
        return f"{obj.object_str} ({obj.content_type.name} {obj.object_id})"
    model = getattr(obj, "specific_class", None) or type(obj)
    return f"{obj} ({model._meta.verbose_name} {obj.pk})"


def publish_due() -> datetime.datetime | None:
    """Do the scheduled publishing that is due, once across all workers.

    Returns None when nothing due is left, else when it is worth trying
    again: now, if another worker still held the lock after ``WAIT_SECONDS``;
    ``RETRY_SECONDS`` later if something due was refused or failed (it is
    not tried again before then, by any worker).
    """
    retry_at = cache.get(RETRY_KEY)
    if retry_at is not None and timezone.now() < retry_at:
        return retry_at
    token = acquire_lock(WAIT_SECONDS)
    if token is None:
        return timezone.now()
    try:
        started = timezone.now()
        run_due_work(started)
        left = next_boundary()
    finally:
        release_lock(token)
    if left is None or left > started:
        return None
    retry_at = timezone.now() + datetime.timedelta(seconds=RETRY_SECONDS)
    cache.set(RETRY_KEY, retry_at, timeout=RETRY_SECONDS)
    return retry_at


def settle(request: Any = None) -> float | None:
    """Bring scheduled publishing up to date before a request reads content.

    Returns, and records on the request as ``graphql_valid_until``, the
    timestamp until which the answer may be reused (None: no boundary
    pending). Runs once per request.
    """
    if request is not None and hasattr(request, "_schedule_settled"):
        return request.graphql_valid_until
    boundary = next_boundary()
    if boundary is not None and boundary <= timezone.now():
        retry_at = publish_due()
        if retry_at is None:
            boundary = next_boundary()
        else:
            # Shown as it stands until the retry (no later than the next
            # boundary); an answer given while another worker publishes has
            # retry_at = now, so it is not kept at all.
            later = next_boundary(after=timezone.now())
            boundary = retry_at if later is None else min(later, retry_at)
    valid_until = None if boundary is None else boundary.timestamp()
    if request is not None:
        request.graphql_valid_until = valid_until
        request._schedule_settled = True
    return valid_until
