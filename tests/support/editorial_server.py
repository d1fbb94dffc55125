"""The project as ``make run`` serves it, for the editorial browser tests.

A development server (``settings.dev``) on a fresh embedded SQLite database
in a temporary directory: migrated, with the demo article, an editor, a
medical reviewer (with the credentials of their profile) and one cause whose
next review date has passed, for each admin language in ``CASTS`` (the
users' Wagtail preferred language). Its log (stderr) is kept, so a test can check
that no request failed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-browser-test-password"  # noqa: S105

EDITOR = "erin-editor"
REVIEWER = "rafael-reviewer"
REVIEWER_NAME = "Dr Rafael Reviewer"
REVIEWER_CREDENTIALS = "MD, reproductive medicine"
#: The causes each flow works on, so the flows do not meet.
SUBMITTED_CAUSE = "hydrosalpinx"
OVERDUE_CAUSE = "thin-endometrium"
EDITED_CAUSE = "polyps-fibroids-and-adhesions"


@dataclass(frozen=True)
class Cast:
    """An editor and a medical reviewer working in one admin language, and
    the causes they submit, find overdue and edit in an autosaved session
    (one set per language, so the runs do not meet)."""

    language: str
    editor: str
    reviewer: str
    submitted: str
    overdue: str
    edited: str


#: The admin languages the flows run in (Wagtail's preferred language).
CASTS = {
    "en": Cast("en", EDITOR, REVIEWER, SUBMITTED_CAUSE, OVERDUE_CAUSE, EDITED_CAUSE),
    "de": Cast(
        "de",
        "erika-redakteurin",
        "rainer-pruefer",
        "congenital-uterine-anomalies",
        "uterine-microbiome",
        "uterine-nk-cells",
    ),
}

SETUP = """
import datetime, io, sys
import django
django.setup()
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from content.editorial.models import ReviewerProfile
from content.editorial.review import MEDICAL_REVIEWERS
from content.models import CausePage
from tests.support import editorial_server as names

call_command("migrate", verbosity=0, interactive=False)
call_command("load_demo_content", stdout=io.StringIO())
from wagtail.users.models import UserProfile

password = sys.argv[1]
for cast in names.CASTS.values():
    editor = User.objects.create_user(
        cast.editor, f"{cast.editor}@example.org", password
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    reviewer = User.objects.create_user(
        cast.reviewer, f"{cast.reviewer}@example.org", password,
        first_name="Rafael", last_name="Reviewer",
    )
    reviewer.groups.add(Group.objects.get(name=MEDICAL_REVIEWERS))
    ReviewerProfile.objects.create(
        user=reviewer,
        display_name=names.REVIEWER_NAME,
        credentials=names.REVIEWER_CREDENTIALS,
    )
    for user in (editor, reviewer):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = cast.language
        profile.save()
    # The date set at the cause's last review has passed.
    page = CausePage.objects.get(slug=cast.overdue, locale__language_code="en")
    page.next_review_due = timezone.localdate() - datetime.timedelta(days=3)
    page.save_revision()
slugs = set()
for cast in names.CASTS.values():
    slugs |= {cast.submitted, cast.overdue, cast.edited}
ids = {
    slug: CausePage.objects.get(slug=slug, locale__language_code="en").pk
    for slug in slugs
}
print(" ".join(f"{slug}={pk}" for slug, pk in ids.items()), flush=True)
call_command("runserver", sys.argv[2], use_reloader=False)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class EditorialServer:
    url: str
    pages: dict[str, int]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text()

    def errors(self, since_line: int = 0) -> list[str]:
        """Lines of the server log from ``since_line`` on that report a
        failed request."""
        markers = ("Traceback", "Internal Server Error", "OperationalError", '" 500 ')
        return [
            line
            for line in self.log().splitlines()[since_line:]
            if any(marker in line for marker in markers)
        ]


def serve(directory: Path, port: int | None = None) -> Iterator[EditorialServer]:
    # EDITORIAL_SERVER_PORT: a fixed port, where the machine's are shared out.
    port = port or int(os.environ.get("EDITORIAL_SERVER_PORT") or 0) or free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "MEDIA_ROOT": str(directory / "media"),
        "PYTHONUNBUFFERED": "1",
        "FRONTEND_URL": "",
    }
    env.pop("REDIS_URL", None)
    log_path = directory / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SETUP, PASSWORD, f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if "=" not in line:
            process.wait(timeout=30)
            raise RuntimeError(f"the server's setup failed:\n{log_path.read_text()}")
        pages = {
            slug: int(pk) for slug, pk in (item.split("=") for item in line.split())
        }
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                requests.get(f"{url}/admin/login/", timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(
                        f"the server did not start:\n{log_path.read_text()}"
                    ) from None
                time.sleep(0.3)
        yield EditorialServer(url=url, pages=pages, log_path=log_path)
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
