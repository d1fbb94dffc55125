"""The request scope of the API: which loader answers the request being served.

``request_scope`` installs a fresh ``ContentLoader`` for one API request (the
GraphQL view enters it through the ``graphql_request_scope`` hook);
``loader_for`` gives resolvers that loader, or one kept on the context when a
query runs outside a request (the schema executed directly, in tests or
commands).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

from content.api.loading import ContentLoader

_current: contextvars.ContextVar[ContentLoader | None] = contextvars.ContextVar(
    "content_loader", default=None
)


def current_loader() -> ContentLoader | None:
    """The loader of the API request being answered, if any."""
    return _current.get()


@contextlib.contextmanager
def request_scope(request: Any) -> Iterator[ContentLoader]:
    """Install a fresh loader for the duration of one API request."""
    loader = ContentLoader(request)
    token = _current.set(loader)
    try:
        yield loader
    finally:
        _current.reset(token)


def loader_for(info: Any) -> ContentLoader:
    """The loader for a resolver: the request's, or one kept on the context."""
    loader = _current.get()
    if loader is not None:
        return loader
    context = info.context
    loader = getattr(context, "_content_loader", None)
    if loader is None:
        loader = ContentLoader(context)
        context._content_loader = loader
    return loader
