"""What changes the public API's answers, and so empties its response cache.

Every such change moves the cache to a new generation (``invalidate``), at
once and in the change's transaction. The CDN is purged by the worker: for
publishing, unpublishing, moving and deleting pages and for the site chrome,
as a subscriber of the publishing events (``cms.webhooks.purge``); for every
other change (images and documents, their tags and collections, redirects,
sites, languages, view restrictions, translation work), by the tags
``cms.cache.tags.changed_tags`` names, queued in the change's transaction too
(``invalidate_and_purge``).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.cache import generation as db_generation
from cms.cache.responses import GENERATION_KEY, generation, mirror
from cms.cache.tags import changed_tags


def invalidate(**_kwargs: Any) -> None:
    """Forget every cached response (by moving to a new generation).

    Called by the signals of a change, which may still be inside its
    transaction. The database's generation moves in that transaction, so it
    commits (or rolls back, or is lost in a crash) together with the change:
    that alone decides what may be served. The shared cache's generation,
    which lets each process trust its in-memory copy, moves at once and again
    on commit; with the cache unreachable it does not move, and nothing waits
    for it (the database's generation still rules out every older answer
    once the cache is back).
    """
    db_generation.bump()
    if transaction.get_connection().in_atomic_block:
        _move_generation(committed=False)
        transaction.on_commit(_move_generation)
    else:
        _move_generation()


def _move_generation(committed: bool = True) -> None:
    """Move the shared cache's generation and announce it to every process.

    Once the change has committed, a change the other processes could not
    hear of (the cache unreachable from here) returns only after their reads
    of the database's generation from before it have expired
    (``ResponseMirror.outlast_unheard_change``): then too, once it returns,
    every process answers from the new content.
    """
    try:
        new = cache.incr(GENERATION_KEY)
    except ValueError:
        new = generation() + 1
        cache.set(GENERATION_KEY, new, timeout=None)
    copy = mirror()
    if copy is None:
        return
    heard = new is not None and copy.announce(int(new))  # None: unreachable
    if committed and not heard:
        copy.outlast_unheard_change()


def invalidate_and_purge(sender, instance, **kwargs: Any) -> None:
    """A change that is no publishing event: empty the response cache and
    queue the CDN purge of the answers it made stale."""
    from cms.webhooks.events import queue_purge

    deleted = kwargs.get("signal") is post_delete
    tags = changed_tags(instance, deleted=deleted, **kwargs)
    if not tags:
        return
    invalidate()
    queue_purge(tags, instance)


#: Models whose every change can alter a public answer, and which no
#: publishing event reports.
ALWAYS_INVALIDATING = [
    "wagtailcore.Locale",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    # What images and documents show of themselves besides their own fields.
    "taggit.Tag",
    "taggit.TaggedItem",
    "wagtailcore.Collection",
    "wagtail_localize.Translation",
    "wagtail_localize.TranslationSource",
    "wagtail_localize.StringTranslation",
    "wagtail_localize.OverridableSegment",
]


def _page_deleted(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()


def _revision_scheduled(sender, instance, **kwargs) -> None:
    """A revision scheduled to go live: cached answers must not outlive its
    go-live time, which none of them knew about (each is kept only until the
    next go-live or expiry pending when it was computed)."""
    if instance.approved_go_live_at is not None:
        invalidate()


def connect_cache_invalidation() -> None:
    page_published.connect(invalidate, dispatch_uid="graphql-cache-published")
    page_unpublished.connect(invalidate, dispatch_uid="graphql-cache-unpublished")
    post_page_move.connect(invalidate, dispatch_uid="graphql-cache-moved")
    post_delete.connect(_page_deleted, dispatch_uid="graphql-cache-page-deleted")
    post_save.connect(
        _revision_scheduled,
        sender=apps.get_model("wagtailcore.Revision"),
        dispatch_uid="graphql-cache-revision-scheduled",
    )
    # Snippets and settings: the publishing events purge the CDN.
    models = list(get_snippet_models())
    models += [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting | BaseGenericSetting)
    ]
    for model in models:
        uid = f"graphql-cache-{model._meta.label_lower}"
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-deleted")
    for model in [
        apps.get_model(label) for label in ALWAYS_INVALIDATING if _exists(label)
    ]:
        uid = f"graphql-cache-{model._meta.label_lower}"
        post_save.connect(
            invalidate_and_purge, sender=model, dispatch_uid=f"{uid}-saved"
        )
        post_delete.connect(
            invalidate_and_purge, sender=model, dispatch_uid=f"{uid}-deleted"
        )
    # A deleted rendition (its image's file replaced, or renditions purged):
    # the answers holding its URL. New ones, made while queries run, are not
    # a change.
    post_delete.connect(
        invalidate_and_purge,
        sender=get_image_model().get_rendition_model(),
        dispatch_uid="graphql-cache-rendition-deleted",
    )


def _exists(label: str) -> bool:
    try:
        apps.get_model(label)
    except LookupError:
        return False
    return True
