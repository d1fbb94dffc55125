"""Limits that bound what one GraphQL request may ask for.

The parser stops at the first token or alias over its limit
(``parse_query``); the limits of ``check_limits`` run next, in time linear in
the size of the document, and graphql-core's specified rules (never left
out) after them, before any resolver. A rejected query costs no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
    get_named_type,
    specified_rules,
)
from graphql.language import Source, TokenKind
from graphql.language.parser import Parser

#: Costs and field counts stop growing here: far above any limit, and the
#: arithmetic stays cheap however much a document multiplies its fragments.
CEILING = 10**12


@dataclass
class WalkStats:
    """Work done by the limit checks so far: one visit per selection or
    fragment looked at. Tests read it to see the work grow with the size of
    a document, never with what its fragments multiply to."""

    visits: int = 0


walk_stats = WalkStats()


@dataclass(frozen=True)
class Measure:
    """What a selection set asks for, fragments expanded.

    ``depth``: levels of nested fields (``__`` fields are free); ``cost``:
    the largest product of list sizes along a path, at least 1; ``fields``:
    fields asked for, each use of a fragment counting its fields again
    (introspection below ``__schema`` and ``__type`` is free, like depth);
    ``top``: fields of the selection set itself, those of its inline
    fragments and spread fragments included (each use counting again), as
    the root fields of an operation are counted.
    """

    depth: int = 0
    cost: int = 1
    fields: int = 0
    top: int = 0


@dataclass
class DocumentMeasure:
    operations: list[tuple[OperationDefinitionNode, int, int]] = field(
        default_factory=list
    )  # (operation, depth, root fields)
    cost: int = 0
    fields: int = 0
    fragments: int = 0
    cycle: list[str] | None = None  # fragment names, the first one repeated last
    introspection: FieldNode | None = None  # the first ``__schema`` or ``__type``


def _is_list(type_: Any) -> bool:
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


class _Walker:
    """Measures a document in time linear in its size.

    Each fragment is measured once, after the fragments it spreads (cycles
    are found first and stop the walk); a spread then reads its fragment's
    measure. The cost estimate is linear in the list factor above a
    selection, so a fragment's cost, measured on its own, serves every
    context that spreads it. No recursion: nesting costs no stack.
    """

    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.document = document
        self.fragments: dict[str, FragmentDefinitionNode] = {
            d.name.value: d
            for d in document.definitions
            if isinstance(d, FragmentDefinitionNode)
        }
        self.measures: dict[str, Measure] = {}
        self.visits = 0
        self.introspection: FieldNode | None = None

    def measure(self) -> DocumentMeasure:
        try:
            return self._measure()
        finally:
            walk_stats.visits += self.visits

    def _measure(self) -> DocumentMeasure:
        result = DocumentMeasure(fragments=len(self.fragments))
        order, result.cycle = self._fragment_order()
        if result.cycle is not None:
            return result
        for name in order:
            fragment = self.fragments[name]
            target = self.schema.get_type(fragment.type_condition.name.value)
            self.measures[name] = self._walk(fragment.selection_set.selections, target)
        for definition in self.document.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            selections = definition.selection_set.selections
            root = self.schema.get_root_type(definition.operation)
            depth = root_fields = 0
            for selection in selections:
                # The cost of a query is the sum over its root fields.
                measure = self._walk((selection,), root, cost=0)
                depth = max(depth, measure.depth)
                if root is not None:
                    result.cost = min(CEILING, result.cost + measure.cost)
                result.fields = min(CEILING, result.fields + measure.fields)
                root_fields = min(CEILING, root_fields + measure.top)
            result.operations.append((definition, depth, root_fields))
        result.introspection = self.introspection
        return result

    def _fragment_order(self) -> tuple[list[str], list[str] | None]:
        """Fragments, each after those it spreads; or a cycle of spreads."""
        spreads = {
            name: self._spreads(fragment.selection_set)
            for name, fragment in self.fragments.items()
        }
        order: list[str] = []
        done: set[str] = set()
        for start in spreads:
            if start in done:
                continue
            path = [(start, iter(spreads[start]))]
            on_path = {start}
            while path:
                name, pending = path[-1]
                for spread in pending:
                    if spread in on_path:
                        names = [n for n, _ in path]
                        return order, names[names.index(spread) :] + [spread]
                    if spread in spreads and spread not in done:
                        path.append((spread, iter(spreads[spread])))
                        on_path.add(spread)
                        break
                else:
                    path.pop()
                    on_path.discard(name)
                    done.add(name)
                    order.append(name)
        return order, None

    def _spreads(self, selection_set: SelectionSetNode) -> list[str]:
        names: dict[str, None] = {}
        stack = [selection_set]
        while stack:
            for selection in stack.pop().selections:
                self.visits += 1
                if isinstance(selection, FragmentSpreadNode):
                    names[selection.name.value] = None
                elif selection.selection_set is not None:
                    stack.append(selection.selection_set)
        return list(names)

    def _walk(self, selections: Any, parent: Any, cost: int = 1) -> Measure:
        """The measure of ``selections`` (a selection set's) within ``parent``.

        A field's cost is its list size (1 for a single object) times the
        cost of its selection set; a fragment's, that of its selection set;
        a selection set's, the largest of its selections' (at least 1).
        """
        stack = [_Frame(selections, parent, cost, None)]
        while True:
            frame = stack[-1]
            selection = next(frame.selections, None)
            if selection is None:
                stack.pop()
                if not stack:
                    return Measure(frame.depth, frame.cost, frame.fields, frame.top)
                depth, cost, fields, top = (
                    frame.depth,
                    frame.cost,
                    frame.fields,
                    frame.top,
                )
                if frame.field is not None:  # a field's selection set
                    free, factor, introspection = frame.field
                    depth = 0 if free else 1 + depth
                    cost = 1 if factor is None else min(CEILING, factor * cost)
                    fields = 0 if introspection else fields + 1
                    top = 1  # the field itself; an inline fragment: its fields
                stack[-1].add(depth, cost, fields, top)
                continue
            self.visits += 1
            if isinstance(selection, FieldNode):
                name = selection.name.value
                introspection = name in ("__schema", "__type")
                if introspection and self.introspection is None:
                    self.introspection = selection
                definition = (getattr(frame.parent, "fields", None) or {}).get(name)
                factor = target = None
                if definition is not None:
                    factor = 1
                    if _is_list(definition.type):
                        factor = _list_size(selection, frame.parent)
                    target = get_named_type(definition.type)
                free = name.startswith("__")
                if selection.selection_set is None:
                    frame.add(0 if free else 1, factor or 1, 1, 1)
                else:
                    children = selection.selection_set.selections
                    field = (free, factor, introspection)
                    stack.append(_Frame(children, target, 1, field))
            elif isinstance(selection, InlineFragmentNode):
                target = frame.parent
                if selection.type_condition is not None:
                    condition = selection.type_condition.name.value
                    target = self.schema.get_type(condition) or target
                children = selection.selection_set.selections
                stack.append(_Frame(children, target, 1, None))
            elif isinstance(selection, FragmentSpreadNode):
                measure = self.measures.get(selection.name.value, Measure())
                frame.add(measure.depth, measure.cost, measure.fields, measure.top)


class _Frame:
    """A selection set being measured, and the measure of its part so far."""

    __slots__ = ("selections", "parent", "field", "depth", "cost", "fields", "top")

    def __init__(self, selections: Any, parent: Any, cost: int, field: Any) -> None:
        self.selections = iter(selections)
        self.parent = parent
        # For a field's selection set: whether the field is free of depth,
        # its list size (None if unknown), whether it is introspection.
        self.field = field
        self.depth = 0
        self.cost = cost
        self.fields = 0
        self.top = 0

    def add(self, depth: int, cost: int, fields: int, top: int) -> None:
        self.depth = max(self.depth, depth)
        self.cost = max(self.cost, cost)
        self.fields = min(CEILING, self.fields + fields)
        self.top = min(CEILING, self.top + top)


def _list_size(node: FieldNode, parent: Any) -> int:
    """A list counts as its ``limit`` (a variable: the page size), else its
    bound in ``GRAPHQL_LIST_BOUNDS``, else the page size."""
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


#: Longer integer literals mean nothing to this schema (an ``ID`` has at most
#: 19 digits, an ``Int`` 10), and Python will not convert ones over 4,300.
MAX_INT_DIGITS = 100


class LimitedParser(Parser):
    """graphql-core's parser, stopping at the first alias over the limit.

    An alias bomb (the same field asked for under many names) is refused as
    soon as its ``GRAPHQL_MAX_ALIASES + 1``-th alias is read, before the rest
    of the document is parsed: parsing is most of the cost of refusing it.
    Aliases are counted across the whole document, fragments included.

    Patch of graphql-core 3.2.14's ``Parser`` (``tests/cms/test_patches.py``
    checks its targets): ``parse_field`` is extended to count aliases, and the
    private ``_lexer`` (its ``token``, ``lookahead()`` and ``source``) is read
    through ``lexer`` below, and nowhere else. ``parse_int`` is extended to
    refuse an integer literal of more than ``MAX_INT_DIGITS`` digits, which
    every scalar's ``int()`` would otherwise fail on.
    """

    def __init__(self, source: str, *, max_aliases: int, **kwargs: Any) -> None:
        super().__init__(source, **kwargs)
        self.max_aliases = max_aliases
        self.aliases = 0

    @property
    def lexer(self) -> Any:
        """graphql-core's private lexer: the token being read, and its source."""
        return self._lexer

    def parse_field(self) -> FieldNode:
        token = self.lexer.token
        if token.kind == TokenKind.NAME and self.lexer.lookahead().kind == (
            TokenKind.COLON
        ):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                raise GraphQLError(
                    f"Too many aliases: more than {self.max_aliases} "
                    f"(at most {self.max_aliases}).",
                    source=self.lexer.source,
                    positions=[token.start],
                )
        return super().parse_field()

    def parse_int(self, _is_const: bool = False) -> IntValueNode:
        token = self.lexer.token
        if len(token.value.lstrip("-")) > MAX_INT_DIGITS:
            raise GraphQLSyntaxError(
                self.lexer.source,
                token.start,
                f"Integer is too long: at most {MAX_INT_DIGITS} digits.",
            )
        return super().parse_int(_is_const)


