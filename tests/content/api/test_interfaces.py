"""The page interface every page type shares (content/api/interfaces.py):
its language fields, and tree fields that pass the visibility gate."""

from __future__ import annotations

import pytest

from content.models import CauseCategoryPage
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db

TREE = """
{ page(slug: "uterine") {
    locale servedLocale isFallback sourceLocale untranslatedSegments
    isPartialTranslation untranslatedParts { field } translations { locale }
    parent { slug }
    children { slug }
    descendants { slug }
    ancestors { slug }
  }
  cause: page(slug: "hydrosalpinx") { siblings { slug } }
}
"""


@pytest.fixture
def draft_child(demo_article):
    category = CauseCategoryPage.objects.get(slug="uterine")
    return CausePageFactory(parent=category, slug="draft-child", live=False)


def test_a_page_in_the_default_language_says_so(draft_child, graphql):
    result = graphql(TREE)
    assert not result.errors, result.errors
    page = result.data["page"]
    assert {key: page[key] for key in list(page)[:8]} == {
        "locale": "en",
        "servedLocale": "en",
        "isFallback": False,
        "sourceLocale": "en",
        "untranslatedSegments": 0,
        "isPartialTranslation": False,
        "untranslatedParts": [],
        "translations": [],
    }


def test_tree_fields_never_return_a_draft(draft_child, graphql, demo_article):
    result = graphql(TREE)
    assert not result.errors, result.errors
    page = result.data["page"]
    assert page["parent"] == {"slug": demo_article.slug}
    children = [child["slug"] for child in page["children"]]
    assert children and "draft-child" not in children
    assert "draft-child" not in [d["slug"] for d in page["descendants"]]
    assert "draft-child" not in [s["slug"] for s in result.data["cause"]["siblings"]]
    # The home page above the hub is structure, never served.
    assert [a["slug"] for a in page["ancestors"]] == [demo_article.slug]


def test_a_translation_lists_its_source_and_says_where_it_came_from(
    machine_translated_article, graphql
):
    result = graphql(
        '{ page(slug: "uterine", locale: "de") { locale sourceLocale '
        "translations { locale } } }"
    )
    assert not result.errors, result.errors
    assert result.data["page"] == {
        "locale": "de",
        "sourceLocale": "en",
        "translations": [{"locale": "en"}],
    }
