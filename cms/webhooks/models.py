"""Subscriptions, events, deliveries and the log of delivery attempts."""

from __future__ import annotations

import base64
import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

#: Every event type, in the order the admin lists them (docs/webhooks.md).
EVENT_TYPES = [
    ("page.published", _("Page published")),
    ("page.unpublished", _("Page unpublished")),
    ("page.moved", _("Page moved")),
    ("page.deleted", _("Page deleted")),
    ("translation.published", _("Translation published")),
    ("snippet.changed", _("Snippet (site chrome) changed")),
    ("setting.changed", _("Setting (site chrome) changed")),
    ("schedule.live", _("Scheduled publication went live")),
    ("schedule.expired", _("Scheduled publication expired")),
    ("review.overdue", _("Medical review overdue")),
]
EVENT_TYPE_NAMES = [name for name, _label in EVENT_TYPES]
#: A change that is no publishing event (an image, a redirect, a language,
#: ...), sent to the CDN purge only (``cms.cache.tags``).
CDN_PURGE = "cdn.purge"
#: What an event may be: the subscribable types and the CDN's own.
ALL_EVENT_TYPES = [*EVENT_TYPES, (CDN_PURGE, _("CDN purge of other changes"))]


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class Subscription(models.Model):
    """An endpoint that receives the events it subscribed to, signed with its
    secret. The secret is shown once, when the subscription is created or its
    secret rotated; after a rotation the previous secret signs too, until
    ``previous_secret_expires_at``, so receivers switch without a gap."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("URL"),
        max_length=500,
        help_text=_("Receives each event as a signed JSON POST."),
    )
    events = models.JSONField(
        _("events"),
        default=list,
        blank=True,
        help_text=_("The event types sent here; none ticked: all."),
    )
    active = models.BooleanField(_("active"), default=True)
    secret = models.CharField(max_length=100, default=new_secret, editable=False)
    previous_secret = models.CharField(max_length=100, blank=True, editable=False)
    previous_secret_expires_at = models.DateTimeField(
        null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return self.name

    def event_summary(self) -> str:
        labels = dict(EVENT_TYPES)
        return ", ".join(
            str(labels.get(name, name)) for name in self.events
        ) or gettext("All")

    def wants(self, event_type: str) -> bool:
        return self.active and (not self.events or event_type in self.events)

    def signing_secrets(self) -> list[str]:
        """The secrets that sign a delivery now: the current one, and the
        previous one while it is still valid."""
        found = [self.secret]
        if (
            self.previous_secret
            and self.previous_secret_expires_at
            and self.previous_secret_expires_at > timezone.now()
        ):
            found.append(self.previous_secret)
        return found

    def rotate_secret(self) -> str:
        """A new current secret; the old one stays valid for
        ``WEBHOOKS_SECRET_ROTATION_HOURS``."""
        self.previous_secret = self.secret
        self.previous_secret_expires_at = timezone.now() + datetime.timedelta(
            hours=settings.WEBHOOKS_SECRET_ROTATION_HOURS
        )
        self.secret = new_secret()
        self.save(
            update_fields=["secret", "previous_secret", "previous_secret_expires_at"]
        )
        return self.secret


class Event(models.Model):
    """One publishing event: its exact body, signed as stored, the same for
    every subscriber and every attempt (``webhook-id`` is ``msg_<id>``)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(_("type"), max_length=40, choices=ALL_EVENT_TYPES)
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    #: Set for events that must be sent once only (a review falling overdue).
    once_key = models.CharField(max_length=200, null=True, blank=True, unique=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return f"{self.type} {self.created_at:%Y-%m-%d %H:%M:%S}"

    @property
    def message_id(self) -> str:
        return f"msg_{self.id.hex}"


class Delivery(models.Model):
    """An event on its way to one subscriber, retried until it succeeds or
    the retry period is over."""

    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    STATUSES = [
        (PENDING, _("Pending")),
        (SUCCEEDED, _("Delivered")),
        (FAILED, _("Failed")),
    ]

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    #: ``subscription:<pk>`` for the admin's, ``env:<name>`` for those from the
    #: environment, ``cdn`` for the CDN purge.
    subscriber = models.CharField(max_length=120, db_index=True)
    subscription = models.ForeignKey(
        Subscription,
        verbose_name=_("subscription"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    target = models.CharField(_("sent to"), max_length=500)
    status = models.CharField(
        _("status"), max_length=20, choices=STATUSES, default=PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    #: Start of the current retry period (the first attempt, or a resend).
    first_attempt_at = models.DateTimeField(_("first attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    #: The queued task that may make the next attempt; any other is stale.
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.event.type} to {self.target}"


class DeliveryAttempt(models.Model):
    """One try at a delivery: what was answered, and how long it took."""

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    duration_ms = models.PositiveIntegerField(default=0)
    status_code = models.PositiveIntegerField(null=True, blank=True)
    succeeded = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    response_excerpt = models.TextField(blank=True)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"attempt {self.number} of {self.delivery}"
