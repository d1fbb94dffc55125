"""Automatic persisted queries (Apollo's protocol), and documents this process
validated before, which run without being parsed or validated again."""

from __future__ import annotations

import hashlib
import json

import pytest
from graphql import validation as graphql_validation
from graphql.language.parser import Parser

from cms.graphql import documents, persisted

pytestmark = pytest.mark.django_db

QUERY = "query Cause($slug: String!) { cause(slug: $slug) { title } }"
HASH = hashlib.sha256(QUERY.encode()).hexdigest()
VARIABLES = {"slug": "hydrosalpinx"}


def extensions(digest: str = HASH) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


def post(client, **body):
    response = client.post(
        "/graphql/", json.dumps(body), content_type="application/json"
    )
    return response, json.loads(response.content)


@pytest.fixture(autouse=True)
def fresh_process_memory():
    """Each test starts as a new process would: no document known yet."""
    documents.known_documents.clear()
    yield
    documents.known_documents.clear()


def test_apq_round_trip(demo_article, client):
    response, body = post(client, extensions=extensions(), variables=VARIABLES)
    assert response.status_code == 200
    (error,) = body["errors"]
    assert error["message"] == "PersistedQueryNotFound"
    assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert "data" not in body

    response, body = post(
        client, query=QUERY, extensions=extensions(), variables=VARIABLES
    )
    assert response.status_code == 200
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}

    response, body = post(client, extensions=extensions(), variables=VARIABLES)
    assert response.status_code == 200
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}


def test_a_registered_hash_is_known_to_every_process(demo_article, client):
    post(client, query=QUERY, extensions=extensions(), variables=VARIABLES)
    # Another process: nothing in its memory, the shared cache holds the text.
    documents.known_documents.clear()
    response, body = post(
        client, extensions=extensions(), variables={"slug": "thyroid-problems"}
    )
    assert body == {"data": {"cause": {"title": "Thyroid problems"}}}


def test_apq_get_form_runs_a_registered_hash(demo_article, client):
    post(client, query=QUERY, extensions=extensions(), variables=VARIABLES)
    response = client.get(
        "/graphql/",
        {
            "extensions": json.dumps(extensions()),
            "variables": json.dumps(VARIABLES),
            "operationName": "Cause",
        },
    )
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "data": {"cause": {"title": "Hydrosalpinx"}}
    }


