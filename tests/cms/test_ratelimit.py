"""Uncached queries are rate-limited per client, as the trusted proxies saw it."""

import json

import pytest

from tests.cms.support import get

pytestmark = pytest.mark.django_db


def test_rate_limit_applies_to_uncached_queries_only(demo_article, client, settings):
    settings.GRAPHQL_RATE_LIMIT = (2, 60)
    assert get(client)[0].status_code == 200
    for _ in range(5):
        assert get(client)[0]["X-Cache"] == "HIT"
    other = "{ causes { slug } }"
    assert get(client, other)[0].status_code == 200
    limited, queries = get(client, "{ locales { code } }")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    assert json.loads(limited.content)["errors"][0]["message"] == (
        "Rate limit exceeded: try again later."
    )
    assert queries == 0


PROXY = "10.0.0.5"


def uncached(client, number: int, forwarded: str | None = None, peer: str = PROXY):
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    query = f"{{ causes(limit: {number}) {{ slug }} }}"
    return client.get("/graphql/", {"query": query}, **headers)


@pytest.fixture
def limited(settings):
    settings.GRAPHQL_RATE_LIMIT = (3, 3600)
    settings.GRAPHQL_TRUSTED_PROXIES = 1
    return settings


def test_forged_forwarded_entries_do_not_dodge_the_limit(demo_article, client, limited):
    statuses = [
        uncached(client, n, f"198.51.100.{n}, 203.0.113.7").status_code
        for n in range(1, 7)
    ]
    assert statuses == [200, 200, 200, 429, 429, 429]


def test_clients_behind_the_same_proxy_have_limits_of_their_own(
    demo_article, client, limited
):
    for n in range(1, 4):
        assert uncached(client, n, "203.0.113.7").status_code == 200
    assert uncached(client, 4, "203.0.113.7").status_code == 429
    assert uncached(client, 5, "203.0.113.8").status_code == 200


def test_an_ipv6_client_is_counted_by_its_network(demo_article, client, limited):
    for n in range(1, 4):
        assert uncached(client, n, f"2001:db8:1:2::{n}").status_code == 200
    assert uncached(client, 4, "2001:db8:1:2:ffff::9").status_code == 429
    assert uncached(client, 5, "2001:db8:1:3::1").status_code == 200


def test_without_trusted_proxies_the_forwarded_header_is_ignored(
    demo_article, client, limited
):
    limited.GRAPHQL_TRUSTED_PROXIES = 0
    statuses = [
        uncached(client, n, f"203.0.113.{n}", peer="192.0.2.10").status_code
        for n in range(1, 5)
    ]
    assert statuses == [200, 200, 200, 429]
    assert uncached(client, 5, "203.0.113.1", peer="192.0.2.11").status_code == 200


def test_a_forwarded_entry_that_is_no_address_falls_back_to_the_peer(
    demo_article, client, limited
):
    for n in range(1, 4):
        assert uncached(client, n, f"203.0.113.{n}, junk{n}").status_code == 200
    assert uncached(client, 4, "203.0.113.9, junk").status_code == 429
