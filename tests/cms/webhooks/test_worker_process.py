"""The worker as operators run it: ``manage.py db_worker --backend webhooks``
in a process of its own (as ``make serve`` starts it), publishes made by
other processes, and a worker stopped and started again.

The processes share a demo database file made from the test database.
"""

from __future__ import annotations

import time

import pytest

from tests.cms.processes import PYTHON, Server, base_env, copy_database, manage
from tests.cms.processes import publish_title as publish_from_another_process
from tests.cms.webhooks.conftest import wait_for

pytestmark = pytest.mark.django_db

#: As the Makefile's WORKER starts it, with its default polling interval.
WORKER = [PYTHON, "manage.py", "db_worker", "--backend", "webhooks"]


def add_subscription(env: dict[str, str], url: str) -> str:
    """A subscription to every event, made as the admin makes one; its secret."""
    output = manage(
        env,
        "shell",
        "-c",
        "from cms.webhooks.models import Subscription\n"
        f"made = Subscription.objects.create(name='Search index', url={url!r})\n"
        "print('secret', made.secret)\n",
    )
    return output.split("secret")[-1].strip()


def published_revisions(receiver) -> list[int]:
    """The revisions of the demo cause in the verified page.published events."""
    return [
        item.event["data"]["revision"]
        for item in receiver.received
        if item.verified is not None
        and item.event["type"] == "page.published"
        and item.event["data"]["object"]["slug"] == "hydrosalpinx"
    ]


@pytest.fixture
def deployment(demo_database_file, tmp_path, receiver):
    env = base_env(copy_database(demo_database_file, tmp_path))
    # The migration's daily review sweep is not part of this test.
    manage(
        env,
        "shell",
        "-c",
        "from django_tasks_db.models import DBTaskResult\n"
        "DBTaskResult.objects.all().delete()\n",
    )
    receiver.secret = add_subscription(env, receiver.url)
    workers: list[Server] = []

    def start_worker() -> Server:
        worker = Server(WORKER, env, tmp_path / f"worker-{len(workers)}.log", port=0)
        workers.append(worker)
        return worker

    yield env, start_worker
    for worker in workers:
        worker.stop()


def test_a_separate_worker_delivers_events_and_one_started_later_sends_the_backlog(
    deployment, receiver
):
    env, start_worker = deployment
    worker = start_worker()
    publish_from_another_process(env, "Hydrosalpinx (first revision)")
    published = time.monotonic()
    wait_for(lambda: published_revisions(receiver), seconds=30)
    latency = time.monotonic() - published
    (first,) = published_revisions(receiver)

    # The worker stops (as a deployment stops it: SIGTERM) and exits cleanly.
    worker.stop()
    assert worker.process.returncode == 0, worker.output()
    publish_from_another_process(env, "Hydrosalpinx (second revision)")
    time.sleep(max(2.0, 2 * latency))  # a running worker would have sent it
    assert published_revisions(receiver) == [first]
    pending = manage(
        env,
        "shell",
        "-c",
        "from cms.webhooks.models import Delivery\n"
        "print(Delivery.objects.filter(status='pending').count())\n",
    )
    assert pending.split()[-1] == "1"

    # A worker started again sends what waited, and nothing twice.
    start_worker()
    wait_for(lambda: len(published_revisions(receiver)) == 2, seconds=30)
    time.sleep(1)  # time enough for a duplicate to arrive
    (again, second) = published_revisions(receiver)
    assert again == first and second > first
