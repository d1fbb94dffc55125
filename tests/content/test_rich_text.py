"""Rich-text page links (content/rich_text.py): Wagtail's links outside the
API; inside it, visible targets only, in the language served."""

from __future__ import annotations

import pytest
from wagtail.rich_text import expand_db_html

from content.models import CauseCategoryPage, CausePage
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db


def link_to(page) -> str:
    return f'<p>See <a linktype="page" id="{page.pk}">this page</a>.</p>'


def test_outside_the_api_links_are_wagtails_even_to_a_draft(demo_article):
    cause = CausePage.objects.get(slug="hydrosalpinx")
    assert f'href="{cause.url}"' in expand_db_html(link_to(cause))
    cause.unpublish()
    # The admin and templates show editors where the link goes.
    assert "href=" in expand_db_html(link_to(cause))


QUERY = '{ cause(slug: "linking-cause") { body { ... on RichTextBlock { value } } } }'


def test_in_the_api_a_link_to_a_withdrawn_page_keeps_its_text_only(
    demo_article, graphql
):
    cause = CausePage.objects.get(slug="hydrosalpinx")
    CausePageFactory(
        parent=CauseCategoryPage.objects.get(slug="uterine"),
        slug="linking-cause",
        body=[{"type": "paragraph", "value": link_to(cause)}],
    )
    served = graphql(QUERY).data["cause"]["body"][0]["value"]
    assert f'<a href="{cause.url}">this page</a>' in served
    cause.unpublish()
    served = graphql(QUERY).data["cause"]["body"][0]["value"]
    assert "<a>this page</a>" in served
    assert "href" not in served
