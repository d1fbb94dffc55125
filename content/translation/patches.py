"""Patches of wagtail-localize for the translators' workflow.

Applied once, from ``ContentConfig.ready()``. Each names the release it was
written against (requirements.txt) and the targets it relies on
(``content.patches``); tests/content/translation/test_patches.py checks them.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from wagtail import hooks
from wagtail_localize.models import TranslationSource

from content.patches import Patches, Target

LOCALIZE = "wagtail-localize 1.14.5"

patches = Patches()

#: wagtail-localize's admin URLs answered by views of ours instead (its
#: editor links to them): URL name, its route under ``localize/``, our view
#: (in ``content.translation``) and our URL name.
SHADOWED = (
    (
        "download_pofile",
        "translate/<int:translation_id>/pofile/download/",
        "views.download_po",
        "translation_po_download",
    ),
    (
        "upload_pofile",
        "translate/<int:translation_id>/pofile/upload/",
        "views.upload_po",
        "translation_po_upload",
    ),
    (
        "update_translations",
        "update/<int:translation_source_id>/",
        "review.SyncWithSourceView",
        "translation_sync",
    ),
    (
        "convert_to_alias",
        "page/<int:page_id>/convert_to_alias/",
        "review.convert_to_alias",
        "translation_convert_to_alias",
    ),
)


def localize_admin_routes() -> set[tuple[str, str]]:
    """(name, route) of each admin URL wagtail-localize registers under
    ``localize/``."""
    from wagtail_localize.wagtail_hooks import register_admin_urls

    (localize,) = register_admin_urls()
    assert str(localize.pattern) == "localize/"
    return {(url.name, str(url.pattern)) for url in localize.url_patterns}


@patches.patch(
    "translation-drafts-stay-drafts",
    LOCALIZE,
    [
        Target(
            "wagtail_localize.models:TranslationSource.create_or_update_translation",
            parameters=(
                "self",
                "locale",
                "user",
                "publish",
                "copy_parent_pages",
                "fallback",
            ),
        )
    ],
)
def keep_translation_drafts_unpublished() -> None:
    """Saving a translation without publishing keeps a live object's
    published content and saves a revision only, where wagtail-localize
    writes the unreviewed text into the row the API serves
    (``content.translation.review.create_or_update_translation``)."""
    from content.translation import review

    TranslationSource.create_or_update_translation = review.create_or_update_translation


@patches.patch(
    "shadowed-admin-urls",
    LOCALIZE,
    [
        Target(
            "wagtail_localize.wagtail_hooks:register_admin_urls (routes)",
            keys=tuple((name, route) for name, route, _view, _ours in SHADOWED),
            find=localize_admin_routes,
            lazy=True,
        ),
        Target(
            "wagtail_localize.views.convert:convert_to_alias",
            parameters=("request", "page_id"),
        ),
        Target(
            "wagtail_localize.views.update_translations:UpdateTranslationsView.get_form",
            parameters=("self",),
        ),
    ],
)
def shadow_localize_admin_urls() -> None:
    """Our PO download and upload (the translators' permissions and our PO
    format), *Sync with source* (publishing only what the user may) and
    *Convert to alias page* (only for people who may publish) answer
    wagtail-localize's own URLs, registered before its ``register_admin_urls``
    hook. Its views stay reachable from ours where they do the work."""
    hooks.register("register_admin_urls", shadowed_admin_urls, order=-1)


def shadowed_admin_urls() -> list[Any]:
    from content.translation import review, views

    modules = {"views": views, "review": review}
    urls = []
    for _name, route, view, ours in SHADOWED:
        module, _, attribute = view.partition(".")
        target = getattr(modules[module], attribute)
        if isinstance(target, type):
            target = target.as_view()
        urls.append(path(f"localize/{route}", target, name=ours))
    return urls


def apply() -> None:
    patches.apply()
