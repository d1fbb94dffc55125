"""Which loader answers a resolver (content/api/context.py): the request's
while one is served, else one kept on the context."""

from __future__ import annotations

from types import SimpleNamespace

from django.test import RequestFactory

from content.api.context import current_loader, loader_for, request_scope
from content.api.loading import ContentLoader


def test_a_request_scope_installs_a_fresh_loader_and_removes_it_after():
    request = RequestFactory().post("/graphql/")
    assert current_loader() is None
    with request_scope(request) as loader:
        assert isinstance(loader, ContentLoader)
        assert current_loader() is loader
        # Every resolver of the request gets the request's loader.
        assert loader_for(SimpleNamespace(context=object())) is loader
    assert current_loader() is None
    with request_scope(request) as second:
        assert second is not loader  # nothing is kept from one request to the next


def test_scopes_nest_and_restore_the_outer_loader():
    with request_scope(None) as outer:
        with request_scope(None) as inner:
            assert current_loader() is inner
        assert current_loader() is outer


def test_outside_a_request_the_loader_is_kept_on_the_context():
    context = SimpleNamespace()
    first = loader_for(SimpleNamespace(context=context))
    assert isinstance(first, ContentLoader)
    assert loader_for(SimpleNamespace(context=context)) is first
    assert loader_for(SimpleNamespace(context=SimpleNamespace())) is not first
