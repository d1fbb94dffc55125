"""Admin registration and the content app's contributions to the API."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_headless_preview.models import HeadlessServeMixin

from content import frontend
from content.api.context import current_loader, request_scope
from content.api.queries import ContentQuery
from content.editorial.review import OVERRIDE_ACTION, bulk_publish_refusals
from content.models import SiteChrome
from content.rich_text import VisiblePageLinkHandler
from content.translation.permissions import refuses_source_edit
from content.translation.review import (
    before_convert_alias_page,
    may_publish,
    submit_for_review,
)
from content.translation.views import may_translate, status_view


class SiteChromeViewSet(SnippetViewSet):
    model = SiteChrome
    icon = "globe"
    menu_label = gettext_lazy("Site chrome")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["organisation_name", "locale", "live"]


register_snippet(SiteChromeViewSet)


@hooks.register("register_schema_query")
def register_content_queries(query_mixins: list) -> None:
    # First in the MRO, so that the locale-aware page/pages/search/snippets
    # resolvers replace grapple's.
    query_mixins.insert(0, ContentQuery)


@hooks.register("register_rich_text_features")
def register_page_link_handler(features) -> None:
    features.register_link_type(VisiblePageLinkHandler)


@hooks.register("graphql_request_scope")
def content_request_scope(request):
    return request_scope(request)


@hooks.register("graphql_response_tags")
def content_response_tags(request):
    loader = current_loader()
    return loader.cache_tags() if loader is not None else ()


@hooks.register("register_log_actions")
def register_review_log_actions(actions) -> None:
    actions.register_action(
        OVERRIDE_ACTION,
        gettext_lazy("Override overdue medical review"),
        gettext_lazy("Published although the medical review was overdue"),
    )


@hooks.register("before_bulk_action")
def refuse_overdue_bulk_publish(request, action_type, objects, action):
    """Bulk publishing refuses the whole action if any page's review is overdue.

    All or nothing, as the action runs in one transaction and the user
    confirmed publishing exactly these pages: the message names every refused
    page, so they can be deselected (or reviewed) and the action repeated.
    ``ArticlePage.publish`` applies the same rule to each page anyway; this
    check only names them all at once.
    """
    if action_type != "publish" or not issubclass(action.model, Page):
        return None
    form = action.cleaned_form
    include_descendants = bool(
        form is not None and form.cleaned_data.get("include_descendants")
    )
    refused = bulk_publish_refusals(objects, include_descendants, request.user)
    if not refused:
        return None
    names = "; ".join(
        gettext("'%(title)s' (next review was due %(date)s)")
        % {"title": page.title, "date": page.next_review_due.isoformat()}
        for page in refused
    )
    messages.error(
        request,
        gettext(
            "Nothing was published: the medical review of these pages is overdue: "
            "%(pages)s. A medical reviewer must review them and set a new date, or "
            "override this when approving; or publish the other pages without them."
        )
        % {"pages": names},
    )
    return redirect(action.next_url)


# Translators ----------------------------------------------------------------


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    # The views that answer wagtail-localize's own admin URLs are registered
    # by content.translation.patches.
    return [
        path(
            "localize/translate/<int:translation_id>/submit-for-review/",
            submit_for_review,
            name="translation_submit_for_review",
        ),
        path("translation-status/", status_view, name="translation_status"),
    ]


hooks.register("before_convert_alias_page", before_convert_alias_page)


@hooks.register("construct_page_action_menu")
def offer_convert_to_alias_to_publishers(menu_items, request, context):
    page = context.get("page")
    if page is not None and not may_publish(request.user, page):
        menu_items[:] = [
            item for item in menu_items if item.name != "localize-convert-to-alias"
        ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_translate(request.user)


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        gettext_lazy("Translation status"),
        reverse("translation_status"),
        icon_name="wagtail-localize-language",
        order=350,
    )


def refuse_source_snippet_edits(request, instance):
    instances = instance if isinstance(instance, list) else [instance]
    if any(refuses_source_edit(request.user, obj) for obj in instances):
        raise PermissionDenied


# Before wagtail-localize's own hooks, which would open its translation editor.
for hook_name in (
    "before_edit_snippet",
    "before_delete_snippet",
    "before_publish",
    "before_unpublish",
):
    hooks.register(hook_name, refuse_source_snippet_edits, order=-1)


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
