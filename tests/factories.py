"""Factories for article pages, with bodies in our own test wording."""

from __future__ import annotations

import factory
import wagtail_factories
from wagtail.models import Locale

from content.models import CauseCategoryPage, CauseIndexPage, CausePage, SiteChrome


class CauseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Test article hub"
    slug = factory.Sequence(lambda n: f"test-hub-{n}")
    intro = "<p>An introduction written for tests.</p>"
    support_note = "<p>Take your time reading this.</p>"
    outlook = "<p>Treatment can often help.</p>"

    class Meta:
        model = CauseIndexPage


class CauseCategoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test category {n}")
    slug = factory.Sequence(lambda n: f"test-category-{n}")
    summary = "A category used in tests."

    class Meta:
        model = CauseCategoryPage


class CausePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test cause {n}")
    slug = factory.Sequence(lambda n: f"test-cause-{n}")
    summary = "A cause used in tests."

    class Meta:
        model = CausePage


class SiteChromeFactory(factory.django.DjangoModelFactory):
    organisation_name = "Testing Fertility Collective"
    disclaimer = "<p>We connect people with clinics and give no medical advice.</p>"
    contact_email = "team@example.org"
    registered_in = "United Kingdom"
    copyright_line = "All rights reserved."
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = SiteChrome


def linked_body(target_id: int, text: str = "A paragraph for tests.") -> list[dict]:
    """A body with a heading, a paragraph linking to a page and a page link."""
    return [
        {"type": "heading", "value": {"text": "About this cause", "level": "h2"}},
        {
            "type": "paragraph",
            "value": f'<p>{text} See <a linktype="page" id="{target_id}">this</a>.</p>',
        },
        {"type": "page_link", "value": {"page": target_id, "link_text": "Read next"}},
    ]
