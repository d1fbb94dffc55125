"""Property-based fuzzing of every root field with schemathesis.

`make fuzz` runs 100 examples per root field; the regular suite (and CI) runs
FUZZ_EXAMPLES of them (default 5).
"""

import os

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

schema = schemathesis.graphql.from_wsgi("/graphql/", get_wsgi_application())

NON_NULL_VIOLATION = "Cannot return null for non-nullable field"


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=os.environ.get("CI") == "true",
)
def test_no_root_field_fails_on_the_server(case, demo_article):
    response = case.call()
    assert response.status_code < 500, response.text
    for error in response.json().get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        assert code != "INTERNAL_SERVER_ERROR", (case.body, error)
        assert NON_NULL_VIOLATION not in error["message"], (case.body, error)
