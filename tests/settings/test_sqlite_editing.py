"""The embedded SQLite database serves autosave and live preview at once.

A development server runs against a file copy of the migrated test database;
one logged-in editor's autosaves and the preview panel's updates arrive
together, as Wagtail's editor sends them, and none may fail.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import connection
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"  # noqa: S105
ROUNDS = 8

SERVE = """
import sys
import django
django.setup()
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import Page
from tests.factories import CauseIndexPageFactory

User.objects.create_superuser("ed-editor", "ed@example.org", sys.argv[2])
page = CauseIndexPageFactory(parent=Page.get_first_root_node(), slug="concurrent")
print(page.pk, flush=True)
call_command("runserver", sys.argv[1], use_reloader=False)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def database_file(transactional_db, tmp_path) -> Path:
    """A file copy of the migrated test database.

    Copied outside any test transaction (a backup waits for open ones).
    """
    if connection.vendor != "sqlite":
        pytest.skip("checks the embedded SQLite default; PostgreSQL has no file lock")
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


@pytest.fixture
def server(database_file, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "DATABASE_URL": f"sqlite:///{database_file}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    log = (tmp_path / "server.log").open("w+")
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", SERVE, f"127.0.0.1:{port}", PASSWORD],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    try:
        line = process.stdout.readline()
        if not line.strip().isdigit():
            process.wait(timeout=20)
            log.seek(0)
            pytest.fail(f"the server's setup failed:\n{log.read()[-3000:]}")
        page_id = int(line)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{base}/admin/login/", timeout=5)
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    log.seek(0)
                    pytest.fail(f"the server did not start:\n{log.read()}")
                time.sleep(0.3)
        yield base, page_id, log
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def fields(data) -> list[tuple[str, str]]:
    return [(key, value) for key, values in data.lists() for value in values]


def logged_in(base: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=30)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": "ed-editor",
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": f"{base}/admin/login/"},
        timeout=30,
    )
    assert response.ok and "sessionid" in session.cookies
    return session


# The flush after a transactional test would remove what migrations created.
# Skipped before any database fixture runs: a transactional test's teardown
# empties the database, which other tests on PostgreSQL would then miss.
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "sqlite").startswith("sqlite"),
    reason="checks the embedded SQLite default; PostgreSQL has no file lock",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_autosave_and_live_preview_together_never_fail(server):
    base, page_id, log = server
    session = logged_in(base)
    edit_url = f"{base}/admin/pages/{page_id}/edit/"
    preview_url = f"{edit_url}preview/"
    form = querydict_from_html(
        session.get(edit_url, timeout=30).text, form_id="page-edit-form"
    )
    # Stream and comment fields are drawn by JavaScript in the browser.
    form = form.copy()
    body = [("paragraph", rich_text("<p>Text written while previewing.</p>"))]
    extra = nested_form_data(
        {"body": streamfield(body), "comments": inline_formset([])}
    )
    for key, value in extra.items():
        form.setlist(key, [value])
    csrf = {"X-CSRFToken": session.cookies["csrftoken"], "Referer": edit_url}

    def autosave(round_: int) -> tuple[str, int, str]:
        data = form.copy()
        data["title"] = f"Concurrent edit {round_}"
        data.pop("loaded_revision_id", None)
        data.pop("loaded_revision_created_at", None)
        response = session.post(
            edit_url,
            data=fields(data),
            headers={**csrf, "Accept": "application/json"},
            timeout=60,
        )
        return "autosave", response.status_code, response.text[:300]

    def preview(round_: int) -> tuple[str, int, str]:
        data = form.copy()
        data["title"] = f"Concurrent preview {round_}"
        response = session.post(
            preview_url, data=fields(data), headers=csrf, timeout=60
        )
        if not response.ok:
            return "preview update", response.status_code, response.text[:300]
        shown = session.get(preview_url, params={"mode": ""}, timeout=60)
        return "preview", shown.status_code, shown.text[:300]

    with ThreadPoolExecutor(max_workers=6) as pool:
        futures = [
            pool.submit(job, round_)
            for round_ in range(ROUNDS)
            for job in (autosave, preview, autosave)
        ]
        results = [future.result() for future in futures]

    failures = [result for result in results if result[1] != 200]
    log.seek(0)
    server_log = log.read()
    assert not failures, (failures, server_log[-3000:])
    assert "database is locked" not in server_log
