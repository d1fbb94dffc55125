"""What the root queries share (content/api/queries/common.py): the unknown
locale error, the required id and the list window, over HTTP."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_an_unknown_locale_names_itself_and_the_known_ones(db, graphql):
    result = graphql('{ causes(locale: "xx") { slug } }')
    (error,) = result.errors
    assert error["extensions"]["code"] == "UNKNOWN_LOCALE"
    assert error["extensions"]["locale"] == "xx"
    assert error["extensions"]["knownLocales"] == ["en", "de", "fr", "es", "it"]


@pytest.mark.parametrize("field", ["image", "document"])
def test_a_single_object_field_without_an_id_is_a_client_error(db, graphql, field):
    result = graphql(f"{{ {field} {{ id }} }}")
    assert result.status_code == 200
    (error,) = result.errors
    assert error["message"] == f"'{field}' needs an id."
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert result.data == {field: None}


def test_an_id_too_large_for_any_row_is_null_not_a_server_error(db, graphql):
    result = graphql("{ image(id: 9223372036854775808) { id } }")
    assert result.status_code == 200
    assert not result.errors, result.errors
    assert result.data == {"image": None}


def test_a_list_is_cut_at_the_page_size_and_offset_moves_the_window(
    demo_article, graphql, settings
):
    settings.GRAPPLE = {**settings.GRAPPLE, "MAX_PAGE_SIZE": 3}
    every = graphql("{ causes(limit: 3) { slug } }").data["causes"]
    assert len(graphql("{ causes(limit: 50) { slug } }").data["causes"]) == 3
    moved = graphql("{ causes(limit: 2, offset: 1) { slug } }").data["causes"]
    assert moved == every[1:3]
