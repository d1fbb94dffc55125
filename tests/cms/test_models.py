"""The database-held response cache generation (cms/models.py)."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from cms.models import CacheGeneration
from tests.factories import CauseIndexPageFactory

pytestmark = pytest.mark.django_db


def test_the_migrations_leave_one_generation_row():
    (row,) = CacheGeneration.objects.all()
    assert row.pk == 1
    assert row.value >= 1
    assert str(row) == f"response cache generation {row.value}"


def test_a_publish_moves_the_generation_on_within_its_transaction():
    before = CacheGeneration.objects.get().value
    hub = CauseIndexPageFactory(parent=Page.get_first_root_node(), live=False)
    hub.save_revision().publish()
    (row,) = CacheGeneration.objects.all()
    assert row.value > before