def parse_query(query: str) -> DocumentNode:
    """Parse ``query`` within the token and alias limits.

    Raises ``GraphQLError`` for a syntax error or a limit exceeded.
    """
    parser = LimitedParser(
        Source(query),
        max_tokens=settings.GRAPHQL_MAX_TOKENS,
        max_aliases=settings.GRAPHQL_MAX_ALIASES,
    )
    try:
        return parser.parse_document()
    except RecursionError:
        pass  # raised outside the handler, so the error keeps no frames
    raise GraphQLSyntaxError(
        parser.lexer.source,
        parser.lexer.token.start,
        "Document is nested too deeply. Parsing aborted.",
    )


def measure_document(schema: GraphQLSchema, document: DocumentNode) -> DocumentMeasure:
    """Depth, root fields, cost and fields of ``document``, in linear time."""
    return _Walker(schema, document).measure()


def check_limits(schema: GraphQLSchema, document: DocumentNode) -> list[GraphQLError]:
    """Fragment cycles, introspection, depth, root-field, cost and field limits.

    They run first, on one walk of the document that measures each fragment
    once, so a query over a limit is refused after little more than parsing.
    graphql-core's own rules (``validation_rules``) run only on queries
    within the limits; some of them grow faster than the size of a query
    (overlapping fields compares sibling fields pairwise), which the field
    limit keeps small.
    """
    measure = measure_document(schema, document)
    if measure.cycle is not None:
        start, *via = measure.cycle[:-1]
        path = f" via {', '.join(repr(name) for name in via)}" if via else ""
        return [
            GraphQLError(
                f"Fragment '{start}' spreads itself{path}: "
                "fragments cannot form a cycle."
            )
        ]
    errors: list[GraphQLError] = []
    if measure.introspection is not None and not settings.GRAPHQL_INTROSPECTION:
        name = measure.introspection.name.value
        errors.append(
            GraphQLError(
                f"Cannot query '{name}': introspection is disabled.",
                measure.introspection,
            )
        )
    limit = settings.GRAPHQL_MAX_DEPTH
    for operation, depth, _ in measure.operations:
        if depth > limit:
            errors.append(
                GraphQLError(
                    f"Query is too deep: {depth} levels (at most {limit}).", operation
                )
            )
    limit = settings.GRAPHQL_MAX_ALIASES
    for operation, _, root_fields in measure.operations:
        if root_fields > limit:
            errors.append(
                GraphQLError(
                    f"Too many root fields: {root_fields} (at most {limit}).",
                    operation,
                )
            )
    limit = settings.GRAPHQL_MAX_COST
    if measure.cost > limit:
        errors.append(
            GraphQLError(
                f"Query is too expensive: estimated cost {_amount(measure.cost)} "
                f"(at most {limit}). Ask for fewer or smaller lists."
            )
        )
    limit = settings.GRAPHQL_MAX_FIELDS
    if measure.fields > limit:
        errors.append(
            GraphQLError(
                f"Query asks for too many fields: {_amount(measure.fields)} "
                f"(at most {limit}), each use of a fragment counting its fields."
            )
        )
    limit = settings.GRAPHQL_MAX_FRAGMENTS
    if measure.fragments > limit:
        errors.append(
            GraphQLError(f"Too many fragments: {measure.fragments} (at most {limit}).")
        )
    return errors


def _amount(value: int) -> str:
    return str(value) if value < CEILING else f"over {CEILING}"


class NoSchemaIntrospection(ValidationRule):
    """Refuses ``__schema`` and ``__type``; ``__typename`` stays allowed.

    ``check_limits`` refuses them first; this keeps ``validation_rules``
    complete on its own.
    """

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        name = node.name.value
        if name in ("__schema", "__type"):
            self.report_error(
                GraphQLError(f"Cannot query '{name}': introspection is disabled.", node)
            )


def validation_rules() -> tuple:
    """graphql-core's specified rules, without introspection where it is off."""
    if settings.GRAPHQL_INTROSPECTION:
        return tuple(specified_rules)
    return (NoSchemaIntrospection, *specified_rules)
