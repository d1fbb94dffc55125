"""Property-based fuzzing of every root field.

Schemathesis writes whole queries (string literals may hold NUL characters);
``test_no_text_argument_fails_on_the_server`` sends hostile text, lone
surrogates included, as variables to every String and ID argument.

`make fuzz` runs 100 random examples per root field; the regular suite (and
CI) runs FUZZ_EXAMPLES of them (default 5), the same ones every run (the
hypothesis profile in tests/conftest.py).
"""

import json
import logging
import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def live_schema():
    """The served schema, introspected in process rather than over HTTP: at
    collection time there is no test database yet for a request to read."""
    app = get_wsgi_application()
    from grapple.schema import schema as graphene_schema

    loaded = schemathesis.graphql.from_dict(graphene_schema.introspect())
    loaded.app = app
    loaded.location = "/graphql/"
    return loaded


schema = live_schema()
schema.config.generation.update(allow_x00=True)

NON_NULL_VIOLATION = "Cannot return null for non-nullable field"


# Django's handler would close the test's connection after each in-process
# WSGI call (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("keep_test_connection")


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_root_field_fails_on_the_server(case, demo_article):
    response = case.call()
    assert response.status_code < 500, response.text
    for error in response.json().get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code != "INTERNAL_SERVER_ERROR", (case.body, error)
        assert NON_NULL_VIOLATION not in error["message"], (case.body, error)


# Hostile text for every String and ID argument of every root field, sent as
# variables (GET and POST), which literals cannot carry: a lone surrogate is a
# syntax error in a GraphQL string, but not in JSON. Text is drawn from every
# code point (NUL and lone surrogates included), mixed with values known to
# have reached the database or Python's int() before.
HOSTILE = st.sampled_from(
    [
        "\x00",
        "hydro\x00salpinx",
        "\ud800",
        "a\udfffb",
        "\ud83d",  # the first half of an emoji
        "²",
        "١٢",
        "9" * 5000,
        "0" * 5000,
        "9223372036854775808",
        "-1",
        "1.5",
        " 1",
        "",
        "%00",
        "\\u0000",
        "../" * 20,
        "'; --",
    ]
)
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()))
VALUES = st.one_of(
    HOSTILE,
    ANY_TEXT,
    st.builds(lambda text, hostile: text + hostile, ANY_TEXT, HOSTILE),
)


def text_arguments() -> dict[str, list[tuple[str, str, bool]]]:
    """Each root field's String and ID arguments: (name, type, required)."""
    from graphql import GraphQLNonNull, get_named_type
    from grapple.schema import schema as graphene_schema

    query = graphene_schema.graphql_schema.query_type
    fields = {}
    for name, field in query.fields.items():
        arguments = [
            (argument_name, get_named_type(argument.type).name, required)
            for argument_name, argument in field.args.items()
            if get_named_type(argument.type).name in ("String", "ID")
            for required in [isinstance(argument.type, GraphQLNonNull)]
        ]
        if arguments:
            fields[name] = arguments
    return fields


TEXT_ARGUMENTS = text_arguments()


@pytest.mark.django_db
@pytest.mark.parametrize("field", sorted(TEXT_ARGUMENTS))
@given(data=st.data())
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("CI") == "true",
)
def test_no_text_argument_fails_on_the_server(
    field, data, demo_article, client, caplog
):
    caplog.clear()
    values = {
        name: data.draw(VALUES, label=name)
        for name, _type, required in TEXT_ARGUMENTS[field]
        if required or data.draw(st.booleans(), label=f"with {name}")
    }
    declarations = ", ".join(
        f"${name}: {type_}{'!' if required else ''}"
        for name, type_, required in TEXT_ARGUMENTS[field]
        if name in values
    )
    uses = ", ".join(f"{name}: ${name}" for name in values)
    query = f"{{ {field} {{ __typename }} }}"
    if values:
        query = f"query({declarations}) {{ {field}({uses}) {{ __typename }} }}"
    if data.draw(st.booleans(), label="GET"):
        response = client.get(
            "/graphql/", {"query": query, "variables": json.dumps(values)}
        )
    else:
        body = json.dumps({"query": query, "variables": values})
        response = client.post("/graphql/", body, content_type="application/json")
    assert response.status_code < 500, response.content
    for error in json.loads(response.content).get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code != "INTERNAL_SERVER_ERROR", (query, values, error)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
