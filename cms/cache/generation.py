"""The cache generation the database holds (``cms.CacheGeneration``)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

ROW = 1


def current() -> int:
    """The generation every served answer must carry: one primary-key read."""
    from cms.models import CacheGeneration

    values = list(
        CacheGeneration.objects.filter(pk=ROW).values_list("value", flat=True)[:1]
    )
    return values[0] if values else 0


def bump() -> None:
    """Move to a new generation, inside the caller's transaction.

    Called while the change is still uncommitted, the new value becomes
    visible to other connections exactly when the change does: there is no
    moment (and no crash point) at which the new content is committed but the
    old generation still current, nor the reverse. An answer computed from
    the old rows while the change commits carries the old generation and is
    never served afterwards.
    """
    from cms.models import CacheGeneration

    if CacheGeneration.objects.filter(pk=ROW).update(value=F("value") + 1):
        return
    try:
        with transaction.atomic():
            CacheGeneration.objects.create(pk=ROW, value=2)
    except IntegrityError:  # created meanwhile by another change
        CacheGeneration.objects.filter(pk=ROW).update(value=F("value") + 1)
