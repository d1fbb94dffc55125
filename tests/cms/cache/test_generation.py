"""A publish in any process reaches every process that answers, on the
embedded default (a per-process memory cache, no Redis).

Real processes on a demo database file: two servers that each cache an
answer, and a publish from a ``manage.py`` process of its own.
"""

import pytest

from tests.cms.processes import (
    Server,
    base_env,
    copy_database,
    publish_title,
    title_from,
)

# The servers' database is a file made from the (migrated) test database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def servers(demo_database_file, tmp_path):
    env = base_env(copy_database(demo_database_file, tmp_path))
    started = [
        Server.runserver(env, tmp_path / f"server-{number}.log") for number in (1, 2)
    ]
    try:
        for server in started:
            server.wait_ready()
        yield env, started
    finally:
        for server in started:
            server.stop()


def test_a_publish_in_another_process_reaches_every_server(servers):
    env, (first, second) = servers
    for server in (first, second):
        title_from(server)
        assert title_from(server) == ("Hydrosalpinx", "HIT")

    publish_title(env, "Hydrosalpinx (revised)")

    for server in (first, second):
        assert title_from(server) == ("Hydrosalpinx (revised)", "MISS")
        assert title_from(server) == ("Hydrosalpinx (revised)", "HIT")

    publish_title(env, "Hydrosalpinx (second revision)")
    assert title_from(second) == ("Hydrosalpinx (second revision)", "MISS")
    assert title_from(first) == ("Hydrosalpinx (second revision)", "MISS")
