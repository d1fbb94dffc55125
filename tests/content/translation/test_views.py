"""The translator's workflow, through the admin with Django's test client."""

import html
import io
import json
import re
import shutil
import subprocess

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, TaskState, WorkflowState
from wagtail_localize.models import (
    OverridableSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from content.models import CauseIndexPage, CausePage, SiteChrome

pytestmark = pytest.mark.django_db

DUMMY = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "OPTIONS": {},
}


@pytest.fixture
def translator(demo_article, client):
    call_command("setup_translators", stdout=io.StringIO())
    user = User.objects.create_user("tomasz", "tomasz@example.org", "not-a-secret")
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    return user


@pytest.fixture
def offline_machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY


@pytest.fixture
def reviewer_client(reviewer):
    """A medical reviewer, in a browser session of their own."""
    client = Client()
    client.force_login(reviewer)
    return client


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def translation_of(instance, code="de"):
    return Translation.objects.get(
        source__object_id=instance.translation_key,
        target_locale__language_code=code,
    )


def flash(response):
    """The message the last request added (earlier ones are still queued)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


def start_german_translation(client, hub):
    german = Locale.objects.get(language_code="de")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[hub.pk]),
        {"locales": [german.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    chrome = SiteChrome.objects.get(locale__language_code="en")
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["content", "sitechrome", chrome.pk],
        ),
        {"locales": [german.pk]},
    )
    assert response.status_code == 302


def target_translation(instance):
    """The wagtail-localize translation whose target is ``instance``."""
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=instance.locale
    )


def submit_for_review(client, page, token=""):
    url = reverse("translation_submit_for_review", args=[target_translation(page).pk])
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302, response
    return response


def task_in_review(page) -> TaskState:
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def approve(client, page, capture, comment="Checked against the English page."):
    task_state = task_in_review(page)
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    with capture(execute=True):
        response = client.post(url, {"comment": comment})
    assert response.status_code == 302, response
    task_state.refresh_from_db()
    return task_state


def publish(client, instance, django_capture_on_commit_callbacks):
    if isinstance(instance, Page):
        url = reverse("wagtailadmin_pages:edit", args=[instance.pk])
    else:
        url = reverse("wagtailsnippets_content_sitechrome:edit", args=[instance.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "publish"})
    assert response.status_code == 302, response


def po_download(client, translation):
    url = reverse("wagtail_localize:download_pofile", args=[translation.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    return response.content.decode()


def po_upload(client, translation, content: bytes, next_url="/admin/"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    return client.post(
        url,
        {"file": SimpleUploadedFile("upload.po", content), "next": next_url},
    )


def test_translator_takes_the_article_to_a_published_german_version(
    translator,
    client,
    reviewer_client,
    graphql,
    demo_article,
    offline_machine_translator,
    django_capture_on_commit_callbacks,
):
    status = client.get(reverse("translation_status"), {"locale": "de"})
    assert status.status_code == 200
    # The 16 pages of the article and the site chrome (home pages are
    # structure, not content to translate).
    assert status.content.decode().count('data-state="untranslated"') == 17

    start_german_translation(client, demo_article)
    german_pages = Page.objects.filter(locale__language_code="de")
    # wagtail-localize adds the German home page above the hub, as an alias
    # of the English one (live, like it); the 16 article pages are drafts.
    assert german_pages.count() == 17
    german_hub = CauseIndexPage.objects.get(locale__language_code="de")
    german_home = german_hub.get_parent()
    assert german_home.alias_of_id == demo_article.get_parent().pk
    assert list(german_pages.filter(live=True)) == [german_home]
    assert german_hub.slug == demo_article.slug
    assert GroupPagePermission.objects.filter(
        group__name="Translators", page=german_home
    ).exists()

    # One cause offline: PO file out, translated with polib, back in.
    cause = english(CausePage, "hydrosalpinx")
    translation = translation_of(cause)
    po = polib.pofile(po_download(client, translation))
    assert len(po) > 5
    for entry in po:
        entry.msgstr = f"[de] {entry.msgid}"
    response = po_upload(client, translation, str(po).encode())
    assert response.status_code == 302
    assert flash(response) == [
        f"Applied {len(po)} translated entries from the PO file."
    ]

    # Everything else with the editor's machine translation button.
    sources = TranslationSource.objects.filter(locale__language_code="en")
    for source in sources.exclude(object_id=cause.translation_key):
        target = source.translations.get(target_locale__language_code="de")
        response = client.post(
            reverse("wagtail_localize:machine_translate", args=[target.pk]),
            {"next": "/admin/"},
        )
        assert response.status_code == 302

    # Article pages are published by the medical review: the translator
    # submits each one, a medical reviewer approves it.
    article_pages = german_pages.exclude(pk=german_home.pk).order_by("path")
    for page in article_pages:
        submit_for_review(client, page)
    assert not article_pages.filter(live=True).exists()
    query = '{ cause(slug: "hydrosalpinx", locale: "de") { title } }'
    assert graphql(query).data == {"cause": None}
    for page in article_pages:
        task_state = approve(reviewer_client, page, django_capture_on_commit_callbacks)
        assert task_state.status == TaskState.STATUS_APPROVED
    # The site chrome is not covered by a workflow: the translator publishes it.
    publish(
        client,
        SiteChrome.objects.get(locale__language_code="de"),
        django_capture_on_commit_callbacks,
    )

    assert Page.objects.filter(locale__language_code="de", live=True).count() == 17
    result = graphql(
        '{ cause(slug: "hydrosalpinx", locale: "de") { title servedLocale url '
        "category { slug } translationStatus { locale state percentTranslated } } "
        'translationReport(locale: "de") { translated total } '
        'siteChrome(locale: "de") { locale contactEmail } }'
    )
    assert not result.errors
    assert result.data["cause"]["title"] == "[de] Hydrosalpinx"
    assert result.data["cause"]["url"].startswith(f"/de/{demo_article.slug}/")
    assert result.data["cause"]["category"] == {"slug": "uterine"}
    german_status = next(
        s for s in result.data["cause"]["translationStatus"] if s["locale"] == "de"
    )
    assert german_status == {
        "locale": "de",
        "state": "TRANSLATED",
        "percentTranslated": 100.0,
    }
    assert result.data["translationReport"] == {"translated": 17, "total": 17}
    assert result.data["siteChrome"] == {
        "locale": "de",
        "contactEmail": "hello@example.org",
    }
    status = client.get(reverse("translation_status"), {"locale": "de"})
    assert status.content.decode().count('data-state="translated"') == 17


def test_exported_po_file_passes_msgfmt_check(
    machine_translated_article, translator, client, tmp_path
):
    if shutil.which("msgfmt") is None:
        pytest.fail("GNU gettext's msgfmt is required (apt-get install gettext).")
    hub = english(CauseIndexPage, machine_translated_article.slug)
    path = tmp_path / "hub-de.po"
    path.write_text(po_download(client, translation_of(hub)))
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert polib.pofile(str(path)).metadata["Language"] == "de"


def test_source_edit_shows_the_translation_out_of_date_until_synced(
    machine_translated_article, translator, client
):
    cause = english(CausePage, "hydrosalpinx")
    before = {
        (t.translation_of.data, t.data)
        for t in StringTranslation.objects.filter(
            locale__language_code="de", context__object_id=cause.translation_key
        ).select_related("translation_of")
    }
    cause.summary = "A blocked tube filled with fluid, reworded for this test."
    cause.save_revision().publish()

    status = client.get(reverse("translation_status"), {"locale": "de"}).content
    assert status.decode().count('data-state="out_of_date"') == 1
    source = TranslationSource.objects.get(object_id=cause.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert sync_url in status.decode()

    response = client.post(sync_url, {})
    assert response.status_code == 302
    status = client.get(reverse("translation_status"), {"locale": "de"}).content
    assert 'data-state="out_of_date"' not in status.decode()
    assert status.decode().count('data-state="in_progress"') == 1

    # The unchanged segments keep their translations; only the new summary
    # waits for a translator.
    po = polib.pofile(po_download(client, translation_of(cause)))
    untranslated = [entry.msgid for entry in po if not entry.msgstr]
    assert untranslated == [cause.summary]
    kept = {
        (entry.msgid, entry.msgstr)
        for entry in po
        if entry.msgstr and not entry.obsolete
    }
    assert kept <= before and len(kept) == len(before) - 1


def test_translator_cannot_edit_or_publish_the_english_source(
    machine_translated_article, translator, client, django_capture_on_commit_callbacks
):
    hub = english(CauseIndexPage, machine_translated_article.slug)
    revision_before = hub.latest_revision_id
    response = client.get(reverse("wagtailadmin_pages:edit", args=[hub.pk]))
    assert response.status_code in (302, 403)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[hub.pk]),
        {"title": "Changed by a translator", "action-publish": "publish"},
    )
    assert response.status_code in (302, 403)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[hub.pk]))
    assert response.status_code in (302, 403)
    hub.refresh_from_db()
    assert hub.live and hub.latest_revision_id == revision_before
    assert hub.title != "Changed by a translator"
    assert not hub.permissions_for_user(translator).can_publish()
    assert not hub.permissions_for_user(translator).can_edit()

    chrome = SiteChrome.objects.get(locale__language_code="en")
    edit = reverse("wagtailsnippets_content_sitechrome:edit", args=[chrome.pk])
    assert client.get(edit).status_code in (302, 403)
    response = client.post(
        edit, {"organisation_name": "Changed", "action-publish": "action-publish"}
    )
    assert response.status_code in (302, 403)
    chrome.refresh_from_db()
    assert chrome.organisation_name == "Brightnest Fertility Network"

    # The German versions are theirs to work on; German pages are published
    # by the medical review.
    german_hub = machine_translated_article
    assert german_hub.permissions_for_user(translator).can_edit()
    assert not german_hub.permissions_for_user(translator).can_publish()
    german_chrome = SiteChrome.objects.get(locale__language_code="de")
    response = client.get(
        reverse("wagtailsnippets_content_sitechrome:edit", args=[german_chrome.pk])
    )
    assert response.status_code == 200


def test_translators_get_the_page_explorer_and_search_before_any_translation(
    demo_article, client
):
    """With nothing translated yet, a translator still has Pages and search."""
    call_command("setup_translators", stdout=io.StringIO())
    user = User.objects.create_user("ines", "ines@example.org", "not-a-secret")
    user.groups.add(Group.objects.get(name="Translators"))
    client.force_login(user)
    homes = Page.objects.filter(depth=2)
    assert {home.locale.language_code for home in homes} == {
        "en",
        "de",
        "fr",
        "es",
        "it",
    }
    french_home = homes.get(locale__language_code="fr")
    assert french_home.get_children().count() == 0

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    sidebar = re.search(
        r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', dashboard, re.S
    ).group(1)
    assert '"name": "explorer"' in sidebar  # the Pages menu
    explorer = client.get(reverse("wagtailadmin_explore_root"))
    assert explorer.status_code == 200
    listing = explorer.content.decode()
    assert reverse("wagtailadmin_explore", args=[french_home.pk]) in listing
    english_home = homes.get(locale__language_code="en")
    assert reverse("wagtailadmin_explore", args=[english_home.pk]) not in listing
    assert (
        client.get(reverse("wagtailadmin_explore", args=[french_home.pk])).status_code
        == 200
    )
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "home"})
    assert search.status_code == 200
    # The source stays out of reach: no edit of the English hub.
    hub = CauseIndexPage.objects.get(locale__language_code="en")
    assert client.get(
        reverse("wagtailadmin_pages:edit", args=[hub.pk])
    ).status_code in (302, 403)

    # Translating the hub puts the French hub below the French home page.
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[hub.pk]),
        {"locales": [french_home.locale.pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    french_hub = CauseIndexPage.objects.get(locale__language_code="fr")
    assert french_hub.get_parent().pk == french_home.pk


# Bad PO files ---------------------------------------------------------------


@pytest.fixture
def german_cause(machine_translated_article, translator):
    return translation_of(english(CausePage, "hydrosalpinx"))


def german_strings(translation):
    return dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
        ).values_list("pk", "data")
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "This is not a valid PO file"),
        (b"this is not a po file at all\n", "This is not a valid PO file"),
        (b'msgid "unterminated\nmsgstr ""\n', "Nothing was imported"),
        (b"\xff\xfe\x00broken", "This is not a valid PO file"),
        (
            b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
            b'msgid "Hydrosalpinx"\nmsgstr "Hydrosalpinx"\n',
            "has no translation ID",
        ),
    ],
)
def test_malformed_po_file_is_refused_and_changes_nothing(
    german_cause, client, content, message
):
    before = german_strings(german_cause)
    response = po_upload(client, german_cause, content)
    assert response.status_code == 302
    (text,) = flash(response)
    assert message in text and "Nothing was imported" in text
    assert german_strings(german_cause) == before


def test_po_file_of_another_translation_is_refused(german_cause, client):
    other = translation_of(english(CausePage, "endometriosis"))
    po = polib.pofile(po_download(client, other))
    for entry in po:
        entry.msgstr = "overwritten"
    before = german_strings(german_cause)
    response = po_upload(client, german_cause, str(po).encode())
    (text,) = flash(response)
    assert "belongs to another translation" in text
    assert "Endometriosis" in text and "Nothing was imported" in text
    assert german_strings(german_cause) == before


def test_po_file_with_only_unknown_entries_is_refused(german_cause, client):
    po = polib.pofile(po_download(client, german_cause))
    for entry in po:
        entry.msgid = f"{entry.msgid} (an older wording)"
        entry.msgstr = "overwritten"
    before = german_strings(german_cause)
    response = po_upload(client, german_cause, str(po).encode())
    (text,) = flash(response)
    assert f"None of the {len(po)} translated entries" in text
    assert "nothing was imported" in text
    assert german_strings(german_cause) == before


def test_partly_matching_po_file_applies_only_matching_entries(german_cause, client):
    po = polib.pofile(po_download(client, german_cause))
    entries = [entry for entry in po if not entry.obsolete]
    for entry in entries:
        entry.msgstr = f"[de] {entry.msgid}"
    unknown = entries[:2]
    for entry in unknown:
        entry.msgid = f"{entry.msgid} (an older wording)"
    response = po_upload(client, german_cause, str(po).encode())
    (text,) = flash(response)
    applied = len(entries) - 2
    assert text == (
        f"Applied {applied} translated entries from the PO file. "
        "Ignored 2 entries that do not match the current source text."
    )
    strings = german_strings(german_cause).values()
    assert sum(1 for data in strings if data.startswith("[de] ")) == applied
    assert "overwritten" not in strings


def test_upload_without_a_file_is_a_clear_message(german_cause, client):
    url = reverse("wagtail_localize:upload_pofile", args=[german_cause.pk])
    response = client.post(url, {"next": "/admin/"})
    assert response.status_code == 302
    assert flash(response) == ["Choose a PO file to upload."]


# The translation editor, string by string ------------------------------------


def editor_client(user):
    """A browser session that, like the editor's JavaScript, sends CSRF tokens."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def open_editor(client, instance):
    """GET the edit view, which is wagtail-localize's editor for a translation.

    Returns the props its React app is started with, the CSRF token it reads
    from the page and the page's HTML.
    """
    if isinstance(instance, Page):
        url = reverse("wagtailadmin_pages:edit", args=[instance.pk])
    else:
        url = reverse("wagtailsnippets_content_sitechrome:edit", args=[instance.pk])
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    editor = re.search(
        r'<div class="js-translation-editor" data-props="([^"]*)">(.*?)</div>',
        page,
        re.S,
    )
    assert editor, "not the translation editor"
    props = json.loads(html.unescape(editor.group(1)))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', editor.group(2))
    return props, token.group(1), page


