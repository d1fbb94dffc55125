"""Media URLs in the API as the storage builds them.

grapple prefixes every relative media URL (images, renditions and
documents) with ``WAGTAILADMIN_BASE_URL``, the address admin notifications
link to, whatever address the site is actually reached on. The API serves
them as the storage backend builds them instead: relative with a relative
``MEDIA_URL`` (the default), absolute with an absolute one or with the
object storage's domain (django-storages).
"""

from __future__ import annotations

import functools
import inspect
from typing import Any

from graphql import GraphQLError

#: The refusal of ``srcSet`` without ``sizes``.
SRC_SET_NEEDS_SIZES = (
    "'srcSet' needs sizes, the widths to list (for example srcSet(sizes: [320, 640]))."
)


def media_url(item: Any) -> str:
    """The URL of an image, rendition or document's file."""
    url = getattr(item, "url", None)
    if url is None:
        url = item.file.url
    return url


def resolve_rendition_url(instance: Any, info: Any, **kwargs: Any) -> str:
    return media_url(instance)


def serve_media_urls_as_stored() -> None:
    """Point grapple's media URL resolvers at :func:`media_url`.

    Runs before the schema is built (graphene reads ``resolve_url`` then); the
    other resolvers look ``get_media_item_url`` up when they run.
    """
    from grapple.types import documents, images

    for module in (documents, images):
        module.get_media_item_url = media_url
    images.ImageRenditionObjectType.resolve_url = resolve_rendition_url
    images.ImageObjectType.resolve_src_set = require_src_set_sizes(
        images.ImageObjectType.resolve_src_set
    )


def require_src_set_sizes(resolve: Any) -> Any:
    """``srcSet`` without ``sizes`` as a client error.

    The schema leaves ``sizes`` optional, but grapple 0.31's resolver needs it
    and fails with a ``TypeError`` (a server error) when a query leaves it out.
    """
    if getattr(resolve, "requires_sizes", False):
        return resolve
    signature = inspect.signature(resolve)

    @functools.wraps(resolve)
    def resolve_src_set(instance: Any, info: Any, *args: Any, **kwargs: Any) -> str:
        bound = signature.bind_partial(instance, info, *args, **kwargs)
        if not bound.arguments.get("sizes"):
            raise GraphQLError(SRC_SET_NEEDS_SIZES)
        return resolve(instance, info, *args, **kwargs)

    resolve_src_set.requires_sizes = True
    return resolve_src_set
