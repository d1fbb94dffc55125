"""The WSGI application gunicorn serves (cms/wsgi.py) answers the API."""

from __future__ import annotations

import json
from wsgiref.util import setup_testing_defaults

import pytest

pytestmark = pytest.mark.django_db


def call(application, path: str, query: str = "") -> tuple[str, dict, bytes]:
    environ = {"PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "testserver"}
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return started["status"], started["headers"], body


def test_the_wsgi_application_answers_a_graphql_query(keep_test_connection):
    from cms.wsgi import application

    status, headers, body = call(application, "/graphql/", "query=%7B__typename%7D")
    assert status == "200 OK"
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body) == {"data": {"__typename": "Query"}}


def test_an_unknown_path_is_a_404(keep_test_connection):
    from cms.wsgi import application

    status, _headers, _body = call(application, "/no-such-path-here/")
    assert status.startswith("404")
