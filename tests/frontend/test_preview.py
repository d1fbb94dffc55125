"""The admin's Preview and View live, on the frontend
(frontend/src/app/preview/page.tsx, docs/frontend.md)."""

from __future__ import annotations

import re
import time

from tests.frontend.support import cms_graphql, fetch, watch
from tests.support.browser import needs_chromium

pytestmark = needs_chromium

CAUSE = """
query Cause($slug: String!) {
  cause(slug: $slug, locale: "en") {
    id url title summary body { blockType } relatedCauses { title }
  }
}
"""


def thin_endometrium(stack) -> dict:
    page = cms_graphql(stack, CAUSE, {"slug": "thin-endometrium"})["cause"]
    assert "image" in [b["blockType"] for b in page["body"]]
    assert page["relatedCauses"]
    return page


def test_preview_of_an_unsaved_change_shows_it_with_images_and_related_causes(
    stack, editor_page
):
    page = thin_endometrium(stack)
    editor_page.goto(f"/admin/pages/{page['id']}/edit/")
    unsaved = "An unsaved summary, seen only in the preview."
    editor_page.fill("#id_summary", unsaved)
    editor_page.click("[data-side-panel-toggle=preview]")
    # The panel's frame (replaced as the editor types) holds
    # wagtail-headless-preview's page, which frames the frontend's preview
    # route.
    preview = editor_page.frame_locator("#w-preview-iframe").frame_locator("iframe")
    preview.locator("p.summary").filter(has_text=unsaved).wait_for(timeout=20_000)
    assert any(
        frame.url.startswith(f"{stack.site_url}/preview/?")
        for frame in editor_page.frames
    ), [frame.url for frame in editor_page.frames]
    assert preview.locator(".preview-banner").count() == 1
    image = preview.locator(".block-image img").first
    assert image.get_attribute("srcset")
    for related in page["relatedCauses"]:
        assert preview.get_by_role("link", name=related["title"]).count() >= 1
    # Nothing was saved: readers see the live page.
    status, html, _ = fetch(stack.site_url + page["url"])
    assert status == 200 and unsaved not in html


def test_expired_preview_token_shows_the_expiry_page(stack, site):
    page = thin_endometrium(stack)
    token = stack.python(
        "import time\n"
        "from content.editorial.preview import make_token\n"
        "from content.models import CausePage\n"
        f"page = CausePage.objects.get(pk={int(page['id'])})\n"
        "print(make_token(page, issued_at=time.time() - 2 * 24 * 3600))"
    ).splitlines()[-1]
    browser_page = site.new_page()
    watched = watch(browser_page)
    response = browser_page.goto(
        f"/preview/?content_type=content.causepage&token={token}&locale=en"
    )
    assert response.status == 410
    assert response.headers["cache-control"] == "private, no-store"
    assert browser_page.locator("h1").inner_text() == "This preview link has expired"
    # The 410 itself is the one failed request; nothing else went wrong.
    assert [p for p in watched.problems() if "410" not in p] == []


def test_view_live_opens_the_frontend_page(stack, editor_page):
    page = thin_endometrium(stack)
    editor_page.goto(f"/admin/pages/{page['id']}/edit/")
    # The status tag's "Visit the live page": the page's address on the CMS,
    # which leads to the frontend.
    link = editor_page.locator(
        "a.page-status-tag:visible", has_text=re.compile("live", re.I)
    )
    with editor_page.context.expect_page() as opened:
        link.first.click()
    live = opened.value
    live.wait_for_load_state()
    deadline = time.monotonic() + 10
    while live.url != stack.site_url + page["url"] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert live.url == stack.site_url + page["url"]
    assert live.locator("h1").inner_text() == page["title"]
