"""Argument policies applied to every field before it resolves.

Every string argument, however deeply nested in a list or input object,
must be text the database can store: no NUL character (PostgreSQL refuses it)
and no lone surrogate (it has no UTF-8 encoding). This is checked once here,
for every field, so no resolver has to.

Every object of this CMS has a whole-number primary key, so an ``ID``
argument that is not one (ASCII digits only: ``"²"`` is a digit to Python,
not to a database) is a clear input error rather than a database error. An
id beyond the largest key a database column holds names no object: the field
answers as for any id without a row (null, or an empty list), without asking
the database.

Grapple passes ``order`` straight to ``QuerySet.order_by``, so any ORM path
(``owner__password``) would sort by it; here each type family may only be
ordered by an allowlist of fields. Search strings have a maximum length.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from graphql import (
    GraphQLError,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    get_named_type,
    is_abstract_type,
)
from wagtail.search.index import class_is_indexed


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


def check_rendition(kwargs: dict) -> None:
    """Only allowlisted renditions, so nobody can fill the disk with new sizes.

    Grapple checks the same list but reports a refusal as a server error.
    """
    spec = "|".join(f"{k}-{v}" for k, v in kwargs.items() if k != "preserve_svg")
    allowed = settings.GRAPPLE.get("ALLOWED_IMAGE_FILTERS")
    if allowed is not None and spec not in allowed:
        raise GraphQLError(
            f"Rendition '{spec}' is not allowed. Allowed: {', '.join(allowed)}.",
            extensions={"code": "BAD_USER_INPUT"},
        )


def check_searchable(info: Any) -> None:
    graphene_type = getattr(get_named_type(info.return_type), "graphene_type", None)
    model = getattr(getattr(graphene_type, "_meta", None), "model", None)
    if model is not None and not class_is_indexed(model):
        raise GraphQLError(
            f"'searchQuery' is not supported on '{info.field_name}'.",
            extensions={"code": "BAD_USER_INPUT"},
        )


def id_arguments(info: Any) -> list[str]:
    """Names of the field's ``ID`` arguments, in Python (snake_case) form."""
    key = (info.parent_type.name, info.field_name)
    if key not in _ID_ARGUMENTS:
        field = info.parent_type.fields.get(info.field_name)  # None: introspection
        _ID_ARGUMENTS[key] = [
            argument.out_name or name
            for name, argument in (field.args.items() if field else ())
            if get_named_type(argument.type) is GraphQLID
        ]
    return _ID_ARGUMENTS[key]


def argument_names(info: Any) -> dict[str, str]:
    """The field's argument names as the client wrote them, by Python name."""
    key = (info.parent_type.name, info.field_name)
    if key not in _ARGUMENT_NAMES:
        field = info.parent_type.fields.get(info.field_name)
        _ARGUMENT_NAMES[key] = {
            argument.out_name or name: name
            for name, argument in (field.args.items() if field else ())
        }
    return _ARGUMENT_NAMES[key]


HOSTNAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})(?::\d{1,5})?$")
_ID_ARGUMENTS: dict[tuple[str, str], list[str]] = {}
_ARGUMENT_NAMES: dict[tuple[str, str], dict[str, str]] = {}

WHOLE_NUMBER = re.compile(r"[0-9]+")
MAX_ID = 2**63 - 1  # the largest primary key a database column holds
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(name: str, value: Any) -> None:
    """Refuse NUL characters and lone surrogates anywhere in ``value``."""
    pending = [value]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if "\x00" in value:
                raise GraphQLError(
                    f"'{name}' must not contain NUL characters (U+0000).",
                    extensions={"code": "BAD_USER_INPUT"},
                )
            if LONE_SURROGATE.search(value):
                raise GraphQLError(
                    f"'{name}' is not valid Unicode: it contains a lone "
                    "surrogate (U+D800 to U+DFFF).",
                    extensions={"code": "BAD_USER_INPUT"},
                )
        elif isinstance(value, dict):
            pending.extend(value.values())
            pending.extend(value.keys())
        elif isinstance(value, list | tuple):
            pending.extend(value)


def whole_number(name: str, value: Any) -> int | None:
    """``value`` as a primary key; None when it is beyond every key.

    Raises ``GraphQLError`` when it is not a whole number.
    """
    text = str(value)
    if not WHOLE_NUMBER.fullmatch(text):
        raise GraphQLError(
            f"'{name}' must be a whole number, got '{text[:40]}'.",
            extensions={"code": "BAD_USER_INPUT"},
        )
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(MAX_ID)):  # before int(): no 5,000-digit numbers
        return None
    number = int(digits)
    return number if number <= MAX_ID else None


def nothing_found(info: Any) -> Any:
    """What a field answers when no object matches: an empty list, or null."""
    type_ = info.return_type
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
        if not isinstance(type_, GraphQLList):
            raise GraphQLError(
                f"No object has this id on '{info.field_name}'.",
                extensions={"code": "BAD_USER_INPUT"},
            )
    return [] if isinstance(type_, GraphQLList) else None


class ArgumentPolicyMiddleware:
    def resolve(self, next_: Any, root: Any, info: Any, **kwargs: Any) -> Any:
        if not kwargs and info.field_name != "rendition":
            # Most fields of an answer take no arguments: nothing to check
            # (a rendition without any is refused by check_rendition).
            return next_(root, info)
        names = argument_names(info)
        for name, value in kwargs.items():
            check_text(names.get(name, name), value)
        beyond_every_key = False
        for name in id_arguments(info):
            value = kwargs.get(name)
            if value is not None:
                number = whole_number(names.get(name, name), value)
                if number is None:
                    beyond_every_key = True
                else:
                    kwargs[name] = str(number)
        if beyond_every_key:
            return nothing_found(info)
        for name in ("hostname", "site"):
            value = kwargs.get(name)
            if isinstance(value, str) and not HOSTNAME.match(value):
                raise GraphQLError(
                    f"'{name}' must be a host name, optionally with ':port'.",
                    extensions={"code": "BAD_USER_INPUT"},
                )
        if info.field_name == "rendition":
            check_rendition(kwargs)
        order = kwargs.get("order")
        if isinstance(order, str):
            check_order(info, order)
        if "search_operator" in kwargs and kwargs["search_operator"] is None:
            # An explicit null means "the default" (grapple would pass "None").
            del kwargs["search_operator"]
        if kwargs.get("search_query"):
            check_searchable(info)
        limit = settings.GRAPHQL_MAX_SEARCH_LENGTH
        for name in ("search_query", "query"):
            value = kwargs.get(name)
            if isinstance(value, str) and len(value) > limit:
                raise GraphQLError(
                    f"'{names.get(name, name)}' is limited to {limit} characters.",
                    extensions={"code": "BAD_USER_INPUT"},
                )
        return next_(root, info, **kwargs)
