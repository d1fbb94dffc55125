"""Subscribers configured in the environment."""

from __future__ import annotations

import json

import pytest
from standardwebhooks.webhooks import Webhook

from cms.webhooks.models import Delivery, new_secret
from content.models import CausePage

pytestmark = pytest.mark.django_db


def publish() -> None:
    CausePage.objects.get(slug="hydrosalpinx").save_revision().publish()


def test_subscribers_from_the_webhooks_variable_get_their_event_types(
    demo_article, settings, receiver, run_worker
):
    old, new = new_secret(), new_secret()
    settings.WEBHOOKS_FROM_ENV = json.dumps(
        [
            {"name": "vendor", "url": receiver.url, "secrets": [new, old]},
            {
                "name": "search",
                "url": receiver.url + "search/",
                "secret": new,
                "events": ["page.deleted"],
            },
        ]
    )
    publish()
    assert list(Delivery.objects.values_list("subscriber", flat=True)) == ["env:vendor"]
    run_worker()
    [received] = receiver.received
    # Two valid secrets while the vendor rotates: either verifies.
    for secret in (old, new):
        assert Webhook(secret).verify(received.body, received.headers)


def test_the_frontend_subscribes_only_with_its_secret(demo_article, settings):
    settings.FRONTEND_URL = "http://127.0.0.1:3000"
    settings.FRONTEND_REVALIDATE_SECRET = ""
    publish()
    assert not Delivery.objects.exists()

    settings.FRONTEND_REVALIDATE_SECRET = new_secret()
    publish()
    [delivery] = Delivery.objects.all()
    assert delivery.subscriber == "env:frontend"
    assert delivery.target == "http://127.0.0.1:3000/api/revalidate"
