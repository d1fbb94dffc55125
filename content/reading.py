"""What domain code may ask of the API request being answered.

Blocks, rich text and the models' GraphQL resolvers read pages through the
request's reader: it applies the visibility rules, swaps a page for its
translation in the language being served and loads what a response needs in
bulk. The reader is the API's per-request loader (``content.api.loading``);
the content app registers it in ``ContentConfig.ready()``, so the domain
depends on this protocol only, never on the API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Reader(Protocol):
    """The request's view of the content, as the domain uses it."""

    def link_targets(self, ids: Iterable[Any]) -> dict[int, Any]:
        """Visible pages by id, each in the language being served."""

    def page_url(self, page: Any) -> str | None: ...

    def locale_code(self, locale_id: int) -> str: ...

    def served_children(self, page: Any, model: type | None = None) -> list[Any]: ...

    def served_parent(self, page: Any) -> Any | None: ...

    def related(
        self, page: Any, through_model: type, target_model: type
    ) -> list[Any]: ...

    def loaded_pages(self, like: Any = None) -> list[Any]:
        """Every visible page the request has loaded so far; with ``like``,
        those of exactly its type."""

    def memo(self, name: str, factory: Callable[[], T]) -> T:
        """A value kept for the rest of the request, made once by ``factory``."""


_current: Callable[[], Reader | None] | None = None
_for_info: Callable[[Any], Reader] | None = None


def register(
    *, current: Callable[[], Reader | None], for_info: Callable[[Any], Reader]
) -> None:
    """Install the API's reader: ``current`` gives the reader of the request
    being answered (None outside one), ``for_info`` the reader for a GraphQL
    resolver's ``info``."""
    global _current, _for_info
    _current, _for_info = current, for_info


def current_reader() -> Reader | None:
    """The reader of the API request being answered; None outside one (the
    admin, templates, commands)."""
    return _current() if _current is not None else None


def reader_for(info: Any) -> Reader:
    """The reader for a GraphQL resolver."""
    if _for_info is None:
        raise LookupError("No content reader is registered (see content.apps).")
    return _for_info(info)
