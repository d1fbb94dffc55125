"""``page(token: ...)`` (content/api/preview.py): whatever the token, the
answer is private to the one who asked and never cached."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

QUERY = "query ($token: String) { page(token: $token) { title } }"


def test_an_unknown_token_is_null_private_and_never_stored(demo_article, graphql):
    for _attempt in range(2):
        result = graphql(QUERY, {"token": "not-a-real-token"})
        assert result.status_code == 200
        assert result.data == {"page": None}
        assert result.response["Cache-Control"] == "private, no-store"
        assert result.response.get("X-Cache") != "HIT"


def test_a_query_without_a_token_stays_public_and_cacheable(demo_article, graphql):
    query = '{ page(slug: "hydrosalpinx") { title } }'
    first = graphql(query)
    assert first.data == {"page": {"title": "Hydrosalpinx"}}
    assert "private" not in first.response["Cache-Control"]
    assert graphql(query).response["X-Cache"] == "HIT"
