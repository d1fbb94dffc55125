"""The daily sweep that sends ``review.overdue``, run by the worker."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from content.models import CausePage

pytestmark = pytest.mark.django_db


def test_the_worker_runs_the_daily_review_sweep_and_schedules_the_next(
    demo_article, subscription, receiver, run_worker
):
    from django_tasks_db.models import DBTaskResult

    from cms.webhooks.review import ensure_sweep_scheduled

    page = CausePage.objects.get(slug="endometriosis")
    CausePage.objects.exclude(pk=page.pk).update(next_review_due=None)
    CausePage.objects.filter(pk=page.pk).update(
        next_review_due=timezone.localdate() - datetime.timedelta(days=1)
    )
    ensure_sweep_scheduled()
    ensure_sweep_scheduled()  # never two waiting
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_worker()

    assert [e["type"] for e in receiver.events] == ["review.overdue"]
    [waiting] = DBTaskResult.objects.filter(status="READY")
    assert waiting.run_after.date() == timezone.localdate() + datetime.timedelta(days=1)
