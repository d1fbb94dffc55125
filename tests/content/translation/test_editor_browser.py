"""wagtail-localize's translation editor in a real browser.

The test client tests (``test_translation_admin``) call the editor's
endpoints the way its React app does; this one lets the app itself run in
Chromium, driven by Playwright: a translator takes a cause through machine
translation, typing, a PO file round trip, submission to the medical review,
the review's request for changes (reading the reviewer's comment) and
resubmission to the reviewer's approval; the medical reviewer requests the
changes and approves in their own browser, from the dashboard. The flow runs
with the users' preferred language English and German, asserting the text
each sees (``TEXT``), and the server's log is checked for errors. A
screenshot of each step is kept when a test fails (``screenshots`` fixture).

Needs the ``playwright`` Python package and a Chromium binary (Debian's
``chromium`` package; Playwright's own browser download is not used). Set
``CHROMIUM_PATH`` to use another binary. Without them the test is skipped.
"""

from __future__ import annotations

import io
import logging

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile
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

#: What the translator and the reviewer see, in each admin language: the
#: project's strings (its locale/ catalogues), Wagtail's and wagtail-localize's.
TEXT = {
    "en": {
        "machine": "Translate with Dummy translator",
        "edit": "Edit",
        "save": "Save",
        "download": "Download PO file",
        "uploaded": "translated entries from the PO file",
        "submit": "Submit this translation to Medical review",
        "waiting": "Waiting for Medical review",
        "publish": "Publish in ",
        "delete": "Delete",
        "in review": "In review",
        "wrote": "Rafael Reviewer wrote on",
        "actions": "Actions",
        "request changes": "Request changes",
        "approve": "Approve with comment",
        "changes requested": "Changes to '{title}' were requested.",
        "approved": "'{title}' was approved and published.",
    },
    "de": {
        "machine": "Übersetzen mit Dummyübersetzer",
        "edit": "Bearbeiten",
        "save": "Speichern",
        "download": "PO Datei herunterladen",
        "uploaded": "übersetzte Einträge aus der PO-Datei übernommen",
        "submit": "Übersetzung einreichen (Medizinische Prüfung)",
        "waiting": "Wartet auf Medizinische Prüfung",
        "publish": "Veröffentlichen in ",
        "delete": "Löschen",
        "in review": "In Prüfung",
        "wrote": "Rafael Reviewer schrieb am",
        "actions": "Aktionen",
        "request changes": "Änderungen anfordern",
        "approve": "Mit Kommentar genehmigen",
        "changes requested": "Für „{title}“ wurden Änderungen angefordert.",
        "approved": "„{title}“ wurde freigegeben und veröffentlicht.",
    },
}
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


