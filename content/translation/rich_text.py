"""Rich text whose links are synchronised from the source, never translated.

wagtail-localize offers every external link (``<a href>``) of a rich-text
field or block to translators as an editable "synchronised value": a
translator could point a German sentence to another address than the English
one. In medical content that is a correctness and safety risk, so these
classes give wagtail-localize the text of a rich-text value and nothing else:

- each sentence is a translatable string whose links keep their source
  attributes (wagtail-localize restores them from the source segment, and
  refuses a translated string that adds attributes of its own);
- no link address is extracted, so the translation editor shows none and a
  PO file carries none;
- when the translation is saved, link addresses come from the source as it
  was at the last sync, so a changed link reaches every language with the
  next *Sync with source*, and an override stored before this existed is
  ignored.

Links to pages (``<a linktype="page" id="...">``) have never been offered as
values; the API serves them as the target's translation in the reader's
language (``content.rich_text``).

Both classes keep Wagtail's names in migrations (``deconstruct``,
``DECONSTRUCT_ALIASES``): they change how content is translated, not what is
stored.
"""

from __future__ import annotations

from typing import Any

from wagtail import blocks
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText
from wagtail_localize.segments import (
    OverridableSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.ingest import organise_template_segments
from wagtail_localize.strings import extract_strings, restore_strings


def rich_text_segments(html: str | None) -> list:
    """The segments of a rich-text value: its template and its sentences."""
    template, strings = extract_strings(html or "")
    return [TemplateSegmentValue("", "html", template, len(strings))] + [
        StringSegmentValue("", string, attrs=attrs) for string, attrs in strings
    ]


def restore_rich_text(segments: list) -> str:
    """The translated HTML, with every link as it is in the source."""
    segments = [s for s in segments if not isinstance(s, OverridableSegmentValue)]
    segment_format, template, strings = organise_template_segments(segments)
    if segment_format != "html":
        raise ValueError(
            f"Rich text can only contain HTML segments, not {segment_format}"
        )
    return restore_strings(template, strings)


class SynchronisedLinksRichTextBlock(blocks.RichTextBlock):
    """A rich-text block whose link addresses translators cannot change."""

    def get_translatable_segments(self, value: RichText | None) -> list:
        return rich_text_segments(value.source if value is not None else "")

    def restore_translated_segments(self, value: Any, segments: list) -> RichText:
        return RichText(restore_rich_text(segments))


class SynchronisedLinksRichTextField(RichTextField):
    """A rich-text field whose link addresses translators cannot change."""

    def get_translatable_segments(self, value: str | None) -> list:
        return rich_text_segments(value)

    def restore_translated_segments(self, value: Any, segments: list) -> str:
        return restore_rich_text(segments)

    def deconstruct(self) -> tuple:
        name, _path, args, kwargs = super().deconstruct()
        return name, "wagtail.fields.RichTextField", args, kwargs


DECONSTRUCT_ALIASES = {
    SynchronisedLinksRichTextBlock: "wagtail.blocks.RichTextBlock",
}
