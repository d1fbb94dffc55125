"""The real CMS and the real frontend, once per test session, for the
end-to-end tests of the reference frontend (docs/frontend.md).

The CMS runs as a server process of its own (``manage.py runserver``,
development settings) on a database of its own: a SQLite file in a temporary directory,
or, when ``DATABASE_URL`` names PostgreSQL, the database ``<name>_e2e`` beside
it. pytest's test database cannot be it: the frontend's server reads the
CMS over HTTP from another process, so the content must be committed, and the
shared demo content (tests/support/demo_db.py) never is. The CMS's database
gets the demo article and its German translation
(``load_demo_content --translations de``), an editor and a medical reviewer.

The frontend is a production build (``next build``, about 25 s, in
``frontend/.next-e2e``, built again only when its sources, its lock file or
the CMS's address change) served by ``next start``, both through
``bench/nextjs.py``, which ``make bench`` uses too. While it builds, the
CMS's database is migrated and loaded. Skipped, saying why, without Node.js
20.19 or newer, with ``SKIP_FRONTEND=1``, or without Chromium.

Ports are free ones the system gives, or ``FRONTEND_E2E_CMS_PORT`` and
``FRONTEND_E2E_PORT``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from bench import nextjs
from bench.nextjs import Process, start
from tests.frontend.support import EDITOR, PASSWORD, REVIEWER, SECRET

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
DIST_DIR = ".next-e2e"

USERS = f"""
from django.contrib.auth.models import Group, User
from content.editorial.review import MEDICAL_REVIEWERS
for name, group, first, last in [
    ({EDITOR!r}, "Editors", "Erin", "Editor"),
    ({REVIEWER!r}, MEDICAL_REVIEWERS, "Rafael", "Reviewer"),
]:
    user = User.objects.create_user(name, name + "@example.org", {PASSWORD!r},
                                    first_name=first, last_name=last)
    user.groups.add(Group.objects.get(name=group))
