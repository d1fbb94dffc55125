"""Errors raised on purpose reach the client; the others are masked and logged."""

import pytest

from tests.cms.support import post_counted as post

pytestmark = pytest.mark.django_db


def test_internal_errors_are_masked_and_logged_with_a_request_id(
    demo_article, client, monkeypatch, caplog
):
    from content.api.loading import ContentLoader

    def broken(self):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(ContentLoader, "locales", broken)
    response, body, _ = post(client, "{ causes { slug } }")
    text = response.content.decode()
    assert "hunter2" not in text and "RuntimeError" not in text
    (error,) = body["errors"]
    assert error["message"] == "Internal server error."
    request_id = response["X-Request-ID"]
    assert error["extensions"] == {
        "code": "INTERNAL_SERVER_ERROR",
        "requestId": request_id,
    }
    assert any(
        request_id in record.getMessage() and "hunter2" in record.getMessage()
        for record in caplog.records
    )


def test_a_value_graphql_cannot_serialize_is_masked_and_logged(
    demo_article, client, monkeypatch, caplog
):
    """graphql-core reports a value it cannot serialize as a GraphQLError with
    the value's repr; that is a server bug, masked like any other."""
    from content.api.loading import ContentLoader

    monkeypatch.setattr(
        ContentLoader, "locale_code", lambda self, locale_id: {"token": "hunter2"}
    )
    response, body, _ = post(client, '{ cause(slug: "hydrosalpinx") { locale } }')
    text = response.content.decode()
    assert "hunter2" not in text and "cannot represent" not in text
    (error,) = body["errors"]
    request_id = response["X-Request-ID"]
    assert error["message"] == "Internal server error."
    assert error["extensions"] == {
        "code": "INTERNAL_SERVER_ERROR",
        "requestId": request_id,
    }
    assert error["path"] == ["cause", "locale"]
    assert any(
        request_id in record.getMessage()
        and "String cannot represent value" in record.getMessage()
        for record in caplog.records
    )
    # Errors raised on purpose still reach the client as they are.
    response, body, _ = post(client, '{ cause(slug: "x", locale: "xx") { slug } }')
    assert body["errors"][0]["message"].startswith("Unknown locale 'xx'.")
