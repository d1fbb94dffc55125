"""The production pairing: a CMS that runs only its frontends' trusted
documents (``GRAPHQL_TRUSTED_DOCUMENTS_ONLY``), and the reference frontend
sending its operations by id (``CMS_PERSISTED_DOCUMENTS``): the article, a
German page, the 404 and the editors' preview all work, nothing the frontend
sends is refused, anything else is (docs/operations.md, "Trusted documents").

``trusted_stack`` (conftest.py) is a second CMS server and a second
``next start`` of the suite's one build; what the frontend sent is read from
that CMS's access log (runserver's), one line per request.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

from tests.frontend.conftest import log_in
from tests.frontend.support import (
    EDITOR,
    article_pages,
    assert_renders_fully,
    cms_graphql,
    fetch,
    watch,
)
from tests.support.browser import needs_chromium

pytestmark = needs_chromium

ACCESS_LINE = re.compile(r'"(GET|POST) (/graphql/\S*) HTTP/[\d.]+" (\d{3})')
REFUSED = "GraphQL request refused"


def cms_log(trusted) -> str:
    return trusted.processes["cms"].log.read_text(errors="replace")


def graphql_requests(log: str) -> list[tuple[str, str, int]]:
    """(method, path with query string, status) of every /graphql/ request."""
    return [(m[1], m[2], int(m[3])) for m in ACCESS_LINE.finditer(log)]


def assert_nothing_refused(log: str) -> list[tuple[str, str, int]]:
    requests = graphql_requests(log)
    assert requests, log[-3000:]
    assert [r for r in requests if r[2] != 200] == [], log[-3000:]
    assert REFUSED not in log, log[-3000:]
    return requests


def test_the_article_renders_from_trusted_documents_only(stack, trusted_stack, browser):
    english = article_pages(stack, "en")
    hub, category, cause = english[0], english[1], english[-1]
    german = article_pages(stack, "de")[-1]
    assert german["url"].startswith("/de/")
    since = len(cms_log(trusted_stack))
    context = browser.new_context(base_url=trusted_stack.site_url)
    try:
        page = context.new_page()
        watched = watch(page)
        for expected in (hub, category, cause, german):
            assert_renders_fully(page, expected)
        assert watched.problems() == []
        response = page.goto("/no-such-page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        context.close()
    requests = assert_nothing_refused(cms_log(trusted_stack)[since:])
    # The pages' operations went by id, as GETs (the CDN form).
    operations = {
        parse_qs(urlsplit(path).query).get("operationName", [""])[0]
        for method, path, _ in requests
        if method == "GET" and "id=sha256" in path
    }
    assert {"HubPage", "CategoryPage", "CausePage", "SiteChrome"} <= operations


def test_the_frontends_gets_by_id_carry_the_cdn_headers(stack, trusted_stack):
    # A cause the frontend has not shown yet: it asks the CMS (a page it
    # showed is answered from Next.js's cache).
    cause = article_pages(stack, "en")[-2]
    assert "relatedCauses" in cause
    since = len(cms_log(trusted_stack))
    status, _, _ = fetch(trusted_stack.site_url + cause["url"])
    assert status == 200
    gets = [
        path
        for method, path, _ in assert_nothing_refused(cms_log(trusted_stack)[since:])
        if method == "GET" and "operationName=CausePage" in path
    ]
    assert gets, cms_log(trusted_stack)[since:]
    # What the CMS answers that request: the same bytes to anyone, so a CDN
    # keeps it, and purges it by the publishing events' tags.
    status, body, headers = fetch(trusted_stack.cms_url + gets[-1])
    assert status == 200
    assert json.loads(body)["data"]["cause"]["title"] == cause["title"]
    cache_control = headers["cache-control"]
    assert "public" in cache_control and "stale-while-revalidate" in cache_control
    assert headers["etag"]
    assert f"page-{cause['id']}" in headers["cache-tag"].split(",")
    status, _, _ = fetch(
        trusted_stack.cms_url + gets[-1], **{"If-None-Match": headers["etag"]}
    )
    assert status == 304


def test_an_anonymous_query_of_its_own_is_refused(stack, trusted_stack):
    request = urllib.request.Request(
        f"{trusted_stack.cms_url}/graphql/",
        data=json.dumps({"query": "{ pages { id title } }"}).encode(),
        headers={"content-type": "application/json"},
    )
    try:
        urllib.request.urlopen(request, timeout=30)  # noqa: S310
        status, answer = 200, {}
    except urllib.error.HTTPError as error:
        status, answer = error.code, json.loads(error.read())
    assert status == 400
    (error,) = answer["errors"]
    assert error["extensions"]["code"] == "PERSISTED_QUERY_REQUIRED"
    assert "runs only its frontends' trusted documents" in error["message"]
    assert "data" not in answer or answer["data"] is None
    assert REFUSED in cms_log(trusted_stack)
    # The same query on the CMS that runs any query answers it.
    assert cms_graphql(stack, "{ pages { id title } }")["pages"]


def test_an_editors_preview_goes_through(stack, trusted_stack, browser):
    cause = cms_graphql(
        stack, '{ cause(slug: "thin-endometrium", locale: "en") { id url } }'
    )["cause"]
    context, editor_page = log_in(browser, trusted_stack, EDITOR)
    try:
        since = len(cms_log(trusted_stack))
        editor_page.goto(f"/admin/pages/{cause['id']}/edit/")
        unsaved = "An unsaved summary, previewed by trusted documents."
        editor_page.fill("#id_summary", unsaved)
        editor_page.click("[data-side-panel-toggle=preview]")
        preview = editor_page.frame_locator("#w-preview-iframe").frame_locator("iframe")
        preview.locator("p.summary").filter(has_text=unsaved).wait_for(timeout=20_000)
        assert any(
            frame.url.startswith(f"{trusted_stack.site_url}/preview/?")
            for frame in editor_page.frames
        ), [frame.url for frame in editor_page.frames]
        assert preview.locator(".preview-banner").count() == 1
        assert preview.locator(".block-image img").first.get_attribute("srcset")
    finally:
        context.close()
    # The preview's operations are POSTs (the token stays out of URLs).
    requests = assert_nothing_refused(cms_log(trusted_stack)[since:])
    assert any(method == "POST" for method, _, _ in requests)
