"""Which errors reach the client, and how the others are masked.

``GraphQLError`` is what resolvers raise on purpose (validation, not found,
invalid argument, rate limited), so its message reaches the client; any other
exception, and a value graphql-core cannot complete, is logged with the
request id and replaced by a generic message carrying that id.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.conf import settings
from graphene_django.views import HttpError
from graphql import ExecutionContext, GraphQLError

logger = logging.getLogger("cms.graphql")

SUGGESTION = re.compile(r" Did you mean .*\?$")
INTERNAL_ERROR = "Internal server error."


class ValueCompletionError(Exception):
    """graphql-core could not turn what a resolver returned into its field's
    type: a bug on the server, never the client's doing."""


class MaskingExecutionContext(ExecutionContext):
    """graphql-core's executor, with its own value-completion errors internal.

    ``GraphQLError`` is what resolvers raise on purpose, so its message reaches
    the client. graphql-core raises the same class when it cannot complete a
    value a resolver returned: a scalar it cannot serialize ("String cannot
    represent value: {...}", with the repr of a server object), an enum value
    it does not know, a non-list for a list, an object of a type the field
    cannot return. Those are re-raised here as ``ValueCompletionError``, which
    ``format_error`` masks and logs like any other exception.
    Errors of nested fields pass through untouched: they were located (given
    a path) where they were raised, and were judged there.

    Patch of graphql-core 3.2.14's ``ExecutionContext.complete_value``
    (signature checked by ``tests/cms/test_patches.py``).
    """

    def complete_value(self, return_type, field_nodes, info, path, result):
        if isinstance(result, Exception):  # a resolver's own error, returned
            return super().complete_value(return_type, field_nodes, info, path, result)
        try:
            return super().complete_value(return_type, field_nodes, info, path, result)
        except GraphQLError as error:
            if error.path is not None:
                raise
            raise ValueCompletionError(error.message) from error


def is_internal(error: GraphQLError) -> bool:
    """An exception a resolver did not raise on purpose."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


def format_error(error: Any, request_id: str) -> dict:
    """The client's view of ``error``: its own message, or a masked one."""
    if isinstance(error, HttpError):
        formatted: dict[str, Any] = {"message": str(error.message)}
        extensions = getattr(error, "extensions", None)
        if extensions:
            formatted["extensions"] = dict(extensions)
        return formatted
    if isinstance(error, GraphQLError) and not is_internal(error):
        formatted = error.formatted
        if not settings.GRAPHQL_SUGGESTIONS:
            formatted["message"] = SUGGESTION.sub("", formatted["message"])
        return formatted
    original = getattr(error, "original_error", None) or error
    logger.error(
        "GraphQL resolver error [%s]: %s",
        request_id,
        error,
        exc_info=(type(original), original, original.__traceback__)
        if isinstance(original, BaseException)
        else None,
    )
    masked: dict[str, Any] = {
        "message": INTERNAL_ERROR,
        "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
    }
    if isinstance(error, GraphQLError) and error.path:
        masked["path"] = error.path
    return masked
