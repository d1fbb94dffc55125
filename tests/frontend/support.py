"""What the frontend's end-to-end tests share: the CMS's API, signed events,
a page that records what went wrong in the browser."""

from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from standardwebhooks.webhooks import Webhook

#: Signs the test run's publishing events: the CMS's and the frontend's.
SECRET = "whsec_ZTJlLXRlc3RzLW9ubHktcmV2YWxpZGF0aW9uLXNlY3JldA=="
PASSWORD = "correct-horse-battery-e2e"
EDITOR = "erin-editor"
REVIEWER = "rafael-reviewer"


def cms_graphql(stack, query: str, variables: dict | None = None) -> dict:
    """The CMS's public API, as any client asks it."""
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        f"{stack.cms_url}/graphql/",
        data=body,
        headers={"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    assert not answer.get("errors"), answer["errors"]
    return answer["data"]


def fetch(url: str, **headers: str) -> tuple[int, str, dict[str, str]]:
    """GET without JavaScript, as curl would: the status, the body and the
    headers, their names in lower case (HTTP's are case-insensitive)."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        answer = error.code, error.read().decode(), error.headers
    status, body, received = answer
    return status, body, {name.lower(): value for name, value in received.items()}


def send_event(
    stack,
    tags: list[str],
    urls: list[str],
    *,
    type_: str = "page.published",
    obj: dict | None = None,
    secret: str = SECRET,
    at: datetime.datetime | None = None,
) -> tuple[int, Any]:
    """A publishing event as the contract has it (docs/frontend.md), signed
    with Standard Webhooks, POSTed to the frontend's /api/revalidate."""
    at = at or datetime.datetime.now(datetime.UTC)
    body = json.dumps(
        {
            "type": type_,
            "timestamp": at.isoformat(),
            "data": {
                "object": obj or {},
                "revision": None,
                "invalidates": {"tags": tags, "urls": urls},
            },
        }
    )
    msg_id = f"msg_e2e_{at.timestamp()}"
    request = urllib.request.Request(
        f"{stack.site_url}/api/revalidate",
        data=body.encode(),
        method="POST",
        headers={
            "content-type": "application/json",
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(at.timestamp())),
            "webhook-signature": Webhook(secret).sign(msg_id, at, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


ARTICLE = """
query Article($locale: String!) {
  causeIndex(locale: $locale) {
    id url title locale body { blockType }
    categories {
      id url title locale body { blockType }
      causes { id url title locale body { blockType } relatedCauses { title } }
    }
  }
}
"""

#: The whole article's pages stay light: every page's HTML under 100 KB.
MAX_HTML_BYTES = 100 * 1024


def article_pages(stack, locale: str) -> list[dict]:
    hub = cms_graphql(stack, ARTICLE, {"locale": locale})["causeIndex"]
    pages = [hub]
    for category in hub["categories"]:
        pages.append(category)
        pages.extend(category["causes"])
    return pages


def block_class(block_type: str) -> str:
    return "block-" + block_type.replace("_", "-")


def assert_renders_fully(page, expected: dict) -> int:
    """Open ``expected`` (a page of ``article_pages``) in the browser ``page``
    and check it is all there: its title, every block of its body in order,
    its related causes, the site chrome, its images loaded. Returns the size
    of its HTML."""
    response = page.goto(expected["url"])
    assert response.status == 200, expected["url"]
    html_bytes = len(response.body())
    assert html_bytes < MAX_HTML_BYTES, (expected["url"], html_bytes)
    assert page.locator("html").get_attribute("lang") == expected["locale"]
    assert page.locator("h1").inner_text() == expected["title"]
    # Every block of the body, in order, each by its own component.
    rendered = page.locator(".stream-field > *").evaluate_all(
        "els => els.map(e => [...e.classList].find(c => c.startsWith('block-')))"
    )
    assert rendered == [block_class(b["blockType"]) for b in expected["body"]], (
        expected["url"]
    )
    for related in expected.get("relatedCauses", []):
        assert page.get_by_role("link", name=related["title"]).count() >= 1
    # The site chrome on every page; landmarks and the skip link.
    assert page.locator("footer.site-footer").count() == 1
    assert page.locator("main#main").count() == 1
    assert page.locator("header").count() >= 1
    assert page.locator("a.skip-link[href='#main']").count() == 1
    for image in page.locator(".block-image img").all():
        assert image.get_attribute("srcset")
        assert image.get_attribute("width") and image.get_attribute("height")
        # Loaded (lazily, once scrolled to) from the CMS's media through
        # the frontend.
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    return html_bytes


@dataclass
class Watched:
    """A browser page whose console errors and failed requests are kept."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + self.failed


def watch(page) -> Watched:
    watched = Watched(page)
    page.on(
        "console",
        lambda m: m.type == "error" and watched.console_errors.append(m.text),
    )
    page.on("pageerror", lambda e: watched.console_errors.append(str(e)))
    page.on(
        "requestfailed",
        lambda r: watched.failed.append(f"{r.url}: {r.failure}"),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and watched.failed.append(f"{r.url}: {r.status}"),
    )
    return watched
