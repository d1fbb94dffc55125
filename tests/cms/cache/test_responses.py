"""Anonymous responses are cached until the content changes; drafts never are."""

import pytest

from tests.cms.support import get, post

pytestmark = pytest.mark.django_db


def test_second_identical_query_is_served_from_the_cache(demo_article, client):
    first, _ = get(client)
    second, queries = get(client)
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert queries == 1
    assert second["Cache-Control"] == "public, max-age=60"


def test_post_is_cached_too(demo_article, client):
    assert post(client)["X-Cache"] == "MISS"
    assert post(client)["X-Cache"] == "HIT"


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
    assert queries == 1


def test_json_responses_set_no_cookies(demo_article, client):
    response, _ = get(client)
    assert not response.cookies
