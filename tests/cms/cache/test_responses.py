"""Anonymous responses are cached until the content changes; drafts never are."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import CausePage, SiteChrome

pytestmark = pytest.mark.django_db

QUERY = '{ cause(slug: "hydrosalpinx") { title summary } }'


def get(client, query=QUERY, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/graphql/", {"query": query}, **headers)
    return response, len(captured)


def post(client, query=QUERY):
    return client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json"
    )


def title(response) -> str:
    return json.loads(response.content)["data"]["cause"]["title"]


def test_second_identical_query_is_served_from_the_cache(demo_article, client):
    first, _ = get(client)
    second, queries = get(client)
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert queries == 0
    assert second["Cache-Control"] == "public, max-age=60"


def test_whitespace_does_not_change_the_cache_key(demo_article, client):
    get(client)
    response, queries = get(client, QUERY.replace(" ", "   "))
    assert response["X-Cache"] == "HIT" and queries == 0


def test_post_is_cached_too(demo_article, client):
    assert post(client)["X-Cache"] == "MISS"
    assert post(client)["X-Cache"] == "HIT"


def test_a_publish_is_visible_on_the_very_next_query(demo_article, client):
    get(client)
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "Hydrosalpinx (revised)"
    page.save_revision().publish()
    response, _ = get(client)
    assert response["X-Cache"] == "MISS"
    assert title(response) == "Hydrosalpinx (revised)"


def test_unpublish_move_and_delete_invalidate(demo_article, client):
    page = CausePage.objects.get(slug="hydrosalpinx")
    get(client)
    page.unpublish()
    assert json.loads(get(client)[0].content)["data"]["cause"] is None
    page.save_revision().publish()
    get(client)
    page.delete()
    assert json.loads(get(client)[0].content)["data"]["cause"] is None


def test_a_draft_never_reaches_or_changes_the_cache(demo_article, client):
    get(client)
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "DRAFT TITLE"
    page.save_revision()
    response, _ = get(client)
    assert response["X-Cache"] == "HIT"
    assert title(response) == "Hydrosalpinx"


def test_snippet_changes_invalidate(demo_article, client):
    query = "{ siteChrome { organisationName } }"
    get(client, query)
    chrome = SiteChrome.objects.get()
    chrome.organisation_name = "Brightnest Fertility Network Europe"
    chrome.save_revision().publish()
    response, _ = get(client, query)
    assert "Europe" in response.content.decode()


def test_authenticated_requests_are_neither_cached_nor_served_from_cache(
    demo_article, client, admin_user
):
    get(client)
    client.force_login(admin_user)
    response, _ = get(client)
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Cache" not in response


def test_errors_are_not_cached(demo_article, client):
    query = '{ cause(slug: "x", locale: "xx") { title } }'
    first, _ = get(client, query)
    second, _ = get(client, query)
    assert "X-Cache" not in second
    assert first["Cache-Control"] == "no-store"


def test_etag_answers_a_conditional_get_with_304(demo_article, client):
    first, _ = get(client)
    response, queries = get(client, HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 304
    assert response.content == b""
    assert queries == 0


def test_json_responses_set_no_cookies(demo_article, client):
    response, _ = get(client)
    assert not response.cookies


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


def test_publish_purges_the_cdn_when_one_is_configured(
    demo_article, client, settings, monkeypatch
):
    from wagtail.contrib.frontend_cache.backends import http

    purged = []
    monkeypatch.setattr(http, "urlopen", lambda request: purged.append(request))
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.example.org",
        }
    }
    settings.GRAPHQL_CDN_PURGE_URL = "https://api.example.org/graphql/"
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.save_revision().publish()
    assert any(
        request.get_method() == "PURGE" and "/graphql/" in request.full_url
        for request in purged
    )


def test_no_cdn_purge_without_configuration(demo_article, monkeypatch):
    from wagtail.contrib.frontend_cache.backends import http

    purged = []
    monkeypatch.setattr(http, "urlopen", lambda request: purged.append(request))
    CausePage.objects.get(slug="hydrosalpinx").save_revision().publish()
    assert purged == []


# -- what shares a cache entry ---------------------------------------------------

VICTIM = """{
  cause(slug: "hydrosalpinx") { title } # hub
  siteChrome { disclaimer }
}"""
# The same text with whitespace collapsed, but here the comment swallows
# ``siteChrome``: an answer without the disclaimer.
ATTACKER = """{
  cause(slug: "hydrosalpinx") { title } # hub siteChrome { disclaimer }
}"""


def test_a_comment_cannot_plant_an_answer_for_another_query(demo_article, client):
    planted, _ = get(client, ATTACKER)
    assert planted["X-Cache"] == "MISS"
    assert "siteChrome" not in json.loads(planted.content)["data"]
    victim, _ = get(client, VICTIM)
    assert victim["X-Cache"] == "MISS"
    assert json.loads(victim.content)["data"]["siteChrome"]["disclaimer"]


def test_whitespace_inside_a_string_argument_is_part_of_the_key(demo_article, client):
    first, _ = get(client, '{ search(query: "tubal  damage") { __typename } }')
    second, _ = get(client, '{ search(query: "tubal damage") { __typename } }')
    assert first["X-Cache"] == "MISS"
    assert second.status_code == 200 and second["X-Cache"] == "MISS"


@pytest.mark.parametrize(
    "spelling",
    [
        '{cause(slug:"hydrosalpinx"){title summary}}',
        '{\n\tcause( slug: "hydrosalpinx" ) {\n    title,\n    summary,\n  }\n}',
        '# reader\n{ cause(slug: "hydrosalpinx") { title # first\n summary } }',
        'query { cause(slug: "hydrosalpinx") { title summary } }',
    ],
)
def test_spellings_of_the_same_query_share_an_entry(demo_article, client, spelling):
    first, _ = get(client)
    response, queries = get(client, spelling)
    assert response["X-Cache"] == "HIT" and queries == 0
    assert response.content == first.content


@pytest.mark.parametrize("host", ["LOCALHOST", "localhost.", "localhost:8000"])
def test_spellings_of_the_host_share_an_entry(demo_article, client, host):
    assert get(client, HTTP_HOST="localhost")[0]["X-Cache"] == "MISS"
    response, queries = get(client, HTTP_HOST=host)
    assert response["X-Cache"] == "HIT" and queries == 0


def test_another_host_has_entries_of_its_own(demo_article, client):
    get(client, HTTP_HOST="localhost")
    assert get(client, HTTP_HOST="127.0.0.1")[0]["X-Cache"] == "MISS"


def test_a_query_that_does_not_parse_is_never_stored(demo_article, client):
    for _ in range(2):
        response, _ = get(client, '{ cause(slug: "hydrosalpinx") { title }')
        assert response.status_code == 400
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "no-store"


# -- whom the rate limit counts --------------------------------------------------

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
