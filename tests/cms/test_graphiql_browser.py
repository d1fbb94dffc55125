"""GraphiQL in a real browser, with no network but this server.

Where GraphiQL is on (``GRAPHQL_GRAPHIQL``, as in ``settings.dev``), its
page, scripts and styles come from this server's static files. Here Chromium,
driven by Playwright, opens it with every request to another host refused,
and under a strict Content-Security-Policy (``default-src 'self'``: no inline
script, no eval, no inline stylesheet): the editor renders, a typed query
runs and its answer is shown.

Needs the ``playwright`` Python package, a Chromium binary (Debian's
``chromium`` package, or ``CHROMIUM_PATH``; without them the test is skipped)
and GraphiQL's assets, which ``make install`` puts in the static files.
"""

from __future__ import annotations

import importlib
import re
from urllib.parse import quote, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings
from django.urls import clear_url_caches

from tests.support.browser import needs_chromium

sync_api = pytest.importorskip("playwright.sync_api")


# A strict policy: scripts and styles from this origin only (no inline script,
# no eval, no <style>); GraphiQL's stylesheet embeds its fonts as data: URLs.
POLICY = "default-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'"


def reload_urls():
    # The URLconf reads GRAPHQL_GRAPHIQL when it is imported.
    importlib.reload(importlib.import_module(settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture
def graphiql_on():
    with override_settings(GRAPHQL_GRAPHIQL=True):
        reload_urls()
        yield
    reload_urls()


def test_the_assets_are_in_the_static_files():
    for path in (
        "cms/graphiql/vendor/react/react.production.min.js",
        "cms/graphiql/vendor/react-dom/react-dom.production.min.js",
        "cms/graphiql/vendor/graphiql/graphiql.min.js",
        "cms/graphiql/vendor/graphiql/graphiql.min.css",
        "cms/graphiql/vendor/plugin-explorer/graphiql-plugin-explorer.umd.js",
        "cms/graphiql/page.js",
    ):
        assert finders.find(path), f"{path} is missing: run `make install`"


@pytest.mark.django_db
def test_the_page_loads_only_same_origin_files_and_has_no_inline_script(
    client, graphiql_on
):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert len(scripts) == 5
    for attributes, body in scripts:
        assert body.strip() == ""
        assert re.search(r'src="/static/cms/graphiql/[^"]+\.js"', attributes)
    links = re.findall(r'<link [^>]*href="([^"]+)"', html)
    assert links and all(link.startswith("/static/cms/graphiql/") for link in links)
    assert " style=" not in html and "<style" not in html


@needs_chromium
# The live server runs in another thread, so the data must be committed.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_graphiql_renders_and_runs_a_query_with_only_this_server_reachable(
    live_server, graphiql_on, browser
):
    server = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []
    page_errors: list[str] = []

    def route(route):
        request = route.request
        if urlsplit(request.url).netloc != server:
            elsewhere.append(request.url)
            route.abort()
        elif request.resource_type == "document":
            response = route.fetch()
            headers = {**response.headers, "content-security-policy": POLICY}
            route.fulfill(response=response, headers=headers)
        else:
            route.continue_()

    def websocket(ws):
        elsewhere.append(ws.url)
        ws.close()

    context = browser.new_context(base_url=live_server.url)
    context.route("**/*", route)
    context.route_web_socket(re.compile(".*"), websocket)
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )

    response = page.goto("/graphql/", wait_until="load")
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/html")
    assert elsewhere == [], f"requests to other hosts: {elsewhere}"

    editor = page.locator(".graphiql-query-editor .CodeMirror")
    sync_api.expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    # Typed as text: key by key, the editor would close each brace itself.
    page.keyboard.insert_text("{ locales { code } }")
    sync_api.expect(editor).to_contain_text("{ locales { code } }")
    # The URL's fragment follows the query, so a link opens it again.
    sync_api.expect(page).to_have_url(
        re.compile(re.escape("#query=" + quote("{ locales { code } }", safe="")))
    )

    with page.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/graphql/")
    ) as answered:
        page.get_by_role("button", name=re.compile("Execute query")).click()
    assert answered.value.status == 200
    result = page.locator(".graphiql-response .CodeMirror")
    sync_api.expect(result).to_contain_text('"code": "en"')

    assert elsewhere == [], f"requests to other hosts: {elsewhere}"
    assert violations == [], f"Content-Security-Policy violations: {violations}"
    assert page_errors == [], f"script errors: {page_errors}"
    context.close()
