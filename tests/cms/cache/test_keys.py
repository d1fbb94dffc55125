"""Which queries share a cached response, and which never do."""

import json

import pytest

from tests.cms.support import QUERY, get

pytestmark = pytest.mark.django_db


def test_whitespace_does_not_change_the_cache_key(demo_article, client):
    get(client)
    response, queries = get(client, QUERY.replace(" ", "   "))
    assert response["X-Cache"] == "HIT" and queries == 1


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
    assert response["X-Cache"] == "HIT" and queries == 1
    assert response.content == first.content


@pytest.mark.parametrize("host", ["LOCALHOST", "localhost.", "localhost:8000"])
def test_spellings_of_the_host_share_an_entry(demo_article, client, host):
    assert get(client, HTTP_HOST="localhost")[0]["X-Cache"] == "MISS"
    response, queries = get(client, HTTP_HOST=host)
    assert response["X-Cache"] == "HIT" and queries == 1


def test_another_host_has_entries_of_its_own(demo_article, client):
    get(client, HTTP_HOST="localhost")
    assert get(client, HTTP_HOST="127.0.0.1")[0]["X-Cache"] == "MISS"


def test_a_query_that_does_not_parse_is_never_stored(demo_article, client):
    for _ in range(2):
        response, _ = get(client, '{ cause(slug: "hydrosalpinx") { title }')
        assert response.status_code == 400
        assert "X-Cache" not in response
        assert response["Cache-Control"] == "no-store"
