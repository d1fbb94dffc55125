"""The GraphQL endpoint."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from graphene_django.views import GraphQLView as BaseGraphQLView
from wagtail import hooks


class GraphQLView(BaseGraphQLView):
    """graphene-django's view, with per-request scopes and JSON-only errors.

    Apps contribute per-request state (such as the content loader) through the
    ``graphql_request_scope`` hook: each hook receives the request and returns
    a context manager that is entered for the duration of the request.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with contextlib.ExitStack() as stack:
            for scope in hooks.get_hooks("graphql_request_scope"):
                stack.enter_context(scope(request))
            return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def format_error(error: Any) -> dict:
        return BaseGraphQLView.format_error(error)


def json_error(message: str, status: int) -> HttpResponse:
    return HttpResponse(
        json.dumps({"errors": [{"message": message}]}),
        status=status,
        content_type="application/json",
    )
