"""``PositiveInt`` refuses anything but a whole number from zero to 2**31 - 1
with a clear error (content/api/scalars.py), over HTTP."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

BY_VARIABLE = "query ($limit: PositiveInt) { pages(limit: $limit) { id } }"
MESSAGE = "PositiveInt must be a whole number, zero or more."


@pytest.mark.parametrize("literal", ["-1", "2147483648", "1.5", '"3"', "true"])
def test_a_bad_literal_is_a_validation_error_not_a_silent_null(graphql, literal):
    result = graphql(f"{{ pages(limit: {literal}) {{ id }} }}")
    assert result.status_code == 400
    (error,) = result.errors
    assert "PositiveInt" in error["message"]
    assert "Traceback" not in error["message"] and "int()" not in error["message"]
    assert result.data == {}


@pytest.mark.parametrize("value", [-1, 2**31, 1.5, "3", True])
def test_a_bad_variable_is_refused_with_the_scalars_message(graphql, value):
    result = graphql(BY_VARIABLE, {"limit": value})
    assert result.status_code == 400
    (error,) = result.errors
    assert MESSAGE in error["message"]
    assert result.data == {}


@pytest.mark.parametrize("value", [0, 1, 2**31 - 1])
def test_whole_numbers_in_range_are_accepted(graphql, value):
    assert not graphql(BY_VARIABLE, {"limit": value}).errors
    assert not graphql(f"{{ pages(limit: {value}) {{ id }} }}").errors