def save_string(client, segment, value, token):
    """What the editor sends when a translator saves one string."""
    return client.put(
        segment["editUrl"],
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=MULTIPART_CONTENT,
        headers={"X-CSRFToken": token},
    )


def string_segments(props):
    return {s["source"]: s for s in props["segments"] if s["type"] == "string"}


CAUSE_QUERY = (
    'query ($locale: String) { cause(slug: "hydrosalpinx", locale: $locale) '
    "{ title summary } }"
)


def test_translator_translates_string_by_string_and_the_review_publishes_it(
    machine_translated_article,
    translator,
    reviewer_client,
    graphql,
    django_capture_on_commit_callbacks,
):
    source = english(CausePage, "hydrosalpinx")
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    machine_output = graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"]
    session = editor_client(translator)
    props, token, page = open_editor(session, german)
    strings = string_segments(props)
    assert {source.title, source.summary} <= set(strings)
    assert props["locale"]["code"] == "de"
    assert props["perms"]["canPublish"] is False
    assert 'data-review-state="not_submitted"' in page

    wording = {
        source.title: "Hydrosalpinx (Eileiterverschluss)",
        source.summary: "Ein Eileiter ist verschlossen und mit Flüssigkeit gefüllt.",
    }
    for text, value in wording.items():
        response = save_string(session, strings[text], value, token)
        assert response.status_code == 200  # replaces the machine output
        assert response.json()["data"] == value
    assert save_string(session, strings[source.title], "x", "forged").status_code == 403

    # No publish button for translators, and posting it is refused (Wagtail
    # answers with its "no permission" redirect to the dashboard).
    edit_url = reverse("wagtailadmin_pages:edit", args=[german.pk])
    revision = german.latest_revision_id
    with django_capture_on_commit_callbacks(execute=True):
        response = session.post(
            edit_url, {"action": "publish", "csrfmiddlewaretoken": token}
        )
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    german.refresh_from_db()
    assert german.latest_revision_id == revision
    assert graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"] == machine_output

    # The editor's review panel submits the translation to the medical review.
    action = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
    assert action == reverse(
        "translation_submit_for_review", args=[target_translation(german).pk]
    )
    response = session.post(action, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    language = german.locale.get_display_name()
    assert flash(response) == [
        f"Submitted '{wording[source.title]}' in {language} to Medical review. "
        "It is published when a medical reviewer approves it."
    ]
    # The page is live: its reviewed content is what readers still get.
    assert graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"] == machine_output
    _props, _token, page = open_editor(session, german)
    assert 'data-review-state="in_review"' in page
    response = session.post(action, {"csrfmiddlewaretoken": token})
    assert "already waiting for Medical review" in flash(response)[0]

    task_state = approve(reviewer_client, german, django_capture_on_commit_callbacks)
    assert task_state.status == TaskState.STATUS_APPROVED
    served = graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"]
    assert served == {
        "title": wording[source.title],
        "summary": wording[source.summary],
    }
    assert graphql(CAUSE_QUERY, {"locale": "en"}).data["cause"]["title"] == source.title


def test_request_changes_then_resubmit_publishes_only_the_approved_version(
    machine_translated_article,
    translator,
    reviewer_client,
    graphql,
    django_capture_on_commit_callbacks,
):
    source = english(CausePage, "hydrosalpinx")
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    session = editor_client(translator)
    props, token, _page = open_editor(session, german)
    summary = string_segments(props)[source.summary]
    save_string(session, summary, "Eine erste, ungenaue Fassung.", token)
    submit_for_review(session, german, token)

    task_state = task_in_review(german)
    response = reviewer_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[german.pk, "reject", task_state.pk],
        ),
        {"comment": "The second sentence is missing."},
    )
    assert response.status_code == 302
    _props, _token, page = open_editor(session, german)
    assert 'data-review-state="needs_changes"' in page
    served = graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"]["summary"]
    assert served != "Eine erste, ungenaue Fassung."

    save_string(session, summary, "Eine vollständige, geprüfte Fassung.", token)
    submit_for_review(session, german, token)
    approve(reviewer_client, german, django_capture_on_commit_callbacks)
    served = graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"]["summary"]
    assert served == "Eine vollständige, geprüfte Fassung."


