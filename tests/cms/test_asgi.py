"""The ASGI application (cms/asgi.py) answers the API as the WSGI one does."""

from __future__ import annotations

import asyncio
import json

import pytest
from asgiref.sync import async_to_sync

pytestmark = pytest.mark.django_db


async def get(application, path: str, query: bytes) -> tuple[int, dict, bytes]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 8810),
        "server": ("testserver", 80),
    }
    sent = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if requests:
            return requests.pop(0)
        # The client stays connected: Django listens for a disconnect while
        # it answers, and stops listening once the response is sent.
        await asyncio.Event().wait()

    async def send(message):
        sent.append(message)

    await application(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(
        m.get("body", b"") for m in sent if m["type"] == "http.response.body"
    )
    headers = {
        name.decode().lower(): value.decode() for name, value in start["headers"]
    }
    return start["status"], headers, body


def test_the_asgi_application_answers_a_graphql_query(keep_test_connection):
    from cms.asgi import application

    status, headers, body = async_to_sync(get)(
        application, "/graphql/", b"query=%7B__typename%7D"
    )
    assert status == 200
    assert headers["content-type"].startswith("application/json")
    assert json.loads(body) == {"data": {"__typename": "Query"}}
