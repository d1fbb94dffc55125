"""The medical review in a real browser, on the project as ``make run`` runs.

One development server for the module (``tests/support/editorial_server.py``:
fresh SQLite database, demo article, an editor and a medical reviewer), and
Chromium driven by Playwright (``tests/support/browser.py``). Each flow is a
list of steps, each asserting what the user sees; every step's screenshot is
kept under ``test-artifacts/browser/<test>/`` (``BROWSER_ARTIFACTS`` picks
another directory) when the test fails, and removed when it passes. The
server log is checked for failed requests after every flow.

Skipped without the ``playwright`` package or a Chromium binary.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from django.utils import timezone

from tests.support import editorial_server
from tests.support.browser import needs_chromium
from tests.support.editorial_server import (
    EDITED_CAUSE,
    EDITOR,
    OVERDUE_CAUSE,
    PASSWORD,
    REVIEWER,
    REVIEWER_CREDENTIALS,
    REVIEWER_NAME,
    SUBMITTED_CAUSE,
    EditorialServer,
)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
# A shared 2-core CI machine answers an approval (publish, cache flush) slowly.
expect.set_options(timeout=20_000)

pytestmark = needs_chromium

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", ROOT / "test-artifacts"))
REFUSED = "has passed"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[EditorialServer]:
    yield from editorial_server.serve(tmp_path_factory.mktemp("editorial-server"))


class Steps:
    """Named steps of a flow, each screenshotted; kept only on failure."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.count = 0
        self.failed = False
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)

    @contextmanager
    def __call__(self, name: str, page) -> Iterator[None]:
        self.count += 1
        slug = re.sub(r"\W+", "-", name)
        path = self.directory / f"{self.count:02d}-{slug}.png"
        try:
            yield
        except BaseException:
            self.failed = True
            raise
        finally:
            # Not full-page: resizing the viewport for one stops the preview
            # panel's updates. The page may be gone by then.
            with suppress(sync_api.Error):
                page.screenshot(path=str(path))


@pytest.fixture
def steps(request, server) -> Iterator[Steps]:
    recorder = Steps(ARTIFACTS / "browser" / request.node.name)
    log_start = len(server.log().splitlines())
    yield recorder
    failed = server.errors(since_line=log_start)
    if not recorder.failed and not failed:
        shutil.rmtree(recorder.directory, ignore_errors=True)
    assert not failed, "the server logged failed requests:\n" + "\n".join(failed)


def sign_in(browser, server: EditorialServer, username: str):
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    return page


def edit_and_submit(page, server: EditorialServer, slug: str, summary: str) -> None:
    page.goto(f"/admin/pages/{server.pages[slug]}/edit/")
    page.locator("textarea[name=summary]").fill(summary)
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Medical review").click()
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")


def task_row(page, title: str):
    page.goto("/admin/")
    return page.locator("#awaiting-review-section tr").filter(has_text=title)


def open_approve_dialog(page, title: str):
    row = task_row(page, title)
    row.get_by_role("button", name="Actions").click()
    page.get_by_role("button", name="Approve with comment").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator("textarea[name=comment]")).to_be_visible()
    return dialog


def refused_override(page):
    """The dialog shown again after a refusal: the reason beside the
    override checkbox, which it returns."""
    override = page.locator("input[name=override_overdue_review]:visible")
    expect(override).to_have_count(1)
    field = page.locator("[data-field-wrapper]").filter(has=override)
    expect(field).to_contain_text(REFUSED)
    # The dialog settles (its scripts run on the new form) before any input.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    return override


def cause(page, slug: str) -> dict:
    query = (
        f'{{ cause(slug: "{slug}") {{ title summary medicalReview '
        "{ reviewedBy credentials lastReviewed nextReviewDue isOverdue } } }"
    )
    response = page.request.post(
        "/graphql/",
        data=json.dumps({"query": query}),
        headers={"Content-Type": "application/json"},
    )
    assert response.ok, response.text()
    return response.json()["data"]["cause"]


def test_editor_submits_and_reviewer_compares_approves_and_sees_it_published(
    browser, server, steps
):
    summary = "A blocked tube can fill with fluid that then reaches the uterus."
    editor = sign_in(browser, server, EDITOR)
    with steps("editor edits the cause and submits it", editor):
        edit_and_submit(editor, server, SUBMITTED_CAUSE, summary)

    reviewer = sign_in(browser, server, REVIEWER)
    title = cause(reviewer, SUBMITTED_CAUSE)["title"]
    with steps("reviewer compares with the live version", reviewer):
        task_row(reviewer, title).get_by_role("button", name="Actions").click()
        reviewer.get_by_role("link", name="Compare with live version").click()
        expect(reviewer.locator("main")).to_contain_text("uterus")
        expect(reviewer.locator("main ins, main .addition").first).to_be_visible()

    with steps("reviewer approves with a comment", reviewer):
        dialog = open_approve_dialog(reviewer, title)
        dialog.locator("textarea[name=comment]").fill("Checked against the guideline.")
        dialog.get_by_role("button", name="Approve with comment").click()
        expect(reviewer.locator(".messages")).to_contain_text(
            f"'{title}' was approved and published."
        )
        waiting = reviewer.locator("#awaiting-review-section tr").filter(has_text=title)
        expect(waiting).to_have_count(0)

    with steps("the API serves the reviewed page with its review", reviewer):
        served = cause(reviewer, SUBMITTED_CAUSE)
        assert served["summary"] == summary
        review = served["medicalReview"]
        assert review["reviewedBy"] == REVIEWER_NAME
        assert review["credentials"] == REVIEWER_CREDENTIALS
        assert review["lastReviewed"] == timezone.localdate().isoformat()
        assert review["nextReviewDue"] > review["lastReviewed"]
        assert review["isOverdue"] is False

    with steps("the page history shows the review", reviewer):
        reviewer.goto(f"/admin/pages/{server.pages[SUBMITTED_CAUSE]}/history/")
        expect(reviewer.locator("main")).to_contain_text(
            f"reviewed by {REVIEWER_NAME} ({REVIEWER_CREDENTIALS})"
        )


