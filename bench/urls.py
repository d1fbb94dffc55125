"""The site's URLs plus what the benchmark compares the GraphQL API with.

``settings.bench`` (and ``ENABLE_REST_API``) make this the root URLconf:
Wagtail's REST API v2 at ``/api/v2/`` when ``ENABLE_REST_API`` is on, and the
floor (``bench.floor``) at ``/bench/floor/`` when ``BENCH_FLOOR_FILE`` is set.
Every other URL is the site's own (``cms.urls``).
"""

from django.conf import settings
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = []

if settings.ENABLE_REST_API:
    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail.api.v2.views import PagesAPIViewSet

    class ArticlePagesAPIViewSet(PagesAPIViewSet):
        """Wagtail's pages endpoint, plus the article's content fields (the
        page models declare none for REST)."""

        article_fields = {
            "content.causeindexpage": ["intro", "body"],
            "content.causecategorypage": ["summary", "body"],
            "content.causepage": ["summary", "body"],
        }

        @classmethod
        def get_body_fields(cls, model):
            extra = cls.article_fields.get(model._meta.label_lower, [])
            return super().get_body_fields(model) + cls._convert_api_fields(extra)

    api_router = WagtailAPIRouter("wagtailapi")
    api_router.register_endpoint("pages", ArticlePagesAPIViewSet)
    urlpatterns += [path("api/v2/", api_router.urls)]

if getattr(settings, "BENCH_FLOOR_FILE", None):
    from bench.floor import floor_view

    urlpatterns += [path("bench/floor/", floor_view)]

    from bench.handwritten import hub_view

    urlpatterns += [path("bench/hand/hub/", hub_view)]

# After the benchmark's own routes: the site's end with Wagtail's catch-all.
urlpatterns += site_urlpatterns
