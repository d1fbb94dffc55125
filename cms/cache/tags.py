"""Cache tags: what an answer holds, and what a change makes stale.

Every public answer carries the tags of what it holds (``Cache-Tag``,
``Surrogate-Key``), so a CDN purge by tag drops exactly the answers a change
made stale. The publishing events name ``page-<id>`` and ``chrome``
(``cms.webhooks.events``); the changes that are no publishing event (images,
documents, redirects, sites, languages, view restrictions, translation work)
name the tags below (``changed_tags``), and the worker purges them as well
(``cms.webhooks.events.queue_purge``).

- ``cms``: every answer. Purged where a change's reach is not known: a site,
  a language, a view restriction (which can hide or reveal pages and media
  anywhere, including in answers that only link to them).
- ``image-<id>``, ``document-<id>``: every answer holding that image
  (or one of its renditions) or document, wherever it appears (a body's
  image block, ``image(id:)``, a list).
- ``images``, ``documents``, ``redirects``, ``tags``, ``collections``: the
  answers of the root fields that list or look up images, documents,
  redirects, tags and collections, whose result a new, deleted or renamed
  one can change without their holding it.

An image's or document's tags and collection are part of it: changing its
tags, renaming a tag or renaming or moving a collection purges the answers
holding the images and documents concerned.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from graphql import GraphQLList, GraphQLNonNull
from taggit.models import ItemBase, TagBase
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Collection, Page

#: The tag of every public answer.
GLOBAL_TAG = "cms"
IMAGES_TAG = "images"
DOCUMENTS_TAG = "documents"
REDIRECTS_TAG = "redirects"
TAGS_TAG = "tags"
COLLECTIONS_TAG = "collections"
#: A change reaching more images and documents than this (a collection's, a
#: tag's) purges every answer rather than naming each.
MAX_TAGS_PER_CHANGE = 100
#: The tag of snippets (the site chrome), as the publishing events name it.
CHROME_TAG = "chrome"

#: Fields an image or document saves by itself when a reader's query first
#: asks for them (Wagtail fills them in lazily): nothing a reader sees changes.
LAZY_METADATA = frozenset({"file_size", "file_hash"})


def image_tag(image_id: int) -> str:
    return f"image-{image_id}"


def document_tag(document_id: int) -> str:
    return f"document-{document_id}"


# What an answer holds -----------------------------------------------------


def object_tag(value: Any) -> str | None:
    """The tag of an object an answer shows, or None."""
    kind = type(value)
    tagged = _TAGGED_TYPES.get(kind)
    if tagged is None:
        tagged = _TAGGED_TYPES[kind] = issubclass(
            kind, AbstractImage | AbstractRendition | AbstractDocument | Redirect
        )
    return _object_tag(value) if tagged else None


#: Whether instances of a type (the parent of a field being resolved) have a
#: tag: asked of every field of an answer, so remembered per type.
_TAGGED_TYPES: dict[type, bool] = {}


def _object_tag(value: Any) -> str | None:
    if isinstance(value, AbstractImage):
        return image_tag(value.pk)
    if isinstance(value, AbstractRendition):
        return image_tag(value.image_id)
    if isinstance(value, AbstractDocument):
        return document_tag(value.pk)
    if isinstance(value, Redirect):
        return REDIRECTS_TAG
    return None


def _model_of(return_type: Any) -> type | None:
    while isinstance(return_type, GraphQLNonNull | GraphQLList):
        return_type = return_type.of_type
    graphene_type = getattr(return_type, "graphene_type", None)
    model = getattr(getattr(graphene_type, "_meta", None), "model", None)
    if model is None and graphene_type is not None:
        from grapple.types.redirects import RedirectObjectType
        from grapple.types.tags import TagObjectType

        if graphene_type is RedirectObjectType:
            return Redirect
        if graphene_type is TagObjectType:
            return TagBase
    return model if isinstance(model, type) else None


def root_field_tag(return_type: Any) -> str | None:
    """The tag of a root field returning images, documents or redirects."""
    model = _model_of(return_type)
    if model is None:
        return None
    if issubclass(model, AbstractImage):
        return IMAGES_TAG
    if issubclass(model, AbstractDocument):
        return DOCUMENTS_TAG
    if issubclass(model, Redirect):
        return REDIRECTS_TAG
    if issubclass(model, TagBase):
        return TAGS_TAG
    if issubclass(model, Collection):
        return COLLECTIONS_TAG
    return None


class AnswerTagsMiddleware:
    """Notes the tags of the images, renditions, documents and redirects an
    answer holds (every field resolved on one has it as its parent), and of
    the root fields that list or look them up, on the request's state."""

    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        tag = (
            root_field_tag(info.return_type)
            if info.path.prev is None
            else object_tag(root)
        )
        if tag is not None:
            from cms.graphql.state import state_of

            state = state_of(info.context)
            if state is not None:
                state.held_tags.add(tag)
        return next_(root, info, **kwargs)


