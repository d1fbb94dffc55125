"""The GraphQL endpoint: limits, error masking and per-request scopes."""

from __future__ import annotations

import contextlib
import json
import logging
import re
import uuid
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import (
    ExecutionContext,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
)
from graphql.utilities import get_operation_ast
from graphql.validation import validate

from cms.caching import (
    cache_key,
    etag_for,
    is_cacheable,
    lookup,
    rate_limited,
    store,
)
from cms.graphql_limits import check_limits, parse_query, validation_rules

logger = logging.getLogger("cms.graphql")

SUGGESTION = re.compile(r" Did you mean .*\?$")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
INTERNAL_ERROR = "Internal server error."


def bad_request(message: str, status: int = 400) -> HttpError:
    return HttpError(HttpResponse(status=status), message)


def log_refusal(request: HttpRequest, response: HttpResponse) -> None:
    """One log line for a request the endpoint refused (a 4xx answer).

    ``settings.base.LOGGING`` drops django.request's own line for these, so
    each refusal is logged once, with the request id and the reason given to
    the client.
    """
    if not 400 <= response.status_code < 500:
        return
    reason = ""
    try:
        errors = json.loads(response.content).get("errors") or []
        reason = str(errors[0].get("message", ""))[:200]
    except (ValueError, AttributeError, IndexError, TypeError):
        pass
    logger.warning(
        "GraphQL request refused [%s]: %s %s %s",
        request.request_id,
        response.status_code,
        request.method,
        reason or "(no message)",
    )


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
    ``GraphQLView.format_error`` masks and logs like any other exception.
    Errors of nested fields pass through untouched: they were located (given
    a path) where they were raised, and were judged there.
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


