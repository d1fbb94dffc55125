"""Limits that bound what one GraphQL request may ask for.

The parser stops at the first token or alias over its limit
(``parse_query``); the validation rules run with graphql-core's specified
rules (never instead of them) before any resolver. A rejected query costs no
SQL.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from graphene.validation import DisableIntrospection
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    TypeInfo,
    ValidationContext,
    ValidationRule,
    VariableNode,
    get_named_type,
    specified_rules,
)
from graphql.language import Source, TokenKind
from graphql.language.parser import Parser


def _is_list(type_: Any) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


class DepthLimit(ValidationRule):
    """At most ``GRAPHQL_MAX_DEPTH`` levels of nested fields.

    ``{ causeIndex { title } }`` has depth 2. Introspection fields are not
    counted, so GraphiQL keeps working where introspection is on.
    """

    def enter_document(self, node: Any, *_: Any):
        self.fragments = {
            d.name.value: d for d in node.definitions if d.kind == "fragment_definition"
        }
        limit = settings.GRAPHQL_MAX_DEPTH
        for definition in node.definitions:
            if isinstance(definition, OperationDefinitionNode):
                depth = self._depth(definition.selection_set, frozenset())
                if depth > limit:
                    self.report_error(
                        GraphQLError(
                            f"Query is too deep: {depth} levels (at most {limit}).",
                            definition,
                        )
                    )

    def _depth(self, selection_set: Any, seen: frozenset) -> int:
        deepest = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if selection.name.value.startswith("__"):
                    continue
                depth = 1 + self._depth(selection.selection_set, seen)
            elif isinstance(selection, InlineFragmentNode):
                depth = self._depth(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue
                depth = self._depth(fragment.selection_set, seen | {name})
            else:
                continue
            deepest = max(deepest, depth)
        return deepest


class LimitedParser(Parser):
    """graphql-core's parser, stopping at the first alias over the limit.

    An alias bomb (the same field asked for under many names) is refused as
    soon as its ``GRAPHQL_MAX_ALIASES + 1``-th alias is read, before the rest
    of the document is parsed: parsing is most of the cost of refusing it.
    Aliases are counted across the whole document, fragments included.
    """

    def __init__(self, source: str, *, max_aliases: int, **kwargs: Any) -> None:
        super().__init__(source, **kwargs)
        self.max_aliases = max_aliases
        self.aliases = 0

    def parse_field(self) -> FieldNode:
        token = self._lexer.token
        if token.kind == TokenKind.NAME and self._lexer.lookahead().kind == (
            TokenKind.COLON
        ):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                raise GraphQLError(
                    f"Too many aliases: more than {self.max_aliases} "
                    f"(at most {self.max_aliases}).",
                    source=self._lexer.source,
                    positions=[token.start],
                )
        return super().parse_field()


def parse_query(query: str) -> DocumentNode:
    """Parse ``query`` within the token and alias limits.

    Raises ``GraphQLError`` for a syntax error or a limit exceeded.
    """
    parser = LimitedParser(
        Source(query),
        max_tokens=settings.GRAPHQL_MAX_TOKENS,
        max_aliases=settings.GRAPHQL_MAX_ALIASES,
    )
    return parser.parse_document()


class RootFieldLimit(ValidationRule):
    """At most ``GRAPHQL_MAX_ALIASES`` root fields per operation."""

    def enter_document(self, node: Any, *_: Any):
        limit = settings.GRAPHQL_MAX_ALIASES
        for definition in node.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            root_fields = [
                selection
                for selection in definition.selection_set.selections
                if isinstance(selection, FieldNode)
            ]
            if len(root_fields) > limit:
                self.report_error(
                    GraphQLError(
                        f"Too many root fields: {len(root_fields)} (at most {limit}).",
                        definition,
                    )
                )


class QueryCostLimit(ValidationRule):
    """Rejects queries whose estimated cost exceeds ``GRAPHQL_MAX_COST``.

    The cost of a root field is the largest product of list sizes along any
    path below it; the cost of a query is the sum over its root fields. A list
    with a ``limit`` argument counts as that limit (a variable counts as the
    maximum page size, since validation runs before variables are read); a
    list without one counts as its bound in ``GRAPHQL_LIST_BOUNDS`` (enforced
    by the content model), or the maximum page size.
    """

    def enter_document(self, node: Any, *_: Any):
        schema = self.context.schema
        self.fragments = {
            d.name.value: d for d in node.definitions if d.kind == "fragment_definition"
        }
        total = 0
        for definition in node.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            root = schema.get_root_type(definition.operation)
            if root is None:
                continue
            for selection in definition.selection_set.selections:
                total += self._cost(selection, root, 1, frozenset())
        limit = settings.GRAPHQL_MAX_COST
        if total > limit:
            self.report_error(
                GraphQLError(
                    f"Query is too expensive: estimated cost {total} "
                    f"(at most {limit}). Ask for fewer or smaller lists."
                )
            )

    def _cost(self, selection: Any, parent: Any, factor: int, seen: frozenset) -> int:
        schema = self.context.schema
        if isinstance(selection, FieldNode):
            fields = getattr(parent, "fields", None) or {}
            field = fields.get(selection.name.value)
            if field is None:
                return factor
            if _is_list(field.type):
                factor *= self._list_size(selection, parent)
            if selection.selection_set is None:
                return factor
            return max(
                [factor]
                + [
                    self._cost(child, get_named_type(field.type), factor, seen)
                    for child in selection.selection_set.selections
                ]
            )
        if isinstance(selection, InlineFragmentNode):
            target = parent
            if selection.type_condition is not None:
                target = schema.get_type(selection.type_condition.name.value) or parent
            return max(
                [factor]
                + [
                    self._cost(child, target, factor, seen)
                    for child in selection.selection_set.selections
                ]
            )
        if isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = self.fragments.get(name)
            if fragment is None or name in seen:
                return factor
            target = schema.get_type(fragment.type_condition.name.value) or parent
            return max(
                [factor]
                + [
                    self._cost(child, target, factor, seen | {name})
                    for child in fragment.selection_set.selections
                ]
            )
        return factor

    def _list_size(self, node: FieldNode, parent: Any) -> int:
        page_size = settings.GRAPPLE["MAX_PAGE_SIZE"]
        for argument in node.arguments or ():
            if argument.name.value != "limit":
                continue
            if isinstance(argument.value, IntValueNode):
                return max(1, min(int(argument.value.value), page_size))
            if isinstance(argument.value, VariableNode):
                return page_size
        bounds = settings.GRAPHQL_LIST_BOUNDS
        name = node.name.value
        return bounds.get(f"{parent.name}.{name}", bounds.get(f"*.{name}", page_size))


LIMIT_RULES = (DepthLimit, RootFieldLimit, QueryCostLimit)


def check_limits(schema: GraphQLSchema, document: DocumentNode) -> list[GraphQLError]:
    """Depth, root-field and cost limits; cheap, so they run first.

    Each rule looks at the whole document once, so they run without
    graphql-core's visitor (which tracks types node by node): a query over a
    limit is refused after little more than parsing. graphql-core's own rules
    (``validation_rules``) run only on queries within the limits; some of
    them grow with the size of a query (overlapping fields compares sibling
    fields pairwise).
    """
    errors: list[GraphQLError] = []
    context = ValidationContext(schema, document, TypeInfo(schema), errors.append)
    for rule in LIMIT_RULES:
        rule(context).enter_document(document)
    return errors


def validation_rules() -> tuple:
    """graphql-core's specified rules, without introspection where it is off."""
    if settings.GRAPHQL_INTROSPECTION:
        return tuple(specified_rules)
    return (DisableIntrospection, *specified_rules)
