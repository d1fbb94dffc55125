"""The medical review in a real browser, on the project as ``make run`` runs.

One development server for the module (``tests/support/editorial_server.py``:
fresh SQLite database, demo article, an editor and a medical reviewer), and
Chromium driven by Playwright (``tests/support/browser.py``). Each flow is a
list of steps, each asserting what the user sees; every step's screenshot is
kept under ``test-artifacts/browser/<test>/`` (``BROWSER_ARTIFACTS`` picks
another directory) when the test fails, and removed when it passes. The
server log is checked for failed requests after every flow.

The review flows and the autosaved editing session run twice: with the
users' preferred language English and German (``CASTS``), asserting the text
each sees (``TEXT``).

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
    CASTS,
    PASSWORD,
    REVIEWER_CREDENTIALS,
    REVIEWER_NAME,
    Cast,
    EditorialServer,
)

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
# A shared 2-core CI machine answers an approval (publish, cache flush) slowly.
expect.set_options(timeout=20_000)

pytestmark = needs_chromium

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", ROOT / "test-artifacts"))
#: What the users see, in each admin language: the project's strings (its
#: locale/ catalogues) and Wagtail's (its own).
TEXT = {
    "en": {
        "submit": "Submit to Medical review",
        "more actions": "More actions",
        "submitted": "submitted for moderation",
        "actions": "Actions",
        "compare": "Compare with live version",
        "approve with comment": "Approve with comment",
        "approved": "'{title}' was approved and published.",
        "refused": "has passed",
        "history": "reviewed by {reviewer} ({credentials})",
        "summary": "Summary",
        "toggle preview": "Toggle preview",
        "autosave paused": "Autosave is paused",
        "server error": "A server error occurred",
        "saved": "Saved",
    },
    "de": {
        "submit": "In Medizinische Prüfung einreichen",
        "more actions": "Mehr Aktionen",
        "submitted": "wurde zur Moderation eingereicht",
        "actions": "Aktionen",
        "compare": "Mit veröffentlichter Revision vergleichen",
        "approve with comment": "Mit Kommentar genehmigen",
        "approved": "„{title}“ wurde freigegeben und veröffentlicht.",
        "refused": "ist überschritten",
        "history": "geprüft von {reviewer} ({credentials})",
        "summary": "Zusammenfassung",
        "toggle preview": "Vorschau umschalten",
        "autosave paused": "Automatisches Speichern ist pausiert",
        "server error": "Ein Serverfehler ist aufgetreten",
        "saved": "Gespeichert",
    },
}


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


@pytest.fixture(params=sorted(CASTS), ids=lambda language: language)
def cast(request) -> Cast:
    """The flow's users and causes, in English and in German."""
    return CASTS[request.param]


def sign_in(browser, server: EditorialServer, username: str, language: str = "en"):
    context = browser.new_context(base_url=server.url, locale=language)
    page = context.new_page()
    page.text = TEXT[language]
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def edit_and_submit(page, server: EditorialServer, slug: str, summary: str) -> None:
    page.goto(f"/admin/pages/{server.pages[slug]}/edit/")
    page.locator("textarea[name=summary]").fill(summary)
    page.locator("footer").get_by_role("button", name=page.text["more actions"]).click()
    page.get_by_role("button", name=page.text["submit"]).click()
    expect(page.locator(".messages")).to_contain_text(page.text["submitted"])


def task_row(page, title: str):
    page.goto("/admin/")
    return page.locator("#awaiting-review-section tr").filter(has_text=title)


def open_approve_dialog(page, title: str):
    row = task_row(page, title)
    row.get_by_role("button", name=page.text["actions"], exact=True).click()
    page.get_by_role("button", name=page.text["approve with comment"]).click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator("textarea[name=comment]")).to_be_visible()
    return dialog


def refused_override(page):
    """The dialog shown again after a refusal: the reason beside the
    override checkbox, which it returns."""
    override = page.locator("input[name=override_overdue_review]:visible")
    expect(override).to_have_count(1)
    field = page.locator("[data-field-wrapper]").filter(has=override)
    expect(field).to_contain_text(page.text["refused"])
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
    browser, server, steps, cast
):
    summary = "The tubes and the uterus are checked on ultrasound before a transfer."
    editor = sign_in(browser, server, cast.editor, cast.language)
    with steps("editor edits the cause and submits it", editor):
        edit_and_submit(editor, server, cast.submitted, summary)

    reviewer = sign_in(browser, server, cast.reviewer, cast.language)
    text = reviewer.text
    title = cause(reviewer, cast.submitted)["title"]
    with steps("reviewer compares with the live version", reviewer):
        task_row(reviewer, title).get_by_role(
            "button", name=text["actions"], exact=True
        ).click()
        reviewer.get_by_role("link", name=text["compare"]).click()
        expect(reviewer.locator("main")).to_contain_text("checked on ultrasound")
        expect(reviewer.locator("main ins, main .addition").first).to_be_visible()

    with steps("reviewer approves with a comment", reviewer):
        dialog = open_approve_dialog(reviewer, title)
        dialog.locator("textarea[name=comment]").fill("Checked against the guideline.")
        dialog.get_by_role("button", name=text["approve with comment"]).click()
        expect(reviewer.locator(".messages")).to_contain_text(
            text["approved"].format(title=title)
        )
        waiting = reviewer.locator("#awaiting-review-section tr").filter(has_text=title)
        expect(waiting).to_have_count(0)

    with steps("the API serves the reviewed page with its review", reviewer):
        served = cause(reviewer, cast.submitted)
        assert served["summary"] == summary
        review = served["medicalReview"]
        assert review["reviewedBy"] == REVIEWER_NAME
        assert review["credentials"] == REVIEWER_CREDENTIALS
        assert review["lastReviewed"] == timezone.localdate().isoformat()
        assert review["nextReviewDue"] > review["lastReviewed"]
        assert review["isOverdue"] is False

    with steps("the page history shows the review", reviewer):
        reviewer.goto(f"/admin/pages/{server.pages[cast.submitted]}/history/")
        expect(reviewer.locator("main")).to_contain_text(
            text["history"].format(
                reviewer=REVIEWER_NAME, credentials=REVIEWER_CREDENTIALS
            )
        )


