"""The schema walk of the leak suite (tests/content/api/test_leaks.py).

It explores every object the API serves, breadth first, down to the depth
limit, and records every response that shows a sentinel's marker; the test
module's docstring explains how, and why expanding each object once is
enough. ``values`` is the test's ``Sentinels``: the ids, slugs, paths and
markers the argument variants and the leak check use.
"""

from __future__ import annotations

import functools
import hashlib
import heapq
import json
import os
import sys
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_abstract_type,
    is_leaf_type,
)

if TYPE_CHECKING:
    from tests.content.api.test_leaks import Sentinels


def schema():
    from grapple.schema import schema as grapple_schema

    return grapple_schema.graphql_schema


@functools.cache
def selections(sch, named) -> list[tuple[Any, dict]]:
    """(type condition, fields) pairs listing every field of every possible
    type of ``named`` once: its own fields without a condition, then the
    fields of the interfaces its types implement, then each type's others."""
    if isinstance(named, GraphQLObjectType):
        return [(None, dict(named.fields))]
    if not isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
        return []
    possible = sch.get_possible_types(named)
    found, listed = [], set()
    if isinstance(named, GraphQLInterfaceType):
        found.append((None, dict(named.fields)))
        listed = set(named.fields)
    interfaces = []
    for obj in possible:
        interfaces += [
            i for i in obj.interfaces if i is not named and i not in interfaces
        ]
    for interface in interfaces:
        extra = {k: v for k, v in interface.fields.items() if k not in listed}
        if extra:
            found.append((interface, extra))
    for obj in possible:
        covered = listed | {k for i in obj.interfaces for k in i.fields}
        extra = {k: v for k, v in obj.fields.items() if k not in covered}
        if extra:
            found.append((obj, extra))
    return found


def argument_values(values: Sentinels, *, shallow: bool, content: bool) -> dict:
    """Values to try per argument name.

    Root fields and the fields right below them (``site { page }``) that
    return pages or snippets try every sentinel identifier; other fields
    filter on the live page that links to every sentinel (and on a forged
    preview token). Near the root, locales and fallback are tried too.
    """
    anchors = {
        "id": [values.anchor_id],
        "slug": ["thin-endometrium"],
        "urlPath": [values.anchor_path],
        "parent": [values.anchor_parent],
        "ancestor": [values.anchor_parent],
        "category": ["uterine"],
        "query": ["endometrium"],
        "searchQuery": ["endometrium"],
        "token": ["forged:token"],
    }
    if not shallow:
        return anchors
    anchors |= {"locale": ["de"], "fallback": [True], "searchText": ["SENTINEL"]}
    if not content:
        return anchors
    return anchors | {
        "id": [values.anchor_id, *values.ids],
        "slug": ["thin-endometrium", "uterine", *values.slugs],
        "urlPath": [values.anchor_path, *values.url_paths],
        "parent": [values.anchor_parent, *values.ids],
        "ancestor": [values.anchor_parent, *values.ids],
        "category": values.category_slugs,
        "query": ["endometrium", "SENTINEL", "cause"],
        "searchQuery": ["endometrium", "SENTINEL", "cause"],
    }


def argument_variants(fld, by_name: dict[str, list]) -> list[dict]:
    """Argument lists to try: none (or the required ones), then one argument
    at a time with each of its values, then German with fallback."""
    required = [n for n, a in fld.args.items() if isinstance(a.type, GraphQLNonNull)]
    if any(name not in by_name for name in required):
        return []
    base = {name: by_name[name][0] for name in required}
    variants = [base]
    for name in fld.args:
        for value in by_name.get(name, ()):
            variants.append({**base, name: value})
    if {"locale", "fallback"} <= fld.args.keys() & by_name.keys():
        variants.append({**base, "locale": "de", "fallback": True})
    unique = []
    for variant in variants:
        if variant not in unique:
            unique.append(variant)
    return unique


def printed(arguments: dict) -> str:
    text = ", ".join(f"{k}: {json.dumps(v)}" for k, v in arguments.items())
    return f"({text})" if text else ""


def is_content(named) -> bool:
    """Types that are or may be a page or a snippet."""
    names = {"PageInterface", "SnippetInterface", "Search"}
    if named.name in names:
        return True
    if isinstance(named, GraphQLObjectType):
        return any(i.name in names for i in named.interfaces)
    return False


