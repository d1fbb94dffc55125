"""What translation status needs recorded when content is written.

wagtail-localize keeps the source content a translation was last synced with
(``TranslationSource``) and the translated strings, but neither whether the
live source still matches it nor which text a saved translation left in the
source language. Both are recorded here (see ``records``), so that reading
them costs a join or one query, whatever the number of pages.
"""

from __future__ import annotations

from django.db import models


class SourceDigest(models.Model):
    """Fingerprints of one translation source: as synced, and as live now.

    Each is a hash of every field wagtail-localize translates or synchronises
    (``records.content_digest``). Translations of the
    source are out of date exactly when the two differ.
    """

    source = models.OneToOneField(
        "wagtail_localize.TranslationSource",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="content_digest",
    )
    synced = models.CharField(
        max_length=64, help_text="Of the content last synced to translations."
    )
    live = models.CharField(
        max_length=64, help_text="Of the source object as it is saved now."
    )
    # Source text wagtail-localize cannot offer for translation (lists in
    # Wagtail's older format): translations show it in the source language.
    unextracted = models.JSONField(
        null=True, help_text="Context paths of text never extracted for translation."
    )

    def __str__(self) -> str:
        return f"Digest of {self.source_id}: {'same' if self.is_current else 'changed'}"

    @property
    def is_current(self) -> bool:
        return self.synced == self.live


class TranslatedRevision(models.Model):
    """The text a translation revision left in the source language.

    For a revision wagtail-localize saves: the segments that had no
    translation then. For a revision edited by hand: the segments identical
    to the source's at the same place (``content.translation.status``).
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    untranslated_paths = models.JSONField(
        default=list,
        help_text="Context paths of the untranslated segments.",
    )
    segments = models.PositiveIntegerField(
        null=True, help_text="How many text segments the revision has in all."
    )

    def __str__(self) -> str:
        return (
            f"Revision {self.revision_id}: {len(self.untranslated_paths)} untranslated"
        )
