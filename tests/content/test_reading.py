"""What domain code reads through (content/reading.py): the API's loader,
registered by the content app, and nothing outside an API request."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from content import reading
from content.api.context import request_scope
from content.api.loading import ContentLoader


def test_outside_an_api_request_there_is_no_reader():
    assert reading.current_reader() is None


def test_the_content_app_registers_the_apis_loader_as_the_reader():
    with request_scope(None) as loader:
        assert reading.current_reader() is loader
        assert reading.reader_for(SimpleNamespace(context=None)) is loader
    reader = reading.reader_for(SimpleNamespace(context=SimpleNamespace()))
    assert isinstance(reader, ContentLoader)


def test_without_a_registered_reader_a_resolver_gets_a_clear_error(monkeypatch):
    monkeypatch.setattr(reading, "_for_info", None)
    monkeypatch.setattr(reading, "_current", None)
    assert reading.current_reader() is None
    with pytest.raises(LookupError, match="No content reader is registered"):
        reading.reader_for(SimpleNamespace(context=None))


def test_register_installs_both_lookups(monkeypatch):
    monkeypatch.setattr(reading, "_for_info", None)
    monkeypatch.setattr(reading, "_current", None)
    sentinel = object()
    reading.register(current=lambda: sentinel, for_info=lambda info: info.reader)
    assert reading.current_reader() is sentinel
    assert reading.reader_for(SimpleNamespace(reader=sentinel)) is sentinel
