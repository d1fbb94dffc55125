"""wagtail-localize's sources and records, loaded once
(content/translation/sources.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from content.models import CauseIndexPage, CausePage
from content.translation.sources import Source, load_sources, source_locale_id

pytestmark = pytest.mark.django_db


def test_sources_of_many_groups_load_with_their_records_in_one_query(
    machine_translated_article,
):
    english, german = (
        Locale.objects.get(language_code="en"),
        machine_translated_article.locale,
    )
    keys = list(
        CausePage.objects.filter(locale=english).values_list(
            "translation_key", flat=True
        )
    )
    keys.append(CauseIndexPage.objects.get(locale=english).translation_key)
    assert len(keys) > 5
    with CaptureQueriesContext(connection) as captured:
        sources = load_sources(keys)
    assert len(captured) == 1  # the digests are recorded already
    assert {source.key for source in sources.all()} == set(keys)
    for key in keys:
        (source,) = sources.of(key)
        assert source.locale_id == english.pk
        assert source.digest_live and source.digest_synced
        record = sources.record(source, german.pk)
        assert record is not None and record.enabled
        assert (record.key, record.source_locale_id) == (key, english.pk)
        assert sources.record(source, english.pk) is None
    assert set(sources.translated_from()) == {(key, german.pk) for key in keys}


def test_a_group_without_a_source_loads_as_nothing(db):
    import uuid

    sources = load_sources([uuid.uuid4()])
    assert sources.all() == [] and sources.record(None, 1) is None


def source(pk: int, locale_id: int) -> Source:
    return Source(pk=pk, key="group", locale_id=locale_id)


def test_the_source_language_is_the_sources_while_its_version_exists():
    sources = [source(2, locale_id=3), source(1, locale_id=2)]
    # English (1) is the default; the group exists in German (2) and French (3).
    assert source_locale_id({2: 10, 3: 11}, sources, default_locale_id=1) == 2
    assert source_locale_id({1: 9, 2: 10, 3: 11}, [*sources, source(5, 1)], 1) == 1
    assert source_locale_id({3: 11}, sources, default_locale_id=1) == 3


def test_without_a_source_the_default_language_then_the_oldest_version():
    assert source_locale_id({1: 20, 2: 10}, [], default_locale_id=1) == 1
    assert source_locale_id({}, [], default_locale_id=1) == 1
    assert source_locale_id({2: 30, 3: 10}, [], default_locale_id=1) == 3
