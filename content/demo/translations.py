"""Machine-translates the demo article into another content language.

Everything goes through wagtail-localize, exactly as a translator's work
would: a translation source per page and per site chrome, machine-translated
strings recorded as such (translation type "machine", the translator's name as
the tool), then the translation saved and published. A new user can open the
second language in the admin's translation editor and see every segment
marked as machine output, ready to be corrected by a person.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue

from content.locales import default_locale
from content.models import CauseIndexPage, SiteChrome

#: How machine output is labelled wherever wagtail-localize shows a string's tool.
MACHINE_LABEL = "{name} (machine output, not reviewed)"


@dataclass
class TranslationReport:
    translated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def machine_translate(
    translation: Translation,
    translator: BaseMachineTranslator,
    user=None,
) -> int:
    """Fill every untranslated segment of a translation with machine output.

    Segments a person has translated are left alone. Returns how many strings
    were added.
    """
    source = translation.source
    locale = translation.target_locale
    existing = set(
        StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        ).values_list("translation_of_id", "context_id")
    )
    wanted = defaultdict(list)
    for segment in source.stringsegment_set.select_related("context", "string"):
        if (segment.string_id, segment.context_id) in existing:
            continue
        value = StringSegmentValue(segment.context.path, segment.string.as_value())
        if segment.attrs:
            value.attrs = json.loads(segment.attrs)
        wanted[value.string].append((segment.string_id, segment.context_id))
    if not wanted:
        return 0
    results = translator.translate(source.locale, locale, wanted.keys())
    tool = MACHINE_LABEL.format(name=translator.display_name)
    added = 0
    for string, places in wanted.items():
        result = results.get(string)
        if result is None or result.data is None:
            continue
        for string_id, context_id in places:
            StringTranslation.objects.create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                data=result.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=tool,
                last_translated_by=user,
            )
            added += 1
    return added


def _demo_objects(source_locale: Locale) -> list:
    hub = CauseIndexPage.objects.filter(locale=source_locale).order_by("path").first()
    objects: list = []
    if hub is not None:
        objects += [
            page.specific
            for page in Page.objects.descendant_of(hub, inclusive=True)
            .filter(locale=source_locale)
            .order_by("path")
        ]
    objects += list(SiteChrome.objects.filter(locale=source_locale).order_by("pk"))
    return objects


@transaction.atomic
def translate_demo_content(
    locale: Locale,
    *,
    translator: BaseMachineTranslator | None = None,
    log: Callable[[str], None] = print,
) -> TranslationReport:
    """Translate the demo article and site chrome into ``locale`` and publish.

    Objects already translated into that language are left as they are, so
    running it twice changes nothing.
    """
    translator = translator or DummyTranslator({})
    source_locale = default_locale()
    report = TranslationReport()
    for instance in _demo_objects(source_locale):
        label = str(instance)
        if instance.get_translations().filter(locale=locale).exists():
            report.unchanged.append(label)
            continue
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        machine_translate(translation, translator)
        # wagtail-localize publishes once the transaction commits; publishing
        # here keeps the whole run one transaction that either fully applies
        # or leaves nothing behind.
        translation.save_target(publish=False)
        translation.get_target_instance().get_latest_revision().publish()
        report.translated.append(label)
        log(f"  Machine-translated into {locale.get_display_name()}: {label}")
    return report
