"""HTTP helpers shared by the cms tests: a query, GET and POST it."""

import json

from django.db import connection
from django.test.utils import CaptureQueriesContext

QUERY = '{ cause(slug: "hydrosalpinx") { title summary } }'


def get(client, query=QUERY, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/graphql/", {"query": query}, **headers)
    return response, len(captured)


def post(client, query=QUERY):
    return client.post(
        "/graphql/", json.dumps({"query": query}), content_type="application/json"
    )


def title(response) -> str:
    return json.loads(response.content)["data"]["cause"]["title"]


def post_counted(client, query: str, **extra):
    """POST ``query``: the response, its JSON body and the SQL queries run."""
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            "/graphql/",
            json.dumps({"query": query}),
            content_type="application/json",
            **extra,
        )
    return response, json.loads(response.content), len(captured)
