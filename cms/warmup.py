"""Pay one-off start-up costs before a server takes its first request.

A fresh process imports the cache client lazily, loads translation catalogs
on first use, and connects to Redis and PostgreSQL when it first needs them:
together well over 100 ms on the first request a worker serves. gunicorn runs
``prepare_process`` once in the master (shared by every forked worker) and
``warm_up`` in each worker before it accepts connections.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings

logger = logging.getLogger("cms.warmup")

WARM_UP_QUERY = "{ pages(limit: 1) { id } }"


def prepare_process() -> None:
    """Load what every worker shares: the schema, imports, catalogs. No I/O."""
    from django.core.cache import caches
    from django.utils import translation
    from graphene_django.settings import graphene_settings

    graphene_settings.SCHEMA  # noqa: B018 - builds the schema once
    backend = settings.CACHES["default"]["BACKEND"]
    __import__(backend.rsplit(".", 1)[0])
    if "django_redis" in backend or "Redis" in backend:
        import django_redis.client  # noqa: F401 - the client module redis pulls in

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Page")
    # Connections must not cross a fork: close anything opened above.
    caches.close_all()


def warm_up(application: Callable[..., Any]) -> float:
    """Send one small query through the app in this process; return seconds."""
    from django.db import connections

    started = time.perf_counter()
    body = json.dumps({"query": WARM_UP_QUERY}).encode()
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/graphql/",
        "QUERY_STRING": "",
        "SERVER_NAME": _host(),
        "SERVER_PORT": "443",
        "HTTP_HOST": _host(),
        "HTTP_X_FORWARDED_PROTO": "https",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "https",
        "wsgi.errors": io.StringIO(),
    }
    status: list[str] = []
    try:
        from cms.graphql.trusted import trusted_documents

        # Looking an id up costs no SQL once the set is in memory.
        trusted_documents.current()
        result = application(environ, lambda code, headers, *_: status.append(code))
        b"".join(result)
        if hasattr(result, "close"):
            result.close()
        for connection in connections.all(initialized_only=True):
            connection.ensure_connection()
    except Exception:  # a warm-up must never stop a worker from starting
        logger.exception("Warm-up request failed")
    seconds = time.perf_counter() - started
    logger.info("Worker warmed up in %.0f ms (%s)", seconds * 1000, status[:1])
    return seconds


def _host() -> str:
    for host in settings.ALLOWED_HOSTS:
        host = host.lstrip(".")
        if host and host != "*":
            return host
    return "localhost"
