"""Records kept when sources, translations and their revisions are saved.

**Source digests.** A translation is out of date when the content it was last
synced with differs from its source as it is now, in anything a sync would
bring: the text wagtail-localize extracts for translation and the values it
copies to every translation (slugs, block structure and choices, choosers,
related causes, the contact address). Publishing the source again unchanged
is not a change. Both sides are hashed from the same serialisation
wagtail-localize stores in ``TranslationSource.content_json``:

- ``synced``: of ``content_json``, whenever a source is created or synced;
- ``live``: of the source object, whenever it is saved.

**Untranslated text.** When wagtail-localize saves a translation, every
segment without a translation is filled with the source text. The context
paths of those segments are recorded against the revision it creates, so the
API can say of the served version exactly which text is in the source
language, even after translators have since translated more strings.

**Text wagtail-localize cannot offer.** It extracts no items from a list
stored in Wagtail's older list format (plain values without item ids, as
written by code rather than the editor), so translations copy them in the
source language. Their paths are recorded with the source's digest
(``unextracted``) and count as untranslated.

Sources synced before these records existed get theirs when their status is
first read (``ensure_digests``).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef
from django.db.models.signals import post_save
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationLog,
    TranslationSource,
)

from content.block_tree import walk
from content.translation.state.models import SourceDigest, TranslatedRevision

#: Translatable fields that describe one publication rather than the content:
#: a new change note in the source does not make its translations out of date.
NOT_CONTENT = frozenset({"public_change_note"})

#: Wagtail's rich-text editor adds a key to every block it saves, also when
#: nothing else changed; it carries no content.
_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def digest_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields a sync brings to translations: translated and synchronised."""
    fields = []
    for translatable in get_translatable_fields(model):
        if translatable.field_name not in NOT_CONTENT:
            fields.append(translatable.get_field(model))
    return fields


