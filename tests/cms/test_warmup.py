"""gunicorn workers warm up before they take their first request."""

import logging
from types import SimpleNamespace

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

from cms import gunicorn_conf
from cms.warmup import prepare_process

pytestmark = pytest.mark.django_db


def test_a_worker_answers_one_query_before_taking_traffic(
    demo_article, caplog, keep_test_connection
):
    prepare_process()
    # A new worker has no connection yet. The shared test content lives in an
    # open transaction, which closing the connection would end on PostgreSQL
    # (SQLite keeps its in-memory test database open either way).
    if not connection.in_atomic_block:
        connection.close()
    worker = SimpleNamespace(wsgi=WSGIHandler())
    with caplog.at_level(logging.INFO, logger="cms.warmup"):
        gunicorn_conf.post_worker_init(worker)
    assert "Worker warmed up" in caplog.text
    assert "200 OK" in caplog.text
    assert connection.connection is not None  # connected before the first request


def test_a_failing_warm_up_does_not_stop_the_worker(caplog):
    def broken(environ, start_response):
        raise RuntimeError("database unreachable")

    with caplog.at_level(logging.INFO, logger="cms.warmup"):
        gunicorn_conf.post_worker_init(SimpleNamespace(wsgi=broken))
    assert "Warm-up request failed" in caplog.text
