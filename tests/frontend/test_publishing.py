"""Fresh after publish: an approved change reaches the frontend, a draft
never does (frontend/src/app/api/revalidate/route.ts, docs/frontend.md).

The frontend caches the CMS's answers (an hour) and drops them when the CMS
says a page changed: a Standard Webhooks event to /api/revalidate. The CMS
sends them from its task worker (``manage.py db_worker``) where it has one;
the test of the whole path needs it and is skipped, saying so, without. The
others sign the contract's event themselves, as the CMS does.
"""

from __future__ import annotations

import datetime
import re
import time

import pytest

from tests.frontend.support import cms_graphql, fetch, send_event
from tests.support.browser import needs_chromium

pytestmark = needs_chromium

CAUSE = """
query Cause($slug: String!) {
  cause(slug: $slug, locale: "en") {
    id url summary
    category { id url }
    translations { id url }
  }
}
"""


def cause(stack, slug: str) -> dict:
    return cms_graphql(stack, CAUSE, {"slug": slug})["cause"]


def contract_event(page: dict) -> tuple[list[str], list[str]]:
    """The tags and urls the CMS's event names for a page (the contract)."""
    pages = [page, page["category"], *page["translations"]]
    return [f"page-{p['id']}" for p in pages], [p["url"] for p in pages]


def page_id_in_admin(stack, slug: str) -> int:
    return int(cause(stack, slug)["id"])


def edit_summary(editor_page, page_id: int, text: str, *, submit: bool) -> None:
    """The editor changes the summary in the admin: a draft, or submitted."""
    editor_page.goto(f"/admin/pages/{page_id}/edit/")
    editor_page.fill("#id_summary", text)
    if submit:
        editor_page.click("footer .w-dropdown__toggle")
        editor_page.click("button[name=action-submit]")
        editor_page.wait_for_load_state()
        assert (
            "submitted for moderation" in editor_page.locator(".messages").inner_text()
        )
    else:
        editor_page.click("footer button.action-save")
        editor_page.wait_for_load_state()
        assert "updated" in editor_page.locator(".messages").inner_text()


def approve(reviewer_page, page_id: int) -> None:
    """The medical reviewer approves the submitted change in the admin."""
    reviewer_page.goto(f"/admin/pages/{page_id}/edit/")
    reviewer_page.click("footer .w-dropdown__toggle")
    reviewer_page.click(
        "footer button[data-workflow-action-name=approve]"
        ":not([data-workflow-action-modal-url])"
    )
    reviewer_page.wait_for_load_state()
    assert "updated" in reviewer_page.locator(".messages").inner_text()


def summary_on_site(stack, url: str) -> str:
    status, html, _ = fetch(stack.site_url + url)
    assert status == 200, url
    match = re.search(r'<p class="summary"[^>]*>(.*?)</p>', html, re.S)
    assert match, html[:500]
    return match.group(1)


def render_cached(stack, url: str) -> str:
    """Read the page until the frontend serves it from its cache (the first
    read of a request in a server process is not stored, the second is)."""
    summary_on_site(stack, url)
    return summary_on_site(stack, url)


def test_approved_change_shows_on_the_frontend_within_5_seconds(
    stack, editor_page, reviewer_page
):
    if not stack.worker:
        pytest.skip(
            "the CMS has no task worker (manage.py db_worker) to send its "
            "publishing events; test_signed_event_* checks the frontend's side"
        )
    page = cause(stack, "hydrosalpinx")
    render_cached(stack, page["url"])
    new = "Approved in the end-to-end test: shown within seconds."
    edit_summary(editor_page, int(page["id"]), new, submit=True)
    approve(reviewer_page, int(page["id"]))
    deadline = time.monotonic() + 5
    while summary_on_site(stack, page["url"]) != new:
        assert time.monotonic() < deadline, "not on the frontend 5 s after Approve"
        time.sleep(0.25)


def test_signed_event_after_approval_shows_the_change(
    stack, editor_page, reviewer_page
):
    page = cause(stack, "embryo-quality-in-ivf")
    before = render_cached(stack, page["url"])
    new = "Approved by the medical reviewer, then announced by a signed event."
    edit_summary(editor_page, int(page["id"]), new, submit=True)
    approve(reviewer_page, int(page["id"]))
    assert cause(stack, "embryo-quality-in-ivf")["summary"] == new
    if not stack.worker:
        # No event yet: the frontend still serves its cached page.
        assert summary_on_site(stack, page["url"]) == before
    tags, urls = contract_event(page)
    status, answer = send_event(stack, tags, urls)
    assert status == 200, answer
    assert answer == {"revalidated": {"tags": tags, "paths": urls}}
    assert summary_on_site(stack, page["url"]) == new
    # The category lists its causes: its cache was dropped too.
    status, html, _ = fetch(stack.site_url + page["category"]["url"])
    assert new in html


def test_a_saved_draft_never_shows(stack, editor_page):
    page = cause(stack, "endometriosis")
    live = render_cached(stack, page["url"])
    draft = "A draft the medical reviewer has not seen."
    edit_summary(editor_page, int(page["id"]), draft, submit=False)
    # Even with the page's caches dropped, the frontend shows the live page.
    tags, urls = contract_event(page)
    assert send_event(stack, tags, urls)[0] == 200
    assert summary_on_site(stack, page["url"]) == live
    for url in urls:
        assert draft not in fetch(stack.site_url + url)[1]


@pytest.mark.parametrize(
    "change",
    [
        {"secret": "whsec_Zm9yZ2VkLXNlY3JldC1mb3ItdGhlLWUyZS10ZXN0"},
        {"at": datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=6)},
    ],
    ids=["forged", "expired"],
)
def test_forged_or_expired_event_is_refused(stack, change):
    page = cause(stack, "hydrosalpinx")
    tags, urls = contract_event(page)
    status, answer = send_event(stack, tags, urls, **change)
    assert status == 401
    assert "revalidated" not in answer
