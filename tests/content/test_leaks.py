"""No hidden object reaches the public API through any field.

A sentinel fixture holds one object of every kind the public must never see,
each with a unique marker in its title and body, each referenced from a live
page through a page-link block, a rich-text link, the related causes and the
page tree. ``test_no_field_path_leaks_a_sentinel`` walks the schema, builds a
query for every field path (up to ``MAX_HOPS`` page or snippet hops) that can
return a page or a snippet, runs each over HTTP and looks for the markers;
the hypothesis test throws generated queries at the same fixture.
"""

from __future__ import annotations

import datetime
import functools
import json
import os
from dataclasses import dataclass, field

import pytest
from django.test import override_settings
from django.utils import timezone
from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
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

MAX_HOPS = int(os.environ.get("LEAK_SUITE_MAX_HOPS", "2"))
NO_LIMITS = {
    "GRAPHQL_MAX_DEPTH": 50,
    "GRAPHQL_MAX_COST": 10**9,
    "GRAPHQL_MAX_ALIASES": 100,
    "GRAPHQL_MAX_TOKENS": 10**6,
    "GRAPHQL_CACHE_SECONDS": 0,
}


@dataclass
class Sentinels:
    markers: dict[str, str] = field(default_factory=dict)
    ids: list[str] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    url_paths: list[str] = field(default_factory=list)
    anchor_id: str = ""
    anchor_path: str = ""
    anchor_parent: str = ""

    def add_page(self, kind: str, page) -> None:
        self.ids.append(str(page.pk))
        self.slugs.append(page.slug)
        self.url_paths.append(page.url_path)

    def found_in(self, text: str) -> list[str]:
        return [kind for kind, marker in self.markers.items() if marker in text]


