"""Grapple's image and document queries, limited to public collections."""

from __future__ import annotations

from typing import Any

from grapple.utils import resolve_queryset
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from content.api.queries.common import by_required_id


class MediaQueries:
    """Grapple's ``images``, ``documents``, ``image`` and ``document``, replaced."""

    def resolve_images(self, info: Any, **kwargs: Any):
        """Grapple's image list (public collections only), with working search."""
        return _public_media(get_image_model(), info, **kwargs)

    def resolve_documents(self, info: Any, **kwargs: Any):
        """Grapple's document list (public collections only), with working search."""
        return _public_media(get_document_model(), info, **kwargs)

    def resolve_image(self, info: Any, id: str | None = None, **kwargs: Any):
        """Grapple's single image (public collections only); ``id`` required."""
        return _public_media_item(get_image_model(), info, id)

    def resolve_document(self, info: Any, id: str | None = None, **kwargs: Any):
        """Grapple's single document (public collections only); ``id`` required."""
        return _public_media_item(get_document_model(), info, id)


def _public_media_item(model, info: Any, value: Any):
    queryset = model.objects.filter(collection__view_restrictions__isnull=True)
    if hasattr(queryset, "prefetch_renditions"):
        queryset = queryset.prefetch_renditions()
    return by_required_id(queryset, info, value)


def _public_media(model, info: Any, **kwargs: Any):
    queryset = model.objects.filter(collection__view_restrictions__isnull=True)
    if hasattr(queryset, "prefetch_renditions"):
        queryset = queryset.prefetch_renditions()
    if kwargs.get("search_query"):
        # Search backends filter only on indexed fields: apply the collection
        # rules first and hand the search the matching ids.
        if (collection := kwargs.pop("collection", None)) is not None:
            queryset = queryset.filter(collection_id=collection)
        queryset = model.objects.filter(
            pk__in=list(queryset.values_list("pk", flat=True))
        )
    return resolve_queryset(queryset, info, **kwargs)
