"""Argument policies: order allowlist, whole-number ids, text a database can
store, search length, renditions."""

import json
import logging

import pytest

from tests.cms.support import post_counted as post

pytestmark = pytest.mark.django_db


def test_order_accepts_only_allowlisted_fields(demo_article, client):
    for query in (
        '{ pages(order: "owner__password") { title } }',
        '{ cause(slug: "hydrosalpinx") { children(order: "owner__password") { id } } }',
        '{ images(order: "uploaded_by_user__password") { id } }',
    ):
        response, body, _ = post(client, query)
        (error,) = body["errors"]
        assert error["message"].startswith("Cannot order by '")
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
    response, body, _ = post(client, '{ pages(order: "-title, id") { title } }')
    assert not body.get("errors")
    titles = [page["title"] for page in body["data"]["pages"]]
    assert titles == sorted(titles, reverse=True)


def test_search_strings_are_limited_to_200_characters(demo_article, client):
    long = "a" * 201
    for query in (
        f'{{ causes(searchQuery: "{long}") {{ slug }} }}',
        f'{{ search(query: "{long}") {{ __typename }} }}',
    ):
        response, body, _ = post(client, query)
        assert "limited to 200 characters" in body["errors"][0]["message"]


@pytest.mark.parametrize("field", ["image", "document", "tag"])
def test_single_object_fields_need_an_id(db, client, field):
    response, body, _ = post(client, f"{{ {field} {{ id }} }}")
    assert response.status_code == 200
    (error,) = body["errors"]
    assert error["message"] == f"'{field}' needs an id."
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    for missing in ("12345", "99999999999999999999999"):
        response, body, _ = post(client, f'{{ {field}(id: "{missing}") {{ id }} }}')
        assert body == {"data": {field: None}}


def test_only_allowlisted_image_renditions_are_made(db, client):
    from wagtail.images.models import Image, Rendition
    from wagtail.images.tests.utils import get_test_image_file

    Image.objects.create(title="Diagram", file=get_test_image_file(size=(900, 600)))
    response, body, _ = post(client, "{ images { rendition(width: 400) { width } } }")
    assert body["data"]["images"] == [{"rendition": {"width": 400}}]
    response, body, _ = post(client, "{ images { rendition(width: 123) { width } } }")
    (error,) = body["errors"]
    assert error["message"].startswith("Rendition 'width-123' is not allowed.")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert not Rendition.objects.filter(filter_spec="width-123").exists()


