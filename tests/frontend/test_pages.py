"""The demo article on the real frontend in Chromium, English and German
(frontend/src/app/[[...path]]/page.tsx, docs/frontend.md)."""

from __future__ import annotations

import re

import pytest

from tests.frontend.support import (
    article_pages,
    assert_renders_fully,
    fetch,
    watch,
)
from tests.support.browser import needs_chromium

pytestmark = needs_chromium


def test_every_english_page_renders_with_all_its_blocks(stack, site):
    pages = article_pages(stack, "en")
    assert len(pages) >= 10
    seen_types: set[str] = set()
    total_bytes = 0
    page = site.new_page()
    watched = watch(page)
    for expected in pages:
        total_bytes += assert_renders_fully(page, expected)
        seen_types |= {b["blockType"] for b in expected["body"]}
    assert watched.problems() == []
    # The demo article has every block type of the body library.
    assert {"paragraph", "heading", "image", "faq", "callout", "page_link"} <= (
        seen_types
    )
    print(f"English article: {len(pages)} pages, {total_bytes} bytes of HTML")


def test_german_article_has_its_language_alternates_and_switcher(stack, site):
    english = article_pages(stack, "en")
    german = article_pages(stack, "de")
    by_english_path = {e["url"]: g["url"] for e, g in zip(english, german, strict=True)}
    cause_en = english[-1]["url"]
    cause_de = by_english_path[cause_en]
    assert cause_de.startswith("/de/")

    page = site.new_page()
    watched = watch(page)
    assert page.goto(cause_de).status == 200
    assert page.locator("html").get_attribute("lang") == "de"
    alternates = dict(
        page.locator("link[rel=alternate][hreflang]").evaluate_all(
            "els => els.map(e => [e.hreflang, new URL(e.href).pathname])"
        )
    )
    assert alternates == {"en": cause_en, "de": cause_de, "x-default": cause_en}
    # The switcher leads to the same page in the other language, and back.
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"**{cause_en}")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".language-switcher").get_by_role("link", name="Deutsch").click()
    page.wait_for_url(f"**{cause_de}")
    assert page.locator("html").get_attribute("lang") == "de"
    assert watched.problems() == []


def test_a_page_in_a_language_without_it_is_the_labelled_fallback(stack, site):
    cause_en = article_pages(stack, "en")[-1]
    page = site.new_page()
    watched = watch(page)
    response = page.goto(f"/fr{cause_en['url']}")
    assert response.status == 200
    notice = page.locator("[data-fallback=true]")
    assert notice.count() == 1
    assert re.search(r"English|anglais", notice.inner_text(), re.IGNORECASE)
    assert page.locator("h1").inner_text() == cause_en["title"]
    # The text is English, and says so.
    assert page.locator("[lang=en] h1").count() == 1
    assert watched.problems() == []


UNKNOWN_PATHS = [
    "/no-such-page/",
    "/causes-of-failed-implantation-and-pregnancy-loss/x/",
]


@pytest.mark.parametrize("path", UNKNOWN_PATHS)
def test_an_unknown_path_is_a_404(stack, path):
    status, _, headers = fetch(stack.site_url + path)
    assert status == 404
    assert headers["content-type"].startswith("text/html")


NOT_FOUND_TITLES = {"en": "Page not found", "de": "Seite nicht gefunden"}


@pytest.mark.parametrize(
    ("path", "language"),
    [*((path, "en") for path in UNKNOWN_PATHS), ("/de/no-such-page/", "de")],
)
def test_an_unknown_paths_404_is_readable_without_javascript(stack, path, language):
    status, html, headers = fetch(stack.site_url + path)
    assert status == 404
    # The page's text is in the HTML itself, not only in a script, in the
    # path's language, inside the site chrome.
    visible = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    assert f"<h1>{NOT_FOUND_TITLES[language]}</h1>" in visible
    assert re.search(rf'<html lang="{language}"', visible)
    assert 'class="site-footer"' in visible
    assert 'class="skip-link"' in visible
    # Its inline scripts carry the nonce of this answer's policy.
    nonce = re.search(r"'nonce-([^']+)'", headers["content-security-policy"])
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and nonce
    assert all(f'nonce="{nonce[1]}"' in tag for tag in scripts)
