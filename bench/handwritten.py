"""Scenario (e): the frontend's hub page answer from a hand-written Django view.

``POST /bench/hand/hub/`` with ``{"variables": {"locale": "en"}}`` returns the
bytes the GraphQL API returns for the reference frontend's ``HubPage``
operation (``frontend/src/graphql/hub.graphql``), built the way an ordinary
Django view builds a page: the ORM on every request, pages through
``content.visibility`` (the API's one gate), rich text through Wagtail's
``expand_db_html``, URLs through ``Page.get_url``. No GraphQL, no per-request
loader, nothing kept between requests.

It knows only what the benchmark's seed content holds (``bench.seed``): a hub
in a content language with paragraph blocks, no aliases, no references, no
fallback. Anything else raises, so the benchmark fails loudly rather than
comparing different answers; ``bench.run`` checks its output byte for byte
against GraphQL's on every run, at every article size.

Mounted by ``bench.urls`` with ``settings.bench``.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.rich_text import expand_db_html

from content.editorial.review import is_overdue
from content.models import CauseCategoryPage, CauseIndexPage, CausePage
from content.translation.coverage import coverage
from content.visibility import visible_pages


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _summary(page: Page, codes: dict[int, str], request: HttpRequest) -> dict:
    return {
        "id": str(page.pk),
        "title": page.title,
        "url": page.get_url(request=request),
        "locale": codes[page.locale_id],
        "servedLocale": codes[page.locale_id],
    }


def _block(block: Any) -> dict:
    head = {"__typename": None, "id": block.id, "blockType": block.block_type}
    if block.block_type == "paragraph":
        head["__typename"] = "RichTextBlock"
        head["value"] = expand_db_html(block.value.source)
    elif block.block_type == "heading":
        head["__typename"] = "HeadingBlock"
        head["text"] = block.value["text"]
        head["level"] = block.value["level"]
    else:
        raise NotImplementedError(f"bench hand view: no {block.block_type} blocks")
    return head


def _untranslated_parts(paths: tuple[str, ...]) -> list[dict]:
    parts: list[dict] = []
    seen = set()
    for path in paths:
        name, *rest = path.split(".")
        block_id = rest[0] if rest and name == "body" else None
        if (name, block_id) not in seen:
            seen.add((name, block_id))
            parts.append({"field": _camel(name), "blockId": block_id})
    return parts


def hub_data(request: HttpRequest, code: str) -> dict:
    locales = list(Locale.objects.all())
    codes = {locale.pk: locale.language_code for locale in locales}
    locale = next(loc for loc in locales if loc.language_code == code)
    hub = (
        visible_pages(CauseIndexPage.objects.all(), locale=locale)
        .order_by("path")
        .first()
    )
    if hub is None:
        return {"causeIndex": None}
    if hub.alias_of_id is not None:
        raise NotImplementedError("bench hand view: no alias pages")

    under_hub = Page.objects.descendant_of(hub)
    categories = list(
        visible_pages(CauseCategoryPage.objects.filter(pk__in=under_hub), locale=locale)
        .child_of(hub)
        .order_by("path")
    )
    causes_by_parent: dict[str, list[CausePage]] = {}
    for cause in visible_pages(
        CausePage.objects.filter(pk__in=under_hub), locale=locale
    ).order_by("path"):
        causes_by_parent.setdefault(cause.path[: -Page.steplen], []).append(cause)
    translations = visible_pages(
        Page.objects.filter(translation_key=hub.translation_key, locale__in=locales)
    ).exclude(pk=hub.pk)
    history = PageLogEntry.objects.filter(
        page=hub, action="wagtail.publish", revision__isnull=False
    ).order_by("-timestamp", "-pk")
    covered = coverage([hub])[hub.pk]
    untranslated = _untranslated_parts(covered.untranslated_paths)

    if any(block.block_type == "reference" for block in hub.body):
        raise NotImplementedError("bench hand view: no references")
    return {
        "causeIndex": {
            "id": str(hub.pk),
            "title": hub.title,
            "seoTitle": hub.seo_title or hub.title,
            "searchDescription": hub.search_description,
            "slug": hub.slug,
            "url": hub.get_url(request=request),
            "locale": code,
            "servedLocale": code,
            "sourceLocale": codes[covered.source_locale_id],
            "isFallback": False,
            "isPartialTranslation": bool(untranslated),
            "untranslatedParts": untranslated,
            "lastPublishedAt": hub.last_published_at.isoformat(),
            "translations": [
                {
                    "id": str(page.pk),
                    "locale": codes[page.locale_id],
                    "url": page.get_url(request=request),
                    "title": page.title,
                }
                for page in translations.order_by("locale_id", "path")
            ],
            "intro": expand_db_html(hub.intro),
            "body": [_block(block) for block in hub.body],
            "supportNote": expand_db_html(hub.support_note),
            "outlookHeading": hub.outlook_heading,
            "outlook": expand_db_html(hub.outlook),
            "categories": [
                {
                    **_summary(category, codes, request),
                    "summary": category.summary,
                    "causes": [
                        {**_summary(cause, codes, request), "summary": cause.summary}
                        for cause in causes_by_parent.get(category.path, [])
                    ],
                }
                for category in categories
            ],
            "medicalReview": {
                "reviewedBy": hub.reviewed_by or None,
                "credentials": hub.reviewer_credentials or None,
                "lastReviewed": hub.last_reviewed and hub.last_reviewed.isoformat(),
                "nextReviewDue": hub.next_review_due
                and hub.next_review_due.isoformat(),
                "isOverdue": is_overdue(hub.next_review_due),
            },
            "references": [],
            "history": [
                {
                    "publishedAt": timestamp.isoformat(),
                    "changeNote": note if isinstance(note, str) else "",
                }
                for timestamp, note in history.values_list(
                    "timestamp", "revision__content__public_change_note"
                )
            ],
        }
    }


@csrf_exempt
def hub_view(request: HttpRequest) -> HttpResponse:
    try:
        code = json.loads(request.body)["variables"]["locale"]
    except (ValueError, KeyError, TypeError):
        return HttpResponseBadRequest("POST {'variables': {'locale': ...}}")
    body = json.dumps({"data": hub_data(request, code)}, separators=(",", ":"))
    return HttpResponse(body, content_type="application/json")
