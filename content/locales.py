"""Keeps Wagtail's locales in step with the configured content languages."""

from django.conf import settings
from wagtail.models import Locale


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


def default_language_code() -> str:
    """The default content language: the first configured one, which is also
    ``LANGUAGE_CODE``; sources are written in it."""
    return settings.WAGTAIL_CONTENT_LANGUAGES[0][0]


def default_locale() -> Locale:
    """The locale of the default content language."""
    return Locale.get_default()
