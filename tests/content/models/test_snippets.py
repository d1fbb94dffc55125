"""The site chrome snippet (content/models/snippets.py): one per language,
served with its copyright line and its language."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import SiteChromeFactory

pytestmark = pytest.mark.django_db


def test_the_copyright_names_this_year_and_the_organisation(graphql):
    SiteChromeFactory(copyright_line="All rights reserved.")
    result = graphql("{ siteChrome { copyright locale contactEmail } }")
    assert not result.errors, result.errors
    year = timezone.now().year
    assert result.data["siteChrome"] == {
        "copyright": f"© {year} Testing Fertility Collective. All rights reserved.",
        "locale": "en",
        "contactEmail": "team@example.org",
    }


def test_without_a_copyright_line_the_notice_stands_alone():
    chrome = SiteChromeFactory(copyright_line="")
    assert chrome.copyright == f"© {timezone.now().year} Testing Fertility Collective."
    assert str(chrome) == "Testing Fertility Collective"


def test_a_language_has_one_site_chrome(german):
    chrome = SiteChromeFactory()
    translation = chrome.copy_for_translation(german)
    translation.save()
    assert translation.contact_email == chrome.contact_email  # synchronised
    with pytest.raises(IntegrityError), transaction.atomic():
        chrome.copy_for_translation(german).save()