def server_errors(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def assert_refused(response, message: str, caplog, status: int = 200) -> None:
    """One client error with ``message``, no internal text, nothing logged as
    a server error."""
    text = response.content.decode()
    body = json.loads(text)
    assert response.status_code == status, text
    assert [error["message"] for error in body["errors"]] == [message]
    if status == 200:
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT"}
    for internal in ("Internal server error", "Traceback", "codec", "Field 'id'"):
        assert internal not in text
    assert server_errors(caplog) == []


def post_variables(client, query: str, variables: dict):
    return client.post(
        "/graphql/",
        json.dumps({"query": query, "variables": variables}),
        content_type="application/json",
    )


# Root and nested fields with a String argument: each reaches the database
# or the search backend when not refused first.
STRING_ARGUMENTS = [
    ("query($v: String!) { cause(slug: $v) { title } }", "slug"),
    ("query($v: String!) { causeCategory(slug: $v) { title } }", "slug"),
    ("query($v: String) { causes(category: $v) { title } }", "category"),
    ("query($v: String) { causes(searchQuery: $v) { title } }", "searchQuery"),
    ("query($v: String) { pages(searchQuery: $v) { title } }", "searchQuery"),
    ("query($v: String) { search(query: $v) { __typename } }", "query"),
    ("query($v: String) { page(slug: $v) { title } }", "slug"),
    ("query($v: String) { page(urlPath: $v) { title } }", "urlPath"),
    ("query($v: String) { page(token: $v) { title } }", "token"),
]
NUL = "must not contain NUL characters (U+0000)."
SURROGATE = "is not valid Unicode: it contains a lone surrogate (U+D800 to U+DFFF)."


@pytest.mark.parametrize("query, name", STRING_ARGUMENTS)
@pytest.mark.parametrize(
    "value, problem",
    [
        ("lat\x00eral", NUL),
        ("\x00", NUL),
        ("lat\ud800", SURROGATE),
        ("\udfff", SURROGATE),
    ],
    ids=["nul", "only-nul", "high-surrogate", "low-surrogate"],
)
def test_nul_and_lone_surrogates_in_string_arguments_are_refused(
    db, client, caplog, query, name, value, problem
):
    response = post_variables(client, query, {"v": value})
    assert_refused(response, f"'{name}' {problem}", caplog)


def test_string_arguments_of_nested_fields_are_checked_too(
    demo_article, client, caplog
):
    query = "query($v: String) { causeIndex { children(searchQuery: $v) { title } } }"
    response = post_variables(client, query, {"v": "lat\x00eral"})
    assert_refused(response, f"'searchQuery' {NUL}", caplog)
    response = post_variables(client, query, {"v": "lat\ud800eral"})
    assert_refused(response, f"'searchQuery' {SURROGATE}", caplog)


def test_nul_in_a_string_literal_is_refused_on_get_and_post(
    demo_article, client, caplog
):
    query = '{ cause(slug: "hydro\\u0000salpinx") { title } }'
    response = client.get("/graphql/", {"query": query})
    assert_refused(response, f"'slug' {NUL}", caplog)
    response = client.post(
        "/graphql/", json.dumps({"query": query}), "application/json"
    )
    assert_refused(response, f"'slug' {NUL}", caplog)
    response = client.get(
        "/graphql/",
        {
            "query": "query($s: String!) { cause(slug: $s) { title } }",
            "variables": '{"s": "\\u0000"}',
        },
    )
    assert_refused(response, f"'slug' {NUL}", caplog)


def test_a_lone_surrogate_in_a_string_literal_is_a_syntax_error(db, client, caplog):
    response = client.get(
        "/graphql/", {"query": '{ cause(slug: "\\ud800") { title } }'}
    )
    assert_refused(
        response,
        "Syntax Error: Invalid Unicode escape sequence: '\\ud800'.",
        caplog,
        400,
    )


def test_text_without_nul_or_surrogates_still_works(demo_article, client, caplog):
    response = post_variables(
        client,
        "query($v: String!) { cause(slug: $v) { title } }",
        {"v": "hydrosalpinx"},
    )
    assert json.loads(response.content)["data"]["cause"]["title"]
    response = post_variables(
        client, "query($v: String) { causes(searchQuery: $v) { title } }", {"v": "é 😀"}
    )
    assert response.status_code == 200
    assert "errors" not in json.loads(response.content)
    assert server_errors(caplog) == []


# Every root field with an ID argument, and what it answers for no object.
ID_ARGUMENTS = [
    ("page", "id", None),
    ("pages", "id", []),
    ("pages", "parent", []),
    ("pages", "ancestor", []),
    ("image", "id", None),
    ("images", "id", []),
    ("images", "collection", []),
    ("document", "id", None),
    ("documents", "collection", []),
    ("tag", "id", None),
    ("tags", "id", []),
    ("collections", "id", []),
    ("site", "id", None),
    ("sites", "id", []),
]


@pytest.mark.parametrize("field, argument, _", ID_ARGUMENTS)
@pytest.mark.parametrize("value", ["²", "١٢", "1.0", "-1", " 1", "1\x00"])
def test_ids_that_are_not_ascii_whole_numbers_are_refused(
    db, client, caplog, field, argument, _, value
):
    query = f"query($v: ID) {{ {field}({argument}: $v) {{ __typename }} }}"
    response = post_variables(client, query, {"v": value})
    message = (
        f"'{argument}' {NUL}"
        if "\x00" in value
        else f"'{argument}' must be a whole number, got '{value}'."
    )
    assert_refused(response, message, caplog)


@pytest.mark.parametrize("field, argument, nothing", ID_ARGUMENTS)
@pytest.mark.parametrize(
    "value", ["9223372036854775808", "9" * 5000, "1" + "0" * 4999, "0" * 5000]
)
def test_ids_beyond_every_row_find_nothing(
    db, client, caplog, field, argument, nothing, value
):
    query = f"query($v: ID) {{ {field}({argument}: $v) {{ __typename }} }}"
    response = post_variables(client, query, {"v": value})
    assert response.status_code == 200
    assert json.loads(response.content) == {"data": {field: nothing}}
    assert server_errors(caplog) == []


def test_ids_with_leading_zeros_name_the_same_object(demo_article, client):
    page_id = str(demo_article.pk)
    query = "query($v: ID) { page(id: $v) { id title } }"
    plain = json.loads(post_variables(client, query, {"v": page_id}).content)
    padded = json.loads(
        post_variables(client, query, {"v": "0" * 30 + page_id}).content
    )
    assert plain["data"]["page"]["id"] == page_id
    assert padded == plain


def test_an_integer_literal_of_5000_digits_is_a_syntax_error(db, client, caplog):
    for query in (
        "{ page(id: %s) { title } }" % ("9" * 5000),
        "{ causes(limit: %s) { title } }" % ("9" * 5000),
    ):
        response = client.get("/graphql/", {"query": query})
        assert_refused(
            response,
            "Syntax Error: Integer is too long: at most 100 digits.",
            caplog,
            400,
        )
