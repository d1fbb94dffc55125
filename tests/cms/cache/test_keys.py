"""Which queries share a cached response, and which never do."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.cache.keys import repeated_requests
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


# A repeated body, looked up by its bytes -------------------------------------


def post_body(client, body: bytes, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/graphql/", body, content_type="application/json", **headers
        )
    return response, len(captured)


BODY = json.dumps({"query": QUERY, "variables": {}}).encode()


def test_a_repeated_body_gets_the_same_answer_from_the_cache(demo_article, client):
    first, _ = post_body(client, BODY)
    assert first["X-Cache"] == "MISS"
    for _ in range(3):
        again, queries = post_body(client, BODY)
        assert again["X-Cache"] == "HIT" and queries <= 1
        assert again.content == first.content
        assert again["ETag"] == first["ETag"]
    assert len(repeated_requests) == 1


def test_a_repeated_body_keeps_each_host_apart(demo_article, client):
    for _ in range(2):
        post_body(client, BODY, HTTP_HOST="localhost")
    response, _ = post_body(client, BODY, HTTP_HOST="127.0.0.1")
    assert response["X-Cache"] == "MISS"


def test_a_repeated_body_sees_a_publish(demo_article, client):
    from content.models import CausePage

    for _ in range(2):
        post_body(client, BODY)
    cause = CausePage.objects.get(slug="hydrosalpinx")
    cause.title = "Hydrosalpinx, revised"
    cause.save_revision().publish()
    response, _ = post_body(client, BODY)
    assert response["X-Cache"] == "MISS"
    assert json.loads(response.content)["data"]["cause"]["title"] == (
        "Hydrosalpinx, revised"
    )


def test_a_repeated_body_is_refused_once_only_trusted_documents_run(
    demo_article, client, settings
):
    for _ in range(2):
        assert post_body(client, BODY)[0].status_code == 200
    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True
    response, queries = post_body(client, BODY)
    assert response.status_code == 400
    body = json.loads(response.content)
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
    assert queries == 0


def by_id(client, method: str, document_id: str, **headers):
    """The trusted document ``document_id`` for one cause, by GET (the CDN
    form) or POST."""
    variables = {"slug": "hydrosalpinx"}
    with CaptureQueriesContext(connection) as captured:
        if method == "GET":
            response = client.get(
                "/graphql/",
                {"id": document_id, "variables": json.dumps(variables)},
                **headers,
            )
        else:
            body = {"documentId": document_id, "variables": variables}
            response = client.post(
                "/graphql/", json.dumps(body), content_type="application/json"
            )
    return response, len(captured)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_repeated_request_for_a_trusted_document_is_remembered(
    demo_article, client, tmp_path, method
):
    from tests.cms.graphql.support import CAUSE, id_of, imported

    imported(tmp_path, CAUSE)
    first, _ = by_id(client, method, id_of(CAUSE))
    assert first["X-Cache"] == "MISS"
    for _ in range(3):
        again, queries = by_id(client, method, id_of(CAUSE))
        assert again["X-Cache"] == "HIT" and queries <= 1
        assert again.content == first.content
        assert again["Cache-Control"] == first["Cache-Control"]
    assert len(repeated_requests) == 1
    if method == "GET":  # the CDN form may be served stale while it refetches
        assert "stale-while-revalidate" in again["Cache-Control"]
        etag = again["ETag"]
        not_modified, _ = by_id(client, method, id_of(CAUSE), HTTP_IF_NONE_MATCH=etag)
        assert not_modified.status_code == 304


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_trusted_document_remembered_is_refused_once_it_is_no_longer_trusted(
    demo_article, client, tmp_path, method
):
    """Whether the document an id names is still trusted is read for every
    request: once it is not, the same bytes are refused."""
    from cms.graphql.trusted import trusted_documents
    from cms.models import TrustedDocument
    from tests.cms.graphql.support import CAUSE, id_of, imported

    imported(tmp_path, CAUSE)
    for _ in range(2):
        response, _ = by_id(client, method, id_of(CAUSE))
    assert response["X-Cache"] == "HIT"
    assert len(repeated_requests) == 1
    TrustedDocument.objects.all().delete()
    trusted_documents.forget()
    response, _ = by_id(client, method, id_of(CAUSE))
    assert response.status_code == 400
    errors = json.loads(response.content)["errors"]
    assert errors[0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"


def test_a_trusted_document_remembered_is_served_where_only_those_run(
    demo_article, client, tmp_path, settings
):
    from tests.cms.graphql.support import CAUSE, id_of, imported

    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True
    imported(tmp_path, CAUSE)
    for _ in range(3):
        response, queries = by_id(client, "POST", id_of(CAUSE))
    assert response["X-Cache"] == "HIT" and queries <= 1
    assert len(repeated_requests) == 1


def test_a_persisted_query_hash_is_looked_up_every_time(demo_article, client):
    import hashlib

    digest = hashlib.sha256(QUERY.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    register = {"query": QUERY, "extensions": extensions}
    post_body(client, json.dumps(register).encode())
    for _ in range(2):
        response, _ = post_body(client, json.dumps({"extensions": extensions}).encode())
    assert response["X-Cache"] == "HIT"
    assert len(repeated_requests) == 0
