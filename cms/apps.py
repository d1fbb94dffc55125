from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class CmsConfig(AppConfig):
    """Cross-cutting wiring for the GraphQL endpoint."""

    name = "cms"
    label = "cms"
    verbose_name = gettext_lazy("CMS wiring")

    def ready(self) -> None:
        from cms import checks  # noqa: F401 - registers the system checks
        from cms.admin_search import name_page_search_results
        from cms.cache.invalidation import connect_cache_invalidation
        from cms.graphql.media import serve_media_urls_as_stored

        connect_cache_invalidation()
        serve_media_urls_as_stored()
        name_page_search_results()