def content_distance(sch) -> dict[str, float]:
    """For each type, how many more fields lead from it to a page or snippet."""
    composite = [
        t
        for name, t in sch.type_map.items()
        if not name.startswith("__") and selections(sch, t)
    ]
    distance = {t.name: (0 if is_content(t) else float("inf")) for t in composite}
    changed = True
    while changed:
        changed = False
        for t in composite:
            for _condition, fields in selections(sch, t):
                for fld in fields.values():
                    target = get_named_type(fld.type).name
                    if target in distance and distance[target] + 1 < distance[t.name]:
                        distance[t.name] = distance[target] + 1
                        changed = True
    return distance


@dataclass(eq=False)
class Node:
    """One object-valued field in the trie of a root field's queries."""

    parent: Node | None
    key: str  # response key
    name: str
    args: str
    condition: str | None  # type condition of the enclosing inline fragment
    type: Any  # named type the field returns
    nullable: bool
    depth: int  # as check_limits counts it: the root field is 1
    path: str  # readable, for reports
    # Scalars: (response key, type condition, field name, non-null). Fields of
    # the same name and type in different fragments share a response key.
    leaves: list[tuple[str, str | None, str, bool]] = field(default_factory=list)
    children: dict[str, Node] = field(default_factory=dict)
    taken: dict[str, tuple] = field(default_factory=dict)
    keys: set = field(default_factory=set)  # identities of the objects returned
    count: int = 0  # objects returned, repeats included

    @property
    def text(self) -> str:
        alias = "" if self.key == self.name else f"{self.key}: "
        return f"{alias}{self.name}{self.args}"

    def allocate(self, name: str, signature: tuple) -> str:
        """A response key for ``name`` in this selection set: the name itself
        unless another field (or this one with other arguments) has it."""
        key, n = name, 1
        while key in self.taken and self.taken[key] != signature:
            n += 1
            key = f"{name}_{n}"
        self.taken[key] = signature
        return key

    @property
    def root(self) -> Node:
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def attached(self) -> bool:
        """Still in its trie (neither it nor an ancestor left out)?"""
        node = self
        while node.parent is not None:
            if node.parent.children.get(node.key) is not node:
                return False
            node = node.parent
        return True


def marked_paths(value: Any, values: Sentinels, path: str = "") -> list[str]:
    """Where in a response a sentinel's marker shows: 'a.b[2].c: kinds'."""
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in marked_paths(item, values, f"{path}.{key}" if path else key)
        ]
    if isinstance(value, list):
        return [
            found
            for i, item in enumerate(value)
            for found in marked_paths(item, values, f"{path}[{i}]")
        ]
    kinds = values.found_in(json.dumps(value))
    return [f"{path}: {', '.join(kinds)}"] if kinds else []


def debug(message: str) -> None:
    if os.environ.get("LEAK_DEBUG"):
        print(message, file=sys.__stderr__, flush=True)


