"""What the GraphQL tests share: documents, manifests of trusted documents,
requests to the endpoint, and a process's memory of documents emptied."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from cms.graphql import documents
from cms.graphql.trusted import trusted_documents

FRONTEND_MANIFEST = (
    Path(__file__).resolve().parents[3]
    / "frontend/src/graphql/generated/persisted-documents.json"
)


CAUSE = "query Cause($slug: String!) { cause(slug: $slug) { title } }"


LOCALES = "query Locales { locales { code } }"


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


QUERY = "query Cause($slug: String!) { cause(slug: $slug) { title } }"


HASH = hashlib.sha256(QUERY.encode()).hexdigest()


VARIABLES = {"slug": "hydrosalpinx"}


def extensions(digest: str = HASH) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}