STATUS_QUERY = (
    '{ cause(slug: "hydrosalpinx", locale: "de") '
    "{ translationStatus { locale state percentTranslated } } "
    'translationReport(locale: "de") { inReview inProgress translated total } }'
)


def status_row(client, title, locale="de"):
    """The status page's row of the object titled ``title``."""
    response = client.get(reverse("translation_status"), {"locale": locale})
    assert response.status_code == 200
    table = response.content.decode().split('<table class="listing">')[-1]
    return next(row for row in table.split("<tr>")[1:] if title in row)


def test_a_translation_waiting_for_the_review_shows_as_in_review(
    machine_translated_article, translator, reviewer_client, graphql
):
    source = english(CausePage, "hydrosalpinx")
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    session = editor_client(translator)
    props, token, _page = open_editor(session, german)
    summary = string_segments(props)[source.summary]
    save_string(session, summary, "Ein Eileiter ist verschlossen.", token)

    submit_for_review(session, german, token)
    result = graphql(STATUS_QUERY)
    statuses = result.data["cause"]["translationStatus"]
    assert next(s for s in statuses if s["locale"] == "de")["state"] == "IN_REVIEW"
    report = result.data["translationReport"]
    assert report["inReview"] == 1 and report["translated"] == report["total"] - 1
    row = status_row(session, source.title)
    assert 'data-state="in_review">In review<' in row

    # Changes requested: the translator's turn again.
    task_state = task_in_review(german)
    reviewer_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[german.pk, "reject", task_state.pk],
        ),
        {"comment": "Bitte den zweiten Satz ergänzen."},
    )
    statuses = graphql(STATUS_QUERY).data["cause"]["translationStatus"]
    assert next(s for s in statuses if s["locale"] == "de")["state"] == "TRANSLATED"


