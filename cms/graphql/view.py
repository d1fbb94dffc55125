"""The GraphQL endpoint: graphene-django's view, composed for a public API.

Each of its jobs lives in a module of its own, and ``GraphQLView`` calls
them in order: the request's checks (``cms.graphql.hardening``), the response
cache (``cms.cache.responses``), the rate limit on misses
(``cms.ratelimit``), then parsing within the limits (``cms.graphql.limits``),
execution and error masking (``cms.graphql.errors``). What it learns about a
request is kept in one ``RequestState`` (``cms.graphql.state``).
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from graphene_django.views import GraphQLView as BaseGraphQLView
from graphene_django.views import HttpError
from graphql import ExecutionResult, GraphQLError, OperationType, execute
from graphql.utilities import get_operation_ast

from cms.cache import keys, responses
from cms.cache.tags import GLOBAL_TAG
from cms.graphql import documents, hardening, persisted
from cms.graphql.errors import INTERNAL_ERROR, MaskingExecutionContext, format_error
from cms.graphql.state import RequestState, attach, state_of
from cms.ratelimit import rate_limited

logger = logging.getLogger("cms.graphql")


class GraphQLView(BaseGraphQLView):
    """graphene-django's view, hardened for a public endpoint.

    - requests over ``GRAPHQL_MAX_BODY_BYTES`` get a 413 before parsing;
    - the parser stops after ``GRAPHQL_MAX_TOKENS`` tokens or
      ``GRAPHQL_MAX_ALIASES`` aliases;
    - validation runs graphql-core's specified rules *plus* depth, alias,
      cost, field and fragment limits (``cms.graphql.limits``, checked
      first, in time linear in the query), so rejected queries run no SQL;
    - errors raised on purpose (``GraphQLError``: validation, not found,
      invalid argument, rate limited) reach the client; anything else,
      including a value graphql-core cannot complete
      (``MaskingExecutionContext``), is logged with the request id and
      replaced by a generic message carrying that id;
    - apps contribute per-request state (the content loader) through the
      ``graphql_request_scope`` Wagtail hook.

    Extends graphene-django 3.2.3's ``GraphQLView``: ``get_graphql_params``
    (type checks), ``execute_graphql_request`` (the limits, read-only,
    masking executor), ``get_response`` (cache and rate limit around it) and
    ``format_error`` (masking) are replaced, and its ``request_wants_html``,
    ``get_content_type`` and ``json_encode`` are called; their signatures are
    checked by ``tests/cms/test_patches.py``.
    """

    # GraphiQL (where it is on) from this server's static files, no CDN.
    graphiql_template = "cms/graphiql.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from wagtail import hooks

        state = attach(request, hardening.request_id(request))
        refusal = hardening.too_large(request)
        if refusal is not None:
            response = self.error_response(request, state, refusal, status=413)
            hardening.log_refusal(request, response)
            return response
        hit = self.cached_response(request, state)
        if hit is not None:
            return hit
        with contextlib.ExitStack() as stack:
            for scope in hooks.get_hooks("graphql_request_scope"):
                stack.enter_context(scope(request))
            response = super().dispatch(request, *args, **kwargs)
        response["X-Request-ID"] = state.request_id
        hardening.log_refusal(request, response)
        if response.get("Content-Type", "").startswith("application/json"):
            hardening.drop_csrf_cookie(request, response)
            response = responses.cache_headers(request, state, response)
        return response

    def cached_response(
        self, request: HttpRequest, state: RequestState
    ) -> HttpResponse | None:
        """Answer a cache hit before any GraphQL (or CSRF) machinery runs.

        Only for the bodies read here without graphene-django (a GET, a JSON
        POST); ``get_response`` looks up the others, once parsed.
        """
        if request.method not in ("GET", "POST") or not responses.is_cacheable(request):
            return None
        if self.graphiql and self.request_wants_html(request):
            return None
        material = self.repeatable_request(request)
        if material is not None:
            trusted_only = persisted.trusted_only_applies(request)
            remembered = keys.repeat_key(request, material, trusted_only)
            if remembered is not None:
                key, state.trusted_id = remembered
                state.by_id = state.trusted_id is not None
                hit = responses.find_by_key(state, key)
                return None if hit is None else self.hit_response(request, state, hit)
        try:
            if request.method == "GET":
                data = request.GET
            elif self.get_content_type(request) == "application/json":
                data = hardening.load_json(request.body, "POST body sent invalid JSON.")
            else:
                return None
            if not isinstance(data, dict | QueryDict):
                return None
            query, variables, operation_name, _id = self.get_graphql_params(
                request, data
            )
        except (HttpError, ValueError):
            return None  # the full path answers with the proper error
        hit = responses.find(request, state, query, variables, operation_name)
        if hit is None:
            return None
        remember = state.trusted_id is not None or not (
            state.by_id or state.register_hash
        )
        if material is not None and remember:
            keys.remember_repeat(
                request, material, state.cache_lookup[0], state.trusted_id
            )
        return self.hit_response(request, state, hit)

    def repeatable_request(self, request: HttpRequest) -> bytes | None:
        """What decides the cache key of a GET (its query string) or a JSON
        POST (its body, when it has no query string), by which the key may be
        remembered (``cms.cache.keys.repeated_requests``), or None.

        Only requests running a query's text or a trusted document are
        remembered (a persisted-query hash is looked up every time), and a
        trusted document's only while it stays trusted
        (``cms.cache.keys.repeat_key``).
        """
        if request.method == "GET":
            return request.META.get("QUERY_STRING", "").encode()
        if request.META.get("QUERY_STRING"):
            return None
        if self.get_content_type(request) != "application/json":
            return None
        return request.body

    @staticmethod
    def hit_response(
        request: HttpRequest, state: RequestState, hit: tuple[str, int]
    ) -> HttpResponse:
        result, status = hit
        response = HttpResponse(result, status=status, content_type="application/json")
        response["X-Request-ID"] = state.request_id
        return responses.cache_headers(request, state, response)

    def error_response(
        self, request: HttpRequest, state: RequestState, message: str, status: int
    ) -> HttpResponse:
        response = HttpResponse(
            self.json_encode(request, {"errors": [{"message": message}]}),
            status=status,
            content_type="application/json",
        )
        response["X-Request-ID"] = state.request_id
        return response

    def parse_body(self, request: HttpRequest) -> Any:
        """graphene-django's, with the body decoded and parsed within limits:
        a body that is not UTF-8, or JSON nested too deeply, is a 400 in our
        words (upstream echoes Python's codec error, or recurses until it
        fails)."""
        content_type = self.get_content_type(request)
        if content_type == "application/graphql":
            return {"query": hardening.decode_body(request.body)}
        if content_type == "application/json":
            data = hardening.load_json(request.body, "POST body sent invalid JSON.")
            if not isinstance(data, dict):
                raise hardening.bad_request(
                    "The received data is not a valid JSON query."
                )
            return data
        return super().parse_body(request)

    @staticmethod
    def get_graphql_params(request: HttpRequest, data: dict) -> tuple:
        """graphene-django's, with ``variables`` and ``extensions`` text parsed
        within limits, and the document a persisted query or trusted document
        id names in place of ``query`` (``cms.graphql.persisted``); worked out
        once per request."""
        state = state_of(request)
        if state is not None and state.params is not None:
            return state.params

        # A POST's parameters are in its body; the query string is read
        # only when there is one.
        url_params = request.GET if request.META.get("QUERY_STRING") else {}

        def param(name: str) -> Any:
            return url_params.get(name) or data.get(name)

        query, variables, id_ = param("query"), param("variables"), param("id")
        if variables and isinstance(variables, str):
            variables = hardening.load_json(variables, "Variables are invalid JSON.")
        operation_name = param("operationName")
        if operation_name == "null":
            operation_name = None
        extensions = param("extensions")
        if extensions and isinstance(extensions, str):
            extensions = hardening.load_json(extensions, "Extensions are invalid JSON.")
        hardening.check_params(query, variables, operation_name)
        document_id = param("documentId") or id_
        resolved = persisted.resolve(
            request, query, operation_name, extensions or None, document_id
        )
        params = (resolved.query, variables, operation_name, id_)
        if state is not None:
            state.params = params
            state.register_hash = resolved.register
            state.by_id = resolved.by_id
            state.trusted_id = resolved.trusted_id
        return params

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
            raise hardening.bad_request("Must provide query string.")
        schema = self.schema.graphql_schema
        # A document this process validated before is neither parsed nor
        # validated again (cms.graphql.documents).
        known = documents.known(query)
        if known is not None:
            document = known.document
        else:
            try:
                document = documents.parse(query)
            except GraphQLError as error:
                return ExecutionResult(data=None, errors=[error])
        operation = get_operation_ast(document, operation_name)
        if operation is not None and operation.operation != OperationType.QUERY:
            raise hardening.bad_request(
                "Only queries are supported: this API is read-only."
            )
        if known is None:
            errors = documents.validate(schema, document)
            if errors:
                return ExecutionResult(data=None, errors=errors)
            documents.remember(query, document)
        state = state_of(request)
        if state is not None and state.register_hash is not None:
            persisted.register(state.register_hash, query)
        responses.read_database_generation(state)
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
            logger.exception(
                "GraphQL execution failed [%s]", state_of(request).request_id
            )
            return ExecutionResult(data=None, errors=[GraphQLError(INTERNAL_ERROR)])

    def get_response(self, request: HttpRequest, data: dict, show_graphiql=False):
        self._request = request
        if show_graphiql:
            return super().get_response(request, data, show_graphiql)
        state = state_of(request)
        query, variables, operation_name, _id = self.get_graphql_params(request, data)
        hit = responses.find(request, state, query, variables, operation_name)
        if hit is not None:
            return hit
        wait = rate_limited(request)
        if wait is not None:
            response = HttpResponse(status=429)
            response["Retry-After"] = str(wait)
            raise HttpError(response, "Rate limit exceeded: try again later.")
        try:
            result, status = super().get_response(request, data, show_graphiql)
        finally:
            state.absorb_resolver_marks(request)
        state.tags = response_tags(request)
        responses.keep(state, result, status)
        return result, status

    def format_error(self, error: Any) -> dict:
        state = state_of(getattr(self, "_request", None))
        return format_error(error, state.request_id if state is not None else "-")


def response_tags(request: HttpRequest) -> tuple[str, ...]:
    """The cache tags of the answer just computed, sorted: ``cms``, which
    every answer carries, those of the images, documents and redirects it
    holds (``cms.cache.tags``), and those of the apps'
    ``graphql_response_tags`` hooks (each returns tags for ``request``:
    ``page-<id>`` for every page in the answer, ``chrome`` for the site
    chrome)."""
    from wagtail import hooks

    tags: set[str] = {GLOBAL_TAG}
    state = state_of(request)
    if state is not None:
        tags.update(state.held_tags)
    for hook in hooks.get_hooks("graphql_response_tags"):
        tags.update(hook(request))
    return tuple(sorted(tags))