class GraphQLView(BaseGraphQLView):
    """graphene-django's view, hardened for a public endpoint.

    - requests over ``GRAPHQL_MAX_BODY_BYTES`` get a 413 before parsing;
    - the parser stops after ``GRAPHQL_MAX_TOKENS`` tokens or
      ``GRAPHQL_MAX_ALIASES`` aliases;
    - validation runs graphql-core's specified rules *plus* depth, alias,
      cost, field and fragment limits (``cms.graphql_limits``, checked
      first, in time linear in the query), so rejected queries run no SQL;
    - errors raised on purpose (``GraphQLError``: validation, not found,
      invalid argument, rate limited) reach the client; anything else,
      including a value graphql-core cannot complete
      (``MaskingExecutionContext``), is logged with the request id and
      replaced by a generic message carrying that id;
    - apps contribute per-request state (the content loader) through the
      ``graphql_request_scope`` Wagtail hook.
    """

    # GraphiQL (where it is on) from this server's static files, no CDN.
    graphiql_template = "cms/graphiql.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from wagtail import hooks

        request.request_id = self.request_id(request)
        too_large = self.check_size(request)
        if too_large is not None:
            log_refusal(request, too_large)
            return too_large
        hit = self.cached_response(request)
        if hit is not None:
            return hit
        with contextlib.ExitStack() as stack:
            for scope in hooks.get_hooks("graphql_request_scope"):
                stack.enter_context(scope(request))
            response = super().dispatch(request, *args, **kwargs)
        response["X-Request-ID"] = request.request_id
        log_refusal(request, response)
        if response.get("Content-Type", "").startswith("application/json"):
            # graphene-django's view always sets a CSRF cookie (for GraphiQL);
            # a JSON answer needs none, and a cookie would keep CDNs away.
            request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
            response.cookies.pop(settings.CSRF_COOKIE_NAME, None)
            response = self.add_cache_headers(request, response)
        return response

    def cached_response(self, request: HttpRequest) -> HttpResponse | None:
        """Answer a cache hit before any GraphQL (or CSRF) machinery runs.

        On a miss, the key and the generation read here are kept on the
        request for ``get_response`` to store the fresh answer under.
        """
        if request.method not in ("GET", "POST") or not is_cacheable(request):
            return None
        if self.graphiql and self.request_wants_html(request):
            return None
        try:
            if request.method == "GET":
                data = request.GET
            elif self.get_content_type(request) == "application/json":
                data = json.loads(request.body)
            else:
                return None
            if not isinstance(data, dict | QueryDict):
                return None
            query, variables, operation_name, _id = self.get_graphql_params(
                request, data
            )
        except (HttpError, ValueError):
            return None  # the full path answers with the proper error
        if not query:
            return None
        key = cache_key(request, query, variables, operation_name)
        if key is None:  # does not parse: never cached
            request.graphql_cache_lookup = None
            return None
        seen_generation, entry = lookup(key)
        request.graphql_cache_lookup = (key, seen_generation)
        if entry is None:
            return None
        result, status, request.graphql_etag, request.graphql_valid_until = entry
        request.graphql_cache = "HIT"
        response = HttpResponse(result, status=status, content_type="application/json")
        response["X-Request-ID"] = request.request_id
        return self.add_cache_headers(request, response)

    def add_cache_headers(
        self, request: HttpRequest, response: HttpResponse
    ) -> HttpResponse:
        if getattr(request, "graphql_private", False) or not is_cacheable(request):
            response["Cache-Control"] = "private, no-store"
            return response
        if (
            getattr(request, "graphql_cache", None) is None
            or response.status_code != 200
        ):
            response["Cache-Control"] = "no-store"
            return response
        response["X-Cache"] = request.graphql_cache
        max_age = settings.GRAPHQL_HTTP_MAX_AGE
        valid_until = getattr(request, "graphql_valid_until", None)
        if valid_until is not None:  # never past the next go-live or expiry
            remaining = int(valid_until - timezone.now().timestamp())
            max_age = max(0, min(max_age, remaining))
        response["Cache-Control"] = f"public, max-age={max_age}"
        etag = getattr(request, "graphql_etag", None) or etag_for(response.content)
        response["ETag"] = etag
        if request.method == "GET" and etag in request.headers.get("If-None-Match", ""):
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Cache-Control", "X-Request-ID", "X-Cache"):
                not_modified[header] = response[header]
            return not_modified
        return response

    @staticmethod
    def request_id(request: HttpRequest) -> str:
        supplied = request.META.get("HTTP_X_REQUEST_ID", "")
        return supplied if REQUEST_ID.match(supplied) else uuid.uuid4().hex

    def check_size(self, request: HttpRequest) -> HttpResponse | None:
        limit = settings.GRAPHQL_MAX_BODY_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        query_string = request.META.get("QUERY_STRING", "")
        too_large = declared > limit or len(query_string) > limit
        if not too_large and request.method == "POST":
            too_large = len(request.body) > limit
        if not too_large:
            return None
        return self.error_response(
            request, f"Request too large: at most {limit // 1024} KB.", status=413
        )

    def error_response(self, request: HttpRequest, message: str, status: int):
        response = HttpResponse(
            self.json_encode(request, {"errors": [{"message": message}]}),
            status=status,
            content_type="application/json",
        )
        response["X-Request-ID"] = request.request_id
        return response

    @staticmethod
    def get_graphql_params(request: HttpRequest, data: dict) -> tuple:
        query, variables, operation_name, id_ = BaseGraphQLView.get_graphql_params(
            request, data
        )
        if query is not None and not isinstance(query, str):
            raise bad_request("'query' must be a string.")
        if variables is not None and not isinstance(variables, dict):
            raise bad_request("'variables' must be a JSON object.")
        if operation_name is not None and not isinstance(operation_name, str):
            raise bad_request("'operationName' must be a string.")
        return query, variables, operation_name, id_

    def execute_graphql_request(
        self,
        request: HttpRequest,
        data: dict,
        query: str | None,
        variables: dict | None,
        operation_name: str | None,
        show_graphiql: bool = False,
    ) -> ExecutionResult | None:
        if not query:
            if show_graphiql:
                return None
            raise bad_request("Must provide query string.")
        schema = self.schema.graphql_schema
        try:
            document = parse_query(query)
        except GraphQLError as error:
            return ExecutionResult(data=None, errors=[error])
        operation = get_operation_ast(document, operation_name)
        if operation is not None and operation.operation != OperationType.QUERY:
            raise bad_request("Only queries are supported: this API is read-only.")
        errors = check_limits(schema, document) or validate(
            schema, document, validation_rules()
        )
        if errors:
            return ExecutionResult(data=None, errors=errors)
        try:
            return execute(
                schema,
                document,
                root_value=self.get_root_value(request),
                context_value=self.get_context(request),
                variable_values=variables,
                operation_name=operation_name,
                middleware=self.get_middleware(request),
                execution_context_class=MaskingExecutionContext,
            )
        except Exception:  # pragma: no cover - defensive
            logger.exception("GraphQL execution failed [%s]", request.request_id)
            return ExecutionResult(data=None, errors=[GraphQLError(INTERNAL_ERROR)])

    def get_response(self, request: HttpRequest, data: dict, show_graphiql=False):
        self._request = request
        if show_graphiql:
            return super().get_response(request, data, show_graphiql)
        query, variables, operation_name, _id = self.get_graphql_params(request, data)
        cache_lookup = getattr(request, "graphql_cache_lookup", None)
        if (
            not hasattr(request, "graphql_cache_lookup")
            and query
            and is_cacheable(request)
            and (key := cache_key(request, query, variables, operation_name))
        ):
            seen_generation, entry = lookup(key)
            if entry is not None:
                result, status, request.graphql_etag, request.graphql_valid_until = (
                    entry
                )
                request.graphql_cache = "HIT"
                return result, status
            cache_lookup = (key, seen_generation)
        wait = rate_limited(request)
        if wait is not None:
            response = HttpResponse(status=429)
            response["Retry-After"] = str(wait)
            raise HttpError(response, "Rate limit exceeded: try again later.")
        result, status = super().get_response(request, data, show_graphiql)
        storable = (
            cache_lookup is not None
            and status == 200
            and result
            and not result.startswith('{"errors"')
            and not getattr(request, "graphql_private", False)
        )
        if storable:
            key, seen_generation = cache_lookup
            valid_until = getattr(request, "graphql_valid_until", None)
            store(key, seen_generation, result, status, valid_until)
            request.graphql_cache = "MISS"
        return result, status

    def format_error(self, error: Any) -> dict:
        if isinstance(error, HttpError):
            return {"message": str(error.message)}
        if isinstance(error, GraphQLError) and not self.is_internal(error):
            formatted = error.formatted
            if not settings.GRAPHQL_SUGGESTIONS:
                formatted["message"] = SUGGESTION.sub("", formatted["message"])
            return formatted
        request = getattr(self, "_request", None)
        request_id = getattr(request, "request_id", "-")
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

    @staticmethod
    def is_internal(error: GraphQLError) -> bool:
        """An exception a resolver did not raise on purpose."""
        original = error.original_error
        return original is not None and not isinstance(original, GraphQLError)
