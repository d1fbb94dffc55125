"""wagtail-localize's translation editor in a real browser.

The test client tests (``test_translation_admin``) call the editor's
endpoints the way its React app does; this one lets the app itself run in
Chromium, driven by Playwright: a translator translates one sentence by
typing it, saves it and submits the page to the medical review.

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

    page.get_by_role("button", name="Submit this translation to Medical review").click()
    sync_api.expect(page.get_by_text("Waiting for Medical review")).to_be_visible()
    state = WorkflowState.objects.get(
        object_id=str(german.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.requested_by == translator
    revision = state.current_task_state.revision.as_object()
    assert revision.summary == GERMAN_SUMMARY
    german.refresh_from_db()
    assert german.summary != GERMAN_SUMMARY  # served unchanged until approved
    context.close()
