"""Trusted documents: run by id once imported from the frontend build's
manifest (the import's own tests are in
tests/cms/management/commands/test_import_trusted_documents.py) and, with
GRAPHQL_TRUSTED_DOCUMENTS_ONLY, the only documents anonymous requests may run;
editors' previews, signed-in users and GraphiQL in development are not
affected."""

from __future__ import annotations

import hashlib
import json
import logging

import pytest

from content.editorial.preview import store_preview
from content.models import CausePage
from tests.cms.graphql.support import (  # noqa: F401 (fresh_process_memory: autouse)
    CAUSE,
    LOCALES,
    fresh_process_memory,
    id_of,
    imported,
    post,
    write_manifest,
)

pytestmark = pytest.mark.django_db

UNTRUSTED = '{ cause(slug: "hydrosalpinx") { title summary } }'
PREVIEW = "query Preview($token: String!) { page(token: $token) { title } }"


@pytest.fixture
def trusted_only(settings, tmp_path):
    imported(tmp_path, CAUSE, LOCALES)
    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True
    return settings


# Imported documents ----------------------------------------------------------


def test_a_document_is_run_by_its_id(demo_article, client, tmp_path):
    imported(tmp_path, CAUSE)
    response, body = post(
        client, documentId=id_of(CAUSE), variables={"slug": "hydrosalpinx"}
    )
    assert response.status_code == 200
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}
    response = client.get(
        "/graphql/",
        {"id": id_of(CAUSE), "variables": json.dumps({"slug": "hydrosalpinx"})},
    )
    assert json.loads(response.content) == body


def test_manifest_named_in_settings_is_trusted(
    demo_article, client, settings, tmp_path
):
    settings.GRAPHQL_TRUSTED_DOCUMENTS = str(
        write_manifest(tmp_path / "deploy.json", LOCALES)
    )
    response, body = post(client, documentId=id_of(LOCALES))
    assert body["data"]["locales"][0] == {"code": "en"}


def test_a_broken_manifest_in_settings_is_logged_and_trusts_nothing(
    client, settings, tmp_path, caplog
):
    settings.GRAPHQL_TRUSTED_DOCUMENTS = str(
        write_manifest(tmp_path / "deploy.json", raw='{"sha256:')
    )
    with caplog.at_level(logging.ERROR, logger="cms.graphql"):
        response, body = post(client, documentId=id_of(LOCALES))
    assert response.status_code == 400
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"
    assert "GRAPHQL_TRUSTED_DOCUMENTS refused" in caplog.text


# Ids without trusted-only ----------------------------------------------------


def test_an_unknown_id_is_a_client_error(client):
    response, body = post(client, documentId=id_of("{ locales { code } }"))
    assert response.status_code == 400
    (error,) = body["errors"]
    assert "Unknown document id" in error["message"]
    assert error["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"


@pytest.mark.parametrize("sent", ["abc", "sha256:XYZ", 5, "md5:" + "0" * 32])
def test_a_malformed_id_is_a_client_error(client, sent):
    response, body = post(client, documentId=sent)
    assert response.status_code == 400
    assert "must be a document id" in body["errors"][0]["message"]


def test_an_unknown_id_sent_with_its_text_runs_the_text(demo_article, client):
    response, body = post(client, documentId=id_of(LOCALES), query=LOCALES)
    assert body["data"]["locales"][0] == {"code": "en"}


# Only trusted documents --------------------------------------------------


def test_trusted_only_refuses_any_other_document_without_sql(
    demo_article, client, trusted_only, django_assert_num_queries
):
    post(client, documentId=id_of(LOCALES))  # the process has loaded its set
    with django_assert_num_queries(0):
        response, body = post(client, query=UNTRUSTED)
    assert response.status_code == 400
    (error,) = body["errors"]
    assert "runs only its frontends' trusted documents" in error["message"]
    assert error["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
    with django_assert_num_queries(0):
        response, body = post(client, documentId=id_of(UNTRUSTED), query=UNTRUSTED)
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"
    with django_assert_num_queries(0):
        response = client.get("/graphql/", {"query": UNTRUSTED})
    assert response.status_code == 400


def test_trusted_only_refuses_registering_persisted_queries(
    demo_article, client, trusted_only, django_assert_num_queries
):
    digest = hashlib.sha256(UNTRUSTED.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    post(client, documentId=id_of(LOCALES))
    with django_assert_num_queries(0):
        response, body = post(client, query=UNTRUSTED, extensions=extensions)
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"


def test_trusted_only_runs_trusted_documents_by_id_or_hash(
    demo_article, client, trusted_only
):
    response, body = post(
        client, documentId=id_of(CAUSE), variables={"slug": "hydrosalpinx"}
    )
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}
    digest = id_of(CAUSE).removeprefix("sha256:")
    response, body = post(
        client,
        extensions={"persistedQuery": {"version": 1, "sha256Hash": digest}},
        variables={"slug": "hydrosalpinx"},
    )
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}


def test_trusted_only_leaves_editors_previews_alone(demo_article, client, trusted_only):
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "Hydrosalpinx (draft)"
    token = store_preview(page)
    response, body = post(client, query=PREVIEW, variables={"token": token})
    assert response.status_code == 200
    assert body == {"data": {"page": {"title": "Hydrosalpinx (draft)"}}}
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    "query",
    [
        "query($t: String!) { page(token: $t) { title } locales { code } }",
        "{ page(id: 3) { title } }",
        "query($t: String!) { ...Root }"
        " fragment Root on Query { page(token: $t) { id } }",
    ],
    ids=["preview and more", "page without a token", "behind a fragment"],
)
def test_only_a_preview_alone_passes_as_a_preview(client, trusted_only, query):
    response, body = post(client, query=query, variables={"t": "x"})
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"


def test_trusted_only_leaves_signed_in_users_alone(
    demo_article, client, trusted_only, admin_user
):
    client.force_login(admin_user)
    response, body = post(client, query=UNTRUSTED)
    assert body["data"]["cause"]["title"] == "Hydrosalpinx"


def test_trusted_only_leaves_graphiql_in_development_alone(
    demo_article, client, trusted_only
):
    response, body = post(client, {"HTTP_X_GRAPHIQL": "1"}, query=UNTRUSTED)
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
    trusted_only.GRAPHQL_GRAPHIQL = True
    response, body = post(client, {"HTTP_X_GRAPHIQL": "1"}, query=UNTRUSTED)
    assert body["data"]["cause"]["title"] == "Hydrosalpinx"
    response, body = post(client, query=UNTRUSTED)
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
