"""SQL queries per scenario, counted without timing anything.

    python -m bench.sqlcount        # prints JSON; same settings as the server

Runs each scenario through Django's test client against the benchmark's
database and cache, in this process, with ``CaptureQueriesContext``. A first
round warms the process (content types, site root paths), as a running
server is warm; the second round is counted. Cached answers are counted on
a repeated hit, once the process's in-memory copy of the cache is trusted.
"""

from __future__ import annotations

import json
import os
import sys
import time

from bench import frontend_bench
from bench.queries import ABUSIVE_QUERIES, abusive_body, article_body, rest_plan
from bench.seed import SIZES, hub_slug


def trust_the_memory_copy(timeout: float = 10) -> None:
    """Wait until this process's in-memory copy of the Redis cache is trusted,
    as a running server's is: its hits then read the database's generation
    once per interval, not each time (``cms.cache.mirror``)."""
    from cms.cache import responses

    copy = responses.mirror()
    if copy is None:
        return
    copy.start()
    deadline = time.monotonic() + timeout
    while copy.current_generation() is None and time.monotonic() < deadline:
        time.sleep(0.05)


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.bench")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    trust_the_memory_copy()
    nonce = time.time_ns()

    def post(body: bytes):
        return client.post("/graphql/", body, content_type="application/json")

    def counted(send):
        with CaptureQueriesContext(connection) as captured:
            response = send()
        return response, len(captured)

    def get_json(path: str) -> dict:
        response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: HTTP {response.status_code}")
        return json.loads(response.content)

    result: dict = {"graphql_uncached": {}, "graphql_cached": {}, "rest": {}}
    for locale, size in SIZES.items():
        post(article_body(locale, nonce := nonce + 1))
        body = article_body(locale, nonce := nonce + 1)
        response, uncached = counted(lambda body=body: post(body))
        data = json.loads(response.content)
        served = sum(
            len(category["causes"])
            for category in data["data"]["causeIndex"]["categories"]
        )
        if response.get("X-Cache") != "MISS" or served != size or "errors" in data:
            raise RuntimeError(f"unexpected uncached article response ({locale})")
        post(body)  # the first hit reads the database's generation
        response, cached = counted(lambda body=body: post(body))
        if response.get("X-Cache") != "HIT":
            raise RuntimeError(f"the repeated article query missed ({locale})")
        result["graphql_uncached"][locale] = {"causes": size, "queries": uncached}
        result["graphql_cached"][locale] = {"causes": size, "queries": cached}

        paths, served = rest_plan(get_json, locale, hub_slug(locale))
        if served != size:
            raise RuntimeError(f"REST served {served} causes, not {size} ({locale})")
        per_call = []
        for path in paths:
            response, queries = counted(lambda path=path: client.get(path))
            per_call.append(queries)
        result["rest"][locale] = {
            "causes": size,
            "calls": len(paths),
            "queries": sum(per_call),
            "queries_per_call": per_call,
        }

    client.post("/bench/floor/", article_body("en"), content_type="application/json")
    response, floor = counted(
        lambda: client.post(
            "/bench/floor/", article_body("en"), content_type="application/json"
        )
    )
    result["floor"] = {"queries": floor, "status": response.status_code}

    result.update(frontend_bench.sql_counts(post, counted, client))

    result["abusive"] = {}
    for name, query in ABUSIVE_QUERIES.items():
        post(abusive_body(query))
        response, queries = counted(lambda query=query: post(abusive_body(query)))
        result["abusive"][name] = {
            "queries": queries,
            "status": response.status_code,
            "errors": [e["message"] for e in json.loads(response.content)["errors"]],
        }
    json.dump(result, sys.stdout, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
