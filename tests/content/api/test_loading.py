"""The whole-article query costs the same number of SQL queries at any size."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from content.api.examples import FULL_ARTICLE_QUERY
from content.models import CauseCategoryPage, CausePage, RelatedCause
from tests.content.api.queries.test_article import ARTICLE
from tests.factories import CausePageFactory, linked_body

pytestmark = pytest.mark.django_db


def count_queries(
    graphql, query: str, variables: dict | None = None
) -> tuple[int, dict]:
    # A first request warms the process caches (content types, site root
    # paths) as any running server has them; the second one is measured. The
    # response cache is off, or the second would be answered from it.
    with override_settings(GRAPHQL_CACHE_SECONDS=0):
        graphql(query, variables)
        with CaptureQueriesContext(connection) as captured:
            result = graphql(query, variables)
    assert result.status_code == 200 and not result.errors, result.errors
    return len(captured), result.data


def add_causes(count: int) -> None:
    categories = list(CauseCategoryPage.objects.order_by("path"))
    targets = list(CausePage.objects.order_by("path"))
    for n in range(count):
        category = categories[n % len(categories)]
        target = targets[n % len(targets)]
        cause = CausePageFactory(parent=category, body=linked_body(target.pk))
        cause.related_causes.add(RelatedCause(target=target))
        cause.save_revision().publish()


@pytest.mark.parametrize("query", [ARTICLE, FULL_ARTICLE_QUERY])
def test_full_article_query_count_does_not_grow_with_causes(
    demo_article, graphql, query
):
    with_12, data = count_queries(graphql, query)
    causes = [c for cat in data["causeIndex"]["categories"] for c in cat["causes"]]
    assert len(causes) == 12

    add_causes(48)
    with_60, data = count_queries(graphql, query)
    causes = [c for cat in data["causeIndex"]["categories"] for c in cat["causes"]]
    assert len(causes) == 60

    assert with_60 == with_12
    assert with_60 <= 15, with_60


def test_every_link_of_the_big_article_is_resolved(demo_article, graphql):
    add_causes(48)
    _count, data = count_queries(graphql, FULL_ARTICLE_QUERY)
    causes = [c for cat in data["causeIndex"]["categories"] for c in cat["causes"]]
    added = [c for c in causes if c["slug"].startswith("test-cause-")]
    assert len(added) == 48
    for cause in added:
        link = next(b for b in cause["body"] if b["blockType"] == "page_link")
        assert link["page"]["url"].startswith("/")
        paragraph = next(b for b in cause["body"] if b["blockType"] == "paragraph")
        assert 'href="/' in paragraph["value"]
        assert len(cause["relatedCauses"]) == 1


def test_related_causes_of_pages_listed_by_pages_resolve(demo_article, graphql):
    # `pages` and `descendants` return pages the request's loader did not
    # load; their related causes must still be served, not fail.
    result = graphql(
        '{ pages(contentType: "content.CausePage", limit: 50) {'
        " ... on CausePage { slug relatedCauses { slug } } } }"
    )
    assert result.status_code == 200 and not result.errors, result.errors
    related = {page["slug"]: page["relatedCauses"] for page in result.data["pages"]}
    assert len(related) == 12
    assert any(related.values())


@pytest.mark.parametrize("language", ["en", "de"])
def test_page_urls_are_wagtails_for_every_page_and_language(
    machine_translated_article, rf, language
):
    """The loader computes page URLs without a reverse() per page; each is the
    URL Wagtail gives, in every language, and with a slug outside ASCII."""
    from django.utils import translation
    from wagtail.models import Page

    from content.api.loading import ContentLoader

    cause = CausePage.objects.filter(locale__language_code="en").first()
    cause.slug = "ursache-übersicht"
    cause.save_revision().publish()
    request = rf.get("/graphql/")
    with translation.override(language):
        loader = ContentLoader(request)
        pages = list(Page.objects.filter(depth__gt=1).specific())
        urls = {page.pk: loader.page_url(page) for page in pages}
        wagtails = {page.pk: page.get_url(request=request) for page in pages}
    assert urls == wagtails
    assert "/de/" in " ".join(u for u in urls.values() if u)
    assert any("%C3%BC" in (u or "") for u in urls.values())


@pytest.mark.parametrize(
    ("operation", "variables"),
    [
        ("HubPage", {"locale": "en", "fallback": False}),
        ("CausePage", {"locale": "en", "fallback": False, "slug": "hydrosalpinx"}),
    ],
)
def test_the_frontends_page_operations_cost_the_same_sql_at_any_size(
    demo_article, graphql, django_assert_max_num_queries, operation, variables
):
    """The documents the reference frontend sends (bench.frontend reads them
    from its generated operations), at 12 and at 60 causes."""
    from bench.frontend import document

    query = document(operation)
    with_12, data = count_queries(graphql, query, variables)
    add_causes(48)
    with (
        override_settings(GRAPHQL_CACHE_SECONDS=0),
        django_assert_max_num_queries(with_12),
    ):
        result = graphql(query, variables)
    assert result.status_code == 200 and not result.errors, result.errors
    if operation == "HubPage":
        hub = result.data["causeIndex"]
        assert sum(len(c["causes"]) for c in hub["categories"]) == 60
    else:
        assert result.data["cause"]["body"]
    assert with_12 <= 18, with_12
