"""The translator's workflow, through the admin with Django's test client."""

import io
import shutil
import subprocess

import polib
import pytest
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

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
    graphql,
    demo_article,
    offline_machine_translator,
    django_capture_on_commit_callbacks,
):
    status = client.get(reverse("translation_status"), {"locale": "de"})
    assert status.status_code == 200
    # 16 pages and the site chrome.
    assert status.content.decode().count('data-state="untranslated"') == 17

    start_german_translation(client, demo_article)
    german_pages = Page.objects.filter(locale__language_code="de")
    assert german_pages.count() == 16
    assert not german_pages.filter(live=True).exists()
    german_hub = CauseIndexPage.objects.get(locale__language_code="de")
    assert GroupPagePermission.objects.filter(
        group__name="Translators", page=german_hub
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

    for page in Page.objects.filter(locale__language_code="de").order_by("path"):
        publish(client, page, django_capture_on_commit_callbacks)
    publish(
        client,
        SiteChrome.objects.get(locale__language_code="de"),
        django_capture_on_commit_callbacks,
    )

    assert Page.objects.filter(locale__language_code="de", live=True).count() == 16
    result = graphql(
        '{ cause(slug: "hydrosalpinx", locale: "de") { title servedLocale '
        "category { slug } translationStatus { locale state percentTranslated } } "
        'translationReport(locale: "de") { translated total } '
        'siteChrome(locale: "de") { locale contactEmail } }'
    )
    assert not result.errors
    assert result.data["cause"]["title"] == "[de] Hydrosalpinx"
    assert (
        result.data["cause"]["category"] == {"slug": "systemic"}
        or result.data["cause"]["category"]["slug"]
    )
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
    hub = english(CauseIndexPage, machine_translated_article.slug.removesuffix("-1"))
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
    hub = english(CauseIndexPage, machine_translated_article.slug.removesuffix("-1"))
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

    # The German versions are theirs to work on.
    german_hub = machine_translated_article
    assert german_hub.permissions_for_user(translator).can_publish()
    german_chrome = SiteChrome.objects.get(locale__language_code="de")
    response = client.get(
        reverse("wagtailsnippets_content_sitechrome:edit", args=[german_chrome.pk])
    )
    assert response.status_code == 200


def test_setup_translators_is_idempotent(machine_translated_article):
    call_command("setup_translators", stdout=io.StringIO())
    group = Group.objects.get(name="Translators")
    permissions = set(group.permissions.values_list("codename", flat=True))
    page_permissions = GroupPagePermission.objects.filter(group=group).count()
    call_command("setup_translators", stdout=io.StringIO())
    assert set(group.permissions.values_list("codename", flat=True)) == permissions
    assert GroupPagePermission.objects.filter(group=group).count() == page_permissions
    assert {"submit_translation", "access_admin", "change_sitechrome"} <= permissions
    assert "add_sitechrome" not in permissions
    assert "delete_sitechrome" not in permissions
    assert {p.page.locale.language_code for p in group.page_permissions.all()} == {"de"}


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
