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
import json
import os
import time
from dataclasses import dataclass, field

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from django.utils import timezone
from graphql import print_schema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import strategies as gql_st
from wagtail.models import Locale, PageViewRestriction

from cms.graphql.media import SRC_SET_NEEDS_SIZES
from content.models import CauseCategoryPage, CausePage, RelatedCause, SiteChrome
from tests.factories import CauseCategoryPageFactory, CausePageFactory, linked_body
from tests.support.schema_walk import Walk, debug, schema

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


# Schema walk: tests/support/schema_walk.py


# Errors the walk's queries cause on purpose: arguments that do not apply.
CLIENT_ERRORS = (
    ": 'searchQuery' is not supported on 'sites'.",
    ": 'image' needs an id.",
    ": 'document' needs an id.",
    ": 'tag' needs an id.",
    ": " + SRC_SET_NEEDS_SIZES,
)


def rendition_without_filters() -> str:
    """The refusal of ``rendition`` asked for with no filter arguments."""
    allowed = ", ".join(django_settings.GRAPPLE["ALLOWED_IMAGE_FILTERS"])
    return f": Rendition '' is not allowed. Allowed: {allowed}."


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
        if not message.endswith((*CLIENT_ERRORS, rendition_without_filters()))
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
