"""Publishing events: what changed, as the body every subscriber receives.

Events are read from Wagtail's own history: every publish, unpublish, move
and delete writes a log entry (``PageLogEntry``, ``ModelLogEntry``), the
scheduled ones with their own actions (``wagtail.publish.scheduled``,
``wagtail.unpublish.scheduled``, which the API's catch-up publishing uses
too). The entry is saved inside the change's transaction, after the change,
so the event is built from the new state and queued in the same transaction:
a change that rolls back sends nothing. The body follows the contract in
docs/webhooks.md; cache tags are ``page-<id>`` and ``chrome``.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import BaseLogEntry, DraftStateMixin, Locale, Page, PageLogEntry
from wagtail.signals import pre_page_move
from wagtail.snippets.models import get_snippet_models

logger = logging.getLogger("cms.webhooks")

CHROME_TAG = "chrome"

PAGE_ACTIONS = {
    "wagtail.publish": "page.published",
    "wagtail.publish.scheduled": "schedule.live",
    "wagtail.unpublish": "page.unpublished",
    "wagtail.unpublish.scheduled": "schedule.expired",
    "wagtail.move": "page.moved",
    # A new place among its siblings: the parent's listing changes.
    "wagtail.reorder": "page.moved",
    "wagtail.delete": "page.deleted",
}
#: Actions on snippets and settings that change what readers see. Editing
#: or creating one with a draft state only saves a draft.
CHROME_ACTIONS = {
    "wagtail.publish": None,
    "wagtail.unpublish": None,
    "wagtail.publish.scheduled": "schedule.live",
    "wagtail.unpublish.scheduled": "schedule.expired",
    "wagtail.edit": None,
    "wagtail.create": None,
    "wagtail.delete": None,
}
DRAFT_ONLY_ACTIONS = {"wagtail.edit", "wagtail.create"}

_moves = threading.local()
#: The CDN purge the current transaction queued (``queue_purge``).
_purges = threading.local()


def page_tag(page_id: int) -> str:
    return f"page-{page_id}"


def page_path(page: Page) -> str | None:
    """The page's relative URL, as the API's ``url`` fields give it."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def _parent(page: Page) -> Page | None:
    parent = page.get_parent()
    return parent if parent is not None and parent.depth > 1 else None


