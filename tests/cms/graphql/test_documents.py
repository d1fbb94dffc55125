"""Documents this process validated before run without being parsed or
validated again; the limits still apply to them, and the memory is bounded."""

from __future__ import annotations

import pytest
from graphql import validation as graphql_validation
from graphql.language.parser import Parser

from cms.graphql import documents
from tests.cms.graphql.support import (  # noqa: F401 (fresh_process_memory: autouse)
    QUERY,
    VARIABLES,
    extensions,
    fresh_process_memory,
    post,
)

pytestmark = pytest.mark.django_db


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
