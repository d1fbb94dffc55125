"""What the benchmark sends: the contract's article query, the REST calls a
frontend needs for the same article, and the abusive queries.

No Django imports: the load generator uses this module too.
"""

from __future__ import annotations

import json

from content.api.examples import ARTICLE_QUERY


def article_body(locale: str, nonce: int | None = None) -> bytes:
    """The POST body of the article query.

    ``nonce`` adds a variable the query does not declare. GraphQL ignores it,
    but the response cache keys on the variables, so a new nonce is a cache
    miss that runs the whole query, as the first request after a publish does.
    """
    variables: dict = {"locale": locale}
    if nonce is not None:
        variables["benchNonce"] = nonce
    return json.dumps(
        {"query": ARTICLE_QUERY, "variables": variables, "operationName": "Article"},
        separators=(",", ":"),
    ).encode()


def _nested(fields: list[str], leaf: str) -> str:
    query = leaf
    for field in reversed(fields):
        query = f"{field} {{ {query} }}"
    return "{ " + query + " }"


#: Queries a public endpoint must refuse before any resolver runs.
ABUSIVE_QUERIES = {
    "depth 9": _nested(
        [
            "causeIndex",
            "categories",
            "causes",
            "category",
            "index",
            "categories",
            "causes",
            "category",
        ],
        "title",
    ),
    "50 aliases": (
        "{ causeIndex { categories { "
        + " ".join(f"a{n}: causes {{ title }}" for n in range(50))
        + " } } }"
    ),
    "nested pages/descendants/parent/children": (
        "{ pages(limit: 100) { descendants { parent { children { title } } } } }"
    ),
    # Twelve fragments, each spreading the next four times: millions of
    # fields once expanded, in under 1 KB.
    "12 fragments spreading the next 4 times": (
        "{ causeIndex { ...F0 } } "
        + " ".join(
            f"fragment F{n} on CauseIndexPage {{ title "
            + " ".join([f"...F{n + 1}"] * 4)
            + " }"
            for n in range(11)
        )
        + " fragment F11 on CauseIndexPage { slug }"
    ),
}


def abusive_body(query: str) -> bytes:
    return json.dumps({"query": query}, separators=(",", ":")).encode()


#: Pages of a REST listing (Wagtail's WAGTAILAPI_LIMIT_MAX default).
REST_PAGE_SIZE = 20


def rest_hub_path(locale: str, slug: str) -> str:
    return (
        f"/api/v2/pages/?type=content.CauseIndexPage&slug={slug}"
        f"&locale={locale}&fields=intro"
    )


def rest_categories_path(hub_id: int) -> str:
    return (
        f"/api/v2/pages/?type=content.CauseCategoryPage&child_of={hub_id}"
        f"&fields=summary&limit={REST_PAGE_SIZE}"
    )


def rest_causes_path(category_id: int, offset: int = 0) -> str:
    path = (
        f"/api/v2/pages/?type=content.CausePage&child_of={category_id}"
        f"&fields=summary,body&limit={REST_PAGE_SIZE}"
    )
    return path + (f"&offset={offset}" if offset else "")


def rest_plan(get_json, locale: str, slug: str) -> tuple[list[str], int]:
    """Every GET a frontend makes for the whole article over REST, in order.

    ``get_json(path)`` fetches and decodes one call. The hub is found by type
    and slug, its categories with ``child_of``, and each category's causes
    (with summary and body) with ``child_of``, page by page. Links in bodies
    point inside the article, whose URLs these listings already carry. The
    site chrome (a snippet) has no REST endpoint. Returns the paths and the
    number of causes served.
    """
    paths = [rest_hub_path(locale, slug)]
    hub = get_json(paths[0])["items"][0]
    paths.append(rest_categories_path(hub["id"]))
    causes = 0
    for category in get_json(paths[1])["items"]:
        offset = 0
        while True:
            path = rest_causes_path(category["id"], offset)
            paths.append(path)
            listing = get_json(path)
            causes += len(listing["items"])
            offset += REST_PAGE_SIZE
            if offset >= listing["meta"]["total_count"]:
                break
    return paths, causes


def persisted_article_body(document_id: str, locale: str, nonce: int | None) -> bytes:
    """The POST body of the frontend's article operation by its trusted id;
    ``nonce`` as in ``article_body``."""
    variables: dict = {"locale": locale}
    if nonce is not None:
        variables["benchNonce"] = nonce
    return json.dumps(
        {"documentId": document_id, "variables": variables}, separators=(",", ":")
    ).encode()


def persisted_article_path(document_id: str, locale: str) -> str:
    """The CDN form of the same request: a GET by id."""
    from urllib.parse import urlencode

    variables = json.dumps({"locale": locale}, separators=(",", ":"))
    return "/graphql/?" + urlencode({"id": document_id, "variables": variables})
