"""Media URLs in the API as the storage builds them.

grapple prefixes every relative media URL (images, renditions and
documents) with ``WAGTAILADMIN_BASE_URL``, the address admin notifications
link to, whatever address the site is actually reached on. The API serves
them as the storage backend builds them instead: relative with a relative
``MEDIA_URL`` (the default), absolute with an absolute one or with the
object storage's domain (django-storages).
"""

from __future__ import annotations

from typing import Any


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
