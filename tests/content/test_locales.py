"""The default content language, looked up in one place."""

import pytest
from django.conf import settings

from content.locales import default_language_code, default_locale


def test_the_default_language_is_the_first_content_language():
    assert default_language_code() == settings.WAGTAIL_CONTENT_LANGUAGES[0][0]
    assert default_language_code() == settings.LANGUAGE_CODE


@pytest.mark.django_db
def test_the_default_locale_is_that_languages_locale():
    assert default_locale().language_code == default_language_code()
