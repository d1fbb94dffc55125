"""What the root queries share: the locale and list-window arguments, the
locale lookup that turns an unknown code into a clear error, and the lookup of
one object by a required id.
"""

from __future__ import annotations

from typing import Any

import graphene
from django.conf import settings
from graphql import GraphQLError
from wagtail.models import Locale, Page

from content.api.context import loader_for
from content.api.loading import ContentLoader, UnknownLocaleError


def max_list_size() -> int:
    """The most items a list field returns: grapple's page size."""
    return settings.GRAPPLE["MAX_PAGE_SIZE"]


def locale_argument() -> graphene.Argument:
    return graphene.Argument(
        graphene.String,
        description="Language code such as 'de'. Defaults to the default "
        "content language; an unknown code is an error.",
    )


def fallback_argument() -> graphene.Argument:
    return graphene.Argument(
        graphene.Boolean,
        default_value=False,
        description="Serve pages that have no live translation in the requested "
        "locale in their source language, marked with servedLocale and "
        "isFallback. Off: such pages are null or absent.",
    )


def resolve_locale(info: Any, code: str | None) -> tuple[ContentLoader, Locale]:
    loader = loader_for(info)
    try:
        return loader, loader.locale(code)
    except UnknownLocaleError as error:
        raise GraphQLError(
            str(error),
            extensions={
                "code": "UNKNOWN_LOCALE",
                "locale": error.code,
                "knownLocales": error.known,
            },
        ) from None


def check_window(limit: int | None, offset: int | None) -> tuple[int, int]:
    """The window of a list: at most ``max_list_size()`` items. (Negative
    values are refused before, by the ``PositiveInt`` scalar.)"""
    most = max_list_size()
    limit = most if limit is None else min(limit, most)
    return limit, offset or 0


def first(pages: list[Page]) -> Page | None:
    return pages[0] if pages else None


MAX_ID = 2**63 - 1  # the largest primary key a database column holds


def by_required_id(queryset, info: Any, value: Any):
    """The object of ``queryset`` with this ``id``, or None.

    For root fields that return one object by id: grapple declares ``id``
    optional but needs it, so a missing one is a clear client error rather
    than a server error. (An id that is no whole number is refused before,
    by ``ArgumentPolicyMiddleware``.)
    """
    if value is None:
        raise GraphQLError(
            f"'{info.field_name}' needs an id.",
            extensions={"code": "BAD_USER_INPUT"},
        )
    if int(value) > MAX_ID:
        return None
    return queryset.filter(pk=int(value)).first()
