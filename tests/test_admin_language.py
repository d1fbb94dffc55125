"""The admin's own text in every content language: catalogues and pages.

The catalogues in ``locale/`` must list every string of ours marked for
translation, each translated in all four languages; and the admin pages that
carry our strings, seen by a user whose preferred language is German, must
show none of them in English (a string nobody marked stays English there).
"""

from __future__ import annotations

import ast
import datetime
import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms.webhooks.models import Subscription
from content.editorial.review import record_override
from content.models import CauseCategoryPage, CausePage, SiteChrome
from tests.factories import CausePageFactory

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("de", "fr", "es", "it")
#: Where our translatable strings live (what ``make messages`` reads).
SOURCES = ("cms", "content")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


# The catalogues ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_translates_every_string_without_fuzzy_entries(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    problems = []
    for entry in po:
        if entry.obsolete:
            problems.append(f"obsolete: {entry.msgid!r}")
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        names = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        forms = (
            list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        )
        for form in forms:
            if not form.strip():
                problems.append(f"untranslated: {entry.msgid!r}")
            elif not placeholders(form) <= names:
                problems.append(f"unknown placeholder in {form!r}")
        # The last (general plural) form, or the only one, keeps every name.
        if forms and forms[-1].strip() and placeholders(forms[-1]) != names:
            problems.append(f"placeholders differ: {entry.msgid!r} / {forms[-1]!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_compiled(language):
    """make install compiles each catalogue (the .mo files are not committed)."""
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, (
        f"{mo} is missing or older than its catalogue: run make install"
    )


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext is not installed"
)
def test_catalogues_list_exactly_the_strings_marked_in_the_code(tmp_path, monkeypatch):
    """What ``make messages`` would extract now is what the catalogues hold.

    Run on a copy of the sources, so the catalogues themselves are untouched.
    """
    for name in SOURCES:
        shutil.copytree(
            ROOT / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns(
                "__pycache__", "node_modules", "vendor", "migrations", "*.pyc"
            ),
        )
    (tmp_path / "locale").mkdir()
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[]):
        call_command("makemessages", locale=["de"], verbosity=0)
    extracted = {
        key(entry)
        for entry in polib.pofile(str(tmp_path / "locale/de/LC_MESSAGES/django.po"))
    }
    for language in LANGUAGES:
        held = {key(entry) for entry in catalogue(language) if not entry.obsolete}
        missing, stale = extracted - held, held - extracted
        assert not missing and not stale, (
            f"locale/{language}: run make messages and translate the new entries. "
            f"Missing: {sorted(missing, key=str)}; no longer used: "
            f"{sorted(stale, key=str)}"
        )


# The admin in German ----------------------------------------------------------


