"""GraphQL over GET for CDNs: a trusted document by id, or a persisted query
hash, answered with Cache-Control, ETag, Vary and the cache tags of the pages
in the answer (Cache-Tag, Surrogate-Key), which publishing events purge."""

from __future__ import annotations

import hashlib
import io
import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from cms.graphql import documents
from cms.graphql.trusted import trusted_documents

pytestmark = pytest.mark.django_db

CAUSE = (
    "query Cause($slug: String!) "
    "{ cause(slug: $slug) { id title relatedCauses { id title } } }"
)
CATEGORY = 'query Category { causeCategory(slug: "uterine") { id causes { id } } }'
CHROME = "query Chrome { siteChrome { disclaimer } }"
CHROME_AND_CAUSE = (
    'query Both { siteChrome { disclaimer } cause(slug: "hydrosalpinx") { id } }'
)
LOCALES = "query Locales { locales { code } }"


def id_of(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture(autouse=True)
def trusted(tmp_path):
    trusted_documents.forget()
    documents.known_documents.clear()
    manifest = tmp_path / "persisted-documents.json"
    texts = (CAUSE, CATEGORY, CHROME, CHROME_AND_CAUSE, LOCALES)
    manifest.write_text(json.dumps({id_of(text): text for text in texts}))
    call_command("import_trusted_documents", str(manifest), stdout=io.StringIO())
    yield
    trusted_documents.forget()
    documents.known_documents.clear()


def get_by_id(client, text: str, variables: dict | None = None, **headers):
    params = {"id": id_of(text)}
    if variables is not None:
        params["variables"] = json.dumps(variables)
    return client.get("/graphql/", params, **headers)


def page_ids(value) -> set[str]:
    """Every page id in an answer (each page asked for its ``id``)."""
    found: set[str] = set()
    if isinstance(value, dict):
        if "id" in value:
            found.add(value["id"])
        for item in value.values():
            found |= page_ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= page_ids(item)
    return found


def tags_of(response) -> set[str]:
    tags = set(response["Cache-Tag"].split(","))
    assert set(response["Surrogate-Key"].split(" ")) == tags
    return tags


def test_a_get_by_id_carries_the_cdn_headers(demo_article, client):
    response = get_by_id(client, CAUSE, {"slug": "hydrosalpinx"})
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["data"]["cause"]["title"] == "Hydrosalpinx"
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    assert response["Vary"] == "Accept-Encoding"
    assert not response.cookies


@pytest.mark.parametrize(
    "text, variables",
    [(CAUSE, {"slug": "hydrosalpinx"}), (CATEGORY, None)],
    ids=["a cause and its related causes", "a category and its causes"],
)
def test_the_cache_tags_are_the_pages_in_the_answer(
    demo_article, client, text, variables
):
    response = get_by_id(client, text, variables)
    answer_pages = page_ids(json.loads(response.content)["data"])
    assert len(answer_pages) > 1
    tags = tags_of(response)
    assert "cms" in tags  # every answer's
    tagged = {tag.removeprefix("page-") for tag in tags - {"cms"}}
    # Every page shown is tagged; so may be the pages above them, on which
    # whether they are shown depends (an unpublished category hides its
    # causes), and nothing else.
    assert answer_pages <= tagged
    above = {
        str(pk)
        for page in Page.objects.filter(pk__in=answer_pages)
        for pk in page.get_ancestors().values_list("pk", flat=True)
    }
    assert tagged <= answer_pages | above


def test_an_answer_with_the_site_chrome_is_tagged_chrome(demo_article, client):
    assert tags_of(get_by_id(client, CHROME)) == {"cms", "chrome"}
    response = get_by_id(client, CHROME_AND_CAUSE)
    cause = json.loads(response.content)["data"]["cause"]["id"]
    assert tags_of(response) == {"cms", "chrome", f"page-{cause}"}


def test_an_answer_without_content_has_only_the_tag_of_every_answer(
    demo_article, client
):
    # ``cms``: a change whose reach is unknown (a new language) purges it.
    response = get_by_id(client, LOCALES)
    assert response["Cache-Control"].startswith("public")
    assert tags_of(response) == {"cms"}


def test_a_cached_answer_keeps_its_tags_and_etag(demo_article, client):
    first = get_by_id(client, CAUSE, {"slug": "hydrosalpinx"})
    second = get_by_id(client, CAUSE, {"slug": "hydrosalpinx"})
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    for header in ("Cache-Tag", "Surrogate-Key", "ETag", "Cache-Control", "Vary"):
        assert second[header] == first[header]


def test_a_conditional_get_is_a_304_with_the_same_headers(demo_article, client):
    first = get_by_id(client, CAUSE, {"slug": "hydrosalpinx"})
    again = get_by_id(
        client, CAUSE, {"slug": "hydrosalpinx"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
    assert again.content == b""
    for header in ("ETag", "Cache-Control", "Cache-Tag", "Surrogate-Key", "Vary"):
        assert again[header] == first[header]


def test_the_apq_get_form_carries_the_cdn_headers(demo_article, client):
    digest = hashlib.sha256(CAUSE.encode()).hexdigest()
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": digest}})
    response = client.get(
        "/graphql/",
        {
            "extensions": extensions,
            "variables": json.dumps({"slug": "hydrosalpinx"}),
            "operationName": "Cause",
        },
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert "page-" in response["Cache-Tag"]


def test_a_query_sent_as_text_is_not_served_stale(demo_article, client):
    response = client.get(
        "/graphql/", {"query": CAUSE, "variables": json.dumps({"slug": "hydrosalpinx"})}
    )
    assert response["Cache-Control"] == "public, max-age=60"


def test_signed_in_users_get_private_answers_without_tags(
    demo_article, client, admin_user
):
    client.force_login(admin_user)
    response = get_by_id(client, CAUSE, {"slug": "hydrosalpinx"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Cache-Tag" not in response and "ETag" not in response


def test_a_preview_over_get_is_private(demo_article, client):
    response = client.get(
        "/graphql/", {"query": '{ page(token: "not-a-token") { title } }'}
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "Cache-Tag" not in response


@pytest.mark.parametrize(
    "params",
    [
        {"query": "mutation { publish }"},
        {"query": "subscription { pages { id } }"},
        {
            "query": "mutation M { publish }",
            "extensions": json.dumps(
                {
                    "persistedQuery": {
                        "version": 1,
                        "sha256Hash": hashlib.sha256(
                            b"mutation M { publish }"
                        ).hexdigest(),
                    }
                }
            ),
        },
    ],
    ids=["mutation", "subscription", "mutation as a persisted query"],
)
def test_anything_but_a_query_over_get_is_refused(client, params):
    response = client.get("/graphql/", params)
    assert response.status_code == 400
    (error,) = json.loads(response.content)["errors"]
    assert error["message"] == "Only queries are supported: this API is read-only."
    assert response["Cache-Control"] == "no-store"


def test_errors_over_get_are_never_cached(client):
    response = client.get("/graphql/", {"id": id_of("{ unknown }")})
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert "Cache-Tag" not in response
