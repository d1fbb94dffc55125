"""Admin and serving hooks of the CMS wiring."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessServeMixin

from cms import frontend
from cms.login_lockout import login_lockout_viewset


@hooks.register("register_admin_viewset")
def register_login_lockout_viewset():
    return login_lockout_viewset


@hooks.register("before_serve_page")
def read_every_page_on_the_frontend(
    page: Page, request: HttpRequest, serve_args: Any, serve_kwargs: Any
) -> HttpResponse | None:
    """Pages without a frontend redirect of their own (the home pages) get one.

    Article pages redirect in ``serve`` (wagtail-headless-preview's
    HeadlessServeMixin); any other page type would otherwise look for a
    template the CMS does not have.
    """
    if isinstance(page, HeadlessServeMixin):
        return None
    return frontend.serve(page, request)
