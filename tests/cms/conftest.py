from pathlib import Path

import pytest

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
