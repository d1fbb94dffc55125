"""The Translators group: what it may do, set up by code rather than by hand.

Translators translate pages, snippets and site settings into the target
languages with wagtail-localize; they never edit or publish the source
language. Pages get that rule from Wagtail's own page permissions: the group
holds edit rights on the top page of each target-language tree only (given as
soon as such a tree is created), and none on the source tree. So that a
translator has the page explorer (the *Pages* menu and search) for every
target language before anything is translated into it, ``setup_translators``
gives each content language its top page, as an alias of the source
language's home page (page-tree structure, never served; translating the hub
puts its translation below it, as wagtail-localize would have). It never holds
the publish right on pages: a translated article page is medical content like
its source, so it reaches readers only when a medical reviewer approves it
(translators submit it to the "Medical review" workflow from the translation
editor, ``content.translation.views.submit_for_review``). Translated snippets
and settings, which no workflow covers, they publish themselves.
Snippet permissions in Wagtail are per model, not per language, so edits of
a source-language snippet are refused by ``refuses_source_edit`` through the
snippet hooks.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.translation import gettext_noop
from wagtail.models import GroupPagePermission, Locale, Page, Site

from content.locales import content_locales, default_language_code
from content.translation.status import translatable_snippet_models

# Stored in English, shown in the admin language (content.editorial.patches).
TRANSLATORS = gettext_noop("Translators")

#: Page permissions on each target-language tree. Not "publish_page": pages
#: are published by the medical review.
PAGE_ACTIONS = ("change_page", "lock_page", "unlock_page")
#: Model permissions on each translatable snippet.
SNIPPET_ACTIONS = ("change", "publish", "view")


def source_language() -> str:
    return default_language_code()


def _translatable_snippets() -> list[type[Model]]:
    return translatable_snippet_models()


def setup_translators() -> Group:
    """Create or complete the Translators group. Safe to run any number of times."""
    group, _created = Group.objects.get_or_create(name=TRANSLATORS)
    permissions = [
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    ]
    for model in _translatable_snippets():
        content_type = ContentType.objects.get_for_model(model)
        for action in SNIPPET_ACTIONS:
            codename = f"{action}_{model._meta.model_name}"
            permission = Permission.objects.filter(
                content_type=content_type, codename=codename
            ).first()
            if permission is not None:
                permissions.append(permission)
    group.permissions.add(*permissions)
    # Given by earlier versions of this command.
    GroupPagePermission.objects.filter(
        group=group, permission__codename="publish_page"
    ).delete()
    ensure_target_trees()
    for top in Page.objects.filter(depth=2).exclude(
        locale__language_code=source_language()
    ):
        grant_tree(group, top)
    return group


def source_home() -> Page | None:
    """The top page of the source language's tree (the default site's root)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None and site.root_page.locale.language_code == source_language():
        return site.root_page
    return (
        Page.objects.filter(depth=2, locale__language_code=source_language())
        .order_by("path")
        .first()
    )


def ensure_target_trees() -> list[Page]:
    """Give every target content language the top page of its tree (an alias
    of the source's home page) unless it has one; returns those created."""
    home = source_home()
    if home is None:
        return []
    created = []
    for locale in content_locales():
        if locale.language_code == source_language():
            continue
        if Page.objects.filter(depth=2, locale=locale).exists():
            continue
        if home.get_translation_or_none(locale) is not None:
            continue
        created.append(home.copy_for_translation(locale, alias=True))
    return created


def grant_tree(group: Group, page: Page) -> None:
    """Let the group translate ``page`` and everything below it."""
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_ACTIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )


def grant_new_target_tree(sender: Any, instance: Any, created: bool, **kwargs):
    """A new top page in a target language (wagtail-localize creates it when a
    translator translates the hub) becomes the translators' to work on."""
    if not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if Locale.objects.filter(
        pk=instance.locale_id, language_code=source_language()
    ).exists():
        return
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is not None:
        grant_tree(group, instance)


def may_edit_source(user: Any, model: type[Model]) -> bool:
    """Whether the user may change source-language objects of ``model``.

    Superusers may; so may anyone granted the change permission other than
    through the Translators group (an editor who also translates).
    """
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    codename = f"change_{model._meta.model_name}"
    content_type = ContentType.objects.get_for_model(model)
    granted = Permission.objects.filter(content_type=content_type, codename=codename)
    return (
        granted.filter(user=user).exists()
        or granted.filter(group__user=user).exclude(group__name=TRANSLATORS).exists()
    )


def refuses_source_edit(user: Any, instance: Any) -> bool:
    """True when a translator tries to change a source-language snippet."""
    locale_id = getattr(instance, "locale_id", None)
    if locale_id is None:
        return False
    is_source = Locale.objects.filter(
        pk=locale_id, language_code=source_language()
    ).exists()
    return is_source and not may_edit_source(user, type(instance))