class VisibleText(HTMLParser):
    """The text a user can see or hear: text nodes, labelling attributes, and
    the strings of the JSON the admin's scripts draw from (the sidebar menu,
    StreamField block definitions)."""

    LABELS = {"title", "aria-label", "placeholder", "alt", "value"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.strings: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self._script = "json" if attrs.get("type") == "application/json" else ""
        for name, value in attrs.items():
            if not value:
                continue
            if name in self.LABELS:
                self.strings.append(value)
            elif name.startswith("data-") and value[:1] in "[{":
                self.add_json(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._script = None

    def handle_data(self, data):
        if self._script == "json":
            self.add_json(data)
        elif self._script is None:
            self.strings.append(data)

    def add_json(self, text: str) -> None:
        try:
            value = json.loads(text)
        except ValueError:
            return
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                # Some values are HTML themselves (help texts, dialogs).
                if "<" in item:
                    inner = VisibleText()
                    inner.feed(item)
                    self.strings.extend(inner.strings)
                else:
                    self.strings.append(item)
            elif isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)


def visible_strings(content: str) -> list[str]:
    parser = VisibleText()
    parser.feed(content)
    return [" ".join(s.split()) for s in parser.strings if s.strip()]


def third_party_msgids(language: str) -> set[str]:
    """The msgids of the installed Wagtail, wagtail-localize and Django
    catalogues: words such as "Actions" are theirs too, and they leave some
    of them in English (Wagtail's ``aria-label="Actions"``)."""
    import django
    import wagtail
    import wagtail_localize

    found = set()
    for package in (wagtail, wagtail_localize, django):
        base = Path(package.__file__).parent
        for path in base.glob(f"**/locale/{language}/LC_MESSAGES/*.po"):
            found.update(entry.msgid for entry in polib.pofile(str(path)))
    return found


def english_strings(language: str = "de") -> list[tuple[str, list[str]]]:
    """Our English msgids whose translation differs, each with what to look
    for: the whole string, or its longer literal parts around placeholders
    and tags. Not those Wagtail or Django have too. The names of our
    workflow, task and groups are ours: shown translated too."""
    skip = third_party_msgids(language)
    found = []
    for entry in catalogue(language):
        pairs = [(entry.msgid, entry.msgstr)]
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            pairs = [(entry.msgid, forms[0]), (entry.msgid_plural, forms[max(forms)])]
        for english, translated in pairs:
            # Shown capitalised, a field name can be Wagtail's word too.
            shown = english[:1].upper() + english[1:]
            if english == translated or english in skip or shown in skip:
                continue
            text = html.unescape(" ".join(english.split()))
            parts = [
                part.strip(" .,:;()")
                for part in re.split(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>", text)
            ]
            parts = [
                part for part in parts if len(re.findall(r"[A-Za-z]{2,}", part)) >= 2
            ]
            found.append((english, parts if parts != [text] else []))
    return found


def untranslated_on(content: str) -> list[str]:
    strings = visible_strings(content)
    whole = set(strings)
    joined = "\n".join(strings)
    left = []
    for english, parts in english_strings():
        # Field names are shown capitalised ("reviewed by": "Reviewed by"),
        # and are JSON keys too ("body").
        exact = {english[:1].upper() + english[1:]}
        if parts:
            if any(part in joined for part in parts):
                left.append(english)
        elif whole & exact or (len(english.split()) >= 3 and english in joined):
            left.append(english)
    return left


@pytest.mark.django_db
def test_the_english_strings_are_found_where_they_are_shown():
    # What the German check relies on: an English page gives our strings away.
    page = (
        '<label>Reviewed by</label><div data-w-block-arguments-value=\'[{"label": '
        '"Callout", "help": "<p>Support callouts are shown gently; warnings stand '
        "out.</p>\"}]'><p><strong>Waiting for Medical review</strong> since 1 May. "
        "The German translation is published when a medical reviewer approves it. "
        "Changes made now are not part of the submitted version.</p>"
    )
    assert set(untranslated_on(page)) >= {
        "reviewed by",
        "Callout",
        "Support callouts are shown gently; warnings stand out.",
        "<strong>Waiting for %(workflow)s</strong> since %(since)s.",
        "The %(language)s translation is published when a medical reviewer approves "
        "it. Changes made now are not part of the submitted version.",
    }


def code_literals() -> set[str]:
    """The English phrases written in our code and templates (three words or
    more), marked for translation or not: a phrase nobody marked has no
    catalogue entry, so only this finds it on a German page. Not the demo
    content (English articles are shown as they are), nor docstrings."""
    found = set()
    for name in SOURCES:
        for path in (ROOT / name).rglob("*.py"):
            if "migrations" in path.parts or "demo" in path.parts:
                continue
            tree = ast.parse(path.read_text())
            docstrings = {
                id(node.body[0].value)
                for node in ast.walk(tree)
                if isinstance(
                    node,
                    ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef,
                )
                and node.body
                and isinstance(node.body[0], ast.Expr)
                and isinstance(node.body[0].value, ast.Constant)
            }
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and id(node) not in docstrings
                ):
                    found.update(phrases(node.value))
        for path in (ROOT / name).rglob("templates/**/*.html"):
            text = re.sub(
                r"{%.*?%}|{{.*?}}|<[^>]*>", "\n", path.read_text(), flags=re.S
            )
            found.update(phrases(text))
    return found


def phrases(text: str) -> list[str]:
    """The runs of three or more words in ``text``, between placeholders."""
    runs = re.split(r"%\(\w+\)[sd]|\{\w*\}|%s|\n\s*\n|[<>]", text)
    return [
        " ".join(run.split()).strip(" .,:;()'")
        for run in runs
        if sum(1 for word in run.split() if re.fullmatch(r"[A-Za-z]+[,.:;]?", word))
        >= 3
    ]


XHR = {"x-requested-with": "XMLHttpRequest"}


@pytest.fixture
def german_admin(db, client):
    user = User.objects.create_superuser(
        "greta-admin", "greta@example.org", "correct-horse-battery"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(user)
    return user


@pytest.fixture
def overdue_cause_in_review(machine_translated_article, german_admin):
    """A cause whose review date has passed, waiting for the medical review."""
    cause = CausePageFactory(
        parent=CauseCategoryPage.objects.get(
            slug="systemic", locale__language_code="en"
        ),
        title="Beispielursache",
        slug="beispielursache",
        summary="Kurz.",
        next_review_due=datetime.date(2020, 1, 1),
        live=False,
    )
    revision = cause.save_revision(user=german_admin)
    cause.get_workflow().start(cause, german_admin)
    record_override(revision.as_object(), german_admin)
    cause.next_review_due = datetime.date(2021, 1, 1)
    cause.save_revision(user=german_admin)
    return cause


def test_admin_pages_in_german_show_none_of_our_english_strings(
    client, german_admin, overdue_cause_in_review
):
    cause = overdue_cause_in_review
    task_state = WorkflowState.objects.get(
        object_id=str(cause.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    hub = cause.get_parent().get_parent()
    german_cause = CausePage.objects.get(
        slug="hydrosalpinx", locale__language_code="de"
    )
    translation = Translation.objects.get(
        source__object_id=german_cause.translation_key,
        target_locale=german_cause.locale,
    )
    chrome = SiteChrome.objects.get(locale__language_code="en")
    Subscription.objects.create(
        name="Beispiel-Frontend",
        url="https://frontend.example.org/api/revalidate",
        events=["page.published", "translation.published"],
    )
    approve = f"/admin/pages/workflow/action/{cause.pk}/approve/{task_state.pk}/"
    pages = {
        "dashboard": "/admin/",
        "cause editor": f"/admin/pages/{cause.pk}/edit/",
        "hub editor": f"/admin/pages/{hub.pk}/edit/",
        "page history": f"/admin/pages/{cause.pk}/history/",
        "translation status": "/admin/translation-status/?locale=de",
        "translation editor": f"/admin/pages/{german_cause.pk}/edit/",
        "site chrome": reverse("wagtailsnippets_content_sitechrome:list"),
        "site chrome editor": reverse(
            "wagtailsnippets_content_sitechrome:edit", args=[chrome.pk]
        ),
        "login lock-outs (settings)": "/admin/login_lockouts/",
        "workflow tasks": "/admin/workflows/tasks/index/",
        "webhook subscriptions": reverse("webhook_subscriptions:index"),
        "webhook subscription form": reverse("webhook_subscriptions:add"),
        "webhook deliveries": reverse("webhook_deliveries:index"),
        "account (medical reviewer)": reverse("wagtailadmin_account"),
    }
    seen = {}
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        seen[name] = response.content.decode()

    response = client.get(approve, headers=XHR)
    assert response.status_code == 200
    seen["approve dialog"] = response.json()["html"]
    # Approving without the override is refused with the reason, in the dialog.
    response = client.post(approve, {"comment": "Geprüft."}, headers=XHR)
    seen["approve refusal"] = response.json()["html"]
    # A PO upload without a file: the message is shown on the next page.
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"next": "/admin/"},
        follow=True,
    )
    seen["PO upload message"] = response.content.decode()

    # The pages are in German, our words included...
    everything = "\n".join(seen.values())
    for german in (
        "Übersetzungsstatus",
        "Hinweisbox",
        "Geprüft von",
        "Trotz überfälliger Prüfung veröffentlichen",
        "Überfällige medizinische Prüfung übergangen",
        "Wählen Sie eine PO-Datei zum Hochladen aus.",
        "Das Datum der nächsten Prüfung (2021-01-01) ist überschritten.",
        "Abonnements",
        "Erhält jedes Ereignis als signierten JSON-POST.",
        "Seite veröffentlicht, Übersetzung veröffentlicht",
        "Profil für die medizinische Prüfung",
        # The workflow's task, named by our migrations.
        "Medizinische Prüfung",
    ):
        assert german in html.unescape(everything), german
    # ...and none of our English strings is left.
    left = {name: untranslated_on(content) for name, content in seen.items()}
    assert not {name: found for name, found in left.items() if found}
    # Less what the German catalogue keeps as it is (names, examples).
    kept = "\n".join(
        form
        for entry in catalogue("de")
        for form in [entry.msgstr, *entry.msgstr_plural.values()]
    )
    literals = {phrase for phrase in code_literals() if phrase not in kept}
    left = {
        name: sorted(
            phrase
            for phrase in literals
            if phrase in "\n".join(visible_strings(content))
        )
        for name, content in seen.items()
    }
    assert not {name: found for name, found in left.items() if found}