def page_data(
    page: Page,
    revision_id: int | None,
    *,
    gone: bool = False,
    also: list[tuple[int, str | None]] = (),
) -> dict[str, Any]:
    """The ``data`` of a page event: the page, its live URLs, and what it
    invalidates: the page, its parent's listing and its translations
    (``also``: further pages, such as the parent a page was moved from)."""
    page = page.specific_deferred
    translations = list(
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    urls = {}
    if page.live and not gone:
        urls[page.locale.language_code] = page_path(page)
    for translation in translations:
        urls.setdefault(translation.locale.language_code, page_path(translation))
    affected: list[tuple[int, str | None]] = [(page.pk, page_path(page))]
    parent = _parent(page)
    if parent is not None:
        affected.append((parent.pk, page_path(parent)))
    affected += list(also)
    affected += [(t.pk, page_path(t)) for t in translations]
    tags, paths = [], []
    for page_id, path in affected:
        if page_tag(page_id) not in tags:
            tags.append(page_tag(page_id))
        if path and path not in paths:
            paths.append(path)
    return {
        "object": {
            "type": page.specific_class._meta.label_lower
            if page.specific_class
            else page._meta.label_lower,
            "id": page.pk,
            "locale": page.locale.language_code,
            "slug": page.slug,
            "urls": {code: url for code, url in urls.items() if url},
        },
        "revision": None if gone else revision_id,
        "invalidates": {"tags": tags, "urls": paths},
    }


def chrome_data(obj: Any, model: type, object_id: str, revision_id: int | None):
    """The ``data`` of a snippet or setting event: every page shows the site
    chrome, so it invalidates the ``chrome`` tag."""
    locale = getattr(obj, "locale", None) if obj is not None else None
    pk = obj.pk if obj is not None else object_id
    return {
        "object": {
            "type": model._meta.label_lower,
            "id": int(pk) if str(pk).isdigit() else str(pk),
            "locale": locale.language_code if locale is not None else None,
            "slug": getattr(obj, "slug", None),
            "urls": {},
        },
        "revision": revision_id,
        "invalidates": {"tags": [CHROME_TAG], "urls": []},
    }


def emit(
    event_type: str,
    data: dict[str, Any],
    *,
    when=None,
    once_key: str | None = None,
):
    """Record the event and queue one delivery per subscriber, in the
    caller's transaction. Returns the event (None: no subscriber, or sent
    before under ``once_key``)."""
    from cms.webhooks.delivery import queue_delivery
    from cms.webhooks.models import Event
    from cms.webhooks.subscribers import subscribers_for

    invalidates = data.get("invalidates") or {}
    has_invalidations = bool(invalidates.get("tags") or invalidates.get("urls"))
    subscribers = subscribers_for(event_type, has_invalidations)
    if not subscribers:
        return None
    when = when or timezone.now()
    body = json.dumps(
        {"type": event_type, "timestamp": when.isoformat(), "data": data},
        ensure_ascii=False,
    )
    with transaction.atomic():
        if once_key and Event.objects.filter(once_key=once_key).exists():
            return None
        event = Event.objects.create(
            type=event_type, body=body, created_at=when, once_key=once_key
        )
        for subscriber in subscribers:
            queue_delivery(event, subscriber)
    return event


def queue_purge(tags: list[str], instance: Any = None) -> Any:
    """Queue a CDN purge of ``tags`` for a change that is no publishing event
    (``cms.cache.tags.changed_tags``), in the caller's transaction, as a
    ``cdn.purge`` event for the CDN subscriber alone.

    The changes of one transaction share one purge: replacing an image's file
    also deletes each of its renditions, deleting an image deletes all of
    them, and each adds its tags to the event already queued, as long as no
    attempt at its purge has read it. Returns the event (None: no CDN is
    configured).
    """
    from cms.webhooks.models import CDN_PURGE, Delivery, Event

    changed = []
    if instance is not None:
        changed.append({"type": instance._meta.label_lower, "id": instance.pk})
    in_transaction = transaction.get_connection().in_atomic_block
    pending = getattr(_purges, "pending", None) if in_transaction else None
    if pending is not None:
        event_id, data = pending
        invalidates = data["invalidates"]
        merged = {
            **data,
            "changed": data["changed"]
            + [item for item in changed if item not in data["changed"]],
            "invalidates": {
                **invalidates,
                "tags": invalidates["tags"]
                + [tag for tag in tags if tag not in invalidates["tags"]],
            },
        }
        stored = (
            Event.objects.filter(pk=event_id).values_list("body", flat=True).first()
        )
        if stored is not None:
            body = {**json.loads(stored), "data": merged}
            # Only while no attempt has read it: a purge made or under way
            # would never see the new tags.
            updated = Event.objects.filter(
                pk=event_id,
                deliveries__attempts=0,
                deliveries__status=Delivery.PENDING,
            ).update(body=json.dumps(body, ensure_ascii=False))
            if updated:
                _purges.pending = (event_id, merged)
                return Event.objects.get(pk=event_id)
    data = {
        "changed": changed,
        "invalidates": {"tags": list(dict.fromkeys(tags)), "urls": []},
    }
    event = emit(CDN_PURGE, data)
    if event is not None and in_transaction:
        _purges.pending = (event.pk, data)
        transaction.on_commit(_forget_purge, robust=True)
    return event


def _forget_purge() -> None:
    _purges.pending = None


def _remember_move(sender, instance, parent_page_before, **kwargs) -> None:
    """Before a move: where the page was, for the event after it."""
    moves = getattr(_moves, "pages", None)
    if moves is None:
        moves = _moves.pages = {}
    moves[instance.pk] = [(parent_page_before.pk, page_path(parent_page_before))]
    moves[instance.pk].append((instance.pk, page_path(instance)))


def _page_event(entry: PageLogEntry) -> None:
    event_type = PAGE_ACTIONS.get(entry.action)
    if event_type is None:
        return
    page = Page.objects.filter(pk=entry.page_id).select_related("locale").first()
    if page is None:
        return
    also = []
    if event_type == "page.moved":
        also = (getattr(_moves, "pages", None) or {}).pop(page.pk, [])
    if event_type == "page.published" and _is_translation(page):
        event_type = "translation.published"
    revision_id = entry.revision_id or page.live_revision_id
    data = page_data(page, revision_id, gone=event_type == "page.deleted", also=also)
    emit(event_type, data, when=entry.timestamp)


def _is_translation(page: Page) -> bool:
    default = Locale.get_default()
    return (
        page.locale_id != default.pk
        and Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .exists()
    )


def _chrome_event(entry: BaseLogEntry) -> None:
    if entry.action not in CHROME_ACTIONS:
        return
    model = entry.content_type.model_class()
    if model is None:
        return
    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        event_type = "setting.changed"
    elif model in get_snippet_models():
        event_type = "snippet.changed"
    else:
        return
    if entry.action in DRAFT_ONLY_ACTIONS and issubclass(model, DraftStateMixin):
        return
    event_type = CHROME_ACTIONS[entry.action] or event_type
    obj = model._default_manager.filter(pk=entry.object_id).first()
    revision_id = None if entry.action == "wagtail.delete" else entry.revision_id
    emit(
        event_type,
        chrome_data(obj, model, entry.object_id, revision_id),
        when=entry.timestamp,
    )


def _log_entry_saved(sender, instance, created, raw=False, **kwargs) -> None:
    if not created or raw:
        return
    try:
        if isinstance(instance, PageLogEntry):
            _page_event(instance)
        else:
            _chrome_event(instance)
    except Exception:
        # Publishing goes on; the failure is in the logs with the entry.
        logger.exception(
            "No webhook event for %s on %s", instance.action, instance.label
        )


def connect_events() -> None:
    for model in apps.get_models():
        if issubclass(model, BaseLogEntry):
            post_save.connect(
                _log_entry_saved,
                sender=model,
                dispatch_uid=f"webhooks-{model._meta.label_lower}",
            )
    pre_page_move.connect(_remember_move, dispatch_uid="webhooks-page-move")