def marked(kind: str) -> dict:
    marker = f"SENTINEL{kind.upper().replace('-', '')}"
    return {
        "title": f"{marker} title",
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
        page = CausePageFactory(parent=parent, slug=f"{kind}-cause", **fields, **extra)
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
    closed = CauseCategoryPageFactory(
        parent=demo_article, slug="closed-category", **fields
    )
    found.add_page("private-category", closed)
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

    # Reference every hidden page from a live page, through every kind of link.
    referrer = CausePage.objects.get(slug="thin-endometrium")
    body = list(referrer.body.raw_data)
    for page in [*pages, closed]:
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


def is_content(named) -> bool:
    """Types that are or may be a page or a snippet."""
    names = {"PageInterface", "SnippetInterface", "Search"}
    if named.name in names:
        return True
    if isinstance(named, GraphQLObjectType):
        return any(i.name in names for i in named.interfaces)
    return False


def concrete_types(sch, named) -> list[GraphQLObjectType]:
    if isinstance(named, GraphQLObjectType):
        return [named]
    if isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
        return list(sch.get_possible_types(named))
    return []


def leaf_selection(sch, named) -> str:
    """Every scalar of every possible type, and the text of bodies."""
    parts = ["__typename"]
    for obj in concrete_types(sch, named):
        fields = []
        for name, fld in obj.fields.items():
            if any(isinstance(a.type, GraphQLNonNull) for a in fld.args.values()):
                continue
            target = get_named_type(fld.type)
            if is_leaf_type(target):
                fields.append(name)
            elif target.name == "StreamFieldInterface":
                # The sentinels' body text is a paragraph.
                fields.append(f"{name} {{ ... on RichTextBlock {{ value }} }}")
        if fields:
            parts.append(f"... on {obj.name} {{ {' '.join(fields)} }}")
    return " ".join(parts)


LOOKUPS = ("id", "slug", "urlPath", "parent", "ancestor", "category")
SEARCHES = ("query", "searchQuery", "searchText")


def argument_variants(fld, values: Sentinels, *, anchors: bool) -> list[str]:
    """Argument lists to try, one argument at a time.

    At an endpoint every sentinel identifier is tried; on the way to deeper
    fields the live page that links to every sentinel is the starting point.
    """
    if anchors:
        by_name = {
            "id": [values.anchor_id],
            "slug": ["thin-endometrium"],
            "urlPath": [values.anchor_path],
            "parent": [values.anchor_parent],
            "ancestor": [values.anchor_parent],
            "category": ["uterine"],
            "query": ["endometrium"],
            "searchQuery": ["endometrium"],
        }
    else:
        by_name = {
            "id": values.ids,
            "slug": values.slugs,
            "urlPath": values.url_paths,
            "parent": values.ids,
            "ancestor": values.ids,
            "category": ["uterine", "closed-category"],
            "query": ["SENTINEL", "cause"],
            "searchQuery": ["SENTINEL", "cause"],
            "searchText": ["SENTINEL"],
            "locale": ["de"],
            "token": ["forged:token"],
        }
    required = [n for n, a in fld.args.items() if isinstance(a.type, GraphQLNonNull)]
    if any(name not in by_name for name in required):
        return []
    base = ", ".join(f"{n}: {json.dumps(by_name[n][0])}" for n in required)
    variants = {base}
    for name in fld.args:
        if name in required or name not in by_name:
            continue
        for option in by_name[name]:
            variants.add(
                ", ".join(filter(None, [base, f"{name}: {json.dumps(option)}"]))
            )
    return sorted(f"({v})" if v else "" for v in variants)


def own_fields(sch, named):
    """(type condition, fields) pairs, interface fields listed once."""
    if isinstance(named, GraphQLInterfaceType):
        yield None, named.fields
        for obj in sch.get_possible_types(named):
            yield obj, {k: v for k, v in obj.fields.items() if k not in named.fields}
    elif isinstance(named, GraphQLUnionType):
        for obj in sch.get_possible_types(named):
            yield obj, obj.fields
    else:
        yield None, named.fields


def field_paths(sch, values: Sentinels) -> list[str]:
    """One query per field path that can return a page or a snippet."""
    queries: list[str] = []

    def walk(named, hops: int, depth: int, wrap) -> None:
        for condition, fields in own_fields(sch, named):
            for name, fld in fields.items():
                if name.startswith("__"):
                    continue
                target = get_named_type(fld.type)
                if is_leaf_type(target):
                    continue
                content = is_content(target)
                if not content and depth >= 3:
                    continue

                def step(args, sel, condition=condition, name=name):
                    inner = f"{name}{args} {{ {sel} }}"
                    if condition is not None:
                        inner = f"... on {condition.name} {{ {inner} }}"
                    return wrap(inner)

                if content:
                    # Sentinel identifiers are tried where a lookup starts (root
                    # and site fields); deeper fields list what a page links to.
                    lookups = argument_variants(fld, values, anchors=depth > 1)
                    for args in lookups:
                        queries.append(step(args, leaf_selection(sch, target)))
                if content and hops + 1 >= MAX_HOPS:
                    continue
                for args in argument_variants(fld, values, anchors=True):
                    walk(
                        target,
                        hops + content,
                        depth + 1,
                        lambda sel, args=args, step=step: step(args, sel),
                    )

    walk(sch.query_type, 0, 0, lambda sel: "{ " + sel + " }")
    return sorted(set(queries))


@override_settings(**NO_LIMITS)
def test_no_field_path_leaks_a_sentinel(sentinels, graphql):
    queries = field_paths(schema(), sentinels)
    assert len(queries) > 200, len(queries)
    leaks, served = [], 0
    for query in queries:
        result = graphql(query)
        assert result.status_code in (200, 400), (query, result.status_code)
        text = json.dumps(result.json)
        if found := sentinels.found_in(text):
            leaks.append((found, query))
        served += "thin-endometrium" in text or "Thin endometrium" in text
    assert not leaks, leaks[:5]
    # The walk reached live content, so the absence of markers means something.
    assert served > 20, served


def test_sentinels_are_reachable_by_their_editors(sentinels):
    """The fixture is real: each hidden object exists and carries its marker."""
    from wagtail.models import Page

    for page_id in sentinels.ids:
        page = Page.objects.get(pk=page_id).specific
        latest = page.get_latest_revision_as_object()
        assert sentinels.found_in(latest.title), page
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
