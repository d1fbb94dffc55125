"""Malformed requests get a 400 with a GraphQL error, never a 500 or a trace."""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db

BAD_REQUESTS = [
    ("invalid JSON", "{not json", "POST body sent invalid JSON."),
    ("empty body", "", "Must provide query string."),
    ("no query", "{}", "Must provide query string."),
    ("query not a string", '{"query": 5}', "'query' must be a string."),
    (
        "variables not an object",
        '{"query": "{ locales { code } }", "variables": [1]}',
        "'variables' must be a JSON object.",
    ),
    (
        "unknown field",
        '{"query": "{ pagez { title } }"}',
        "Cannot query field 'pagez' on type 'Query'.",
    ),
    (
        "wrong argument type",
        '{"query": "{ causes(limit: \\"ten\\") { title } }"}',
        "Expected value of type 'PositiveInt', found \"ten\".",
    ),
    (
        "negative limit",
        '{"query": "{ causes(limit: -1) { title } }"}',
        "Expected value of type 'PositiveInt', found -1.",
    ),
    ("syntax error", '{"query": "{ causes( "}', "Syntax Error"),
    (
        "mutation",
        '{"query": "mutation { publish }"}',
        "Only queries are supported: this API is read-only.",
    ),
]


@pytest.mark.parametrize(
    "body, message",
    [case[1:] for case in BAD_REQUESTS],
    ids=[c[0] for c in BAD_REQUESTS],
)
def test_malformed_request_is_a_400_with_a_graphql_error(client, body, message):
    response = client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    errors = json.loads(response.content)["errors"]
    assert message in errors[0]["message"]
    assert "Traceback" not in response.content.decode()


def test_variable_of_the_wrong_type_is_a_400(client):
    body = {
        "query": "query($n: PositiveInt) { causes(limit: $n) { title } }",
        "variables": {"n": -3},
    }
    response = client.post("/graphql/", body, content_type="application/json")
    assert response.status_code == 400
    (error,) = json.loads(response.content)["errors"]
    assert "got invalid value -3" in error["message"]


def test_get_without_a_query_is_a_400(client):
    response = client.get("/graphql/")
    assert response.status_code == 400


def test_get_with_a_query_works(client):
    response = client.get("/graphql/", {"query": "{ locales { code } }"})
    assert response.status_code == 200
    assert json.loads(response.content)["data"]["locales"][0] == {"code": "en"}


def test_graphiql_is_off_outside_development(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert b"graphiql" not in response.content.lower()


def test_a_refused_request_is_logged_once_with_its_reason(client, caplog):
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/graphql/",
            '{"query": "mutation { publish }"}',
            content_type="application/json",
        )
    assert response.status_code == 400
    request_id = response["X-Request-ID"]
    lines = [
        r
        for r in caplog.records
        if "/graphql/" in r.getMessage() or request_id in r.getMessage()
    ]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    (line,) = lines
    assert line.name == "cms.graphql" and line.levelno == logging.WARNING
    assert line.getMessage() == (
        f"GraphQL request refused [{request_id}]: 400 POST "
        "Only queries are supported: this API is read-only."
    )


def test_other_client_errors_still_reach_the_request_log(client, caplog):
    with caplog.at_level(logging.INFO):
        assert client.get("/no-such-page/").status_code == 404
    assert [r.getMessage() for r in caplog.records if r.name == "django.request"] == [
        "Not Found: /no-such-page/"
    ]


def assert_refused_in_our_words(response, message: str, caplog) -> None:
    """A 400 in our JSON error shape, with the request id, nothing internal,
    and no server error in the log."""
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Request-ID"]
    text = response.content.decode()
    assert json.loads(text) == {"errors": [{"message": message}]}
    for internal in ("Traceback", "codec", "recursion", "0xff", "position"):
        assert internal not in text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


DEEP = "[" * 40_000 + "]" * 40_000
TOO_DEEP = "JSON is nested too deeply: at most 32 levels."


@pytest.mark.parametrize(
    "body",
    [
        DEEP,
        '{"query": "{ locales { code } }", "extensions": ' + DEEP + "}",
        '{"query": "{ locales { code } }", "variables": {"v": ' + DEEP + "}}",
        json.dumps(
            {"query": "{ locales { code } }", "variables": '{"v": ' + DEEP + "}"}
        ),
        '{"query": "{ locales { code } }", "variables": {"v": '
        + '{"a": ' * 33
        + "1"
        + "}" * 33
        + "}}",
    ],
    ids=["array", "in the body", "in variables", "in variables text", "33 objects"],
)
def test_json_nested_too_deeply_is_refused_before_parsing(client, caplog, body):
    response = client.post("/graphql/", body, content_type="application/json")
    assert_refused_in_our_words(response, TOO_DEEP, caplog)


def test_variables_nested_too_deeply_in_a_get_are_refused(client, caplog):
    # 10,000 levels: URL-encoded, the most that fits in the size limit.
    variables = '{"v": ' + "[" * 10_000 + "]" * 10_000 + "}"
    response = client.get(
        "/graphql/", {"query": "{ locales { code } }", "variables": variables}
    )
    assert_refused_in_our_words(response, TOO_DEEP, caplog)


def test_json_within_the_depth_limit_is_answered(client, caplog):
    brackets = "[" * 30 + "]" * 30  # 32 levels, in the body and its variables
    text = '"[[[{{{ brackets in a string do not count"'
    for body in (
        '{"query": "{ locales { code } }", "variables": {"v": ' + brackets + "}}",
        '{"query": "{ locales { code } }", "variables": {"v": ' + text + "}}",
    ):
        response = client.post("/graphql/", body, content_type="application/json")
        assert response.status_code == 200, response.content
        assert json.loads(response.content)["data"]["locales"][0] == {"code": "en"}
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("application/json", b'{"query": "{ locales { code } }\xff"}'),
        ("application/graphql", b"{ locales { code } } # \xff\xfe"),
    ],
)
def test_a_body_that_is_not_utf8_is_refused_in_our_words(
    client, caplog, content_type, body
):
    response = client.post("/graphql/", body, content_type=content_type)
    assert_refused_in_our_words(
        response, "The request body is not valid UTF-8.", caplog
    )


def test_a_graphql_body_is_answered(client):
    response = client.post(
        "/graphql/", b"{ locales { code } }", content_type="application/graphql"
    )
    assert response.status_code == 200
    assert json.loads(response.content)["data"]["locales"][0] == {"code": "en"}


def test_variables_text_that_is_not_json_is_refused(client, caplog):
    response = client.get(
        "/graphql/", {"query": "{ locales { code } }", "variables": '{"v": '}
    )
    assert_refused_in_our_words(response, "Variables are invalid JSON.", caplog)


@pytest.mark.parametrize("body", ["[1]", '"query"', "1e999"])
def test_a_json_body_that_is_no_object_is_refused(client, caplog, body):
    response = client.post("/graphql/", body, content_type="application/json")
    assert_refused_in_our_words(
        response, "The received data is not a valid JSON query.", caplog
    )
