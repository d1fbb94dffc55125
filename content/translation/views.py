"""Admin views for translators: the status report and safe PO file exchange.

wagtail-localize's own PO upload answers a missing or foreign file with a
server error and imports a file whose entries no longer match the source
without saying what was ignored. These views replace its download and upload
URLs (same paths, registered first): a bad file gives a clear message and
changes nothing, a partly matching one applies the matching entries and says
how many were applied and ignored.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from dataclasses import dataclass
from typing import Any

import polib
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from content.locales import content_locales
from content.translation import status as translation_status

logger = logging.getLogger("content.translation_admin")

TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def may_translate(user: Any) -> bool:
    return user.is_superuser or user.has_perm("wagtail_localize.submit_translation")


# The status report ----------------------------------------------------------


def _edit_url(instance: Any) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    meta = instance._meta
    return reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[instance.pk]
    )


def _translate_url(instance: Any) -> str:
    if isinstance(instance, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    meta = instance._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, instance.pk],
    )


def status_view(request: HttpRequest) -> HttpResponse:
    """Per language: which pages, snippets and settings are untranslated, in
    progress, out of date with their source, or translated. Objects written in
    the chosen language are listed as its sources."""
    if not may_translate(request.user):
        raise PermissionDenied
    locales = content_locales()
    source_locale, targets = locales[0], locales[1:]
    if not targets:
        raise Http404("There is only one content language.")
    code = request.GET.get("locale") or targets[0].language_code
    locale = next((loc for loc in locales if loc.language_code == code), targets[0])
    items = translation_status.report(locale, locales, public=False)
    rows = []
    for item in items:
        status = item.status
        title = getattr(item.instance, "title", None) or str(item.instance)
        kind = type(item.instance)._meta.verbose_name
        if status.is_source:
            # Written in this language: the title opens it in its editor.
            rows.append(
                {
                    "item": item,
                    "title": title,
                    "type": kind,
                    "title_url": _edit_url(item.instance),
                }
            )
            continue
        target = None
        if status.instance_pk is not None:
            target = (
                type(item.instance)
                ._default_manager.filter(pk=status.instance_pk)
                .first()
            )
        source_id = _source_id(item.instance)
        translate_url = _translate_url(item.instance) if target is None else None
        edit_url = _edit_url(target) if target is not None else None
        rows.append(
            {
                "item": item,
                "title": title,
                "type": kind,
                "translate_url": translate_url,
                "edit_url": edit_url,
                # The title opens the translation (its editor), or starts one.
                "title_url": edit_url or translate_url,
                "sync_url": (
                    reverse("wagtail_localize:update_translations", args=[source_id])
                    if status.is_stale and source_id
                    else None
                ),
            }
        )
    counts = {
        state: sum(1 for item in items if item.status.state == state)
        for state in translation_status.STATE_LABELS
    }
    return render(
        request,
        "content/translations/status.html",
        {
            "locale": locale,
            "source_locale": source_locale,
            "target_locales": locales,
            "items": items,
            "rows": rows,
            "counts": counts,
        },
    )


def _source_id(instance: Any) -> int | None:
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get_for_instance_or_none(instance)
    return source.pk if source else None


# PO files -------------------------------------------------------------------


def _translation_for(request: HttpRequest, translation_id: int) -> Translation:
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
    )
    try:
        instance = translation.get_target_instance()
    except Exception:  # the target was deleted: nothing to translate into
        raise Http404 from None
    if not user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    translation.target_instance = instance
    return translation


def export_po(translation: Translation) -> polib.POFile:
    """wagtail-localize's export, made a complete, valid gettext catalogue.

    Adds the header fields gettext tools expect and drops duplicate entries
    (the same sentence twice in one field), which ``msgfmt`` rejects.
    """
    exported = translation.export_po()
    po = polib.POFile(wrapwidth=exported.wrapwidth)
    language = translation.target_locale.language_code
    po.metadata = {
        "Project-Id-Version": f"{settings.WAGTAIL_SITE_NAME} "
        f"{slugify(translation.source.object_repr)}",
        "POT-Creation-Date": exported.metadata.get("POT-Creation-Date", ""),
        "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Last-Translator": "",
        "Language-Team": translation.target_locale.get_display_name(),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        TRANSLATION_ID_HEADER: str(translation.uuid),
    }
    seen = set()
    for entry in exported:
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            continue
        seen.add(key)
        po.append(entry)
    return po


def download_po(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _translation_for(request, translation_id)
    response = HttpResponse(
        str(export_po(translation)), content_type="text/x-gettext-translation"
    )
    filename = (
        f"{slugify(translation.source.object_repr)}-"
        f"{translation.target_locale.language_code}.po"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@dataclass
class UploadOutcome:
    level: int
    message: str
    applied: int = 0
    ignored: int = 0


def _error(message: str) -> UploadOutcome:
    return UploadOutcome(messages.ERROR, message)


def _parse(data: bytes) -> polib.POFile | None:
    # polib reads a *path* when given a string that looks like one, so the
    # upload is parsed from a file of our own, never from its contents.
    handle, path = tempfile.mkstemp(suffix=".po")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        return polib.pofile(path, encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def import_po_upload(translation: Translation, upload: Any, user: Any) -> UploadOutcome:
    """Check an uploaded PO file against a translation and apply what matches."""
    if upload is None:
        return _error(gettext("Choose a PO file to upload."))
    limit = settings.TRANSLATION_PO_UPLOAD_MAX_BYTES
    if upload.size > limit:
        return _error(
            gettext(
                "This file is larger than %(size)s KB, too large for a PO file "
                "of one translation. Nothing was imported."
            )
            % {"size": limit // 1024}
        )
    data = upload.read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        data = b""
    po = _parse(data) if data.strip() else None
    if po is None or (not len(po) and not po.metadata):
        return _error(
            gettext(
                "This is not a valid PO file (UTF-8 gettext format). Download the PO "
                "file of this translation, translate it and upload it unchanged "
                "otherwise. Nothing was imported."
            )
        )
    file_id = po.metadata.get(TRANSLATION_ID_HEADER)
    if not file_id:
        return _error(
            gettext(
                "This PO file was not downloaded from this site: it has no "
                "translation ID. Nothing was imported."
            )
        )
    if file_id != str(translation.uuid):
        other = (
            Translation.objects.filter(uuid=file_id)
            .select_related("source", "target_locale")
            .first()
            if _is_uuid(file_id)
            else None
        )
        if other is not None:
            return _error(
                gettext(
                    "This PO file belongs to another translation (it belongs to "
                    "'%(title)s' in %(language)s). Upload it on that translation's "
                    "page. Nothing was imported."
                )
                % {
                    "title": other.source.object_repr,
                    "language": other.target_locale.get_display_name(),
                }
            )
        return _error(
            gettext(
                "This PO file belongs to another translation. Upload it on that "
                "translation's page. Nothing was imported."
            )
        )

    known = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "string__data", "context__path"
        )
    )
    matching = []
    ignored = 0
    for entry in po:
        if entry.obsolete or not entry.msgstr:
            continue
        if (entry.msgid, entry.msgctxt) in known:
            matching.append(entry)
        else:
            ignored += 1
    if not matching:
        if ignored:
            return UploadOutcome(
                messages.ERROR,
                ngettext(
                    "The %(count)s translated entry of this file does not match "
                    "the current source text: nothing was imported. The source may "
                    "have changed since the file was downloaded; download it again.",
                    "None of the %(count)s translated entries of this file match "
                    "the current source text: nothing was imported. The source may "
                    "have changed since the file was downloaded; download it again.",
                    ignored,
                )
                % {"count": ignored},
                ignored=ignored,
            )
        return UploadOutcome(
            messages.WARNING,
            gettext("This PO file has no translated entries: nothing was imported."),
        )
    subset = polib.POFile()
    subset.metadata = dict(po.metadata)
    for entry in matching:
        subset.append(entry)
    try:
        with transaction.atomic():
            translation.import_po(subset, user=user, tool_name="PO File")
    except Exception:
        logger.exception("PO import failed for translation %s", translation.pk)
        return _error(
            gettext("The PO file could not be imported. Nothing was changed.")
        )
    message = ngettext(
        "Applied %(count)s translated entry from the PO file.",
        "Applied %(count)s translated entries from the PO file.",
        len(matching),
    ) % {"count": len(matching)}
    if ignored:
        message += " " + ngettext(
            "Ignored %(count)s entry that does not match the current source text.",
            "Ignored %(count)s entries that do not match the current source text.",
            ignored,
        ) % {"count": ignored}
        return UploadOutcome(messages.WARNING, message, len(matching), ignored)
    return UploadOutcome(messages.SUCCESS, message, len(matching), 0)


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
    except (ValueError, TypeError):
        return False
    return True


@require_POST
def upload_po(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = _translation_for(request, translation_id)
    outcome = import_po_upload(translation, request.FILES.get("file"), request.user)
    messages.add_message(request, outcome.level, outcome.message)
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or _edit_url(translation.target_instance))
