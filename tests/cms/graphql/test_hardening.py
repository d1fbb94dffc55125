"""The request's own checks: its size and its id."""

import pytest

from tests.cms.support import post_counted as post

pytestmark = pytest.mark.django_db


def test_request_body_over_100_kb_is_refused(db, client):
    padding = " " * (100 * 1024)
    response, body, queries = post(client, "{ locales { code } }" + padding)
    assert response.status_code == 413
    assert body["errors"][0]["message"] == "Request too large: at most 100 KB."
    assert queries == 0


def test_request_id_from_the_client_is_kept_when_well_formed(db, client):
    response, _, _ = post(
        client, "{ locales { code } }", HTTP_X_REQUEST_ID="edge-1234abcd"
    )
    assert response["X-Request-ID"] == "edge-1234abcd"
    response, _, _ = post(client, "{ locales { code } }", HTTP_X_REQUEST_ID="<bad>")
    assert response["X-Request-ID"] != "<bad>"


def test_each_request_gets_an_id_of_its_own(db, client):
    """Without a usable id from the client, every answer carries a new one,
    the same shape as before (32 hexadecimal digits), for the logs."""
    ids = [post(client, "{ locales { code } }")[0]["X-Request-ID"] for _ in range(3)]
    assert len(set(ids)) == 3
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
