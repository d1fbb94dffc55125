"""Rich text whose link addresses translators cannot change
(content/translation/rich_text.py)."""

from __future__ import annotations

from wagtail.rich_text import RichText
from wagtail_localize.segments import (
    OverridableSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.strings import StringValue

from content.translation.rich_text import (
    SynchronisedLinksRichTextBlock,
    SynchronisedLinksRichTextField,
    restore_rich_text,
    rich_text_segments,
)

SOURCE = (
    '<p>Read <a href="https://example.org/support">our support page</a>.</p>'
    "<p>Ask your clinic.</p>"
)


def translated(segments: list, wording: dict[str, str]) -> list:
    """The segments with each sentence replaced as a translator would."""
    out = []
    for segment in segments:
        if isinstance(segment, StringSegmentValue):
            text = wording[segment.string.data]
            segment = StringSegmentValue(
                segment.path, StringValue(text), attrs=segment.attrs
            )
        out.append(segment)
    return out


GERMAN = {
    'Read <a id="a1">our support page</a>.': ('Lies <a id="a1">unsere Hilfeseite</a>.'),
    "Ask your clinic.": "Frag deine Klinik.",
}


def test_translators_are_offered_the_sentences_and_no_link_address():
    segments = rich_text_segments(SOURCE)
    assert isinstance(segments[0], TemplateSegmentValue)
    strings = [s.string.data for s in segments if isinstance(s, StringSegmentValue)]
    assert strings == list(GERMAN)
    assert not any(isinstance(s, OverridableSegmentValue) for s in segments)
    assert "example.org" not in "".join(strings)


def test_the_translation_keeps_the_sources_link_address():
    html = restore_rich_text(translated(rich_text_segments(SOURCE), GERMAN))
    assert html == (
        '<p>Lies <a href="https://example.org/support">unsere Hilfeseite</a>.</p>'
        "<p>Frag deine Klinik.</p>"
    )


def test_an_address_override_stored_earlier_is_ignored():
    segments = translated(rich_text_segments(SOURCE), GERMAN)
    segments.append(OverridableSegmentValue("", "https://example.org/elsewhere"))
    assert "elsewhere" not in restore_rich_text(segments)


def test_the_field_and_the_block_segment_and_restore_the_same_way():
    field, block = SynchronisedLinksRichTextField(), SynchronisedLinksRichTextBlock()
    assert field.get_translatable_segments(SOURCE) == rich_text_segments(SOURCE)
    assert block.get_translatable_segments(RichText(SOURCE)) == rich_text_segments(
        SOURCE
    )
    segments = translated(rich_text_segments(SOURCE), GERMAN)
    restored = block.restore_translated_segments(RichText(SOURCE), segments)
    assert restored.source == field.restore_translated_segments(SOURCE, segments)
    # Migrations keep naming Wagtail's field: only translation changes.
    assert field.deconstruct()[1] == "wagtail.fields.RichTextField"