def test_after_changes_are_requested_the_editor_shows_the_reviewers_comment(
    machine_translated_article, translator, reviewer, reviewer_client
):
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    session = editor_client(translator)
    _props, token, _page = open_editor(session, german)
    submit_for_review(session, german, token)
    task_state = task_in_review(german)
    response = reviewer_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[german.pk, "reject", task_state.pk],
        ),
        {"comment": "The dose in the second sentence is wrong.\nPlease check it."},
    )
    assert response.status_code == 302

    _props, _token, page = open_editor(session, german)
    comment = re.search(r"<figure data-review-comment.*?</figure>", page, re.S)
    assert comment, "the reviewer's comment is not shown"
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", comment.group())).split())
    assert text.startswith("Rafael Reviewer wrote on ")
    assert text.endswith("The dose in the second sentence is wrong. Please check it.")
    assert 'data-review-state="needs_changes"' in page


def primary_action(page):
    """The button the editor's footer shows first (primary_action.js)."""
    found = re.search(
        r"<template data-translation-primary-action>(.*?)</template>", page, re.S
    )
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else None


def test_the_editors_primary_action_is_the_reviews_not_delete(
    machine_translated_article, translator
):
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    session = editor_client(translator)
    _props, token, page = open_editor(session, german)
    assert primary_action(page) == "Submit this translation to Medical review"
    submit_url = reverse(
        "translation_submit_for_review", args=[target_translation(german).pk]
    )
    assert f'formaction="{submit_url}"' in page
    submit_for_review(session, german, token)
    _props, _token, page = open_editor(session, german)
    assert primary_action(page) == "Waiting for Medical review"
    assert 'data-translation-primary="waiting"' in page and " disabled " in page
    # Someone who may publish keeps wagtail-localize's own (Publish in ...).
    admin = Client()
    admin.force_login(User.objects.create_superuser("ada", "ada@example.org", "x"))
    _props, _token, page = open_editor(admin, german)
    assert primary_action(page) is None


