"""Subscriptions and deliveries in the Wagtail admin."""

from __future__ import annotations

import re

import pytest
from standardwebhooks.webhooks import Webhook

from cms.webhooks.models import Delivery, Subscription
from content.models import CausePage

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"<code data-webhook-secret>(whsec_[A-Za-z0-9+/=]+)</code>")


def create(admin_client, url, **extra):
    data = {"name": "Search index", "url": url, "active": "on", **extra}
    return admin_client.post("/admin/webhook_subscriptions/new/", data)


def test_the_secret_is_shown_once_on_creation(admin_client, receiver):
    response = create(admin_client, receiver.url, events=["page.published"])
    assert response.status_code == 200
    [secret] = SECRET.findall(response.content.decode())
    subscription = Subscription.objects.get()
    assert subscription.secret == secret
    assert subscription.events == ["page.published"]
    Webhook(secret)  # a valid Standard Webhooks secret

    for url in (
        f"/admin/webhook_subscriptions/edit/{subscription.pk}/",
        "/admin/webhook_subscriptions/",
    ):
        page = admin_client.get(url)
        assert page.status_code == 200
        assert secret not in page.content.decode()


def test_rotating_shows_the_new_secret_and_keeps_the_old_one_valid(
    admin_client, subscription
):
    old = subscription.secret
    url = f"/admin/webhook_subscriptions/rotate/{subscription.pk}/"
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url)
    assert response.status_code == 200
    [new] = SECRET.findall(response.content.decode())
    subscription.refresh_from_db()
    assert new == subscription.secret != old
    assert subscription.signing_secrets() == [new, old]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hooks/",
        "http://10.1.2.3/hooks/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hooks/",
        "http://192.168.0.10/",
    ],
)
def test_a_private_address_is_refused_on_save_in_production(
    admin_client, settings, url
):
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    response = create(admin_client, url)
    assert response.status_code == 200
    assert "private, loopback or link-local" in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_private_address_is_accepted_where_the_setting_allows(admin_client):
    response = create(admin_client, "http://127.0.0.1:8000/hooks/")
    assert response.status_code == 200
    assert Subscription.objects.filter(url="http://127.0.0.1:8000/hooks/").exists()


def test_a_url_that_is_not_http_is_refused(admin_client):
    response = create(admin_client, "ftp://example.org/hooks/")
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_failed_delivery_shows_its_attempts_and_resend_delivers_it(
    demo_article, admin_client, subscription, receiver, run_worker, settings
):
    settings.WEBHOOKS_MAX_ATTEMPTS = 2
    receiver.answers = [500, 502]
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.save_revision().publish()
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED

    listing = admin_client.get("/admin/webhook_deliveries/")
    assert listing.status_code == 200
    assert "Failed" in listing.content.decode()
    inspect = admin_client.get(f"/admin/webhook_deliveries/inspect/{delivery.pk}/")
    html = inspect.content.decode()
    assert inspect.status_code == 200
    assert "Answered 500." in html and "Answered 502." in html
    assert "Resend" in html

    response = admin_client.post(f"/admin/webhook_deliveries/resend/{delivery.pk}/")
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == Delivery.PENDING
    run_worker()
    delivery.refresh_from_db()
    assert delivery.status == Delivery.SUCCEEDED
    assert len(receiver.received) == 3
    assert receiver.received[-1].verified is not None
    assert list(delivery.attempt_log.values_list("number", "status_code")) == [
        (1, 500),
        (2, 502),
        (3, 200),
    ]


def test_deliveries_cannot_be_added_or_edited(admin_client, subscription):
    assert admin_client.get("/admin/webhook_deliveries/new/").status_code in (
        302,
        403,
    )


def test_an_editor_cannot_see_subscriptions(client, editor):
    client.force_login(editor)
    response = client.get("/admin/webhook_subscriptions/")
    assert response.status_code in (302, 403)
    response = client.post("/admin/webhook_subscriptions/new/", {"name": "x"})
    assert response.status_code in (302, 403)
    assert not Subscription.objects.exists()