class Walk:
    """Breadth-first exploration of everything the root fields serve."""

    def __init__(self, sch, values: Sentinels, graphql, served: list, max_depth: int):
        self.sch = sch
        self.values = values
        self.graphql = graphql
        self.served = served  # what each request's root resolver passed to serve()
        self.max_depth = max_depth
        self.distance = content_distance(sch)
        self.roots = 0
        self.contexts = 0
        self.requests = 0
        self.paths = 0
        self.expanded = 0
        self.objects_read = 0
        self.deepest = 0
        self.anchor_reads = 0
        self.unrecovered = 0
        self.cutoff = 0  # new objects with more below, at the depth limit
        self.leaks: list[str] = []  # where each marker showed, and the query
        self.errors: dict[str, int] = defaultdict(int)
        self.cut: list[str] = []  # non-null fields left out because they raised
        # Non-null scalars that raised: selected per concrete type (split)
        # once one raised on an interface, then left out for that type (broken).
        self.split: set[tuple[str, str]] = set()
        self.broken: set[tuple[str, str]] = set()

    # Building the trie -------------------------------------------------------

    def add_leaves(self, node: Node) -> None:
        """Every scalar of every type ``node`` may return (none that needs an
        argument). A scalar that raised for a type is left out for that type;
        one that raised under a shared response key is first given a key per
        type, to tell which type raised."""
        node.leaves.clear()
        for condition, fields in selections(self.sch, node.type):
            for name, fld in fields.items():
                if name.startswith("__") or not is_leaf_type(get_named_type(fld.type)):
                    continue
                if any(isinstance(a.type, GraphQLNonNull) for a in fld.args.values()):
                    continue
                split = (node.type.name, name) in self.split
                conditions = [condition]
                if split and condition is None and is_abstract_type(node.type):
                    conditions = self.sch.get_possible_types(node.type)
                elif split and is_abstract_type(condition):
                    conditions = self.sch.get_possible_types(condition)
                for cond in conditions:
                    concrete = (cond or node.type).name
                    if (concrete, name) in self.broken:
                        continue
                    cond_name = None if cond is None else cond.name
                    signature = ("leaf", name, str(fld.type))
                    if split:
                        signature += (cond_name,)
                    key = node.allocate(name, signature)
                    required = isinstance(fld.type, GraphQLNonNull)
                    node.leaves.append((key, cond_name, name, required))

    def add_child(self, node: Node, condition, name: str, fld, args: str) -> Node:
        cond = None if condition is None else condition.name
        child = Node(
            parent=node,
            key=node.allocate(name, ("node", cond, name, args)),
            name=name,
            args=args,
            condition=cond,
            type=get_named_type(fld.type),
            nullable=not isinstance(fld.type, GraphQLNonNull),
            depth=node.depth + 1,
            path=(f"{node.path}." if node.path else "")
            + (f"(on {cond})" if cond else "")
            + f"{name}{args}",
        )
        self.add_leaves(child)
        node.children[child.key] = child
        self.paths += 1
        return child

    def add_children(self, node: Node) -> list[Node]:
        """Every object-valued field of ``node``'s type, with each argument list."""
        created = []
        for condition, fields in selections(self.sch, node.type):
            for name, fld in fields.items():
                target = get_named_type(fld.type)
                if name.startswith("__") or is_leaf_type(target):
                    continue
                by_name = argument_values(
                    self.values, shallow=node.depth < 2, content=is_content(target)
                )
                for arguments in argument_variants(fld, by_name):
                    child = self.add_child(
                        node, condition, name, fld, printed(arguments)
                    )
                    created.append(child)
        return created

    def field_of(self, node: Node, name: str):
        """(condition, field) under which ``node``'s type has a field ``name``."""
        for condition, fields in selections(self.sch, node.type):
            if name in fields:
                return condition, fields[name]
        return None

    def expandable(self, node: Node) -> bool:
        """Worth selecting fields below: a page or snippet can be reached within
        the depth limit (or, near the root, anything can)."""
        if node.depth > self.max_depth - 2 or not node.count:
            return False
        if not any(
            not is_leaf_type(get_named_type(f.type))
            for _c, fields in selections(self.sch, node.type)
            for f in fields.values()
        ):
            return False
        distance = self.distance.get(node.type.name, float("inf"))
        return node.depth < 3 or node.depth + distance <= self.max_depth - 1

    # Queries -----------------------------------------------------------------

    def render(self, node: Node, active: set, fresh: set) -> str:
        parts = ["__typename"]
        if node in fresh:
            plain, fragments = [], defaultdict(list)
            for key, cond, name, _required in node.leaves:
                item = name if key == name else f"{key}: {name}"
                (fragments[cond] if cond else plain).append(item)
            parts += plain
            parts += [f"... on {c} {{ {' '.join(f)} }}" for c, f in fragments.items()]
        by_condition = defaultdict(list)
        for child in node.children.values():
            if child in active:
                by_condition[child.condition].append(self.render(child, active, fresh))
        parts += by_condition.pop(None, [])
        parts += [f"... on {c} {{ {' '.join(f)} }}" for c, f in by_condition.items()]
        return f"{node.text} {{ {' '.join(parts)} }}"

    def query(self, node: Node, fresh: list[Node]) -> tuple[list[Node], Any]:
        """One request: the path down to ``node`` and, below it, the fields
        ``fresh`` with all their scalars. Fills in their objects; returns the
        fields left out because they raised, and what the request served."""
        root, cut = node.root, []
        for _attempt in range(50):
            fresh = [n for n in fresh if n.attached()]
            if not fresh or not node.attached():
                return cut, None
            fresh_set = set(fresh)
            active = fresh_set | {node, *node.ancestors()}
            selected = " ".join(
                self.render(child, active, fresh_set)
                for child in root.children.values()
                if child in active
            )
            query = f"{{ {selected} }}"
            self.served.clear()
            started = time.monotonic()
            result = self.graphql(query)
            self.requests += 1
            debug(
                f"  {node.path[:90] or fresh[0].path}: {len(fresh)} fields, "
                f"{len(query)} B -> {len(result.response.content)} B, "
                f"{time.monotonic() - started:.1f} s"
            )
            assert result.status_code == 200, (result.status_code, result.json, query)
            text = json.dumps(result.json)
            if self.values.found_in(text):
                self.leaks += [
                    f"{where} in response to {query}"
                    for where in marked_paths(result.json, self.values)
                ]
            self.anchor_reads += "thin-endometrium" in text
            objects: dict[Node, list] = defaultdict(list)
            self.collect(root, result.json.get("data"), active, fresh_set, objects)
            again = False
            for error in result.errors:
                again |= self.handle_error(root, error, active, cut)
            if again:
                for child in fresh:
                    self.add_leaves(child)
                continue
            for child in fresh:
                found_objects = objects.get(child, [])
                child.count = len(found_objects)
                child.keys = {self.identity(child, obj) for obj in found_objects}
                self.objects_read += child.count
                if child.count:
                    self.deepest = max(self.deepest, child.depth + 1)
            return cut, tuple(self.served)
        raise AssertionError(f"Errors keep wiping data out: {result.errors[:3]}")

    def identity(self, node: Node, obj: dict) -> bytes:
        """The object's type and the values of all its scalars, hashed."""
        names = {key: name for key, _cond, name, _required in node.leaves}
        scalars = sorted(
            ((names[k], v) for k, v in obj.items() if k in names),
            key=lambda item: item[0],
        )
        if not scalars:
            return id(obj).to_bytes(8, "little")  # nothing to tell it by
        text = json.dumps([obj.get("__typename"), scalars], sort_keys=True)
        return hashlib.blake2b(text.encode(), digest_size=16).digest()

    def collect(self, node, value, active, fresh, objects) -> None:
        if value is None:
            return
        if isinstance(value, list):
            for item in value:
                self.collect(node, item, active, fresh, objects)
            return
        if node in fresh:
            objects[node].append(value)
        for key, child in node.children.items():
            if child in active and key in value:
                self.collect(child, value[key], active, fresh, objects)

    def handle_error(self, root: Node, error: dict, active: set, cut: list) -> bool:
        """Record an error. A non-null field that raised nulls its parent and
        so hides its siblings: leave it out (a scalar for the type that raised,
        an object field where it raised) and say the request must run again."""
        path = error.get("path")
        assert path, error  # a request-level error: the walk built a bad query
        node, leaf = root, None
        for part in path:
            if isinstance(part, int):
                continue
            child = node.children.get(part)
            if child is not None and child in active:
                node = child
            else:
                leaf = part
                break
        where = f"{node.path}.{leaf}" if leaf else node.path
        message = error.get("message", "")
        self.errors[f"{where}: {message}"] += 1
        if leaf is not None:
            entries = [e for e in node.leaves if e[0] == leaf]
            if not any(required for _key, _cond, _name, required in entries):
                return False
            _key, cond, name, _required = entries[0]
            concrete = self.sch.get_type(cond) if cond else node.type
            if len(entries) == 1 and isinstance(concrete, GraphQLObjectType):
                self.broken.add((concrete.name, name))
                self.cut.append(f"{concrete.name}.{name}: {message}")
            else:
                self.split.add((node.type.name, name))
            return True
        if node.nullable or node.parent is None or node.parent.parent is None:
            return False
        del node.parent.children[node.key]
        self.cut.append(f"{node.path}: {message}")
        cut.append(node)
        return True

    # Exploration -------------------------------------------------------------

    def choose(self, candidates: list[Node], seen: set) -> list[Node]:
        """Fields to expand so that every new object is expanded once: greedy
        set cover, preferring fields with many new objects and few repeats."""
        heap = []
        for i, node in enumerate(candidates):
            if new := len(node.keys - seen):
                heap.append((-new / node.count, node.path, i))
        heapq.heapify(heap)
        chosen = []
        while heap:
            _ratio, path, i = heapq.heappop(heap)
            node = candidates[i]
            new = len(node.keys - seen)
            if not new:
                continue
            if heap and -new / node.count > heap[0][0]:
                heapq.heappush(heap, (-new / node.count, path, i))
                continue
            chosen.append(node)
            self.expanded += new
            seen |= node.keys
        return chosen

    def recover(self, lost: Node, missing: set, candidates: list[Node], tried: set):
        """``lost`` raised for some of the objects it was selected on: select
        the same field on other fields of the level that returned those
        objects, the ones returning fewest others first. Yields work items."""
        signature = (lost.name, lost.args)
        pool = []
        for other in candidates:
            if (id(other), signature) in tried or not other.attached():
                continue
            if other.keys & missing and (found := self.field_of(other, lost.name)):
                pool.append((other, *found))
        while missing and pool:
            best = max(pool, key=lambda o: len(o[0].keys & missing) / o[0].count)
            pool.remove(best)
            other, condition, fld = best
            if not (share := other.keys & missing):
                continue
            missing -= share
            tried.add((id(other), signature))
            child = self.add_child(other, condition, lost.name, fld, lost.args)
            yield other, [child], share
        self.unrecovered += len(missing)

    def explore(self, roots: list[Node], context: Any) -> None:
        """Expand the root fields that serve the same context together, level
        by level: an object is expanded once, where it first occurs."""
        seen: set = set()
        level = [child for root in roots for child in root.children.values()]
        while level:
            level = [n for n in level if n.attached()]
            candidates = [n for n in level if self.expandable(n)]
            self.cutoff += len(
                set().union(
                    *(
                        n.keys
                        for n in level
                        if n.depth > self.max_depth - 2
                        and self.distance.get(n.type.name, float("inf")) < float("inf")
                    )
                )
                - seen
            )
            chosen = self.choose(candidates, seen)
            debug(f"{context}: {len(candidates)} candidates, {len(chosen)} chosen")
            for node in chosen:
                debug(f"    chosen {node.path} ({node.count} objects)")
            work = deque((node, self.add_children(node), None) for node in chosen)
            tried: set = set()
            level = []
            while work:
                node, fresh, share = work.popleft()
                cut, served = self.query(node, fresh)
                assert served in (None, context[0]), (node.path, served, context)
                if not node.attached():
                    # A field on the way raised this time: expand its objects
                    # through other fields.
                    seen -= node.keys
                    others = [n for n in candidates if n not in chosen]
                    for other in self.choose(others, seen):
                        chosen.append(other)
                        work.append((other, self.add_children(other), None))
                    continue
                level += [n for n in fresh if n.attached()]
                for lost in cut:
                    if lost in fresh:
                        missing = set(node.keys if share is None else share)
                        work += self.recover(lost, missing, candidates, tried)

    def run(self) -> None:
        query_type = self.sch.query_type
        by_context = defaultdict(list)
        for name, fld in query_type.fields.items():
            target = get_named_type(fld.type)
            if name.startswith("__") or is_leaf_type(target):
                continue
            by_name = argument_values(
                self.values, shallow=True, content=is_content(target)
            )
            for arguments in argument_variants(fld, by_name):
                root = Node(None, "", "", "", None, query_type, True, 0, "")
                child = self.add_child(root, None, name, fld, printed(arguments))
                self.roots += 1
                _cut, served = self.query(root, [child])
                # What serve() was given, and (should a root resolver ever
                # keep state some other way) the arguments that choose it.
                context = (
                    served,
                    arguments.get("locale"),
                    arguments.get("fallback"),
                    "token" in arguments,
                )
                by_context[context].append(root)
        self.contexts = len(by_context)
        for context, roots in by_context.items():
            self.explore(roots, context)

    def summary(self) -> str:
        return (
            f"{self.roots} root fields in {self.contexts} contexts, "
            f"{self.requests} requests, {self.paths} field paths, "
            f"{self.objects_read} objects read, {self.expanded} expanded; "
            f"limit {self.max_depth} levels, data found down to level "
            f"{self.deepest}, {self.cutoff} new objects at the limit; "
            f"{len(self.errors)} distinct errors, {len(self.cut)} fields left "
            f"out for them, {self.unrecovered} objects missing a field for them"
        )
