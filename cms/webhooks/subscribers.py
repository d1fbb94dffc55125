"""Who receives an event: the admin's subscriptions, those configured in the
environment (the reference frontend's revalidation endpoint and
``WEBHOOKS``), and the CDN purge."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from django.conf import settings
from standardwebhooks.webhooks import Webhook

from cms.webhooks.models import CDN_PURGE, EVENT_TYPE_NAMES, Subscription

logger = logging.getLogger("cms.webhooks")

CDN = "cdn"
FRONTEND = "env:frontend"
#: The reference frontend's receiver, below FRONTEND_URL.
FRONTEND_PATH = "/api/revalidate"


@dataclass(frozen=True)
class Subscriber:
    key: str
    name: str
    url: str
    secrets: tuple[str, ...] = ()
    #: None: every event type.
    events: frozenset[str] | None = None
    #: Checked against private addresses (the admin's subscriptions; the
    #: environment's are the operator's own and trusted).
    guarded: bool = False
    subscription_id: int | None = None

    def wants(self, event_type: str) -> bool:
        return self.events is None or event_type in self.events


#: The CDN purge (``cms.webhooks.purge``), run by the worker like a delivery.
CDN_SUBSCRIBER = Subscriber(key=CDN, name="CDN purge", url="CDN purge")


class ConfigurationError(ValueError):
    pass


def _secrets(value, where: str) -> tuple[str, ...]:
    found = tuple(value.split()) if isinstance(value, str) else tuple(value or ())
    if not found:
        raise ConfigurationError(f"{where}: a secret is required.")
    for secret in found:
        try:
            Webhook(secret)
        except Exception as error:
            raise ConfigurationError(
                f"{where}: {secret[:10]}... is not a Standard Webhooks secret "
                "(whsec_ followed by base64)."
            ) from error
    return found


def _events(value, where: str) -> frozenset[str] | None:
    if not value:
        return None
    unknown = sorted(set(value) - set(EVENT_TYPE_NAMES))
    if unknown:
        raise ConfigurationError(f"{where}: unknown event types {unknown}.")
    return frozenset(value)


def env_subscribers() -> list[Subscriber]:
    """The subscribers the environment configures. Raises
    ``ConfigurationError`` naming what is wrong (``manage.py check`` shows it)."""
    found = []
    frontend = (getattr(settings, "FRONTEND_URL", "") or "").rstrip("/")
    secret = getattr(settings, "FRONTEND_REVALIDATE_SECRET", "")
    if frontend and secret:
        found.append(
            Subscriber(
                key=FRONTEND,
                name="frontend",
                url=frontend + FRONTEND_PATH,
                secrets=_secrets(secret, "FRONTEND_REVALIDATE_SECRET"),
            )
        )
    raw = getattr(settings, "WEBHOOKS_FROM_ENV", "") or ""
    if raw.strip():
        try:
            entries = json.loads(raw)
        except ValueError as error:
            raise ConfigurationError(f"WEBHOOKS is not valid JSON: {error}") from error
        if not isinstance(entries, list):
            raise ConfigurationError("WEBHOOKS must be a JSON list of subscribers.")
        for index, entry in enumerate(entries):
            where = f"WEBHOOKS[{index}]"
            if not isinstance(entry, dict) or not entry.get("url"):
                raise ConfigurationError(f"{where}: an object with a url is required.")
            name = str(entry.get("name") or f"webhook-{index + 1}")
            found.append(
                Subscriber(
                    key=f"env:{name}",
                    name=name,
                    url=str(entry["url"]),
                    secrets=_secrets(
                        entry.get("secrets") or entry.get("secret"), where
                    ),
                    events=_events(entry.get("events"), where),
                )
            )
    keys = [subscriber.key for subscriber in found]
    if len(keys) != len(set(keys)):
        raise ConfigurationError("WEBHOOKS: two subscribers have the same name.")
    return found


def _safe_env_subscribers() -> list[Subscriber]:
    try:
        return env_subscribers()
    except ConfigurationError:
        logger.exception("Webhook subscribers from the environment are ignored")
        return []


def cdn_configured() -> bool:
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "CDN_TAG_PURGE_BACKEND", "")
    )


def from_subscription(subscription: Subscription) -> Subscriber:
    return Subscriber(
        key=f"subscription:{subscription.pk}",
        name=subscription.name,
        url=subscription.url,
        secrets=tuple(subscription.signing_secrets()),
        events=frozenset(subscription.events) if subscription.events else None,
        guarded=True,
        subscription_id=subscription.pk,
    )


def subscribers_for(event_type: str, has_invalidations: bool) -> list[Subscriber]:
    """Every subscriber that receives an event of ``event_type`` now."""
    if event_type == CDN_PURGE:
        # Changes that are no publishing event: the CDN, and the reference
        # frontend's cache, which drops what they may reach.
        if not has_invalidations:
            return []
        found = [s for s in _safe_env_subscribers() if s.key == FRONTEND]
        return found + [CDN_SUBSCRIBER] if cdn_configured() else found
    found = [s for s in _safe_env_subscribers() if s.wants(event_type)]
    found += [
        from_subscription(subscription)
        for subscription in Subscription.objects.filter(active=True)
        if subscription.wants(event_type)
    ]
    if has_invalidations and cdn_configured():
        found.append(CDN_SUBSCRIBER)
    return found


def resolve(key: str) -> Subscriber | None:
    """The subscriber a delivery goes to, as configured now (None: gone)."""
    if key == CDN:
        return CDN_SUBSCRIBER
    if key.startswith("subscription:"):
        subscription = Subscription.objects.filter(pk=key.partition(":")[2]).first()
        return from_subscription(subscription) if subscription else None
    return next((s for s in _safe_env_subscribers() if s.key == key), None)
