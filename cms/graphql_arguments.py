"""Argument policies applied to every field before it resolves.

Grapple passes ``order`` straight to ``QuerySet.order_by``, so any ORM path
(``owner__password``) would sort by it; here each type family may only be
ordered by an allowlist of fields. Search strings have a maximum length.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from graphql import GraphQLError, get_named_type, is_abstract_type


def _family(info: Any) -> str:
    named = get_named_type(info.return_type)
    pages = info.schema.get_type("PageInterface")
    if named is pages or (
        pages is not None
        and not is_abstract_type(named)
        and info.schema.is_sub_type(pages, named)
    ):
        return "page"
    name = named.name.lower()
    for family in ("image", "document"):
        if family in name:
            return family
    return "default"


def check_order(info: Any, order: str) -> None:
    allowed = settings.GRAPHQL_ORDER_FIELDS
    fields = allowed.get(_family(info), allowed["default"])
    for term in (part.strip() for part in order.split(",")):
        if term.lstrip("-") not in fields:
            raise GraphQLError(
                f"Cannot order by '{term}'. Allowed: {', '.join(sorted(fields))} "
                "(prefix with '-' for descending).",
                extensions={"code": "BAD_USER_INPUT"},
            )


class ArgumentPolicyMiddleware:
    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        order = kwargs.get("order")
        if isinstance(order, str):
            check_order(info, order)
        limit = settings.GRAPHQL_MAX_SEARCH_LENGTH
        for name in ("search_query", "query"):
            value = kwargs.get(name)
            if isinstance(value, str) and len(value) > limit:
                raise GraphQLError(
                    f"'{name}' is limited to {limit} characters.",
                    extensions={"code": "BAD_USER_INPUT"},
                )
        return next_(root, info, **kwargs)
