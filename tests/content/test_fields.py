"""List fields of the page types stay non-null lists of non-null items
(content/fields.py), as the contract promises; seen through introspection."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

FIELD_TYPES = """
query ($name: String!) {
  __type(name: $name) {
    fields { name type { kind ofType { kind ofType { kind ofType { name } } } } }
  }
}
"""


def field_type(graphql, type_name: str, field: str) -> dict:
    result = graphql(FIELD_TYPES, {"name": type_name})
    assert not result.errors, result.errors
    fields = {entry["name"]: entry["type"] for entry in result.data["__type"]["fields"]}
    return fields[field]


def non_null_list_of_non_null(name: str) -> dict:
    return {
        "kind": "NON_NULL",
        "ofType": {
            "kind": "LIST",
            "ofType": {"kind": "NON_NULL", "ofType": {"name": name}},
        },
    }


@pytest.mark.parametrize(
    ("type_name", "field", "item"),
    [
        ("CauseIndexPage", "categories", "CauseCategoryPage"),
        ("CauseCategoryPage", "causes", "CausePage"),
        ("CausePage", "relatedCauses", "CausePage"),
        ("CausePage", "body", "StreamFieldInterface"),
        ("CauseIndexPage", "body", "StreamFieldInterface"),
    ],
)
def test_list_fields_are_non_null_lists_of_non_null_items(
    graphql, type_name, field, item
):
    assert field_type(graphql, type_name, field) == non_null_list_of_non_null(item)


def test_a_single_page_field_is_non_null(graphql):
    assert field_type(graphql, "CausePage", "category") == {
        "kind": "NON_NULL",
        "ofType": {"kind": "OBJECT", "ofType": None},
    }
