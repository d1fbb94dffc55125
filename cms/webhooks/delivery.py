"""Sending one delivery: sign, POST, log the attempt, retry or give up.

Each delivery is its own task on the ``webhooks`` backend, so a slow or dead
receiver holds one worker slot for at most ``WEBHOOKS_TIMEOUT_SECONDS`` and
never delays publishing or the other receivers. Redirects are not followed
(a redirect is a failure), at most ``WEBHOOKS_RESPONSE_EXCERPT_BYTES`` of an
answer is read, and an admin subscription's connection is refused when it
reaches a private address (``cms.webhooks.addresses``).
"""

from __future__ import annotations

import datetime
import logging
import random
import time

import requests
import urllib3
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskContext, task
from requests.adapters import HTTPAdapter
from standardwebhooks.webhooks import Webhook
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from cms.webhooks.addresses import AddressRefused, check_address, private_allowed
from cms.webhooks.models import Delivery, DeliveryAttempt, Event
from cms.webhooks.outcomes import Outcome
from cms.webhooks.purge import purge
from cms.webhooks.subscribers import CDN, Subscriber, resolve

logger = logging.getLogger("cms.webhooks")

USER_AGENT = "Nidation-CMS-Webhooks/1"


def queue_delivery(event: Event, subscriber: Subscriber) -> Delivery:
    """A pending delivery and its task, in the caller's transaction."""
    delivery = Delivery.objects.create(
        event=event,
        subscriber=subscriber.key,
        subscription_id=subscriber.subscription_id,
        target=subscriber.url,
    )
    result = deliver.enqueue(delivery.pk)
    Delivery.objects.filter(pk=delivery.pk).update(task_id=str(result.id))
    delivery.task_id = str(result.id)
    return delivery


def resend(delivery: Delivery) -> None:
    """Send again from the start: a new retry period, a new task."""
    with transaction.atomic():
        result = deliver.enqueue(delivery.pk)
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.PENDING,
            first_attempt_at=None,
            next_attempt_at=None,
            finished_at=None,
            task_id=str(result.id),
        )


# -- HTTP ---------------------------------------------------------------------


class _GuardedConnectionMixin:
    def _new_conn(self):
        sock = super()._new_conn()
        try:
            check_address(sock.getpeername()[0], self.host)
        except AddressRefused:
            sock.close()
            raise
        return sock


