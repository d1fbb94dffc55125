from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Cross-cutting wiring for the GraphQL endpoint."""

    name = "cms"
    label = "cms"
    verbose_name = "CMS wiring"

    def ready(self) -> None:
        from cms.cache.invalidation import connect_cache_invalidation

        connect_cache_invalidation()
