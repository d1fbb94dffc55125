"""The setup_translators command creates or completes the Translators group."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission

pytestmark = pytest.mark.django_db


def test_setup_translators_is_idempotent(machine_translated_article):
    call_command("setup_translators", stdout=io.StringIO())
    group = Group.objects.get(name="Translators")
    permissions = set(group.permissions.values_list("codename", flat=True))
    page_permissions = GroupPagePermission.objects.filter(group=group).count()
    call_command("setup_translators", stdout=io.StringIO())
    assert set(group.permissions.values_list("codename", flat=True)) == permissions
    assert GroupPagePermission.objects.filter(group=group).count() == page_permissions
    assert {"submit_translation", "access_admin", "change_sitechrome"} <= permissions
    assert "add_sitechrome" not in permissions
    assert "delete_sitechrome" not in permissions
    # Every target language has its tree, translated or not.
    assert {p.page.locale.language_code for p in group.page_permissions.all()} == {
        "de",
        "fr",
        "es",
        "it",
    }
