"""Field helpers for ``graphql_fields`` that keep list types non-null.

Grapple's own helpers drop ``required`` on list fields, so a frontend would
see ``[CausePage!]`` where the contract promises ``[CausePage!]!``.
"""

from __future__ import annotations

from collections.abc import Callable

import graphene
from grapple.models import GraphQLField
from grapple.registry import registry
from grapple.types.streamfield import StreamFieldInterface


def page_list(
    field_name: str, model_name: str, *, source: str, description: str
) -> Callable[[], GraphQLField]:
    """A ``[Model!]!`` field resolved by the model method ``source``."""

    def build() -> GraphQLField:
        from django.apps import apps

        model = apps.get_model("content", model_name)
        item = graphene.NonNull(lambda: registry.pages[model])
        return GraphQLField(
            field_name,
            graphene.List(item),
            required=True,
            source=source,
            description=description,
        )

    return build


def page_field(
    field_name: str, model_name: str, *, source: str, description: str
) -> Callable[[], GraphQLField]:
    """A ``Model!`` field resolved by the model method ``source``."""

    def build() -> GraphQLField:
        from django.apps import apps

        model = apps.get_model("content", model_name)
        return GraphQLField(
            field_name,
            lambda: registry.pages[model],
            required=True,
            source=source,
            description=description,
        )

    return build


def stream_field(field_name: str) -> Callable[[], GraphQLField]:
    """A StreamField as ``[StreamFieldInterface!]!``."""
    return lambda: GraphQLField(
        field_name,
        graphene.List(graphene.NonNull(StreamFieldInterface)),
        required=True,
    )
