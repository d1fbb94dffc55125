"""Headless preview: expiring tokens bound to one page and one locale.

When an editor clicks Preview, the unsaved state of the edit form is stored as
a ``PagePreview`` (wagtail-headless-preview's model) under a signed token. The
token names the page (or, for a page not created yet, its parent), the locale
and when it was issued; it is valid for ``PREVIEW_TOKEN_MAX_AGE`` seconds. The
only way to read a draft through the API is ``page(token: ...)`` with such a
token, and every failure (forged, expired, wrong locale, deleted page) is the
same ``null``, so the response reveals nothing about signing.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_headless_preview.models import PagePreview

from content import frontend

SALT = "content.preview"


def max_age() -> int:
    return int(getattr(settings, "PREVIEW_TOKEN_MAX_AGE", 3600))


def make_token(page: Page, *, issued_at: float | None = None) -> str:
    issued_at = timezone.now().timestamp() if issued_at is None else issued_at
    payload = {
        "page": page.pk,
        "parent": None if page.pk else page.get_parent().pk,
        "locale": page.locale.language_code,
        "iat": int(issued_at),
        # Two previews of the same page in the same second get distinct tokens.
        "n": secrets.token_urlsafe(6),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> dict | None:
    """The token's claims if it is genuine and not expired, else None."""
    try:
        claims = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(claims, dict) or not isinstance(claims.get("iat"), int):
        return None
    age = timezone.now().timestamp() - claims["iat"]
    if age < 0 or age > max_age():
        return None
    return claims


def store_preview(page: Page) -> str:
    """Keep the page's unsaved state for preview; return its token."""
    PagePreview.garbage_collect()
    token = make_token(page)
    PagePreview.objects.create(
        token=token, content_type=page.content_type, content_json=page.to_json()
    )
    return token


def page_for_token(token: str, locale_code: str | None = None) -> Page | None:
    """The previewed draft for a valid token, or None.

    ``locale_code``, when given, must be the token's locale. The page (or the
    parent of a new page) must still exist: a deleted page has no preview.
    """
    claims = read_token(token) if isinstance(token, str) else None
    if claims is None:
        return None
    if locale_code is not None and locale_code != claims.get("locale"):
        return None
    anchor = claims.get("page") or claims.get("parent")
    if not Page.objects.filter(pk=anchor).exists():
        return None
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        return None
    page = preview.as_page()
    if page.pk != claims.get("page") or page.locale.language_code != claims.get(
        "locale"
    ):
        return None
    return page


def client_url(page: Page, request: Any) -> str:
    """Where the preview is shown: the frontend of the page's locale, if any.

    ``PREVIEW_CLIENT_URLS`` maps language codes (and ``default``) to frontend
    preview URLs; without one, the frontend's preview route (``FRONTEND_URL``)
    or, without a frontend, the project's own preview page is used.
    """
    urls = getattr(settings, "PREVIEW_CLIENT_URLS", {})
    url = urls.get(page.locale.language_code) or urls.get("default")
    return url or frontend.preview_route() or reverse("content_preview")