def serialised(instance: models.Model) -> dict:
    """``instance`` as wagtail-localize serialises a source for ``content_json``."""
    if isinstance(instance, ClusterableModel):
        return json.loads(instance.to_json())
    data = get_serializable_data_for_fields(instance)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _without_block_keys(value: Any) -> Any:
    if isinstance(value, str):
        return _BLOCK_KEY.sub("", value)
    if isinstance(value, list):
        return [_without_block_keys(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_block_keys(item) for key, item in value.items()}
    return value


def content_digest(model: type[models.Model], data: dict) -> str:
    """Hash of what translations take from a source serialised as ``data``."""
    relevant = {}
    for field in digest_fields(model):
        value = data.get(field.name)
        if isinstance(field, StreamField) and isinstance(value, str):
            value = json.loads(value)
        elif isinstance(field, models.ManyToOneRel) and isinstance(
            field.remote_field, ParentalKey
        ):
            # Translations receive the rows' values in their order; ids and
            # sort keys (which the editor renumbers) are the source's own.
            ignored = {"pk", "id", "sort_order", field.remote_field.name}
            value = [
                {k: v for k, v in child.items() if k not in ignored}
                for child in value or []
            ]
        if isinstance(field, StreamField | RichTextField):
            value = _without_block_keys(value)
        relevant[field.name] = value
    text = json.dumps(relevant, sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()


def legacy_list_items(model: type[models.Model], data: dict) -> list[tuple[str, str]]:
    """Text in lists stored in Wagtail's older list format, as (context path,
    text), the path ending in the item's position.

    ``data`` maps field names to StreamField data (a list, or JSON text as in
    ``content_json``).
    """
    found: list[tuple[str, str]] = []
    for translatable in get_translatable_fields(model):
        if not isinstance(translatable, TranslatableField):
            continue
        field = translatable.get_field(model)
        if not isinstance(field, StreamField):
            continue
        value = data.get(field.name)
        if isinstance(value, str):
            value = json.loads(value or "[]")
        found.extend(
            (node.path, node.value)
            for node in walk(field.stream_block, value, field.name)
            if node.legacy
            and isinstance(
                node.block, blocks.CharBlock | blocks.TextBlock | blocks.RichTextBlock
            )
            and isinstance(node.value, str)
            and node.value.strip()
        )
    return found


def _source_model(source: TranslationSource) -> type[models.Model] | None:
    return source.specific_content_type.model_class()


def record_source(source: TranslationSource) -> SourceDigest | None:
    """Digest a source as synced and its object as it is now."""
    model = _source_model(source)
    if model is None:
        return None
    content = json.loads(source.content_json)
    synced = content_digest(model, content)
    try:
        instance = source.get_source_instance()
    except models.ObjectDoesNotExist:
        live = synced
    else:
        live = content_digest(model, serialised(instance))
    unextracted = [path for path, _text in legacy_list_items(model, content)]
    digest, _created = SourceDigest.objects.update_or_create(
        source=source,
        defaults={"synced": synced, "live": live, "unextracted": unextracted},
    )
    return digest


def ensure_digests(source_ids: Iterable[int]) -> dict[int, SourceDigest]:
    """Record the digests of sources that have none yet (synced before digests
    were recorded, or before ``unextracted`` was), and return them.

    Runs on reading a status, so that such sources are judged by their
    content like every other, from their first read on.
    """
    digests: dict[int, SourceDigest] = {}
    for source in TranslationSource.objects.filter(pk__in=list(source_ids)):
        try:
            with transaction.atomic():
                digest = record_source(source)
        except IntegrityError:
            # Recorded by a concurrent request meanwhile.
            digest = SourceDigest.objects.filter(source=source).first()
        if digest is not None:
            digests[source.pk] = digest
    return digests


def _source_saved(sender: Any, instance: TranslationSource, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "content_json" not in update_fields:
        return
    record_source(instance)


def _object_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A translatable object was saved: if it is a translation source, digest
    it as it is now."""
    if kwargs.get("raw") or not isinstance(instance, TranslatableMixin):
        return
    model = instance.specific_class if isinstance(instance, Page) else type(instance)
    if model is None:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None:
        names = {f.name for f in digest_fields(model)} | {
            getattr(f, "attname", f.name) for f in digest_fields(model)
        }
        if not names & set(update_fields):
            return  # e.g. saving a draft revision: the object's content is as it was
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    if source is None:
        return
    if update_fields is not None or type(instance) is not model:
        # Only part of it was written, or it is not the specific page: read
        # the whole object back rather than trust the one in memory.
        instance = model._default_manager.filter(pk=instance.pk).first()
        if instance is None:
            return
    live = content_digest(model, serialised(instance))
    updated = SourceDigest.objects.filter(source=source).update(live=live)
    if not updated:
        record_source(source)


def untranslated_paths(
    source_ids: Iterable[int], locale_id: int
) -> dict[int, list[str]]:
    """Per source, the context paths of its segments with no usable
    translation in that language: those wagtail-localize fills with the
    source text. One query."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )
    paths: dict[int, list[str]] = defaultdict(list)
    for source_id, path in (
        StringSegment.objects.filter(source_id__in=list(source_ids))
        .filter(~Exists(translated))
        .order_by("source_id", "order")
        .values_list("source_id", "context__path")
    ):
        paths[source_id].append(path)
    return paths


def _translation_saved(sender: Any, instance: TranslationLog, **kwargs: Any) -> None:
    if kwargs.get("raw") or not kwargs.get("created") or not instance.revision_id:
        return
    TranslatedRevision.objects.update_or_create(
        revision_id=instance.revision_id,
        defaults={
            "untranslated_paths": untranslated_paths(
                [instance.source_id], instance.locale_id
            )[instance.source_id],
            "segments": StringSegment.objects.filter(
                source_id=instance.source_id
            ).count(),
        },
    )


def connect() -> None:
    post_save.connect(
        _source_saved, sender=TranslationSource, dispatch_uid="source_digest"
    )
    post_save.connect(_object_saved, dispatch_uid="source_object_digest")
    post_save.connect(
        _translation_saved, sender=TranslationLog, dispatch_uid="translated_revision"
    )
