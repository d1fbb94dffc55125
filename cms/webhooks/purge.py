"""The CDN purge, on the worker: a subscriber of the publishing events, and
the only one of the ``cdn.purge`` events of other changes (``cms.cache.tags``).

For each event that invalidates something it purges, through
``wagtail.contrib.frontend_cache`` (``WAGTAILFRONTENDCACHE``), the GraphQL
endpoint (``GRAPHQL_CDN_PURGE_URL``) and the event's page URLs on the
frontend (``FRONTEND_URL``), and through the tag purge backend
(``CDN_TAG_PURGE_BACKEND``) the event's cache tags, which the API's
answers carry as ``Cache-Tag`` / ``Surrogate-Key``.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import requests
from django.conf import settings
from django.utils.module_loading import import_string

from cms.webhooks.models import Event
from cms.webhooks.outcomes import Outcome

logger = logging.getLogger("cms.webhooks")


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


class PurgeFailed(Exception):
    """A CDN refused or did not answer a purge: retried like a delivery.
    The message names what happened, never a credential."""

    def __init__(self, message: str, status_code: int | None = None, excerpt=""):
        super().__init__(message)
        self.status_code = status_code
        self.excerpt = excerpt


class CloudflareTagPurge(TagPurgeBackend):
    """Cloudflare's purge by cache tag (``CLOUDFLARE_BEARER_TOKEN``, an API
    token allowed to purge the zone, and ``CLOUDFLARE_ZONEID``): a POST of
    ``{"tags": [...]}`` to the zone's ``purge_cache``, at most
    ``tags_per_request`` tags a call."""

    #: Cloudflare's limit on the tags of one purge call, on every plan.
    tags_per_request = 100

    def purge_tags(self, tags: list[str]) -> None:
        base = settings.CLOUDFLARE_API_URL.rstrip("/")
        url = f"{base}/zones/{settings.CLOUDFLARE_ZONEID}/purge_cache"
        token = settings.CLOUDFLARE_BEARER_TOKEN.strip()
        if not token or not settings.CLOUDFLARE_ZONEID:
            raise PurgeFailed(
                "Cloudflare is not configured: CLOUDFLARE_BEARER_TOKEN and "
                "CLOUDFLARE_ZONEID are required."
            )
        timeout = settings.WEBHOOKS_TIMEOUT_SECONDS
        with requests.Session() as session:
            for start in range(0, len(tags), self.tags_per_request):
                batch = tags[start : start + self.tags_per_request]
                done = f" ({start} of {len(tags)} tags purged)" if start else ""
                try:
                    response = session.post(
                        url,
                        json={"tags": batch},
                        headers={"Authorization": f"Bearer {token}"},
                        timeout=(timeout, timeout),
                        allow_redirects=False,
                    )
                except requests.Timeout:
                    raise PurgeFailed(
                        f"Cloudflare did not answer within {timeout:g} s{done}."
                    ) from None
                except (requests.RequestException, ValueError) as error:
                    # The exception's text may quote the request's headers.
                    raise PurgeFailed(
                        f"Cloudflare could not be called: {type(error).__name__}{done}."
                    ) from None
                if not _cloudflare_succeeded(response):
                    raise PurgeFailed(
                        f"Cloudflare answered {response.status_code}: "
                        f"{_cloudflare_errors(response)}{done}.",
                        status_code=response.status_code,
                        excerpt=response.text[
                            : settings.WEBHOOKS_RESPONSE_EXCERPT_BYTES
                        ],
                    )


def _cloudflare_body(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _cloudflare_succeeded(response: requests.Response) -> bool:
    """A 2xx answer whose body says ``"success": true``."""
    return 200 <= response.status_code < 300 and (
        _cloudflare_body(response).get("success") is True
    )


def _cloudflare_errors(response: requests.Response) -> str:
    """Cloudflare's own account of a refusal (``errors``: code and message)."""
    errors = _cloudflare_body(response).get("errors")
    found = [
        f"{error.get('message', '')} (code {error.get('code', '?')})"
        for error in errors or []
        if isinstance(error, dict)
    ]
    return "; ".join(found)[:300] or "no error given"


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
    except PurgeFailed as error:  # a CDN outage: retried like any delivery
        logger.warning("CDN purge of event %s failed: %s", event.pk, error)
        return Outcome(
            False,
            error.status_code,
            f"CDN purge failed: {error}"[:500],
            error.excerpt,
        )
    except Exception as error:
        logger.warning(
            "CDN purge of event %s failed: %s", event.pk, type(error).__name__
        )
        return Outcome(
            False, error=f"CDN purge failed: {type(error).__name__}: {error}"[:500]
        )
    return Outcome(True, excerpt="Purged " + ("; ".join(done) or "nothing"))
