"""``manage.py import_trusted_documents``: a manifest's documents become the
trusted set, checked whole first; a broken manifest changes nothing."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.cms.graphql.support import (  # noqa: F401 (fresh_process_memory: autouse)
    CAUSE,
    FRONTEND_MANIFEST,
    LOCALES,
    fresh_process_memory,
    id_of,
    imported,
    post,
    write_manifest,
)

pytestmark = pytest.mark.django_db


def test_import_reports_each_document_and_the_totals(tmp_path):
    output = imported(tmp_path, CAUSE, LOCALES)
    assert "Checking 2 documents" in output
    assert "Cause" in output and "Locales" in output
    assert "2 added, 0 removed, 0 unchanged." in output
    output = imported(tmp_path, CAUSE)
    assert "0 added, 1 removed, 1 unchanged." in output


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
