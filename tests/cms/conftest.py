import io
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.cms.processes import build_demo_database


@pytest.fixture(scope="session")
def demo_database_file(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """A database file with the demo content, for tests that start real
    server processes (built once; copy it with ``copy_database``)."""
    from django.db import connection

    path = tmp_path_factory.mktemp("demo-database") / "template.sqlite3"
    with django_db_blocker.unblock():
        build_demo_database(connection, path)
    return path


@pytest.fixture
def run_worker(monkeypatch) -> Callable[..., str]:
    """Run django-tasks-db's worker until no task is ready, in this process.

    The worker closes unusable or obsolete connections between tasks; inside
    a test's transaction that would close the connection holding it, so here
    (as ``keep_test_connection`` does for requests) it keeps it.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run(*extra: str) -> str:
        out = io.StringIO()
        call_command(
            "db_worker",
            "--backend",
            "webhooks",
            "--batch",
            "--no-startup-delay",
            "--interval",
            "0",
            *extra,
            stdout=out,
            stderr=out,
        )
        return out.getvalue()

    return run