def test_status_page_titles_open_the_translation_and_name_each_language_once(
    machine_translated_article, translator
):
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    translator_client = editor_client(translator)
    row = status_row(translator_client, "Hydrosalpinx")
    edit = reverse("wagtailadmin_pages:edit", args=[german.pk])
    assert f'<a href="{edit}" data-title-link>Hydrosalpinx</a>' in row
    chrome = status_row(translator_client, "Brightnest Fertility Network")
    assert chrome.count("(English)") == 1
    assert "Brightnest Fertility Network</a>" in chrome
    # Untranslated in French: the title starts the translation.
    source = english(CausePage, "hydrosalpinx")
    french_row = status_row(translator_client, "Hydrosalpinx", locale="fr")
    start = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    assert f'<a href="{start}" data-title-link>Hydrosalpinx</a>' in french_row


HISTORY_QUERY = (
    'query ($locale: String) { cause(slug: "hydrosalpinx", locale: $locale) '
    "{ history { changeNote changeNoteLocale } } }"
)


def test_the_change_note_is_not_translated_and_says_its_language(
    machine_translated_article, translator, graphql
):
    """Readers of a translation see the note its source's editor wrote, in
    that language and labelled with it, once: the editor does not offer it."""
    source = english(CausePage, "hydrosalpinx")
    source.public_change_note = "Added the section on treatment."
    source.save_revision().publish()
    TranslationSource.objects.get(object_id=source.translation_key).update_from_db()
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    translation = target_translation(german)
    props, _token, _page = open_editor(editor_client(translator), german)
    assert "Added the section on treatment." not in string_segments(props)
    for _publication in range(2):  # the second: a wording fix, say
        translation.save_target(publish=False)
        german.refresh_from_db()
        german.get_latest_revision().publish()

    history = graphql(HISTORY_QUERY, {"locale": "de"}).data["cause"]["history"]
    assert history[0] == {"changeNote": "", "changeNoteLocale": "en"}
    assert history[1] == {
        "changeNote": "Added the section on treatment.",
        "changeNoteLocale": "en",
    }
    assert [e["changeNote"] for e in history].count(
        "Added the section on treatment."
    ) == 1
    english_history = graphql(HISTORY_QUERY, {"locale": "en"}).data["cause"]
    assert english_history["history"][0] == {
        "changeNote": "Added the section on treatment.",
        "changeNoteLocale": "en",
    }


