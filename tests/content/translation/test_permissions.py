"""The Translators group (content/translation/permissions.py): target trees
only, never the source language, never the publish right on pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission, User
from wagtail.models import GroupPagePermission, Page

from content.translation.permissions import (
    TRANSLATORS,
    may_edit_source,
    refuses_source_edit,
    setup_translators,
)
from tests.factories import SiteChromeFactory

pytestmark = pytest.mark.django_db


def english_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="en")


def german_home(german) -> Page:
    """The German top page: setup_translators creates it, else it is copied."""
    home = Page.objects.filter(depth=2, locale=german).first()
    return home or english_home().copy_for_translation(german)


def granted(page: Page) -> set[str]:
    return set(
        GroupPagePermission.objects.filter(
            group__name=TRANSLATORS, page=page
        ).values_list("permission__codename", flat=True)
    )


def test_a_new_target_language_tree_is_the_translators_to_work_on(german):
    setup_translators()
    home = english_home()
    german_home_page = german_home(german)
    assert granted(german_home_page) == {"change_page", "lock_page", "unlock_page"}
    assert granted(home) == set()


def test_without_the_group_a_new_tree_grants_nothing(german):
    german_home_page = german_home(german)
    assert not Group.objects.filter(name=TRANSLATORS).exists()
    assert granted(german_home_page) == set()


def test_setup_withdraws_a_publish_right_given_by_earlier_versions(german):
    group = setup_translators()
    german_home_page = german_home(german)
    GroupPagePermission.objects.create(
        group=group,
        page=german_home_page,
        permission=Permission.objects.get(codename="publish_page"),
    )
    setup_translators()
    assert "publish_page" not in granted(german_home_page)


def test_translators_may_not_change_source_snippets_others_may(german):
    group = setup_translators()
    translator = User.objects.create_user("ines", "ines@example.org", "x")
    translator.groups.add(group)
    english = SiteChromeFactory()
    german_chrome = english.copy_for_translation(german)
    german_chrome.save()
    assert refuses_source_edit(translator, english)
    assert not refuses_source_edit(translator, german_chrome)
    assert not may_edit_source(translator, type(english))

    # An editor who also translates holds the right through another grant.
    translator.user_permissions.add(
        Permission.objects.get(codename="change_sitechrome")
    )
    translator = User.objects.get(pk=translator.pk)  # forget cached permissions
    assert may_edit_source(translator, type(english))
    admin = User.objects.create_superuser("ada", "ada@example.org", "x")
    assert not refuses_source_edit(admin, english)