def test_a_hash_that_does_not_match_its_query_is_refused(demo_article, client):
    other = hashlib.sha256(b"{ locales { code } }").hexdigest()
    response, body = post(
        client, query=QUERY, extensions=extensions(other), variables=VARIABLES
    )
    assert response.status_code == 400
    (error,) = body["errors"]
    assert error["message"].startswith("provided sha does not match query")
    assert error["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    # Nothing was registered under the wrong hash.
    response, body = post(client, extensions=extensions(other), variables=VARIABLES)
    assert body["errors"][0]["message"] == "PersistedQueryNotFound"


def test_a_document_that_fails_validation_is_not_registered(demo_article, client):
    invalid = "{ pagez { title } }"
    digest = hashlib.sha256(invalid.encode()).hexdigest()
    response, body = post(client, query=invalid, extensions=extensions(digest))
    assert response.status_code == 400
    response, body = post(client, extensions=extensions(digest))
    assert body["errors"][0]["message"] == "PersistedQueryNotFound"


@pytest.mark.parametrize(
    "sent, message",
    [
        ({"persistedQuery": {"version": 2, "sha256Hash": HASH}}, "version"),
        ({"persistedQuery": {"version": 1, "sha256Hash": "abc"}}, "SHA-256 digest"),
        ({"persistedQuery": {"version": 1, "sha256Hash": HASH.upper()}}, "SHA-256"),
        ({"persistedQuery": "yes"}, "must be a JSON object"),
        ([1, 2], "'extensions' must be a JSON object"),
    ],
    ids=["version", "short hash", "upper case", "not an object", "a list"],
)
def test_malformed_persisted_query_extensions_are_a_client_error(client, sent, message):
    response, body = post(client, extensions=sent)
    assert response.status_code == 400
    assert message in body["errors"][0]["message"]
    assert "Traceback" not in response.content.decode()


def test_extensions_over_get_that_are_not_json_are_refused(client):
    response = client.get("/graphql/", {"extensions": "{persistedQuery"})
    assert response.status_code == 400
    (error,) = json.loads(response.content)["errors"]
    assert error["message"] == "Extensions are invalid JSON."


def test_variables_over_get_that_are_not_json_are_refused(client):
    response = client.get(
        "/graphql/",
        {"extensions": json.dumps(extensions()), "variables": "{slug:"},
    )
    assert response.status_code == 400
    (error,) = json.loads(response.content)["errors"]
    assert error["message"] == "Variables are invalid JSON."


def test_an_unreachable_shared_cache_is_not_found_never_an_error(
    demo_article, client, monkeypatch
):
    from cms.cache.backend import ResilientRedisCache
    from tests.cms.processes import free_port

    unreachable = ResilientRedisCache(
        f"redis://127.0.0.1:{free_port()}/2",
        {"OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1}},
    )
    monkeypatch.setattr(persisted, "cache", unreachable)
    response, body = post(client, extensions=extensions(), variables=VARIABLES)
    assert response.status_code == 200
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    # The client sends the text with its hash: answered, registered nowhere.
    response, body = post(
        client, query=QUERY, extensions=extensions(), variables=VARIABLES
    )
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}


@pytest.fixture
def counted(monkeypatch, settings):
    """How often graphql-core parses a document and validates one."""
    # Every request executes: the response cache would hide the work.
    settings.GRAPHQL_CACHE_SECONDS = 0
    calls = {"parse": 0, "validate": 0}
    parse_document = Parser.parse_document
    validate = graphql_validation.validate

    def counting_parse(self):
        calls["parse"] += 1
        return parse_document(self)

    def counting_validate(*args, **kwargs):
        calls["validate"] += 1
        return validate(*args, **kwargs)

    monkeypatch.setattr(Parser, "parse_document", counting_parse)
    monkeypatch.setattr(graphql_validation, "validate", counting_validate)
    return calls


def test_a_known_document_is_neither_parsed_nor_validated_again(
    demo_article, client, counted
):
    response, body = post(client, query=QUERY, variables=VARIABLES)
    assert body["data"]["cause"]["title"] == "Hydrosalpinx"
    assert counted["parse"] >= 1 and counted["validate"] == 1
    counted.update(parse=0, validate=0)

    response, body = post(client, query=QUERY, variables={"slug": "thyroid-problems"})
    assert body["data"]["cause"]["title"] == "Thyroid problems"
    assert counted == {"parse": 0, "validate": 0}

    # By hash, too: the process knows the document already.
    response, body = post(client, extensions=extensions(), variables=VARIABLES)
    assert body["data"]["cause"]["title"] == "Hydrosalpinx"
    assert counted == {"parse": 0, "validate": 0}


def test_an_invalid_document_is_validated_every_time(demo_article, client, counted):
    for _ in range(2):
        response, body = post(client, query="{ pagez { title } }")
        assert response.status_code == 400
    assert counted["validate"] == 2


def test_limits_still_apply_to_known_documents(demo_article, client, settings):
    settings.GRAPHQL_CACHE_SECONDS = 0
    response, body = post(client, query=QUERY, variables=VARIABLES)
    assert response.status_code == 200
    # A stricter limit empties what the process validated under the old one.
    settings.GRAPHQL_MAX_DEPTH = 1
    response, body = post(client, query=QUERY, variables=VARIABLES)
    assert response.status_code == 400
    assert body["errors"][0]["message"].startswith("Query is too deep")


def test_the_document_cache_is_bounded():
    cache = documents.DocumentCache(max_entries=2)
    for text in ("{ a }", "{ b }", "{ c }"):
        cache.put(documents.sha256_of(text), documents.KnownDocument(text, None))
    assert cache.get(documents.sha256_of("{ a }")) is None
    assert cache.get(documents.sha256_of("{ c }")) is not None
    assert len(cache.entries) == 2