def test_overdue_page_is_refused_overridden_once_and_refused_again(
    browser, server, steps, cast
):
    first, second = (
        "A thin lining may make it harder for an embryo to attach.",
        "A thin lining may make it harder for an embryo to implant.",
    )
    comment = "Wording only; the medical content is unchanged."
    editor = sign_in(browser, server, cast.editor, cast.language)
    reviewer = sign_in(browser, server, cast.reviewer, cast.language)
    text = reviewer.text
    title = cause(reviewer, cast.overdue)["title"]
    with steps("editor submits the overdue cause", editor):
        edit_and_submit(editor, server, cast.overdue, first)

    with steps("approval is refused; the dialog keeps the comment", reviewer):
        dialog = open_approve_dialog(reviewer, title)
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.get_by_role("button", name=text["approve with comment"]).click()
        override = refused_override(reviewer)
        expect(reviewer.locator("textarea[name=comment]")).to_have_value(comment)

    with steps("reviewer overrides once and sees it published", reviewer):
        override.check()
        expect(override).to_be_checked()
        # The dialog's button: the dashboard's menu has one of the same name.
        reviewer.locator("form:visible").get_by_role(
            "button", name=text["approve with comment"]
        ).click()
        expect(reviewer.locator(".messages")).to_contain_text(
            text["approved"].format(title=title)
        )
        served = cause(reviewer, cast.overdue)
        assert served["summary"] == first
        assert served["medicalReview"]["isOverdue"] is True

    with steps("editor submits the next edit", editor):
        edit_and_submit(editor, server, cast.overdue, second)

    with steps("the next edit is refused again", reviewer):
        dialog = open_approve_dialog(reviewer, title)
        dialog.locator("textarea[name=comment]").fill(comment)
        dialog.get_by_role("button", name=text["approve with comment"]).click()
        refused_override(reviewer)
        assert cause(reviewer, cast.overdue)["summary"] == first


def test_autosave_and_preview_through_an_editing_session(browser, server, steps, cast):
    editor = sign_in(browser, server, cast.editor, cast.language)
    text = editor.text
    page_id = server.pages[cast.edited]
    saves = []
    editor.on(
        "response",
        lambda r: (
            saves.append(r.status)
            if r.request.method == "POST" and r.url.endswith(f"/pages/{page_id}/edit/")
            else None
        ),
    )
    summary = editor.locator("textarea[name=summary]")
    with steps("editor opens the cause and the preview panel", editor):
        editor.goto(f"/admin/pages/{page_id}/edit/")
        expect(editor.locator("label[for=id_summary]")).to_have_text(
            re.compile(rf"^\s*{text['summary']}")
        )
        editor.get_by_role("button", name=text["toggle preview"]).click()
        expect(editor.locator("iframe").first).to_be_visible()
        # The draft as saved, before any change.
        wait_for_preview(editor, summary.input_value()[:40])

    for round_ in range(3):
        addition = f" Draft {round_}."
        with steps(f"editor types, draft {round_}", editor):
            summary.click()
            summary.press("Control+End")
            summary.press_sequentially(addition, delay=30)
            typed = summary.input_value()
            assert typed.endswith(addition)
            editor.wait_for_timeout(1500)  # an editor's pause
            expect(editor.get_by_text(text["autosave paused"])).to_be_hidden()
            expect(editor.get_by_text(text["server error"])).to_be_hidden()

    with steps("the preview panel shows the last draft", editor):
        wait_for_preview(editor, typed)

    with steps("autosave saved the draft", editor):
        for _ in range(100):
            if saves:
                break
            editor.wait_for_timeout(200)
        assert saves, "no autosave was sent"
        assert set(saves) == {200}, saves
        saved = editor.locator(
            "#w-autosave-indicator .w-autosave-indicator__state--saved"
        )
        expect(saved).to_be_visible()
        expect(saved).to_have_text(text["saved"])
        expect(editor.get_by_text(text["autosave paused"])).to_be_hidden()


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
