"""The CDN purge, a subscriber of the publishing events on the worker.

For each event that invalidates something it purges, through
``wagtail.contrib.frontend_cache`` (``WAGTAILFRONTENDCACHE``), the GraphQL
endpoint (``GRAPHQL_CDN_PURGE_URL``) and the event's page URLs on the
frontend (``FRONTEND_URL``), and through the tag purge backend
(``CDN_TAG_PURGE_BACKEND``) the event's cache tags, which the API's
answers carry as ``Cache-Tag`` / ``Surrogate-Key``.
"""

from __future__ import annotations

import json
from typing import Any

import requests
from django.conf import settings
from django.utils.module_loading import import_string

from cms.webhooks.models import Event
from cms.webhooks.outcomes import Outcome


class TagPurgeBackend:
    """Purges cached answers by cache tag."""

    def purge_tags(self, tags: list[str]) -> None:
        raise NotImplementedError


class RecordingTagPurge(TagPurgeBackend):
    """Keeps the tags it was asked to purge in ``purged`` (for tests and for
    trying the purge without a CDN)."""

    purged: list[list[str]] = []

    def purge_tags(self, tags: list[str]) -> None:
        RecordingTagPurge.purged.append(list(tags))


class CloudflareTagPurge(TagPurgeBackend):
    """Cloudflare's purge by cache tag (``CLOUDFLARE_BEARER_TOKEN``,
    ``CLOUDFLARE_ZONEID``), 30 tags a request."""

    def purge_tags(self, tags: list[str]) -> None:
        url = (
            "https://api.cloudflare.com/client/v4/zones/"
            f"{settings.CLOUDFLARE_ZONEID}/purge_cache"
        )
        for start in range(0, len(tags), 30):
            response = requests.post(
                url,
                json={"tags": tags[start : start + 30]},
                headers={"Authorization": f"Bearer {settings.CLOUDFLARE_BEARER_TOKEN}"},
                timeout=settings.WEBHOOKS_TIMEOUT_SECONDS,
            )
            response.raise_for_status()


def tag_backend() -> TagPurgeBackend | None:
    name = getattr(settings, "CDN_TAG_PURGE_BACKEND", "")
    if not name:
        return None
    path = settings.CDN_TAG_PURGE_BACKENDS.get(name, name)
    return import_string(path)()


def purge_urls(invalidates: dict[str, Any]) -> list[str]:
    urls = []
    if getattr(settings, "GRAPHQL_CDN_PURGE_URL", "").startswith("http"):
        urls.append(settings.GRAPHQL_CDN_PURGE_URL)
    frontend = (getattr(settings, "FRONTEND_URL", "") or "").rstrip("/")
    if frontend:
        urls += [frontend + path for path in invalidates.get("urls") or []]
    return urls


def purge(event: Event):
    """Purge what ``event`` invalidates; an ``Outcome`` like an HTTP delivery's."""
    invalidates = json.loads(event.body)["data"].get("invalidates") or {}
    done = []
    try:
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            from wagtail.contrib.frontend_cache.tasks import (
                purge_urls_from_cache_task,
            )

            urls = purge_urls(invalidates)
            if urls:
                # Called here, not queued: this already is the worker, and
                # an error must reach the delivery's retries.
                purge_urls_from_cache_task.call(urls)
                done.append(f"{len(urls)} URLs")
        backend = tag_backend()
        tags = invalidates.get("tags") or []
        if backend is not None and tags:
            backend.purge_tags(tags)
            done.append("tags " + ", ".join(tags))
    except Exception as error:  # a CDN outage: retried like any delivery
        return Outcome(
            False, error=f"CDN purge failed: {type(error).__name__}: {error}"[:500]
        )
    return Outcome(True, excerpt="Purged " + ("; ".join(done) or "nothing"))
