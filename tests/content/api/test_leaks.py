"""No hidden object reaches the public API through any field.

A sentinel fixture holds one object of every kind the public must never see,
each with a unique marker in its title, body and slug (so that a link to it,
which shows only its URL, gives it away too), each referenced from a live
page through a page-link block, a rich-text link, the related causes and the
page tree. The live source of the hidden German translation is referenced the
same way, so that German responses, which swap links for translations, are
tried too. ``test_no_field_path_leaks_a_sentinel`` queries every field path
that can return a page or a snippet, down to the real depth limit, over HTTP,
and looks for the markers in every response; the hypothesis test throws
generated queries at the same fixture.

Depth
-----

The walk runs under the real ``GRAPHQL_MAX_DEPTH`` (8), counted as
``cms.graphql.limits.check_limits`` counts it: one level per field, the root
field being level 1, inline fragments and ``__typename`` free, so
``{ cause(slug: "x") { body { ... on RichTextBlock { value } } } }`` has depth
3. An object returned at level 7 shows its scalars at level 8; body text can
be read for pages up to level 6, as for any client. The other limits (cost,
aliases, fields, fragments, tokens, request size) are lifted: this suite is
about visibility, and its documents are large.

How the walk stays small
------------------------

Enumerating field paths one query each is exponential in the depth. The walk
explores the *objects* the API serves instead, breadth first:

* Level 1 is every root field with each argument variant (sentinel ids, slugs
  and URL paths, the live page that links to every sentinel, search terms,
  German, fallback, a forged preview token), one request each.
* An object is identified by its type and the values of all its scalars (a
  page's id, locale, ``isFallback``, ``searchScore``, ...). At each level a
  greedy set cover picks, among the fields that returned objects not expanded
  yet, the fields to expand (most new objects per object returned first), so
  that every object is expanded once, at the shallowest level it occurs,
  which leaves it the most depth below.
* Expanding a field selects, below it, every object-valued field of every
  type it may return, with each argument variant, and every scalar of those:
  one request, whose document holds the path down to the field as a trie
  (each distinct field one selection, inline fragments for interfaces and
  unions, an alias only where a selection set would hold a name twice: a
  field with other arguments, an object field of another fragment, a scalar
  of another type).
* The walk ends when a level brings no new object, or at the depth limit (the
  summary counts new objects the limit cut off). Levels 1 and 2 expand every
  field; deeper, only fields that can still lead to a page or a snippet
  within the limit.

Expanding each object once is enough because what a field returns depends on
the object it is resolved on, its arguments and the request, not on the path
that led to the object:

* Resolvers get the parent object, their arguments and ``info``; none reads
  ``info.path``, and ``info.context`` is the same anonymous request.
* The request's ``ContentLoader`` carries one piece of state from a root field
  into the fields below it: the locale and fallback the root resolver passes
  to ``serve()`` (``start_root_field()`` clears it before each root field),
  in which related causes, StreamField choosers and rich-text links are
  resolved. Each request here has one root field; the walk records what
  ``serve()`` was given and shares expansions only between root fields that
  set the same state and have the same ``locale`` and ``fallback`` arguments
  (7 contexts, from none, e.g. ``search``, to German with fallback).
* Everything else the loader keeps is a cache of pages that passed
  ``content.visibility`` (hidden ids are kept as ``None``). It changes how
  much SQL runs and, through bugs, whether a field raises (see below), not
  which pages are returned.
* What a resolver attaches to an object (a fallback copy's requested locale,
  a search score) shows in a scalar, so in the object's identity.

Errors are recorded. A non-null field that raised nulls its parent, which
would hide its siblings: a scalar is then left out for the type that raised
(given a response key per type first, when types share one); an object field
is left out where it raised, and selected instead on other fields of the
level that returned the same objects, so that they are still expanded
through it. The summary the test prints counts root fields, contexts,
requests, field paths queried, objects read and expanded, the deepest level
with data, errors, and objects that kept missing a field for errors
(``LEAK_DEBUG=1`` lists the errors and every request). Every error must be
one of the few client errors the walk's argument variants cause on purpose
(``CLIENT_ERRORS``): a server error anywhere, masked or not, fails the test.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import heapq
import json
import os
import sys
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from django.utils import timezone
from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_abstract_type,
    is_leaf_type,
    print_schema,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import strategies as gql_st
from wagtail.models import Locale, PageViewRestriction

from content.models import CauseCategoryPage, CausePage, RelatedCause, SiteChrome
from tests.factories import CauseCategoryPageFactory, CausePageFactory, linked_body

pytestmark = pytest.mark.django_db

# Limits other than the depth are lifted: this suite tests visibility, and one
# level of the walk is a large document. The depth limit stays the real one.
NO_LIMITS = {
    "GRAPHQL_MAX_COST": 10**9,
    "GRAPHQL_MAX_ALIASES": 10**6,
    "GRAPHQL_MAX_TOKENS": 10**8,
    "GRAPHQL_MAX_FIELDS": 10**9,
    "GRAPHQL_MAX_FRAGMENTS": 10**6,
    "GRAPHQL_MAX_BODY_BYTES": 10**9,
    "GRAPHQL_CACHE_SECONDS": 0,
}


@dataclass
class Sentinels:
    markers: dict[str, str] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    url_paths: list[str] = field(default_factory=list)
    category_slugs: list[str] = field(default_factory=list)
    anchor_id: str = ""
    anchor_path: str = ""
    anchor_parent: str = ""

    def add_page(self, kind: str, page) -> None:
        self.ids.append(str(page.pk))
        self.slugs.append(page.slug)
        self.url_paths.append(page.url_path)

    def found_in(self, text: str) -> list[str]:
        """Kinds whose marker is in ``text`` (any case: slugs are lowercase)."""
        text = text.lower()
        return [k for k, marker in self.markers.items() if marker.lower() in text]


def marked(kind: str) -> tuple[dict, str]:
    marker = f"SENTINEL{kind.upper().replace('-', '')}"
    return {
        "title": f"{marker} title",
        "slug": f"{marker.lower()}-{kind}",
        "summary": f"{marker} summary",
        "body": [{"type": "paragraph", "value": f"<p>{marker} body text.</p>"}],
    }, marker


@pytest.fixture
def sentinels(demo_article) -> Sentinels:
    found = Sentinels()
    uterine = CauseCategoryPage.objects.get(slug="uterine")
    now = timezone.now()

    def hidden_cause(kind: str, parent=uterine, **extra):
        fields, marker = marked(kind)
        found.markers[kind] = marker
        page = CausePageFactory(parent=parent, **fields, **extra)
        found.add_page(kind, page)
        return page

    pages = [hidden_cause("unpublished", live=False)]
    pages.append(hidden_cause("expired", expire_at=now - datetime.timedelta(hours=1)))
    private = hidden_cause("private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    pages.append(private)

    fields, marker = marked("private-category")
    found.markers["private-category"] = marker
    closed = CauseCategoryPageFactory(parent=demo_article, **fields)
    found.add_page("private-category", closed)
    found.category_slugs = ["uterine", closed.slug]
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.LOGIN
    )
    pages.append(hidden_cause("inherited-private", parent=closed))

    scheduled = hidden_cause("scheduled", live=False)
    scheduled.go_live_at = now + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    pages.append(scheduled)

    # A live page whose newest revision is a draft full of markers.
    drafted = CausePage.objects.get(slug="hydrosalpinx")
    fields, marker = marked("draft-revision")
    found.markers["draft-revision"] = marker
    for name, value in fields.items():
        if name != "slug":
            setattr(drafted, name, value)
    drafted.save_revision()

    # An unpublished German translation of a live cause.
    german = Locale.objects.get(language_code="de")
    source = CausePage.objects.get(slug="endometriosis")
    translation = source.copy_for_translation(german, copy_parents=True)
    fields, marker = marked("translation")
    found.markers["translation"] = marker
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision()
    translation.live = False
    translation.save()
    found.add_page("translation", translation)
    pages.append(translation)

    # Snippets: a draft revision of the live chrome, and an unpublished one.
    chrome = SiteChrome.objects.get(locale=Locale.get_default())
    found.markers["draft-snippet"] = "SENTINELDRAFTSNIPPET"
    chrome.organisation_name = "SENTINELDRAFTSNIPPET organisation"
    chrome.disclaimer = "<p>SENTINELDRAFTSNIPPET disclaimer</p>"
    chrome.save_revision()
    found.markers["unpublished-snippet"] = "SENTINELUNPUBLISHEDSNIPPET"
    SiteChrome.objects.create(
        locale=german,
        organisation_name="SENTINELUNPUBLISHEDSNIPPET organisation",
        disclaimer="<p>SENTINELUNPUBLISHEDSNIPPET disclaimer</p>",
        contact_email="hidden@example.org",
        registered_in="Nowhere",
        live=False,
    )

    # Reference every hidden page from a live page, through every kind of link;
    # also the live source of the hidden translation, which a German response
    # must not swap for it.
    referrer = CausePage.objects.get(slug="thin-endometrium")
    body = list(referrer.body.raw_data)
    for page in [*pages, closed, source]:
        body = linked_body(page.pk) + body
        if isinstance(page, CausePage) and page.locale_id == referrer.locale_id:
            referrer.related_causes.add(RelatedCause(target=page))
    referrer.body = body
    referrer.save_revision().publish()
    found.anchor_id = str(referrer.pk)
    found.anchor_path = referrer.url_path
    found.anchor_parent = str(uterine.pk)
    return found


# Schema walk -----------------------------------------------------------------


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


# Errors the walk's queries cause on purpose: arguments that do not apply.
CLIENT_ERRORS = (
    ": 'searchQuery' is not supported on 'sites'.",
    ": 'image' needs an id.",
    ": 'document' needs an id.",
    ": 'tag' needs an id.",
)


@override_settings(**NO_LIMITS)
def test_no_field_path_leaks_a_sentinel(sentinels, graphql, monkeypatch, capsys):
    from content.api.loading import ContentLoader

    served: list = []
    serve = ContentLoader.serve

    def spy(self, locale, *, fallback):
        served.append((locale.language_code, fallback))
        return serve(self, locale, fallback=fallback)

    monkeypatch.setattr(ContentLoader, "serve", spy)
    started = time.monotonic()
    walk = Walk(schema(), sentinels, graphql, served, django_settings.GRAPHQL_MAX_DEPTH)
    walk.run()
    summary = f"leak walk: {walk.summary()} in {time.monotonic() - started:.0f} s"
    with capsys.disabled():
        print(f"\n{summary}")
    for message, count in sorted(walk.errors.items()):
        debug(f"  {count} x {message[:300]}")
    assert not walk.leaks, "\n".join(
        [summary, *(leak[:2000] for leak in walk.leaks[:3])]
    )
    # Every error met is one a client caused and can act on: none is a server
    # error (masked as "Internal server error.") or graphql-core's own report
    # of a value it could not serialize.
    unexpected = [
        f"{count} x {message[:300]}"
        for message, count in sorted(walk.errors.items())
        if not message.endswith(CLIENT_ERRORS)
    ]
    assert not unexpected, "\n".join([summary, *unexpected])
    # The walk read live content down to the limit, so the absence of markers
    # means something.
    assert walk.deepest >= 5, summary
    assert walk.anchor_reads > 20, summary


def test_sentinels_are_reachable_by_their_editors(sentinels):
    """The fixture is real: each hidden object exists and carries its marker."""
    from wagtail.models import Page

    for page_id in sentinels.ids:
        page = Page.objects.get(pk=page_id).specific
        latest = page.get_latest_revision_as_object()
        assert sentinels.found_in(latest.title), page
        assert sentinels.found_in(page.slug), page
    drafted = CausePage.objects.get(slug="hydrosalpinx")
    assert "SENTINELDRAFTREVISION" in drafted.get_latest_revision_as_object().title


# Property test ---------------------------------------------------------------

# Profiles for this suite: small in CI (CI=true), larger on a workstation.
# Applied to the test below only, so other hypothesis tests keep their own.
settings.register_profile("leaks-ci", max_examples=25, deadline=None)
settings.register_profile("leaks-dev", max_examples=150, deadline=None)
LEAK_PROFILE = settings.get_profile(
    "leaks-ci" if os.environ.get("CI") == "true" else "leaks-dev"
)


@functools.cache
def sdl() -> str:
    return print_schema(schema())


@settings(LEAK_PROFILE, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_generated_queries_never_leak_a_sentinel(sentinels, graphql, data):
    query = data.draw(gql_st.queries(sdl()))
    result = graphql(query)
    assert result.status_code in (200, 400), (query, result.json)
    assert not sentinels.found_in(json.dumps(result.json)), query
