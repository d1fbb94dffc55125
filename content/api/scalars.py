"""Stricter input parsing for grapple's ``PositiveInt`` scalar."""

from typing import Any

from graphql import GraphQLError, Undefined
from graphql.language import IntValueNode

MAX_INT = 2**31 - 1


def _parse_literal(ast: Any, _variables: Any = None) -> Any:
    # Grapple's version turns a negative literal into null (silently ignoring
    # the argument) and leaks a Python error text for a non-integer one.
    if isinstance(ast, IntValueNode):
        value = int(ast.value)
        if 0 <= value <= MAX_INT:
            return value
    return Undefined


def _parse_value(value: Any) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not (0 <= value <= MAX_INT)
    ):
        raise GraphQLError("PositiveInt must be a whole number, zero or more.")
    return value
