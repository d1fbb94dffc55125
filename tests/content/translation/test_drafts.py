"""A translation saved as a draft never changes what readers of a live
translation see: it waits in a revision for the medical review."""

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from content.models import CausePage, SiteChrome

pytestmark = pytest.mark.django_db

CAUSE = """query($locale: String) {
  cause(slug: "hydrosalpinx", locale: $locale) { summary }
}"""
CHROME = """query($locale: String) { siteChrome(locale: $locale) { disclaimer } }"""


def translation_of(instance, code="de") -> Translation:
    source = TranslationSource.objects.get(
        object_id=instance.translation_key, locale_id=instance.locale_id
    )
    return Translation.objects.get(source=source, target_locale__language_code=code)


def retranslate(instance, path, text):
    StringTranslation.objects.filter(
        locale__language_code="de",
        context__object_id=instance.translation_key,
        context__path=path,
    ).update(data=text)


def test_a_draft_of_a_live_page_translation_stays_out_of_the_api(
    machine_translated_article, graphql
):
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    published = graphql(CAUSE, {"locale": "de"}).data["cause"]["summary"]
    retranslate(english, "summary", "Unreviewed German wording.")

    translation_of(english).save_target(publish=False)

    german = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    assert german.live and german.has_unpublished_changes
    assert german.summary == published
    assert graphql(CAUSE, {"locale": "de"}).data["cause"]["summary"] == published
    draft = german.get_latest_revision()
    assert draft.as_object().summary == "Unreviewed German wording."

    draft.publish()  # what the reviewer's approval does
    served = graphql(CAUSE, {"locale": "de"}).data["cause"]["summary"]
    assert served == "Unreviewed German wording."


def test_a_draft_of_a_live_snippet_translation_keeps_it_published(
    machine_translated_article, graphql
):
    english = SiteChrome.objects.get(locale__language_code="en")
    published = graphql(CHROME, {"locale": "de"}).data["siteChrome"]["disclaimer"]
    retranslate(english, "disclaimer", "<p>Unreviewed disclaimer.</p>")

    translation_of(english).save_target(publish=False)

    german = SiteChrome.objects.get(locale__language_code="de")
    assert german.live and german.has_unpublished_changes
    served = graphql(CHROME, {"locale": "de"}).data["siteChrome"]["disclaimer"]
    assert served == published
    assert "Unreviewed disclaimer." in str(german.get_latest_revision().content)
