"""The GraphQL endpoint."""

from __future__ import annotations

import contextlib
from typing import Any

from django.http import HttpRequest, HttpResponse
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError


class GraphQLView(BaseGraphQLView):
    """graphene-django's view with per-request scopes and strict parameters.

    Apps contribute per-request state (such as the content loader) through the
    ``graphql_request_scope`` Wagtail hook: each hook receives the request and
    returns a context manager entered for the duration of the request.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from wagtail import hooks

        with contextlib.ExitStack() as stack:
            for scope in hooks.get_hooks("graphql_request_scope"):
                stack.enter_context(scope(request))
            return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def get_graphql_params(request: HttpRequest, data: dict) -> tuple:
        query, variables, operation_name, id_ = BaseGraphQLView.get_graphql_params(
            request, data
        )
        if query is not None and not isinstance(query, str):
            raise HttpError(HttpResponse(status=400), "'query' must be a string.")
        if variables is not None and not isinstance(variables, dict):
            raise HttpError(
                HttpResponse(status=400), "'variables' must be a JSON object."
            )
        if operation_name is not None and not isinstance(operation_name, str):
            raise HttpError(
                HttpResponse(status=400), "'operationName' must be a string."
            )
        return query, variables, operation_name, id_
