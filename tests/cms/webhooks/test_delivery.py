"""The worker delivers events, signed, retried, logged; faults lose nothing."""

from __future__ import annotations

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from cms.webhooks.delivery import retry_delay
from cms.webhooks.models import Delivery, DeliveryAttempt, Event
from tests.cms.webhooks.conftest import publish

pytestmark = pytest.mark.django_db


def test_worker_delivers_a_signed_event_the_receiver_verifies(
    demo_article, subscription, receiver, run_worker
):
    page = publish()
    assert receiver.received == []  # queued, not sent in the publishing request

    run_worker()

    [received] = receiver.received
    assert received.verified is not None, "signature did not verify"
    assert received.headers["webhook-id"].startswith("msg_")
    assert received.headers["content-type"] == "application/json"
    event = received.event
    assert event["type"] == "page.published"
    data = event["data"]
    assert data["object"] == {
        "type": "content.causepage",
        "id": page.pk,
        "locale": "en",
        "slug": "hydrosalpinx",
        "urls": {"en": page.url},
    }
    page.refresh_from_db()
    assert data["revision"] == page.live_revision_id
    parent = page.get_parent()
    assert data["invalidates"] == {
        "tags": [f"page-{page.pk}", f"page-{parent.pk}"],
        "urls": [page.url, parent.url],
    }
    assert datetime.datetime.fromisoformat(event["timestamp"]).tzinfo is not None
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.SUCCEEDED
    [attempt] = delivery.attempt_log.all()
    assert attempt.succeeded and attempt.status_code == 200
    assert attempt.response_excerpt == '{"ok": true}'


def test_another_secret_does_not_verify(
    demo_article, subscription, receiver, run_worker
):
    receiver.secret = "whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
    publish()
    run_worker()
    assert receiver.received[0].verified is None


def test_a_rolled_back_publish_sends_nothing(
    demo_article, subscription, receiver, run_worker
):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish()
        assert Delivery.objects.count() == 1
        raise RuntimeError("the publish fails after the event was queued")
    assert Event.objects.count() == 0
    assert Delivery.objects.count() == 0
    run_worker()
    assert receiver.received == []


def test_events_wait_without_a_worker_and_go_out_when_one_starts(
    demo_article, subscription, receiver, run_worker
):
    publish()
    publish("endometriosis")
    # No worker runs: nothing is sent, nothing is lost.
    assert receiver.received == []
    assert list(Delivery.objects.values_list("status", flat=True)) == ["pending"] * 2

    run_worker()

    assert sorted(event["data"]["object"]["slug"] for event in receiver.events) == [
        "endometriosis",
        "hydrosalpinx",
    ]
    assert set(Delivery.objects.values_list("status", flat=True)) == {"succeeded"}


def test_a_receiver_failing_twice_gets_the_event_on_the_third_attempt(
    demo_article, subscription, receiver, run_worker
):
    receiver.answers = [500, 503]
    publish()
    run_worker()
    assert len(receiver.received) == 3
    ids = {item.headers["webhook-id"] for item in receiver.received}
    assert len(ids) == 1  # the same message each time: receivers can dedupe
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.SUCCEEDED
    attempts = list(delivery.attempt_log.values_list("status_code", "succeeded"))
    assert attempts == [(500, False), (503, False), (200, True)]
    assert delivery.attempt_log.first().response_excerpt == "receiver error"


def test_a_receiver_that_keeps_failing_ends_failed_after_the_retry_limit(
    demo_article, subscription, receiver, run_worker, settings
):
    settings.WEBHOOKS_MAX_ATTEMPTS = 4
    receiver.answers = [500] * 10
    publish()
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED
    assert delivery.attempts == 4
    assert delivery.last_error == "Answered 500."
    assert len(receiver.received) == 4


def test_retries_go_on_for_the_retry_period_then_stop(
    demo_article, subscription, receiver, run_worker, settings
):
    receiver.answers = [500] * 10
    settings.WEBHOOKS_MAX_ATTEMPTS = 2
    publish()
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED

    # Without an attempt limit, the retry period decides: a delivery first
    # tried 24 hours ago is still retried, one tried 26 hours ago is not.
    settings.WEBHOOKS_MAX_ATTEMPTS = 0
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 3600
    settings.WEBHOOKS_RETRY_MAX_DELAY_SECONDS = 3600
    from cms.webhooks.delivery import _gives_up

    for hours, gives_up in ((23, False), (26, True)):
        delivery.first_attempt_at = timezone.now() - datetime.timedelta(hours=hours)
        assert (
            _gives_up(delivery, timezone.now() + datetime.timedelta(minutes=30))
            is gives_up
        )


def test_backoff_doubles_with_jitter_up_to_the_maximum(settings):
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 30
    settings.WEBHOOKS_RETRY_MAX_DELAY_SECONDS = 3 * 3600
    for attempts, full in ((1, 30), (2, 60), (3, 120), (12, 3 * 3600)):
        delays = {retry_delay(attempts) for _ in range(50)}
        assert all(full / 2 <= delay <= full for delay in delays)
        assert len(delays) > 1  # jitter


def test_the_default_retry_schedule_lasts_at_least_24_hours(settings):
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 30
    settings.WEBHOOKS_RETRY_MAX_DELAY_SECONDS = 3 * 3600
    assert settings.WEBHOOKS_RETRY_HOURS >= 24
    assert settings.WEBHOOKS_TIMEOUT_SECONDS == 5


def test_a_redirect_is_a_failure_and_is_not_followed(
    demo_article, subscription, receiver, run_worker, settings
):
    settings.WEBHOOKS_MAX_ATTEMPTS = 1
    receiver.answers = ["redirect"]
    publish()
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED
    assert len(receiver.received) == 1
    assert "do not follow redirects" in delivery.last_error
    assert delivery.attempt_log.get().status_code == 302


def test_a_huge_answer_is_read_only_up_to_the_excerpt(
    demo_article, subscription, receiver, run_worker, settings
):
    receiver.answers = ["huge"]
    publish()
    run_worker()
    attempt = DeliveryAttempt.objects.get()
    assert attempt.succeeded
    assert attempt.response_excerpt.endswith("[truncated]")
    assert (
        len(attempt.response_excerpt) <= settings.WEBHOOKS_RESPONSE_EXCERPT_BYTES + 20
    )


def test_a_hanging_receiver_times_out_and_does_not_hold_the_others(
    demo_article, subscription, receiver, run_worker, settings
):
    from cms.webhooks.models import Subscription

    settings.WEBHOOKS_TIMEOUT_SECONDS = 0.5
    settings.WEBHOOKS_MAX_ATTEMPTS = 1
    receiver.answers = ["hang"]
    other = Subscription.objects.create(name="Translation vendor", url=receiver.url)
    publish()
    run_worker()
    outcomes = dict(Delivery.objects.values_list("subscription_id", "last_error"))
    # One delivery timed out; the other subscriber still got its event.
    assert sorted(outcomes.values()) == ["", "Timed out after 0.5 s."]
    assert Delivery.objects.get(subscription=other).status in (
        Delivery.SUCCEEDED,
        Delivery.FAILED,
    )
    assert Delivery.objects.filter(status=Delivery.SUCCEEDED).count() == 1


def test_a_dead_receiver_is_a_failed_attempt_with_a_clear_error(
    demo_article, subscription, run_worker, settings
):
    settings.WEBHOOKS_MAX_ATTEMPTS = 1
    subscription.url = "http://127.0.0.1:9/nothing-listens-here/"
    subscription.save()
    publish()
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED
    assert delivery.last_error.startswith("Connection failed")
