"""Subscriptions: the event types they want, and their secrets' rotation."""

from __future__ import annotations

import pytest
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from cms.webhooks.models import Delivery
from tests.cms.webhooks.conftest import publish

pytestmark = pytest.mark.django_db


def test_rotated_secret_signs_with_both_until_the_old_one_expires(
    demo_article, subscription, receiver, run_worker
):
    old = subscription.secret
    new = subscription.rotate_secret()
    publish()
    run_worker()
    [received] = receiver.received
    for secret in (old, new):
        assert Webhook(secret).verify(received.body, received.headers)
    assert len(received.headers["webhook-signature"].split(" ")) == 2

    subscription.previous_secret_expires_at = timezone.now()
    subscription.save()
    publish("endometriosis")
    run_worker()
    assert len(receiver.received[1].headers["webhook-signature"].split(" ")) == 1
    assert Webhook(new).verify(receiver.received[1].body, receiver.received[1].headers)


def test_an_inactive_subscription_gets_nothing(
    demo_article, subscription, receiver, run_worker
):
    subscription.active = False
    subscription.save()
    publish()
    assert Delivery.objects.count() == 0
    run_worker()
    assert receiver.received == []


def test_a_subscription_gets_only_its_event_types(
    demo_article, subscription, receiver, run_worker
):
    subscription.events = ["page.unpublished"]
    subscription.save()
    page = publish()
    page.unpublish()
    run_worker()
    assert [event["type"] for event in receiver.events] == ["page.unpublished"]
