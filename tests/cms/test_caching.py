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
