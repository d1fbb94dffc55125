"""``page(token: ...)``: the only way a draft leaves the API.

The token comes from the admin's Preview button (``content.editorial.preview``). A
preview response is private to the editor who asked for it: the request is
marked so that the GraphQL view sends ``Cache-Control: private, no-store``
and never stores it in the response cache, whether the token is valid or not.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Page

from content.api.context import loader_for
from content.editorial.preview import page_for_token


def mark_private(info: Any) -> None:
    request = info.context
    if request is not None:
        request.graphql_private = True


def resolve_preview(info: Any, token: str, locale: str | None) -> Page | None:
    """The draft a valid token was issued for, or null for any other token."""
    mark_private(info)
    page = page_for_token(token, locale)
    if page is not None:
        loader_for(info).memo("previews", list).append(page)
    return page


def is_preview(info: Any, page: Page) -> bool:
    """Is ``page`` the draft object this request's preview query returned?"""
    previews = loader_for(info).memo("previews", list)
    return any(page is preview for preview in previews)
