"""The admin under its Content-Security-Policy, in a real browser.

Chromium (Debian's package, driven by Playwright as in
``tests/content/translation/test_editor_browser.py``) logs in through the
admin's login form, opens a page editor and the preview page; the enforced
policy must block nothing there. Violations of the admin's report-only
(strict) policy are expected and only collected. Skipped without Playwright
or a Chromium binary; ``CHROMIUM_PATH`` picks another binary.
"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from content.models import CausePage
from tests.support.browser import needs_chromium

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"

# How the browser marks a violation of the report-only policy.
REPORT_ONLY_MARKERS = ("[Report Only]", "The policy is report-only")


class Violations:
    """Console messages and securitypolicyviolation events of a page."""

    def __init__(self, page):
        self.enforced: list[str] = []
        self.report_only: list[str] = []
        page.on("console", self.console)
        page.add_init_script(
            """
            document.addEventListener("securitypolicyviolation", (event) => {
              console.error(
                (event.disposition === "report" ? "[Report Only] " : "")
                + "CSP event: " + event.effectiveDirective + " " + event.blockedURI
                + " violates the following Content Security Policy"
              );
            });
            """
        )

    def console(self, message):
        text = message.text
        if "Content Security Policy" not in text:
            return
        if any(marker in text for marker in REPORT_ONLY_MARKERS):
            self.report_only.append(text)
        else:
            self.enforced.append(text)


def test_admin_works_under_its_enforced_policy(live_server, browser):
    call_command("load_demo_content", stdout=io.StringIO())
    User.objects.create_superuser("ada-admin", "ada@example.org", PASSWORD)
    article = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")

    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    violations = Violations(page)

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("ada-admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    sync_api.expect(
        page.get_by_role("heading", name="Nidation CMS", level=1)
    ).to_be_visible()

    page.goto(f"/admin/pages/{article.pk}/edit/")
    # The editor's scripts ran: the title field and the body's Draftail
    # editors are drawn, and the sidebar's explorer opens.
    sync_api.expect(page.locator("#id_title")).to_have_value(article.title)
    sync_api.expect(page.locator(".Draftail-Editor").first).to_be_visible()
    page.locator("#id_title").fill("Hydrosalpinx (draft)")
    page.get_by_role("button", name="Save draft").click()
    sync_api.expect(page.get_by_text("has been updated")).to_be_visible()

    page.goto("/admin/login_lockouts/")
    sync_api.expect(page.get_by_role("heading", name="Login lock-outs")).to_be_visible()

    assert violations.enforced == []
    # Wagtail's inline scripts would break under the strict policy, which is
    # why it is only reported (cms.csp); when this fails, enforce it.
    assert any("inline script" in text for text in violations.report_only)
    context.close()


def test_preview_page_runs_under_the_strict_policy(live_server, browser, settings):
    # The project's own preview page is the one shown without a frontend.
    settings.FRONTEND_URL = ""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    violations = Violations(page)
    page.goto("/preview/?token=not-a-token&locale=en")
    # The inline script ran and rendered the answer of the GraphQL query.
    sync_api.expect(page.get_by_text("This preview link is invalid")).to_be_visible()
    assert violations.enforced == []
    assert violations.report_only == []
    context.close()