"""


def skip_reason() -> str | None:
    from tests.support.browser import CHROMIUM

    if os.environ.get("SKIP_FRONTEND") == "1":
        return "frontend end-to-end tests skipped (SKIP_FRONTEND=1)"
    reason = nextjs.unavailable()
    if reason:
        return reason
    if CHROMIUM is None:
        return "no Chromium binary installed"
    return None


def free_port(env_name: str) -> int:
    if os.environ.get(env_name):
        return int(os.environ[env_name])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(process: Process, url: str, timeout: float = 90) -> None:
    try:
        nextjs.wait_until_up(process, url, timeout)
    except nextjs.NotAnswering as error:
        pytest.fail(str(error), pytrace=False)


def database_url(tmp: Path) -> tuple[str, object]:
    """The CMS's own database, and a function that drops it afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp / 'cms.sqlite3'}", lambda: None
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'nidation'}_e2e"
    admin = urlunsplit(parts._replace(path="/postgres"))

    def run(*statements: str) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    terminate = (
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        f" WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )
    run(terminate, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: run(
        terminate, f'DROP DATABASE IF EXISTS "{name}"'
    )


@dataclass
class Stack:
    """The running CMS and frontend, and a way to ask the CMS's database."""

    cms_url: str
    site_url: str
    cms_env: dict
    #: The environment of the frontend's ``next build`` and ``next start``.
    site_env: dict = field(default_factory=dict)
    #: Where the processes' logs are.
    log_dir: Path | None = None
    processes: dict[str, Process] = field(default_factory=dict)
    #: True when the CMS's own task worker delivers its publishing events.
    worker: bool = False

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.cms_env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode:
            pytest.fail(
                f"manage.py {' '.join(args)[:80]} failed:\n{result.stderr[-3000:]}",
                pytrace=False,
            )
        return result.stdout

    def python(self, code: str) -> str:
        """Run ``code`` in the CMS's environment (its database), print = answer."""
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.tail()}" for p in self.processes.values())

    def start_cms(self) -> None:
        """The CMS's development server on ``cms_url``'s port."""
        port = urlsplit(self.cms_url).port
        self.processes["cms"] = start(
            "cms",
            [sys.executable, "manage.py", "runserver", "--noreload"]
            + [f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=self.cms_env,
            logs=self.log_dir,
        )

    def serve_site(self) -> None:
        """``next start`` of the built frontend on ``site_url``'s port; then
        wait until both it and the CMS answer."""
        port = urlsplit(self.site_url).port
        self.processes["site"] = nextjs.start_server(port, self.site_env, self.log_dir)
        wait_until_up(self.processes["cms"], f"{self.cms_url}/admin/login/")
        wait_until_up(self.processes["site"], f"{self.site_url}/sitemap.xml")

    def stop(self) -> None:
        for process in reversed(self.processes.values()):
            process.stop()


def local_urls(cms_port_variable: str, site_port_variable: str) -> tuple[str, str]:
    """The CMS's and the frontend's addresses on 127.0.0.1 (``free_port``)."""
    cms_port = free_port(cms_port_variable)
    site_port = free_port(site_port_variable)
    return f"http://127.0.0.1:{cms_port}", f"http://127.0.0.1:{site_port}"


WORKER_CHECK = """
from django.conf import settings
from django.core.management import get_commands
if "db_worker" in get_commands():
    print("webhooks" if "webhooks" in getattr(settings, "TASKS", {}) else "default")
"""


def task_worker(stack: Stack) -> list[str] | None:
    """The CMS's task worker command (django-tasks-db), when it has one."""
    backend = stack.python(WORKER_CHECK).splitlines()
    if not backend:
        return None
    return [sys.executable, "manage.py", "db_worker", "--backend", backend[-1]]


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[Stack]:
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    tmp = tmp_path_factory.mktemp("frontend-e2e")
    cms_url, site_url = local_urls("FRONTEND_E2E_CMS_PORT", "FRONTEND_E2E_PORT")
    db_url, drop_database = database_url(tmp)
    base_env = {
        k: v
        for k, v in os.environ.items()
        # The CMS has a cache of its own (local memory), not the suite's Redis.
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    cms_env = {
        **base_env,
        # Development settings: the CMS serves its static files and media
        # (the frontend passes /media/ on to it), as under make run.
        "DJANGO_SETTINGS_MODULE": "settings.dev",
        "GRAPHQL_RATE_LIMIT": "0/60",
        "LOG_LEVEL": "ERROR",
        "DATABASE_URL": db_url,
        "MEDIA_ROOT": str(tmp / "media"),
        "FRONTEND_URL": site_url,
        "FRONTEND_REVALIDATE_SECRET": SECRET,
        "ADMIN_BASE_URL": cms_url,
        "PYTHONUNBUFFERED": "1",
    }
    site_env = nextjs.site_env(
        base_env, dist_dir=DIST_DIR, cms_url=cms_url, site_url=site_url, secret=SECRET
    )
    stack = Stack(
        cms_url=cms_url,
        site_url=site_url,
        cms_env=cms_env,
        site_env=site_env,
        log_dir=tmp,
    )
    try:
        build = nextjs.start_build(DIST_DIR, site_env, cms_url, tmp)
        # Meanwhile: the CMS's database.
        stack.manage("migrate", "--noinput", "-v0")
        stack.manage("load_demo_content", "--translations", "de")
        stack.python(USERS)
        stack.start_cms()
        worker = task_worker(stack)
        if worker:
            stack.processes["worker"] = start(
                "worker", worker, cwd=ROOT, env=cms_env, logs=tmp
            )
            stack.worker = True
        try:
            build.wait()
        except nextjs.NotAnswering as error:
            pytest.fail(str(error), pytrace=False)
        stack.serve_site()
        yield stack
    finally:
        stack.stop()
        drop_database()


#: The reference frontend's operations, with their ids (``npm run codegen``).
MANIFEST = FRONTEND / "src" / "graphql" / "generated" / "persisted-documents.json"


@pytest.fixture(scope="session")
def trusted_stack(stack, tmp_path_factory) -> Iterator[Stack]:
    """The production pairing (docs/operations.md, "Trusted documents"): a
    second CMS server on the same database that runs only trusted documents,
    read from the frontend's manifest as a deployment names it
    (``GRAPHQL_TRUSTED_DOCUMENTS``), and a second ``next start`` of the same
    build that sends its operations by id (``CMS_PERSISTED_DOCUMENTS``).

    The build's /media/ rewrite still names the first CMS (next.config.ts
    reads the CMS's origin at build time); it serves the same files.
    """
    tmp = tmp_path_factory.mktemp("frontend-e2e-trusted")
    cms_url, site_url = local_urls(
        "FRONTEND_E2E_TRUSTED_CMS_PORT", "FRONTEND_E2E_TRUSTED_PORT"
    )
    cms_env = {
        **stack.cms_env,
        "GRAPHQL_TRUSTED_DOCUMENTS": str(MANIFEST),
        "GRAPHQL_TRUSTED_DOCUMENTS_ONLY": "true",
        "FRONTEND_URL": site_url,
        "ADMIN_BASE_URL": cms_url,
    }
    site_env = {
        **stack.site_env,
        "CMS_GRAPHQL_URL": f"{cms_url}/graphql/",
        "FRONTEND_URL": site_url,
        "CMS_PERSISTED_DOCUMENTS": "true",
    }
    trusted = Stack(
        cms_url=cms_url,
        site_url=site_url,
        cms_env=cms_env,
        site_env=site_env,
        log_dir=tmp,
    )
    try:
        trusted.start_cms()
        trusted.serve_site()
        yield trusted
    finally:
        trusted.stop()


@pytest.fixture
def site(browser, stack):
    """A fresh browser context on the frontend (``browser``: tests/conftest.py)."""
    context = browser.new_context(base_url=stack.site_url)
    yield context
    context.close()


def log_in(browser, stack, username: str):
    """A browser context on the CMS, logged in to the admin as ``username``."""
    context = browser.new_context(base_url=stack.cms_url)
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return context, page


@pytest.fixture
def editor_page(browser, stack):
    context, page = log_in(browser, stack, EDITOR)
    yield page
    context.close()


@pytest.fixture
def reviewer_page(browser, stack):
    context, page = log_in(browser, stack, REVIEWER)
    yield page
    context.close()
