"""Trusted documents: imported from the frontend build's manifest, run by id,
and, with GRAPHQL_TRUSTED_DOCUMENTS_ONLY, the only documents anonymous
requests may run; editors' previews, signed-in users and GraphiQL in
development are not affected."""

from __future__ import annotations

import hashlib
import io
import json
import logging
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError

from cms.graphql import documents
from cms.graphql.trusted import trusted_documents
from content.editorial.preview import store_preview
from content.models import CausePage

pytestmark = pytest.mark.django_db

FRONTEND_MANIFEST = (
    Path(__file__).resolve().parents[3]
    / "frontend/src/graphql/generated/persisted-documents.json"
)
CAUSE = "query Cause($slug: String!) { cause(slug: $slug) { title } }"
LOCALES = "query Locales { locales { code } }"
UNTRUSTED = '{ cause(slug: "hydrosalpinx") { title summary } }'
PREVIEW = "query Preview($token: String!) { page(token: $token) { title } }"


def id_of(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def write_manifest(path: Path, *texts: str, raw: str | None = None) -> Path:
    path.write_text(
        raw if raw is not None else json.dumps({id_of(t): t for t in texts})
    )
    return path


def imported(tmp_path: Path, *texts: str) -> str:
    out = io.StringIO()
    call_command(
        "import_trusted_documents",
        str(write_manifest(tmp_path / "manifest.json", *texts)),
        stdout=out,
        verbosity=2,
    )
    return out.getvalue()


def post(client, headers=None, **body):
    response = client.post(
        "/graphql/",
        json.dumps(body),
        content_type="application/json",
        **(headers or {}),
    )
    return response, json.loads(response.content)


@pytest.fixture(autouse=True)
def fresh_process_memory():
    """Each test starts as a new process would (rows roll back between tests)."""
    trusted_documents.forget()
    documents.known_documents.clear()
    yield
    trusted_documents.forget()
    documents.known_documents.clear()


@pytest.fixture
def trusted_only(settings, tmp_path):
    imported(tmp_path, CAUSE, LOCALES)
    settings.GRAPHQL_TRUSTED_DOCUMENTS_ONLY = True
    return settings


# The import ----------------------------------------------------------------


def test_import_reports_each_document_and_the_totals(tmp_path):
    output = imported(tmp_path, CAUSE, LOCALES)
    assert "Checking 2 documents" in output
    assert "Cause" in output and "Locales" in output
    assert "2 added, 0 removed, 0 unchanged." in output
    output = imported(tmp_path, CAUSE)
    assert "0 added, 1 removed, 1 unchanged." in output


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


BROKEN_MANIFESTS = [
    ("syntax error", '{"sha256:abc": "query', "is not valid JSON"),
    ("not an object", '["query { locales { code } }"]', "must be a JSON object"),
    ("empty", "{}", "no documents"),
    # Beside a valid document, which is not imported either:
    ("invalid document", {id_of("{ pagez { id } }"): "{ pagez { id } }"}, "pagez"),
    ("document syntax error", {id_of("{ locales "): "{ locales "}, "Syntax"),
    ("wrong id", {id_of("{ x }"): CAUSE}, "not the SHA-256 of its document"),
    ("other hash", {"md5:0123": LOCALES}, "not an id of the form"),
    ("mutation", {id_of("mutation { x }"): "mutation { x }"}, "only queries"),
    ("document not text", {id_of("5"): 5}, "must be a string"),
]


@pytest.mark.parametrize(
    "broken, message",
    [case[1:] for case in BROKEN_MANIFESTS],
    ids=[case[0] for case in BROKEN_MANIFESTS],
)
def test_a_broken_manifest_is_refused_whole_and_the_old_set_kept(
    demo_article, client, tmp_path, broken, message
):
    imported(tmp_path, CAUSE)
    if isinstance(broken, dict):
        broken = json.dumps({id_of(LOCALES): LOCALES, **broken})
    path = write_manifest(tmp_path / "broken.json", raw=broken)
    with pytest.raises(CommandError) as refused:
        call_command("import_trusted_documents", str(path), stdout=io.StringIO())
    assert message in str(refused.value)
    assert "the trusted documents are unchanged" in str(refused.value)
    # The old set still answers; the valid neighbour was not added.
    response, body = post(
        client, documentId=id_of(CAUSE), variables={"slug": "hydrosalpinx"}
    )
    assert body == {"data": {"cause": {"title": "Hydrosalpinx"}}}
    response, body = post(client, documentId=id_of(LOCALES))
    assert body["errors"][0]["extensions"]["code"] == "PERSISTED_DOCUMENT_NOT_FOUND"


def test_a_missing_manifest_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_trusted_documents", str(tmp_path / "none.json"))


def test_the_frontends_manifest_imports_and_its_article_operation_runs(
    demo_article, client
):
    out = io.StringIO()
    call_command("import_trusted_documents", str(FRONTEND_MANIFEST), stdout=out)
    manifest = json.loads(FRONTEND_MANIFEST.read_text())
    assert f"{len(manifest)} added" in out.getvalue()
    (cause_page,) = [key for key, text in manifest.items() if "query CausePage" in text]
    response, body = post(
        client,
        documentId=cause_page,
        variables={"slug": "hydrosalpinx", "locale": "en"},
    )
    assert response.status_code == 200, body
    assert body["data"]["cause"]["title"] == "Hydrosalpinx"


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


def test_the_system_check_refuses_a_broken_manifest_in_settings(settings, tmp_path):
    settings.GRAPHQL_TRUSTED_DOCUMENTS = str(
        write_manifest(tmp_path / "deploy.json", raw="{")
    )
    with pytest.raises(SystemCheckError, match="GRAPHQL_TRUSTED_DOCUMENTS is refused"):
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
    settings.GRAPHQL_TRUSTED_DOCUMENTS = str(
        write_manifest(tmp_path / "deploy.json", LOCALES)
    )
    call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