class _GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    """Refuses a connection whose peer is not a public address: checked on
    the socket itself, after DNS, so a rebinding name cannot slip through."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


def _session(guarded: bool) -> requests.Session:
    session = requests.Session()
    # No proxy from the environment: the connection's peer is the receiver.
    session.trust_env = False
    if guarded:
        adapter = _GuardedAdapter(max_retries=0)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
    return session


def signature_headers(event: Event, secrets: tuple[str, ...], now=None) -> dict:
    """The Standard Webhooks headers: one ``v1`` signature per valid secret."""
    now = now or timezone.now()
    signatures = [
        Webhook(secret).sign(event.message_id, now, event.body) for secret in secrets
    ]
    return {
        "webhook-id": event.message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": " ".join(signatures),
    }


def _read_capped(response: requests.Response, deadline: float) -> tuple[bytes, bool]:
    limit = settings.WEBHOOKS_RESPONSE_EXCERPT_BYTES
    data = b""
    for chunk in response.iter_content(chunk_size=4096):
        data += chunk
        if len(data) > limit:
            return data[:limit], True
        if time.monotonic() > deadline:
            raise requests.Timeout("the answer took too long")
    return data, False


def post(subscriber: Subscriber, event: Event) -> Outcome:
    """POST the event to an HTTP subscriber; never raises."""
    timeout = settings.WEBHOOKS_TIMEOUT_SECONDS
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signature_headers(event, subscriber.secrets),
    }
    guarded = subscriber.guarded and not private_allowed()
    deadline = time.monotonic() + timeout
    try:
        with _session(guarded) as session:
            response = session.post(
                subscriber.url,
                data=event.body.encode(),
                headers=headers,
                timeout=(timeout, timeout),
                allow_redirects=False,
                stream=True,
            )
            with response:
                body, truncated = _read_capped(response, deadline)
    except AddressRefused as error:
        return Outcome(False, error=f"Refused: {error}")
    except requests.Timeout:
        return Outcome(False, error=f"Timed out after {timeout:g} s.")
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
        cause = error
        while cause.__context__ is not None and not isinstance(cause, AddressRefused):
            cause = cause.__context__
        if isinstance(cause, AddressRefused):
            return Outcome(False, error=f"Refused: {cause}")
        return Outcome(False, error=f"Connection failed: {type(error).__name__}.")
    excerpt = body.decode("utf-8", "replace") + (" [truncated]" if truncated else "")
    status = response.status_code
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        return Outcome(
            False,
            status,
            f"Redirected to {location[:200] or 'another address'}: webhooks do "
            "not follow redirects; subscribe the final URL.",
            excerpt,
        )
    if not 200 <= status < 300:
        return Outcome(False, status, f"Answered {status}.", excerpt)
    return Outcome(True, status, "", excerpt)


# -- attempts and retries -----------------------------------------------------


def retry_delay(attempts: int) -> float:
    """Seconds before the next try after ``attempts`` failed ones: doubling
    from the base up to the maximum, with "equal jitter" (half of it random)."""
    base = settings.WEBHOOKS_RETRY_BASE_SECONDS
    delay = min(
        base * 2 ** max(attempts - 1, 0), settings.WEBHOOKS_RETRY_MAX_DELAY_SECONDS
    )
    return delay / 2 + random.uniform(0, delay / 2)  # noqa: S311 (not security)


def _gives_up(delivery: Delivery, next_at: datetime.datetime) -> bool:
    limit = settings.WEBHOOKS_MAX_ATTEMPTS
    if limit and delivery.attempts >= limit:
        return True
    window = datetime.timedelta(hours=settings.WEBHOOKS_RETRY_HOURS)
    return next_at > delivery.first_attempt_at + window


def attempt(delivery_id: int, task_id: str) -> str:
    """Make one attempt at a delivery (the task's body). Returns what happened."""
    delivery = Delivery.objects.select_related("event").filter(pk=delivery_id).first()
    if delivery is None:
        return "gone"
    if delivery.status != Delivery.PENDING or (
        delivery.task_id and delivery.task_id != task_id
    ):
        return "superseded"
    subscriber = resolve(delivery.subscriber)
    started = timezone.now()
    clock = time.monotonic()
    if subscriber is None:
        outcome = Outcome(False, error="This subscriber is no longer configured.")
        final = True
    elif subscriber.subscription_id and not delivery.subscription.active:
        outcome = Outcome(False, error="The subscription was deactivated.")
        final = True
    elif subscriber.key == CDN:
        outcome, final = purge(delivery.event), False
    else:
        outcome, final = post(subscriber, delivery.event), False
    duration_ms = int((time.monotonic() - clock) * 1000)
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
        delivery.attempts += 1
        delivery.first_attempt_at = delivery.first_attempt_at or started
        DeliveryAttempt.objects.create(
            delivery=delivery,
            number=delivery.attempts,
            started_at=started,
            duration_ms=duration_ms,
            status_code=outcome.status_code,
            succeeded=outcome.succeeded,
            error=outcome.error,
            response_excerpt=outcome.excerpt,
        )
        delivery.last_error = outcome.error
        if outcome.succeeded:
            delivery.status = Delivery.SUCCEEDED
            delivery.finished_at = timezone.now()
            delivery.next_attempt_at = None
            delivery.task_id = ""
            result = "delivered"
        else:
            next_at = timezone.now() + datetime.timedelta(
                seconds=retry_delay(delivery.attempts)
            )
            if final or _gives_up(delivery, next_at):
                delivery.status = Delivery.FAILED
                delivery.finished_at = timezone.now()
                delivery.next_attempt_at = None
                delivery.task_id = ""
                result = "failed"
                logger.warning(
                    "Webhook delivery %s of %s to %s failed after %d attempts: %s",
                    delivery.pk,
                    delivery.event.type,
                    delivery.target,
                    delivery.attempts,
                    outcome.error,
                )
            else:
                queued = deliver.using(run_after=next_at).enqueue(delivery.pk)
                delivery.next_attempt_at = next_at
                delivery.task_id = str(queued.id)
                result = "retrying"
        delivery.save()
    return result


#: The worker's backend (django-tasks-db): ``manage.py db_worker --backend webhooks``.
BACKEND = "webhooks"


@task(backend=BACKEND, takes_context=True)
def deliver(context: TaskContext, delivery_id: int) -> str:
    """One attempt at one delivery; a failure queues the next attempt."""
    return attempt(delivery_id, str(context.task_result.id))
