"""The last line of defence (content/api/middleware.py): grapple's own
fields that return pages never return one the public may not see."""

from __future__ import annotations

import json

import pytest

from content.models import CauseCategoryPage
from tests.content.test_visibility import MARKER, add_hidden_cause

pytestmark = pytest.mark.django_db


@pytest.fixture
def uterine(demo_article) -> CauseCategoryPage:
    return CauseCategoryPage.objects.get(slug="uterine")


def test_grapple_site_and_redirect_fields_do_not_leak(uterine, graphql):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Site

    hidden = add_hidden_cause(uterine, "never-published", live=False)
    Redirect.objects.create(old_path="/old-cause", redirect_page=hidden)
    result = graphql(
        "{ redirects { oldPath newUrl page { title } } "
        "sites(limit: 1) { pages(limit: 100) { title } "
        'page(slug: "never-published") { title } } }'
    )
    assert not result.errors, result.errors
    assert result.data["redirects"] == [
        {"oldPath": "/old-cause", "newUrl": None, "page": None}
    ]
    assert MARKER not in json.dumps(result.json)
    assert len(result.data["sites"][0]["pages"]) == 16  # the article, no home page

    home = Site.objects.get(is_default_site=True).root_page.specific
    home.unpublish()
    result = graphql("{ sites(limit: 1) { pages(limit: 100) { title } } }")
    # Withdrawing the home page withdraws the whole article below it.
    assert result.data["sites"][0]["pages"] == []
    result = graphql("{ sites { rootPage { title } } }")
    assert not result.errors, result.errors
    assert home.title not in json.dumps(result.json)