# What a change makes stale ------------------------------------------------


def changed_tags(instance: models.Model, **signal: Any) -> list[str]:
    """The tags of the answers a saved or deleted ``instance`` makes stale
    (empty: none a reader sees)."""
    update_fields = signal.get("update_fields")
    if isinstance(instance, AbstractImage | AbstractDocument) and (
        update_fields and set(update_fields) <= LAZY_METADATA
    ):
        return []
    if isinstance(instance, AbstractImage):
        return [image_tag(instance.pk), IMAGES_TAG]
    if isinstance(instance, AbstractRendition):
        # Renditions are made while readers' queries run, which shows no
        # stale answer anything; a deleted one is gone from the answers that
        # held its URL.
        return [image_tag(instance.image_id)] if signal.get("deleted") else []
    if isinstance(instance, AbstractDocument):
        return [document_tag(instance.pk), DOCUMENTS_TAG]
    if isinstance(instance, Redirect):
        return [REDIRECTS_TAG]
    if isinstance(instance, ItemBase):  # a tag given to or taken from an object
        return _tagged_objects([instance])
    if isinstance(instance, TagBase):
        items = instance.taggit_taggeditem_items.only("content_type", "object_id")
        return [TAGS_TAG, *_tagged_objects(items[: MAX_TAGS_PER_CHANGE + 1])]
    if isinstance(instance, Collection):
        return [COLLECTIONS_TAG, *_collection_members(instance)]
    translated = _translated_object(instance)
    if translated is not None:
        return translation_tags(*translated)
    return [GLOBAL_TAG]


def _tagged_objects(items: Any) -> list[str]:
    """The tags of the images and documents that ``items`` (taggit's tagged
    items) tag, with their lists'; every answer's for anything else, or when
    that is more than ``MAX_TAGS_PER_CHANGE`` tags."""
    from django.contrib.contenttypes.models import ContentType

    found: dict[str, None] = {}
    for item in items:
        model = ContentType.objects.get_for_id(item.content_type_id).model_class()
        if model is not None and issubclass(model, AbstractImage):
            found.update({image_tag(item.object_id): None, IMAGES_TAG: None})
        elif model is not None and issubclass(model, AbstractDocument):
            found.update({document_tag(item.object_id): None, DOCUMENTS_TAG: None})
        else:
            return [GLOBAL_TAG]
        if len(found) > MAX_TAGS_PER_CHANGE:
            return [GLOBAL_TAG]
    return list(found)


def _collection_members(collection: Collection) -> list[str]:
    """The tags of the images and documents in a collection (they show its
    name), with their lists'; every answer's when there are too many."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    found: list[str] = []
    for model, tag, list_tag in (
        (get_image_model(), image_tag, IMAGES_TAG),
        (get_document_model(), document_tag, DOCUMENTS_TAG),
    ):
        ids = list(
            model.objects.filter(collection=collection).values_list("pk", flat=True)[
                : MAX_TAGS_PER_CHANGE + 1
            ]
        )
        if len(found) + len(ids) > MAX_TAGS_PER_CHANGE:
            return [GLOBAL_TAG]
        if ids:
            found += [tag(pk) for pk in ids] + [list_tag]
    return found


def _translated_object(instance: models.Model) -> tuple[Any, type] | None:
    """``(translation_key, model)`` of the object a piece of translation work
    (wagtail-localize's sources, translations, strings and overrides) is
    about, or None for anything else."""
    if instance._meta.app_label != "wagtail_localize":
        return None
    try:
        if hasattr(instance, "context_id") and instance.context_id is not None:
            translatable = instance.context.object
        elif hasattr(instance, "source_id"):
            translatable = instance.source.object
        else:
            translatable = instance.object
        return translatable.translation_key, translatable.content_type.model_class()
    except models.ObjectDoesNotExist:  # deleted with what it was about
        return None


def translation_tags(translation_key: Any, model: type | None) -> list[str]:
    """The answers that show an object's translations: its pages in every
    language (their translation status), or the site chrome for a snippet."""
    if model is not None and issubclass(model, Page):
        ids = Page.objects.filter(translation_key=translation_key).values_list(
            "pk", flat=True
        )
        return [f"page-{pk}" for pk in sorted(ids)]
    return [CHROME_TAG]
