"""The content languages: which they are, which one is the default, and
keeping Wagtail's locales in step with them."""

from django.conf import settings
from wagtail.models import Locale


def default_language_code() -> str:
    """The language articles are written in; every other content language is
    a translation of it (the first of ``WAGTAIL_CONTENT_LANGUAGES``)."""
    return settings.WAGTAIL_CONTENT_LANGUAGES[0][0]


def content_locales() -> list[Locale]:
    """The content languages that exist, in the configured order (the default
    language first)."""
    order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    by_code = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=order)
    }
    return [by_code[code] for code in order if code in by_code]


def sync_content_locales(**kwargs) -> list[str]:
    """Create a locale for every content language that has none yet.

    Runs after ``migrate``; existing locales (and their content) are never
    removed here, because deleting a language must be a deliberate act.
    """
    created = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(code)
    return created


def default_locale() -> Locale:
    """The locale of the default content language."""
    return Locale.get_default()
