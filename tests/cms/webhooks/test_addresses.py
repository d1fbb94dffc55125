"""No server-side request forgery through webhooks: private addresses are
refused at delivery (and on save, tested with the admin in test_views.py)."""

from __future__ import annotations

import pytest

from cms.webhooks.addresses import AddressRefused, check_url
from cms.webhooks.models import Delivery
from tests.cms.webhooks.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "host",
    [
        # Saved while allowed (development); delivered where it is not.
        "127.0.0.1",
        # A name checked when saved may resolve elsewhere later (DNS
        # rebinding): delivery checks the address it actually connects to.
        "localhost",
    ],
)
def test_delivery_refuses_a_private_address_in_production(
    demo_article, subscription, receiver, run_worker, settings, host
):
    subscription.url = receiver.url.replace("127.0.0.1", host)
    subscription.save()
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    settings.WEBHOOKS_MAX_ATTEMPTS = 1
    publish()
    run_worker()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.FAILED
    assert host in delivery.last_error
    assert "private, loopback or link-local" in delivery.last_error
    assert receiver.received == []


@pytest.mark.parametrize(
    "url",
    [
        "http://[::ffff:127.0.0.1]/hooks/",  # IPv4 loopback, mapped in IPv6
        "http://[fe80::1]/hooks/",
        "http://100.64.0.1/hooks/",  # shared address space (carrier NAT)
        "http://224.0.0.1/hooks/",  # multicast
        "http://localhost/hooks/",  # a name resolving to loopback
    ],
)
def test_every_non_public_address_is_refused_in_production(settings, url):
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    with pytest.raises(AddressRefused, match="private, loopback or link-local"):
        check_url(url)


def test_a_public_address_is_accepted(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    check_url("https://93.184.215.14/hooks/")


def test_a_host_that_does_not_resolve_is_a_clear_error(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_URLS = False
    with pytest.raises(AddressRefused, match="could not be resolved"):
        check_url("https://receiver.invalid/hooks/")


@pytest.mark.parametrize("url", ["ftp://example.org/", "https:///hooks/", "hooks"])
def test_a_url_that_is_not_http_with_a_host_is_refused_even_where_allowed(url):
    with pytest.raises(AddressRefused, match="Enter an http:// or https:// URL."):
        check_url(url)
