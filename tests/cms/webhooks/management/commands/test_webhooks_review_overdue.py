"""``manage.py webhooks_review_overdue`` sends the event at once, once."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from content.models import CausePage
from tests.cms.webhooks.conftest import events

pytestmark = pytest.mark.django_db


def test_review_overdue_is_sent_once_the_day_it_falls_due(
    demo_article, subscription, receiver, run_worker
):
    page = CausePage.objects.get(slug="hydrosalpinx")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    CausePage.objects.filter(pk=page.pk).update(next_review_due=yesterday)
    CausePage.objects.exclude(pk=page.pk).update(
        next_review_due=timezone.localdate() + datetime.timedelta(days=30)
    )

    call_command("webhooks_review_overdue", stdout=io.StringIO())
    call_command("webhooks_review_overdue", stdout=io.StringIO())

    [event] = events()
    assert event["type"] == "review.overdue"
    assert event["data"]["object"]["id"] == page.pk
    assert event["data"]["revision"] == page.live_revision_id
    assert event["data"]["invalidates"] == {"tags": [], "urls": []}
    run_worker()
    assert [e["type"] for e in receiver.events] == ["review.overdue"]
