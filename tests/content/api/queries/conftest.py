"""The demo article with part of it published in German, for the query tests."""

import pytest
from wagtail.models import Locale

from content.models import CauseCategoryPage, CausePage


def publish_translation(page, locale: Locale):
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = f"{page.title} (de)"
    translation.save_revision().publish()
    return type(page).objects.get(pk=translation.pk)


@pytest.fixture
def german_article(demo_article, german):
    hub = publish_translation(demo_article, german)
    uterine = CauseCategoryPage.objects.get(slug="uterine", locale__language_code="en")
    category = publish_translation(uterine, german)
    cause = publish_translation(
        CausePage.objects.get(slug="thin-endometrium", locale__language_code="en"),
        german,
    )
    return hub, category, cause