def test_translator_translates_and_publishes_the_site_chrome_in_the_editor(
    translator, graphql, django_capture_on_commit_callbacks
):
    chrome = SiteChrome.objects.get(locale__language_code="en")
    session = editor_client(translator)
    german = Locale.objects.get(language_code="de")
    submit_url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["content", "sitechrome", chrome.pk],
    )
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"',
        session.get(submit_url).content.decode(),
    ).group(1)
    response = session.post(
        submit_url, {"locales": [german.pk], "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    target = SiteChrome.objects.get(locale=german)
    assert not target.live

    props, token, page = open_editor(session, target)
    assert props["perms"]["canPublish"] is True
    assert "data-translation-review" not in page  # no workflow for snippets
    # The contact address is synchronised: nothing to translate or change.
    assert chrome.contact_email not in json.dumps(props["segments"])
    strings = string_segments(props)
    assert {chrome.organisation_name, chrome.registered_in} <= set(strings)
    for text, segment in strings.items():
        response = save_string(session, segment, f"[de] {text}", token)
        assert response.status_code == 201, response.content
    edit_url = reverse("wagtailsnippets_content_sitechrome:edit", args=[target.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = session.post(
            edit_url, {"action": "publish", "csrfmiddlewaretoken": token}
        )
    assert response.status_code == 302

    served = graphql(
        '{ siteChrome(locale: "de") { organisationName registeredIn contactEmail '
        "disclaimer } }"
    ).data["siteChrome"]
    assert served["organisationName"] == f"[de] {chrome.organisation_name}"
    assert served["registeredIn"] == f"[de] {chrome.registered_in}"
    assert served["contactEmail"] == chrome.contact_email
    assert served["disclaimer"].startswith("<p>[de] ")


# Links are synchronised, not translated ------------------------------------


SUPPORT_LINK = "https://example.org/support"
NEW_SUPPORT_LINK = "https://example.org/help-and-support"
HUB_QUERY = "query ($locale: String) { causeIndex(locale: $locale) { supportNote } }"


def test_translators_cannot_change_link_addresses_and_get_the_sources_links(
    machine_translated_article,
    translator,
    reviewer_client,
    graphql,
    django_capture_on_commit_callbacks,
):
    hub = english(CauseIndexPage, machine_translated_article.slug)
    assert f'href="{SUPPORT_LINK}"' in hub.support_note
    session = editor_client(translator)
    props, token, _page = open_editor(session, machine_translated_article)

    # The editor offers the link's text, never its address. (The note is one
    # paragraph: one string, with the link as <a id="a1">.)
    link_text = next(
        segment
        for source, segment in string_segments(props).items()
        if "support options on our website" in source
    )
    assert link_text["contentPath"] == "support_note"
    assert [s for s in props["segments"] if s["type"] == "synchronised_value"] == []
    assert SUPPORT_LINK not in json.dumps(props)
    source = TranslationSource.objects.get(object_id=hub.translation_key)
    assert not OverridableSegment.objects.filter(source=source).exists()
    # A translation that adds an address of its own is flagged and not used.
    forged = link_text["source"].replace(
        '<a id="a1">', '<a id="a1" href="https://elsewhere.example.org">'
    )
    assert forged != link_text["source"]
    assert save_string(session, link_text, forged, token).json()["error"]
    assert StringTranslation.objects.get(data=forged).has_error
    german_note = (
        "<b>Ein Hinweis vorab.</b> Hilfe finden Sie in unseren "
        '<a id="a1">Unterstützungsangeboten auf der Website</a>.'
    )
    response = save_string(session, link_text, german_note, token)
    assert response.status_code == 200 and not response.json()["error"]

    # An editor changes the link in English; the translator syncs, submits,
    # and the reviewed German page links to the new address.
    hub.support_note = hub.support_note.replace(SUPPORT_LINK, NEW_SUPPORT_LINK)
    hub.save_revision().publish()
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert session.post(sync, {"csrfmiddlewaretoken": token}).status_code == 302
    submit_for_review(session, machine_translated_article, token)
    approve(
        reviewer_client, machine_translated_article, django_capture_on_commit_callbacks
    )

    note = graphql(HUB_QUERY, {"locale": "de"}).data["causeIndex"]["supportNote"]
    assert note == (
        "<p><b>Ein Hinweis vorab.</b> Hilfe finden Sie in unseren "
        f'<a href="{NEW_SUPPORT_LINK}">Unterstützungsangeboten auf der Website</a>.'
        "</p>"
    )


def test_sync_with_source_cannot_publish_past_the_review(
    machine_translated_article, translator, client, graphql
):
    cause = english(CausePage, "hydrosalpinx")
    cause.summary = "A blocked tube filled with fluid, newly worded."
    cause.save_revision().publish()
    source = TranslationSource.objects.get(object_id=cause.translation_key)
    sync = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(sync).content.decode()
    assert "can only be published by the medical review" in form
    served_before = graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"]

    response = client.post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    assert not german.has_unpublished_changes
    assert graphql(CAUSE_QUERY, {"locale": "de"}).data["cause"] == served_before
    # The sync itself happened: the new summary waits for its translator.
    po = polib.pofile(po_download(client, translation_of(cause)))
    assert [entry.msgid for entry in po if not entry.msgstr] == [cause.summary]
