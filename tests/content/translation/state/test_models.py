"""What translation status records at write time
(content/translation/state/models.py)."""

from __future__ import annotations

import pytest
from wagtail_localize.models import TranslationSource

from content.models import CausePage
from content.translation.state.models import SourceDigest, TranslatedRevision

pytestmark = pytest.mark.django_db


def test_each_translated_source_has_a_digest_that_is_current_until_it_changes(
    machine_translated_article,
):
    cause = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    source = TranslationSource.objects.get(object_id=cause.translation_key)
    digest = SourceDigest.objects.get(source=source)
    assert digest.is_current
    assert str(digest) == f"Digest of {source.pk}: same"

    cause.summary = "A summary changed after the translation."
    cause.save_revision().publish()
    digest.refresh_from_db()
    assert not digest.is_current
    assert str(digest) == f"Digest of {source.pk}: changed"


def test_a_machine_translated_revision_records_its_untranslated_text(
    machine_translated_article,
):
    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    record = TranslatedRevision.objects.get(revision=german.live_revision)
    assert record.segments and record.segments > 0
    assert isinstance(record.untranslated_paths, list)
    assert str(record) == (
        f"Revision {german.live_revision_id}: "
        f"{len(record.untranslated_paths)} untranslated"
    )
