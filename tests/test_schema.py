"""The committed SDL snapshot is the API contract under review."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

SNAPSHOT = Path(__file__).parent / "snapshots" / "schema.graphql"


def test_schema_matches_the_committed_snapshot(tmp_path):
    current = tmp_path / "schema.graphql"
    call_command(
        "graphql_schema", schema="grapple.schema.schema", out=str(current), verbosity=0
    )
    assert current.read_text() == SNAPSHOT.read_text(), (
        "The GraphQL schema changed. Review the change, then run `make schema` "
        "and commit tests/snapshots/schema.graphql."
    )


def test_contract_names_are_in_the_schema():
    sdl = SNAPSHOT.read_text()
    for line in (
        "causeIndex(",
        "causeCategories(",
        "causeCategory(",
        "causes(",
        "cause(",
        "locales: [Locale!]!",
        "siteChrome(",
    ):
        assert line in sdl


def test_only_content_types_are_in_the_schema():
    """Grapple registers every model of the content app; the workflow task
    and the related-cause join rows are not content and stay out."""
    sdl = SNAPSHOT.read_text()
    types = set(re.findall(r"^type (\w+)", sdl, re.M))
    assert {"MedicalReviewTask", "RelatedCause"}.isdisjoint(types)
    assert "MedicalReviewTask" not in sdl
    union = re.search(r"^union Search = (.*)$", sdl, re.M).group(1)
    assert union.split(" | ") == [
        "CauseIndexPage",
        "CauseCategoryPage",
        "CausePage",
        "Page",
        "SiteChrome",
    ]


@pytest.mark.django_db
def test_search_still_finds_pages(demo_article, graphql):
    result = graphql(
        '{ search(query: "hydrosalpinx") { __typename ... on CausePage { slug } } }'
    )
    assert not result.errors
    assert {"__typename": "CausePage", "slug": "hydrosalpinx"} in result.data["search"]
