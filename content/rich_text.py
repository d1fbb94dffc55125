"""Rich-text page links for the API: visible targets only, loaded in bulk."""

from __future__ import annotations

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from content.reading import current_reader


class VisiblePageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, gated by the API request's reader.

    Outside an API request (the admin, templates) it is Wagtail's handler.
    Inside one, a link to a page the public may not see keeps its text but
    loses its ``href``, a link to a page in another language points to that
    page's translation in the language being served, and every link target of
    the response is loaded in the reader's single batch instead of once per
    rich-text field. A fallback target (served in its source language) says
    so with ``hreflang``.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        reader = current_reader()
        if reader is None:
            return super().expand_db_attributes_many(attrs_list)
        pages = reader.link_targets(attrs.get("id") for attrs in attrs_list)
        tags = []
        for attrs in attrs_list:
            page_id = str(attrs.get("id", ""))
            page = pages.get(int(page_id)) if page_id.isdigit() else None
            url = reader.page_url(page) if page is not None else None
            if not url:
                tags.append("<a>")
            elif getattr(page, "requested_locale_id", None) is not None:
                language = escape(reader.locale_code(page.locale_id))
                tags.append(f'<a href="{escape(url)}" hreflang="{language}">')
            else:
                tags.append(f'<a href="{escape(url)}">')
        return tags
