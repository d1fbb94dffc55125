"""The committed SDL snapshot is the API contract under review."""

from pathlib import Path

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
