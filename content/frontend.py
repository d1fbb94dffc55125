"""Where pages are read: the frontend at ``FRONTEND_URL``.

The CMS renders no pages itself. A page's address on the CMS (the one the
admin's "View live" and page links use) redirects to the same path on the
frontend, which is also where the API's relative ``url`` fields point. A CMS
run without a frontend (``FRONTEND_URL`` empty) answers those addresses with a
short page that says so, never with an error.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from wagtail.models import Page


def base_url() -> str:
    """The frontend's address without a trailing slash, or "" without one."""
    return (getattr(settings, "FRONTEND_URL", "") or "").rstrip("/")


def preview_route() -> str:
    """The frontend's preview route, or "" without a frontend."""
    base = base_url()
    return f"{base}/preview/" if base else ""


def page_path(page: Page, request: HttpRequest | None = None) -> str:
    """The page's path, the same on the CMS and on the frontend."""
    parts = page.get_url_parts(request)
    return parts[2] if parts else "/"


def no_frontend(request: HttpRequest, page: Page) -> HttpResponse:
    return render(request, "content/no_frontend.html", {"page": page})


def serve(page: Page, request: HttpRequest) -> HttpResponse:
    """Send a reader of ``page`` on the CMS to the page on the frontend."""
    base = base_url()
    if not base:
        return no_frontend(request, page)
    return HttpResponseRedirect(f"{base}{page_path(page, request)}")
