"""System checks of the GraphQL wiring, as ``manage.py check`` reports them."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from tests.cms.graphql.support import LOCALES, write_manifest

pytestmark = pytest.mark.django_db


def test_the_system_check_refuses_a_broken_manifest_in_settings(settings, tmp_path):
    settings.GRAPHQL_TRUSTED_DOCUMENTS = str(
        write_manifest(tmp_path / "deploy.json", raw="{")
    )
    with pytest.raises(SystemCheckError, match="GRAPHQL_TRUSTED_DOCUMENTS is refused"):
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
    settings.GRAPHQL_TRUSTED_DOCUMENTS = str(
        write_manifest(tmp_path / "deploy.json", LOCALES)
    )
    call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