def _prefers(user: User, language: str) -> User:
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def _review(page, title: str, action: str, comment: str) -> None:
    """The medical reviewer answers from the dashboard, as in the editorial
    flows: the task's *Actions* menu, the action's dialog with a comment."""
    page.goto("/admin/")
    row = page.locator("#awaiting-review-section tr").filter(has_text=title)
    row.get_by_role("button", name=page.text["actions"], exact=True).click()
    page.get_by_role("button", name=action, exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill(comment)
    dialog.get_by_role("button", name=action, exact=True).click()
    # Back on the dashboard, the task is no longer waiting.
    page.wait_for_url("**/admin/")
    sync_api.expect(
        page.locator("#awaiting-review-section tr").filter(has_text=title)
    ).to_have_count(0)


@pytest.fixture
def server_errors(caplog):
    """The live server's log: what it logged as errors during the test."""
    caplog.set_level(logging.WARNING)
    yield lambda: [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.ERROR
    ]


@pytest.mark.parametrize("language", sorted(TEXT))
def test_translator_takes_a_cause_through_machine_typed_po_and_review(
    live_server, browser, screenshots, settings, tmp_path, server_errors, language
):
    import polib
    from wagtail_localize.models import StringSegment, TranslationSource

    from content.editorial.review import MEDICAL_REVIEWERS
    from tests.content.conftest import make_user

    text = TEXT[language]
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    call_command("setup_translators", stdout=io.StringIO())
    translator = User.objects.create_user("tomasz", "tomasz@example.org", "x" * 12)
    translator.groups.add(Group.objects.get(name="Translators"))
    reviewer = make_user("rafael-reviewer", MEDICAL_REVIEWERS)
    reviewer.first_name, reviewer.last_name = "Rafael", "Reviewer"
    reviewer.save()
    _prefers(translator, language)
    _prefers(reviewer, language)
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    served_summary = german.summary
    # Nothing of the cause translated yet: the machine's and the translator's turn.
    source = TranslationSource.objects.get(object_id=english.translation_key)
    StringTranslation.objects.filter(
        locale=german.locale,
        translation_of__in=StringSegment.objects.filter(source=source).values("string"),
    ).delete()

    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, locale=language
    )
    _session_cookie(context, translator, live_server)
    page = context.new_page()
    reviewing = browser.new_context(base_url=live_server.url, locale=language)
    _session_cookie(reviewing, reviewer, live_server)
    review = reviewing.new_page()
    review.text = text
    edit_url = f"/admin/pages/{german.pk}/edit/"
    page.goto(edit_url)
    expect = sync_api.expect
    try:
        expect(page.locator("html")).to_have_attribute("lang", language)
        # 1. Machine translation fills every missing segment.
        page.get_by_role("button", name=text["machine"]).click()
        page.wait_for_load_state()
        summary = page.locator("li").filter(has=page.get_by_text(english.summary))
        reversed_summary = " ".join(reversed(english.summary.split()))
        expect(summary.get_by_text(reversed_summary[:20], exact=False)).to_be_visible()
        screenshots.shot(page, "machine-translated")

        # 2. The translator types the summary over the machine output.
        summary.get_by_role("button", name=text["edit"]).click()
        summary.locator("textarea").fill(TYPED_SUMMARY)
        with page.expect_response(lambda r: r.request.method == "PUT") as saved:
            summary.get_by_role("button", name=text["save"]).click()
        assert saved.value.status == 200
        expect(summary.get_by_text(TYPED_SUMMARY)).to_be_visible()
        assert StringTranslation.objects.filter(
            locale=german.locale, data=TYPED_SUMMARY, last_translated_by=translator
        ).exists()
        # No publish button for a translator.
        expect(
            page.get_by_role("button", name=f"{text['publish']}Deutsch")
        ).to_have_count(0)
        screenshots.shot(page, "typed")

        # 3. Download the PO file, translate the title offline, upload it.
        page.get_by_text(text["download"]).first.wait_for(state="attached")
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
        expect(page.get_by_text(text["uploaded"])).to_be_visible()
        expect(page.get_by_text(PO_TITLE).first).to_be_visible()
        screenshots.shot(page, "po-uploaded")

        # 4. Submit with the editor's primary button (the review panel has
        # the same).
        panel = page.locator("[data-translation-review]")
        expect(panel.get_by_role("button", name=text["submit"])).to_be_visible()
        primary = page.locator("footer [data-translation-primary]")
        expect(primary).to_have_text(text["submit"])
        primary.click()
        page.wait_for_url(f"**{edit_url}")
        expect(page.locator("[data-review-state=in_review]")).to_be_visible()
        expect(panel.get_by_text(text["waiting"])).to_be_visible()
        waiting = page.locator("footer [data-translation-primary=waiting]")
        expect(waiting).to_have_text(text["waiting"])
        expect(waiting).to_be_disabled()
        expect(page.get_by_role("link", name=text["delete"])).to_have_count(0)
        screenshots.shot(page, "submitted")
        state = WorkflowState.objects.get(
            object_id=str(german.pk), status=WorkflowState.STATUS_IN_PROGRESS
        )
        assert state.requested_by == translator
        assert state.current_task_state.revision.as_object().summary == TYPED_SUMMARY
        german.refresh_from_db()
        assert german.summary == served_summary  # served unchanged until approved
        status = context.new_page()
        status.goto(f"{_status_url()}?locale=de")
        row = status.locator("tr").filter(has=status.get_by_text(english.title))
        expect(row.locator("[data-state=in_review]")).to_have_text(text["in review"])
        screenshots.shot(status, "status-in-review")
        status.close()

        # 5. The reviewer requests changes; the translator reads the comment.
        _review(review, PO_TITLE, text["request changes"], REVIEW_COMMENT)
        expect(review.locator(".messages")).to_contain_text(
            text["changes requested"].format(title=PO_TITLE)
        )
        screenshots.shot(review, "reviewer-requested-changes")
        page.reload()
        comment = page.locator("[data-review-comment]")
        expect(comment).to_contain_text(text["wrote"])
        expect(comment).to_contain_text(REVIEW_COMMENT)
        screenshots.shot(page, "changes-requested")

        # 6. Fixed and resubmitted.
        summary = page.locator("li").filter(has=page.get_by_text(english.summary))
        summary.get_by_role("button", name=text["edit"]).click()
        summary.locator("textarea").fill(RESUBMITTED_SUMMARY)
        with page.expect_response(lambda r: r.request.method == "PUT") as saved:
            summary.get_by_role("button", name=text["save"]).click()
        assert saved.value.status == 200
        resubmit = page.locator("footer [data-translation-primary=submit]")
        expect(resubmit).to_have_text(text["submit"])
        resubmit.click()
        page.wait_for_url(f"**{edit_url}")
        expect(page.locator("[data-review-state=in_review]")).to_be_visible()
        screenshots.shot(page, "resubmitted")

        # 7. The reviewer approves and is told it is published; readers get
        # exactly the resubmitted text.
        _review(review, PO_TITLE, text["approve"], "Geprüft.")
        expect(review.locator(".messages")).to_contain_text(
            text["approved"].format(title=PO_TITLE)
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
    assert not server_errors(), server_errors()


def _status_url() -> str:
    from django.urls import reverse

    return reverse("translation_status")
