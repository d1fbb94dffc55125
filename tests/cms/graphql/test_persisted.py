"""Automatic persisted queries (Apollo's protocol). Documents this process
validated before, which run without being parsed or validated again, are in
test_documents.py."""

from __future__ import annotations

import hashlib
import json

import pytest

from cms.graphql import documents, persisted
from tests.cms.graphql.support import (  # noqa: F401 (fresh_process_memory: autouse)
    HASH,
    QUERY,
    VARIABLES,
    extensions,
    fresh_process_memory,
    post,
)

pytestmark = pytest.mark.django_db


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
