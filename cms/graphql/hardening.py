"""What the GraphQL view checks of a request before any GraphQL runs.

A request id (the client's when well formed), a body size limit, a body that
is UTF-8 and JSON nested no deeper than ``GRAPHQL_MAX_JSON_DEPTH``, the types
of ``query``, ``variables`` and ``operationName``, no CSRF cookie on a JSON
answer, and one log line for every request refused with a 4xx.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
from itertools import accumulate
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from graphene_django.views import HttpError

from cms.graphql.state import state_of

logger = logging.getLogger("cms.graphql")

REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def bad_request(message: str, status: int = 400) -> HttpError:
    return HttpError(HttpResponse(status=status), message)


def request_id(request: HttpRequest) -> str:
    """The client's ``X-Request-ID`` when well formed, else a new one: 32
    hexadecimal digits, unique across the processes of a deployment (a
    random prefix drawn once per process, then a counter)."""
    supplied = request.META.get("HTTP_X_REQUEST_ID", "")
    if REQUEST_ID.match(supplied):
        return supplied
    return f"{_prefix}{next(_request_counter):012x}"


def _new_process() -> None:
    global _prefix, _request_counter
    _prefix = os.urandom(10).hex()
    _request_counter = itertools.count(1)


_new_process()
# A forked process (a gunicorn worker) draws a prefix of its own.
os.register_at_fork(after_in_child=_new_process)


def too_large(request: HttpRequest) -> str | None:
    """The refusal of a request over ``GRAPHQL_MAX_BODY_BYTES``, or None."""
    limit = settings.GRAPHQL_MAX_BODY_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    query_string = request.META.get("QUERY_STRING", "")
    refused = declared > limit or len(query_string) > limit
    if not refused and request.method == "POST":
        refused = len(request.body) > limit
    if not refused:
        return None
    return f"Request too large: at most {limit // 1024} KB."


#: A JSON string (escapes included; an unterminated one runs to the end, so
#: every match attempt succeeds and the scan stays linear).
_JSON_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+(?:"|\\?\Z)', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in ``text``, read without parsing.

    Brackets inside strings do not count. Linear in the length of ``text``
    and without recursion, so it is safe to run on any body within the size
    limit, before ``json.loads`` (whose recursion a deep document exhausts).
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def decode_body(body: bytes) -> str:
    """The request body as text; a 400 in our words when it is not UTF-8."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise bad_request("The request body is not valid UTF-8.") from None


#: Bodies with more opening brackets than this (strings included) are
#: scanned for their nesting before they are parsed; fewer cannot nest deeply
#: enough to trouble the parser, and are measured once parsed.
SCAN_BEFORE_PARSING = 256


def load_json(text: str | bytes, invalid: str) -> Any:
    """``text`` parsed as JSON, or a 400 with the message ``invalid``.

    A document nested deeper than ``GRAPHQL_MAX_JSON_DEPTH`` is refused; one
    that could nest deeply enough to exhaust the parser's recursion is
    refused before it is parsed.
    """
    if isinstance(text, bytes):
        text = decode_body(text)
    limit = settings.GRAPHQL_MAX_JSON_DEPTH
    too_deep = f"JSON is nested too deeply: at most {limit} levels."
    openers = text.count("{") + text.count("[")
    if openers > SCAN_BEFORE_PARSING and json_depth(text) > limit:
        raise bad_request(too_deep)
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        # RecursionError cannot happen within the depth limit: defensive.
        raise bad_request(invalid) from None
    if openers > limit and nesting(value) > limit:
        raise bad_request(too_deep)
    return value


def nesting(value: Any) -> int:
    """How deeply arrays and objects nest in a parsed JSON value (without
    recursion: linear in the number of values)."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        current, depth = pending.pop()
        children = (
            current.values()
            if isinstance(current, dict)
            else current
            if isinstance(current, list)
            else None
        )
        if children is None:
            continue
        deepest = max(deepest, depth)
        pending.extend((child, depth + 1) for child in children)
    return deepest


def check_params(query: object, variables: object, operation_name: object) -> None:
    """Refuse parameters of the wrong JSON type with a 400."""
    if query is not None and not isinstance(query, str):
        raise bad_request("'query' must be a string.")
    if variables is not None and not isinstance(variables, dict):
        raise bad_request("'variables' must be a JSON object.")
    if operation_name is not None and not isinstance(operation_name, str):
        raise bad_request("'operationName' must be a string.")


def drop_csrf_cookie(request: HttpRequest, response: HttpResponse) -> None:
    """graphene-django's view always sets a CSRF cookie (for GraphiQL); a JSON
    answer needs none, and a cookie would keep CDNs away."""
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    response.cookies.pop(settings.CSRF_COOKIE_NAME, None)


def log_refusal(request: HttpRequest, response: HttpResponse) -> None:
    """One log line for a request the endpoint refused (a 4xx answer).

    ``settings.base.LOGGING`` drops django.request's own line for these, so
    each refusal is logged once, with the request id and the reason given to
    the client.
    """
    if not 400 <= response.status_code < 500:
        return
    reason = ""
    try:
        errors = json.loads(response.content).get("errors") or []
        reason = str(errors[0].get("message", ""))[:200]
    except (ValueError, AttributeError, IndexError, TypeError):
        pass
    state = state_of(request)
    logger.warning(
        "GraphQL request refused [%s]: %s %s %s",
        state.request_id if state is not None else "-",
        response.status_code,
        request.method,
        reason or "(no message)",
    )
