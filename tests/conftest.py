from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale

from content.models import CauseIndexPage
from tests.support import demo_db

# Property-based tests draw the same examples every run (a seed derived from
# each test's name), so a failure is reproducible and the run is the same as
# the last; hypothesis prints the failing example. `make fuzz` draws new ones.
hypothesis_settings.register_profile(
    "suite", derandomize=True, database=None, print_blob=True
)
hypothesis_settings.register_profile("fuzz", derandomize=False, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))


class GraphQLResponse:
    def __init__(self, response):
        self.status_code = response.status_code
        self.response = response
        self.json = json.loads(response.content)

    @property
    def data(self) -> dict[str, Any]:
        return self.json.get("data") or {}

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.json.get("errors") or []


@pytest.fixture
def graphql(client: Client) -> Callable[..., GraphQLResponse]:
    """POST a query to /graphql/ the way a frontend does."""

    def run(query: str, variables: dict | None = None, **extra: Any):
        body = {"query": query}
        if variables is not None:
            body["variables"] = variables
        response = client.post(
            "/graphql/", json.dumps(body), content_type="application/json", **extra
        )
        return GraphQLResponse(response)

    return run


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # After pytest-django's order: each level of shared content is built once.
    items.sort(key=demo_db.order_key)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before any fixture of the test opens its own transaction.
    demo_db.SHARED.lower_to(demo_db.shared_level(item))


@pytest.fixture
def keep_test_connection():
    """Keep the test's database connection across in-process WSGI calls.

    Django's handler closes connections when a request starts and finishes
    (as its test client avoids doing); on PostgreSQL that would close the
    connection that holds the test's transaction and the shared content.
    """
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def browser(monkeypatch):
    """Headless Chromium (tests/support/browser.py) for a browser test."""
    from tests.support.browser import CHROMIUM

    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API keeps an event loop running in this thread, which
    # Django would take for async code and refuse database access from.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Each phase's outcome, for fixtures that keep artefacts of failures.
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture
def screenshots(request):
    """One screenshot per step of a browser test, kept only if it fails
    (tests/support/browser.py)."""
    import re
    import shutil
    from pathlib import Path

    from tests.support.browser import Screenshots

    root = Path(os.environ.get("BROWSER_ARTIFACTS", "browser-artifacts"))
    directory = root / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    shutil.rmtree(directory, ignore_errors=True)
    shots = Screenshots(directory)
    yield shots
    report = getattr(request.node, "report_call", None)
    if report is not None and report.passed:
        shutil.rmtree(directory, ignore_errors=True)
        if root.is_dir() and not any(root.iterdir()):
            root.rmdir()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, dropped at the end even on PostgreSQL
    after live-server tests: the server's request threads can keep a session
    open past their test, and PostgreSQL refuses to drop a database that has
    one ("being accessed by other users"), leaving it behind for the next run.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


@pytest.fixture(scope="session")
def _shared_demo_content(django_db_setup, django_db_blocker):
    """Rolled back before the test database is destroyed."""
    yield demo_db.SHARED
    demo_db.SHARED.lower_to(demo_db.NONE)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # pytest-django's per-test transaction (marker, `db` or `transactional_db`)
    # opens inside the shared content, so that is built first.
    if fixturedef.argname == "_django_db_helper":
        level = demo_db.shared_level(request.node)
        if level != demo_db.NONE:
            shared = request.getfixturevalue("_shared_demo_content")
            blocker = request.getfixturevalue("django_db_blocker")
            # What building cached is not the test's: it starts empty.
            shared.raise_to(level, blocker, after_build=clear_caches)
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    result = yield
    demo_db.SHARED.check_intact()
    return result


@pytest.fixture
def demo_article(db) -> CauseIndexPage:
    if demo_db.SHARED.level < demo_db.ARTICLE:
        demo_db.load_article()
    return CauseIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def machine_translated_article(demo_article) -> CauseIndexPage:
    """The demo article and site chrome, machine-translated into German."""
    if demo_db.SHARED.level < demo_db.TRANSLATED:
        demo_db.load_translation()
    return CauseIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def german(db) -> Locale:
    return Locale.objects.get(language_code="de")


def clear_caches() -> None:
    from django.core.cache import cache

    from cms.cache.responses import forget_memory_copy
    from cms.graphql.trusted import trusted_documents

    cache.clear()
    # The database rolls back without the signals a real change sends.
    forget_memory_copy()
    trusted_documents.forget()  # imported documents roll back too


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (shared Redis in CI)."""
    clear_caches()
    yield
    clear_caches()
