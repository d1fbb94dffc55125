"""What the GraphQL view knows about one request, in one place.

``attach`` creates it once, at the top of the view; everything in ``cms``
reads and writes it through ``state_of``. Resolvers outside ``cms`` (which
never import it: dependencies run from ``cms`` to the apps) record two facts
on the request itself, and ``absorb_resolver_marks`` reads them once the
query has run:

- ``request.graphql_private = True``: the answer is for this user only (a
  draft preview), so it is neither cached nor cacheable downstream;
- ``request.graphql_valid_until``: the timestamp (or None) until which the
  answer may be reused (the next scheduled go-live or expiry).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ATTRIBUTE = "graphql_state"


@dataclass
class RequestState:
    #: Echoed in ``X-Request-ID`` and in every log line about the request.
    request_id: str
    #: Whether the response cache was consulted (at most once per request).
    looked_up: bool = False
    #: ``(key, shared cache's generation, database's generation)`` to store
    #: a fresh answer under after a miss (the database's is read just before
    #: the query runs); None when the answer must not be stored.
    cache_lookup: tuple[str, int, int | None] | None = None
    #: ``"HIT"`` or ``"MISS"`` (the ``X-Cache`` header); None: not cached.
    cache: str | None = None
    #: The ETag of a cached answer (a fresh one is hashed from its body).
    etag: str | None = None
    #: Until when the answer may be reused (a timestamp); None: no limit.
    valid_until: float | None = None
    #: The answer is private to this user: never cached anywhere.
    private: bool = False
    #: ``get_graphql_params``'s answer, worked out once per request.
    params: tuple | None = None
    #: The persisted-query hash to register once the document validated.
    register_hash: str | None = None
    #: The document was named by id or hash (a GET of it is the CDN form).
    by_id: bool = False
    #: The id of the trusted document the request runs, when it is one.
    trusted_id: str | None = None
    #: Cache tags of the answer (``cms``, ``page-<id>``, ``chrome``,
    #: ``image-<id>``, ...: ``cms.cache.tags``), for CDN purges.
    tags: tuple[str, ...] = ()
    #: The tags of the images, documents and redirects the answer holds
    #: (``cms.cache.tags.AnswerTagsMiddleware``), part of ``tags``.
    held_tags: set[str] = field(default_factory=set)

    def absorb_resolver_marks(self, request: Any) -> None:
        """Take in what resolvers recorded on the request (see above)."""
        if getattr(request, "graphql_private", False):
            self.private = True
        if hasattr(request, "graphql_valid_until"):
            self.valid_until = request.graphql_valid_until


def attach(request: Any, request_id: str) -> RequestState:
    """Give ``request`` its state; a request has one for its whole life."""
    state = getattr(request, ATTRIBUTE, None)
    if state is None:
        state = RequestState(request_id=request_id)
        setattr(request, ATTRIBUTE, state)
    return state


def state_of(request: Any) -> RequestState | None:
    """The state ``attach`` gave ``request``, or None (not through the view)."""
    return getattr(request, ATTRIBUTE, None)
