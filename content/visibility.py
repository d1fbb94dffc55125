"""The one gate deciding what the public API may return.

Every resolver that can return a page or a snippet gets it through these
functions, so a new field cannot forget a rule and the leak tests exercise one
mechanism instead of many copies.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, Model, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import (
    DraftStateMixin,
    Locale,
    Page,
    PageViewRestriction,
    get_page_models,
)

from content.models.pages import ArticlePage


def not_expired_q() -> Q:
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def under_view_restriction() -> Exists:
    """True for pages with a view restriction on themselves or an ancestor.

    Evaluated inside the page query (a correlated subquery), so it costs no
    extra round trip and holds however many restrictions exist.
    """
    restricted_path = F("page__path")
    return Exists(
        PageViewRestriction.objects.annotate(
            outer_prefix=Substr(OuterRef("path"), 1, Length(restricted_path))
        ).filter(outer_prefix=restricted_path)
    )


def under_hidden_ancestor() -> Exists:
    """True for pages below an unpublished or expired page (root excluded).

    A cause whose category is withdrawn is withdrawn with it: the API never
    serves a page whose parent it would refuse, so ``category`` and ``index``
    can stay non-null.
    """
    ancestor_path = F("path")
    return Exists(
        Page.objects.filter(depth__gt=1)
        .filter(Q(live=False) | Q(expire_at__lte=timezone.now()))
        .annotate(outer_prefix=Substr(OuterRef("path"), 1, Length(ancestor_path)))
        .filter(outer_prefix=ancestor_path)
        .exclude(path=OuterRef("path"))
    )


def content_page_type_ids() -> list[int]:
    """Content types of the pages that carry the article: every concrete
    ``ArticlePage`` (hub, categories, causes).

    Other pages are structure: the tree's root and each language's home page
    (``content.demo.loader``), whose title and slug are the only text they
    have, untranslated in every language.
    """
    models = [model for model in get_page_models() if issubclass(model, ArticlePage)]
    by_model = ContentType.objects.get_for_models(*models)
    return sorted(content_type.pk for content_type in by_model.values())


def content_pages(queryset: QuerySet | None = None) -> QuerySet:
    """Only pages of the article's content types, whatever their state."""
    qs = Page.objects.all() if queryset is None else queryset
    return qs.filter(content_type_id__in=content_page_type_ids())


def visible_pages(
    queryset: QuerySet | None = None, *, locale: Locale | None = None
) -> QuerySet:
    """Article content pages (``content_pages``) that are live, public (no
    view restriction, inherited ones included), not expired, and not below an
    unpublished or expired page.

    ``locale`` narrows the result to one content language. Structural pages
    (the root, home pages) are never returned, though withdrawing a home page
    withdraws everything below it.
    """
    qs = content_pages(queryset)
    qs = (
        qs.live()
        .filter(depth__gt=1)
        .filter(not_expired_q())
        .exclude(under_view_restriction())
        .exclude(under_hidden_ancestor())
    )
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def visible_snippets(model: type[Model], *, locale: Locale | None = None) -> QuerySet:
    """Published snippets only; drafts of a snippet are never public."""
    qs = model._default_manager.all()
    if issubclass(model, DraftStateMixin):
        qs = qs.filter(live=True)
    if locale is not None and hasattr(model, "locale"):
        qs = qs.filter(locale=locale)
    return qs


class CompiledGate:
    """``visible_pages`` compiled to SQL once, for the many page queries of
    one API request.

    Building ``visible_pages``' conditions (two correlated subqueries) and
    compiling them costs far more than the rest of a page query; a request
    runs several. The gate compiles them once, as the WHERE clause of
    ``visible_pages(Page.objects.all())``, and adds that clause to each
    query it is given. It is the same condition at the same moment
    (``timezone.now()`` when the gate is made, as for a query built then),
    so it belongs to one request: make a new gate for the next one.

    Only for querysets on ``Page`` itself, evaluated as they are: the clause
    names the page table, so it must not be used as a subquery of another
    query, nor on a page type's own table. ``apply`` hands anything else to
    ``visible_pages``.
    """

    def __init__(self, using: str = "default"):
        from django.db import connections

        query = visible_pages(Page.objects.all()).query
        compiler = query.get_compiler(using=using, connection=connections[using])
        sql, params = compiler.compile(query.where)
        self.using = using
        self.where = sql
        self.params = tuple(params)

    def apply(self, queryset: QuerySet, *, locale: Locale | None = None) -> QuerySet:
        if queryset.model is not Page or queryset.db != self.using:
            return visible_pages(queryset, locale=locale)
        # The clause is Django's own compilation of visible_pages' conditions,
        # with its values as parameters: no text from outside reaches it.
        qs = queryset.extra(where=[self.where], params=self.params)  # noqa: S610
        if locale is not None:
            qs = qs.filter(locale=locale)
        return qs
