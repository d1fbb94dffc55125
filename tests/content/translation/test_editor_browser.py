"""wagtail-localize's translation editor in a real browser.

The test client tests (``test_translation_admin``) call the editor's
endpoints the way its React app does; this one lets the app itself run in
Chromium, driven by Playwright: a translator translates one sentence by
typing it, saves it and submits the page to the medical review; and a
translator takes a cause through machine translation, typing, a PO file
round trip, the review's request for changes (reading the reviewer's comment)
and resubmission to the reviewer's approval; the medical reviewer requests
the changes and approves in their own browser, from the dashboard. A
screenshot of each step is kept when a test fails (``screenshots`` fixture).

Needs the ``playwright`` Python package and a Chromium binary (Debian's
``chromium`` package; Playwright's own browser download is not used). Set
``CHROMIUM_PATH`` to use another binary. Without them the test is skipped.
"""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from wagtail.models import WorkflowState
from wagtail_localize.models import StringTranslation

from content.models import CausePage
from tests.support.browser import needs_chromium

sync_api = pytest.importorskip("playwright.sync_api")

pytestmark = [
    needs_chromium,
    # The live server runs in another thread, so the data must be committed;
    # the initial data (groups, workflow) is restored for later tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GERMAN_SUMMARY = "Ein Eileiter ist verschlossen und mit Flüssigkeit gefüllt."


def test_translator_types_a_translation_in_the_editor_and_submits_it(
    live_server, browser
):
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    call_command("setup_translators", stdout=io.StringIO())
    translator = User.objects.create_user("tomasz", "tomasz@example.org", "x" * 12)
    translator.groups.add(Group.objects.get(name="Translators"))
    session = Client()
    session.force_login(translator)
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")

    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(f"/admin/pages/{german.pk}/edit/")

    # The summary's segment: the English sentence, with the machine output
    # and an Edit button, rendered by the React app.
    segment = page.locator("li").filter(has=page.get_by_text(english.summary))
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(GERMAN_SUMMARY)
    with page.expect_response(lambda r: r.request.method == "PUT") as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.status == 200
    sync_api.expect(segment.get_by_text(GERMAN_SUMMARY)).to_be_visible()
    assert StringTranslation.objects.filter(
        locale=german.locale, data=GERMAN_SUMMARY, last_translated_by=translator
    ).exists()
    # No publish button for a translator.
    assert page.get_by_role("button", name="Publish in Deutsch").count() == 0

    page.locator("[data-translation-review]").get_by_role(
        "button", name="Submit this translation to Medical review"
    ).click()
    sync_api.expect(
        page.locator("[data-translation-review]").get_by_text(
            "Waiting for Medical review"
        )
    ).to_be_visible()
    state = WorkflowState.objects.get(
        object_id=str(german.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.requested_by == translator
    revision = state.current_task_state.revision.as_object()
    assert revision.summary == GERMAN_SUMMARY
    german.refresh_from_db()
    assert german.summary != GERMAN_SUMMARY  # served unchanged until approved
    context.close()


DUMMY = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}
TYPED_SUMMARY = "Ein Eileiter ist verschlossen und mit Flüssigkeit gefüllt."
PO_TITLE = "Hydrosalpinx (Eileiterverschluss)"
RESUBMITTED_SUMMARY = "Ein Eileiter ist verschlossen und mit Wasser gefüllt."
REVIEW_COMMENT = "Bitte 'Flüssigkeit' durch das Wort der Patientenbroschüre ersetzen."


def _session_cookie(context, user, live_server) -> None:
    session = Client()
    session.force_login(user)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def _review(page, title: str, action: str, comment: str) -> None:
    """The medical reviewer answers from the dashboard, as in the editorial
    flows: the task's *Actions* menu, the action's dialog with a comment."""
    page.goto("/admin/")
    row = page.locator("#awaiting-review-section tr").filter(has_text=title)
    row.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("button", name=action, exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill(comment)
    dialog.get_by_role("button", name=action, exact=True).click()
    # Back on the dashboard, the task is no longer waiting.
    page.wait_for_url("**/admin/")
    sync_api.expect(
        page.locator("#awaiting-review-section tr").filter(has_text=title)
    ).to_have_count(0)


def test_translator_takes_a_cause_through_machine_typed_po_and_review(
    live_server, browser, screenshots, settings, tmp_path
):
    import polib
    from wagtail_localize.models import StringSegment, TranslationSource

    from content.editorial.review import MEDICAL_REVIEWERS
    from tests.content.conftest import make_user

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    call_command("setup_translators", stdout=io.StringIO())
    translator = User.objects.create_user("tomasz", "tomasz@example.org", "x" * 12)
    translator.groups.add(Group.objects.get(name="Translators"))
    reviewer = make_user("rafael-reviewer", MEDICAL_REVIEWERS)
    reviewer.first_name, reviewer.last_name = "Rafael", "Reviewer"
    reviewer.save()
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    # Nothing of the cause translated yet: the machine's and the translator's turn.
    source = TranslationSource.objects.get(object_id=english.translation_key)
    StringTranslation.objects.filter(
        locale=german.locale,
        translation_of__in=StringSegment.objects.filter(source=source).values("string"),
    ).delete()

    context = browser.new_context(base_url=live_server.url, accept_downloads=True)
    _session_cookie(context, translator, live_server)
    page = context.new_page()
    reviewing = browser.new_context(base_url=live_server.url)
    _session_cookie(reviewing, reviewer, live_server)
    review = reviewing.new_page()
    edit_url = f"/admin/pages/{german.pk}/edit/"
    page.goto(edit_url)
    expect = sync_api.expect
    try:
        # 1. Machine translation fills every missing segment.
        page.get_by_role("button", name="Translate with Dummy translator").click()
        page.wait_for_load_state()
        summary = page.locator("li").filter(has=page.get_by_text(english.summary))
        reversed_summary = " ".join(reversed(english.summary.split()))
        expect(summary.get_by_text(reversed_summary[:20], exact=False)).to_be_visible()
        screenshots.shot(page, "machine-translated")

        # 2. The translator types the summary over the machine output.
        summary.get_by_role("button", name="Edit").click()
        summary.locator("textarea").fill(TYPED_SUMMARY)
        with page.expect_response(lambda r: r.request.method == "PUT") as saved:
            summary.get_by_role("button", name="Save").click()
        assert saved.value.status == 200
        expect(summary.get_by_text(TYPED_SUMMARY)).to_be_visible()
        screenshots.shot(page, "typed")

        # 3. Download the PO file, translate the title offline, upload it.
        page.get_by_text("Download PO file").first.wait_for(state="attached")
        with page.expect_download() as download:
            page.evaluate(
                "document.querySelector('a[href$=\"/pofile/download/\"]').click()"
            )
        path = tmp_path / "hydrosalpinx-de.po"
        download.value.save_as(path)
        po = polib.pofile(str(path))
        title = next(e for e in po if e.msgctxt == "title")
        assert title.msgid == english.title
        assert next(e for e in po if e.msgid == english.summary).msgstr == TYPED_SUMMARY
        title.msgstr = PO_TITLE
        po.save(str(path))
        page.locator(
            "form[action$='/pofile/upload/'] input[type=file]"
        ).set_input_files(str(path))
        page.wait_for_url(f"**{edit_url}")
        expect(page.get_by_text("translated entries from the PO file")).to_be_visible()
        expect(page.get_by_text(PO_TITLE).first).to_be_visible()
        screenshots.shot(page, "po-uploaded")

        # 4. Submit with the editor's primary button.
        primary = page.locator("footer [data-translation-primary]")
        expect(primary).to_have_text("Submit this translation to Medical review")
        primary.click()
        page.wait_for_url(f"**{edit_url}")
        expect(page.locator("[data-review-state=in_review]")).to_be_visible()
        waiting = page.locator("footer [data-translation-primary=waiting]")
        expect(waiting).to_be_visible()
        expect(waiting).to_be_disabled()
        expect(page.get_by_role("link", name="Delete")).to_have_count(0)
        screenshots.shot(page, "submitted")
        status = context.new_page()
        status.goto(f"{_status_url()}?locale=de")
        row = status.locator("tr").filter(has=status.get_by_text(english.title))
        expect(row.locator("[data-state=in_review]")).to_have_text("In review")
        screenshots.shot(status, "status-in-review")
        status.close()

        # 5. The reviewer requests changes; the translator reads the comment.
        _review(review, PO_TITLE, "Request changes", REVIEW_COMMENT)
        expect(review.locator(".messages")).to_contain_text(
            f"Changes to '{PO_TITLE}' were requested."
        )
        screenshots.shot(review, "reviewer-requested-changes")
        page.reload()
        comment = page.locator("[data-review-comment]")
        expect(comment).to_contain_text("Rafael Reviewer wrote on")
        expect(comment).to_contain_text(REVIEW_COMMENT)
        screenshots.shot(page, "changes-requested")

        # 6. Fixed and resubmitted.
        summary = page.locator("li").filter(has=page.get_by_text(english.summary))
        summary.get_by_role("button", name="Edit").click()
        summary.locator("textarea").fill(RESUBMITTED_SUMMARY)
        with page.expect_response(lambda r: r.request.method == "PUT") as saved:
            summary.get_by_role("button", name="Save").click()
        assert saved.value.status == 200
        page.locator("footer [data-translation-primary=submit]").click()
        page.wait_for_url(f"**{edit_url}")
        expect(page.locator("[data-review-state=in_review]")).to_be_visible()
        screenshots.shot(page, "resubmitted")

        # 7. The reviewer approves and is told it is published; readers get
        # exactly the resubmitted text.
        _review(review, PO_TITLE, "Approve with comment", "Geprüft.")
        expect(review.locator(".messages")).to_contain_text(
            f"'{PO_TITLE}' was approved and published."
        )
        screenshots.shot(review, "reviewer-approved")
        page.reload()
        expect(page.locator("[data-review-state=not_submitted]")).to_be_visible()
        screenshots.shot(page, "approved")
        german.refresh_from_db()
        assert (german.title, german.summary) == (PO_TITLE, RESUBMITTED_SUMMARY)
        assert german.live
    finally:
        reviewing.close()
        context.close()


def _status_url() -> str:
    from django.urls import reverse

    return reverse("translation_status")