def test_overdue_page_is_refused_overridden_once_and_refused_again(
    browser, server, steps
):
    first, second = (
        "A thin lining may make it harder for an embryo to attach.",
        "A thin lining may make it harder for an embryo to implant.",
    )
    comment = "Wording only; the medical content is unchanged."
    editor = sign_in(browser, server, EDITOR)
    reviewer = sign_in(browser, server, REVIEWER)
    title = cause(reviewer, OVERDUE_CAUSE)["title"]
    with steps("editor submits the overdue cause", editor):
        edit_and_submit(editor, server, OVERDUE_CAUSE, first)

    with steps("approval is refused; the dialog keeps the comment", reviewer):
        dialog = open_approve_dialog(reviewer, title)
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.get_by_role("button", name="Approve with comment").click()
        override = refused_override(reviewer)
        expect(reviewer.locator("textarea[name=comment]")).to_have_value(comment)

    with steps("reviewer overrides once and sees it published", reviewer):
        override.check()
        expect(override).to_be_checked()
        # The dialog's button: the dashboard's menu has one of the same name.
        reviewer.locator("form:visible").get_by_role(
            "button", name="Approve with comment"
        ).click()
        expect(reviewer.locator(".messages")).to_contain_text(
            f"'{title}' was approved and published."
        )
        served = cause(reviewer, OVERDUE_CAUSE)
        assert served["summary"] == first
        assert served["medicalReview"]["isOverdue"] is True

    with steps("editor submits the next edit", editor):
        edit_and_submit(editor, server, OVERDUE_CAUSE, second)

    with steps("the next edit is refused again", reviewer):
        dialog = open_approve_dialog(reviewer, title)
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.get_by_role("button", name="Approve with comment").click()
        refused_override(reviewer)
        assert cause(reviewer, OVERDUE_CAUSE)["summary"] == first


def test_autosave_and_preview_through_an_editing_session(browser, server, steps):
    editor = sign_in(browser, server, EDITOR)
    page_id = server.pages[EDITED_CAUSE]
    saves = []
    editor.on(
        "response",
        lambda r: (
            saves.append(r.status)
            if r.request.method == "POST" and r.url.endswith(f"/pages/{page_id}/edit/")
            else None
        ),
    )
    with steps("editor opens the cause and the preview panel", editor):
        editor.goto(f"/admin/pages/{page_id}/edit/")
        editor.get_by_role("button", name="Toggle preview").click()
        expect(editor.locator("iframe").first).to_be_visible()
        # The draft as saved, before any change.
        wait_for_preview(editor, "Growths or scar tissue inside the uterus")

    summary = editor.locator("textarea[name=summary]")
    for round_ in range(3):
        addition = f" Draft {round_}."
        with steps(f"editor types, draft {round_}", editor):
            summary.click()
            summary.press("Control+End")
            summary.press_sequentially(addition, delay=30)
            text = summary.input_value()
            assert text.endswith(addition)
            editor.wait_for_timeout(1500)  # an editor's pause
            expect(editor.get_by_text("Autosave is paused")).to_be_hidden()
            expect(editor.get_by_text("A server error occurred")).to_be_hidden()

    with steps("the preview panel shows the last draft", editor):
        wait_for_preview(editor, text)

    with steps("autosave saved the draft", editor):
        for _ in range(100):
            if saves:
                break
            editor.wait_for_timeout(200)
        assert saves, "no autosave was sent"
        assert set(saves) == {200}, saves
        expect(editor.get_by_text("Autosave is paused")).to_be_hidden()


def wait_for_preview(page, text: str) -> None:
    """The project's preview page inside the preview panel shows ``text``
    (the panel reloads it after each change)."""
    shown = []
    for _ in range(250):
        shown = []
        for frame in page.frames:
            if "/preview/?" in frame.url and "token=" in frame.url:
                try:
                    shown.append(frame.locator("body").inner_text(timeout=1000))
                except sync_api.Error:
                    continue  # replaced by the next reload
        if any(text in body for body in shown):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the preview panel does not show {text!r}: {shown}")
