"""A real HTTP receiver for webhooks, and the worker run in the test."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from standardwebhooks.webhooks import (
    EmptyWebhookSecretError,
    Webhook,
    WebhookVerificationError,
)

from cms.webhooks.models import Event, Subscription
from content.models import CausePage
from tests.content.conftest import admin_edit, editor, reviewer  # noqa: F401


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    #: The body as the receiver's Standard Webhooks library verified it
    #: (None: the signature did not verify).
    verified: Any

    @property
    def event(self) -> dict[str, Any]:
        return json.loads(self.body)


@dataclass
class Receiver:
    """An HTTP server on 127.0.0.1 that records every POST and verifies its
    signature with ``standardwebhooks``. ``answers`` is a list of what to do
    with the next requests (a status code, or "hang", "redirect", "huge");
    once it is used up, every request gets 200."""

    secret: str = ""
    answers: list[Any] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    url: str = ""
    release: threading.Event = field(default_factory=threading.Event)

    def verify(self, body: bytes, headers: dict[str, str]) -> Any:
        try:
            return Webhook(self.secret).verify(body, headers)
        except (WebhookVerificationError, EmptyWebhookSecretError):
            return None

    @property
    def events(self) -> list[dict[str, Any]]:
        return [item.event for item in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {key.lower(): value for key, value in self.headers.items()}
            state.received.append(Received(headers, body, state.verify(body, headers)))
            answer = state.answers.pop(0) if state.answers else 200
            if answer == "hang":
                state.release.wait(30)
                return
            if answer == "redirect":
                self.send_response(302)
                self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
                self.end_headers()
                return
            if answer == "huge":
                self.send_response(200)
                self.send_header("Content-Length", str(10 * 1024 * 1024))
                self.end_headers()
                chunk = b"x" * 65536
                try:
                    for _ in range(160):
                        self.wfile.write(chunk)
                except OSError:  # the sender stopped reading, as it should
                    pass
                return
            payload = b'{"ok": true}' if answer < 400 else b"receiver error"
            self.send_response(answer)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/"
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def subscription(receiver, db) -> Subscription:
    """An admin subscription to every event type, sent to ``receiver``."""
    subscription = Subscription.objects.create(name="Search index", url=receiver.url)
    receiver.secret = subscription.secret
    return subscription


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(autouse=True)
def fast_retries(settings):
    """Retries without waiting; the default backoff has its own test."""
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 0
    settings.WEBHOOKS_RETRY_MAX_DELAY_SECONDS = 0


@pytest.fixture(autouse=True)
def no_waiting_sweep(db):
    """The daily review sweep ``migrate`` queued is not part of these tests."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()


def wait_for(condition: Callable[[], bool], seconds: float = 5) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met")
        time.sleep(0.01)


def publish(slug: str = "hydrosalpinx") -> CausePage:
    page = CausePage.objects.get(slug=slug)
    page.title = f"{page.title} (revised)"
    page.save_revision().publish()
    return page


def events() -> list[dict]:
    return [
        json.loads(body)
        for body in Event.objects.order_by("created_at").values_list("body", flat=True)
    ]
