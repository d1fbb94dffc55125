"""The reference frontend's server-rendered cause page in ``make bench``.

A production build of the frontend (``next build`` into
``frontend/.next-bench``, through ``bench.nextjs`` as the end-to-end tests
build theirs; started while the database is seeded, built again only when
its sources or the CMS's address changed) is served by ``next start``
against the benchmark's gunicorn, and asked for the English article's cause
pages one request at a time, each on a new connection, timed from sending
the request to the last byte of the HTML:

- **warm-up** (not timed): the article's hub page twice, which loads the
  page route's code and puts the answers every page shares (the languages,
  the site chrome) into Next.js's cache;
- **cold:** the first request for each of the 40 cause pages. Next.js has
  none of the page's answers (a request it has not seen yet in this process
  goes to the CMS), and the CMS has never been asked for that cause page
  either (its response cache misses once; the frontend's proxy asks first,
  whether the address is a page, and the page's own request then finds the
  CMS's cached answer);
- a second round over the pages (not timed), whose answers Next.js keeps;
- **warm:** two more rounds: every answer the page needs comes from
  Next.js's cache, and the page is rendered again for each request (its
  route is dynamic: a nonce per request, the reader's language). The proxy
  still asks the CMS for its languages (a cached answer) on each request.

Every answer must be a 200 with the cause's title as its ``<h1>``; any other
is counted as an error. Without Node.js 20.19+ and npm, or with
``SKIP_FRONTEND=1``, this part is skipped and the report says why.

No Django imports.
"""

from __future__ import annotations

import base64
import html
import http.client
import json
import os
import secrets
import statistics
import time
from pathlib import Path

from bench import loadgen, nextjs

DIST_DIR = ".next-bench"
#: Timed rounds over every cause page once Next.js keeps their answers.
WARM_ROUNDS = 2
#: The pages to ask for, from the CMS's API.
PAGES_QUERY = """
query BenchPages($locale: String) {
  causeIndex(locale: $locale) { url categories { causes { url title } } }
}
"""


def skip_reason() -> str | None:
    """Why the frontend part is not run, or None when it is."""
    if os.environ.get("SKIP_FRONTEND") == "1":
        return "SKIP_FRONTEND=1"
    return nextjs.unavailable()


def environment(cms_url: str, site_port: int) -> dict[str, str]:
    # No events are sent; the route that receives them needs a secret still.
    secret = "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()
    return nextjs.site_env(
        dict(os.environ),
        dist_dir=DIST_DIR,
        cms_url=cms_url,
        site_url=f"http://127.0.0.1:{site_port}",
        secret=secret,
    )


def start_build(cms_url: str, site_port: int, logs: Path) -> nextjs.Build:
    env = environment(cms_url, site_port)
    return nextjs.start_build(DIST_DIR, env, cms_url, logs)


def cause_pages(cms: loadgen.Client, locale: str) -> tuple[str, list[tuple[str, str]]]:
    """The hub's URL and each cause's (URL, title), from the CMS's API."""
    body = json.dumps({"query": PAGES_QUERY, "variables": {"locale": locale}})
    response = cms.send(loadgen.Call("POST", "/graphql/", body=body.encode()))
    hub = json.loads(response.body)["data"]["causeIndex"]
    causes = [
        (cause["url"], cause["title"])
        for category in hub["categories"]
        for cause in category["causes"]
    ]
    return hub["url"], causes


def get(port: int, path: str) -> tuple[int, bytes, float]:
    """GET ``path`` on a new connection: status, body, milliseconds."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        began = time.perf_counter()
        connection.request("GET", path, headers={"Accept": "text/html"})
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - began) * 1000
    finally:
        connection.close()
    return response.status, body, elapsed


def summary(timings: list[float], sizes: list[int], errors: int) -> dict:
    ordered = sorted(timings)
    return {
        "requests": len(timings),
        "errors": errors,
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(loadgen.percentile(ordered, 0.95), 1),
        "max_ms": round(ordered[-1], 1),
        "html_bytes": round(statistics.median(sizes)),
    }


def measure(
    build: nextjs.Build,
    cms: loadgen.Client,
    cms_url: str,
    site_port: int,
    locale: str,
    logs: Path,
) -> dict:
    """Serve the build and time the cause pages, cold and warm."""
    rebuilt = build.process is not None
    began = time.monotonic()
    build.wait()
    built_in = round(time.monotonic() - began, 1)
    hub, causes = cause_pages(cms, locale)
    server = nextjs.start_server(site_port, environment(cms_url, site_port), logs)
    try:
        nextjs.wait_until_up(server, f"http://127.0.0.1:{site_port}/sitemap.xml")
        for _ in range(2):
            status, body, _ = get(site_port, hub)
            if status != 200:
                raise nextjs.NotAnswering(
                    f"the frontend answered the hub page {hub} with HTTP {status}:\n"
                    f"{body[:500]!r}\n{server.tail()}"
                )

        def round_over_causes() -> tuple[list[float], list[int], int]:
            timings, sizes, errors = [], [], 0
            for url, title in causes:
                status, body, elapsed = get(site_port, url)
                timings.append(elapsed)
                sizes.append(len(body))
                heading = f"<h1>{html.escape(title, quote=False)}</h1>".encode()
                errors += status != 200 or heading not in body
            return timings, sizes, errors

        cold = round_over_causes()
        round_over_causes()
        warm: tuple[list[float], list[int], int] = ([], [], 0)
        for _ in range(WARM_ROUNDS):
            timings, sizes, errors = round_over_causes()
            warm = (warm[0] + timings, warm[1] + sizes, warm[2] + errors)
    finally:
        server.stop()
    return {
        "pages": len(causes),
        "cold": summary(*cold),
        "warm": summary(*warm),
        "build_wait_seconds": built_in,
        "seconds": round(time.monotonic() - began),
        "rebuilt": rebuilt,
        "dist_dir": f"frontend/{DIST_DIR}",
    }
