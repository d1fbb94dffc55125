"""Property-based fuzzing of every root field with schemathesis.

`make fuzz` runs 100 random examples per root field; the regular suite (and
CI) runs FUZZ_EXAMPLES of them (default 5), the same ones every run (the
hypothesis profile in tests/conftest.py).
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

schema = schemathesis.graphql.from_wsgi("/graphql/", get_wsgi_application())

NON_NULL_VIOLATION = "Cannot return null for non-nullable field"


@pytest.fixture(autouse=True)
def keep_test_connection():
    """Keep the test's database connection across the in-process WSGI calls.

    Django's handler closes connections when a request finishes (as its test
    client avoids doing); on PostgreSQL that would close the connection that
    holds the test's transaction.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_root_field_fails_on_the_server(case, demo_article):
    response = case.call()
    assert response.status_code < 500, response.text
    for error in response.json().get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code != "INTERNAL_SERVER_ERROR", (case.body, error)
        assert NON_NULL_VIOLATION not in error["message"], (case.body, error)
