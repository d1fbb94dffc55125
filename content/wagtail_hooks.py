"""Admin registration and the content app's contributions to the API."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content.graphql.queries import ContentQuery
from content.loading import request_scope
from content.models import SiteChrome
from content.rich_text import VisiblePageLinkHandler


class SiteChromeViewSet(SnippetViewSet):
    model = SiteChrome
    icon = "globe"
    menu_label = "Site chrome"
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


@hooks.register("register_log_actions")
def register_review_log_actions(actions) -> None:
    from content.review import OVERRIDE_ACTION

    actions.register_action(
        OVERRIDE_ACTION,
        "Override overdue medical review",
        "Published although the medical review was overdue",
    )
