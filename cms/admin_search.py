"""The admin's page search names what it found.

Wagtail 7.4's page search (``wagtail.admin.views.pages.search.SearchView``)
is a generic listing view without a model, so its ``verbose_name`` and
``verbose_name_plural`` are None, and the results table's title column reads
"1-3 of 3 None" (``_page_title_column_header.html`` puts the plural after the
count). Its results are pages: it gets their names, translated as Wagtail's
own "page"/"pages" are.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: The release this was written against (requirements.txt).
WAGTAIL = "wagtail 7.4"


def name_page_search_results() -> None:
    from wagtail.admin.views.pages.search import SearchView

    if SearchView.verbose_name is None:
        SearchView.verbose_name = _("page")
    if SearchView.verbose_name_plural is None:
        SearchView.verbose_name_plural = _("pages")
