"""The one gate deciding what the public API may return.

Every resolver that can return a page or a snippet gets it through these
functions, so a new field cannot forget a rule and the leak tests exercise one
mechanism instead of many copies.
"""

from __future__ import annotations

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction


def not_expired_q() -> Q:
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def restricted_paths() -> list[str]:
    """Tree paths of pages with a view restriction (their subtrees are private)."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def visible_pages(
    queryset: QuerySet | None = None,
    *,
    locale: Locale | None = None,
    private_paths: list[str] | None = None,
) -> QuerySet:
    """Live, public (no view restriction, inherited ones included), not expired.

    ``locale`` narrows the result to one content language. The root page is
    never returned. ``private_paths`` lets a caller that already read the view
    restrictions (the per-request loader) skip reading them again.
    """
    qs = Page.objects.all() if queryset is None else queryset
    qs = qs.live().filter(depth__gt=1).filter(not_expired_q())
    if private_paths is None:
        private_paths = restricted_paths()
    for path in private_paths:
        qs = qs.exclude(path__startswith=path)
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
