from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.graphql.view import GraphQLView
from cms.locale import language_neutral

urlpatterns = [
    # First: the API's answers are most of the traffic.
    path(
        "graphql/",
        # The API's content language comes from `locale` arguments only.
        language_neutral(
            csrf_exempt(GraphQLView.as_view(graphiql=settings.GRAPHQL_GRAPHIQL))
        ),
        name="graphql",
    ),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The draft preview page used until a frontend is configured.
    path("preview/", include("content.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages in the default language are served at their path, translations under
# their language code (/de/...): page.url and the API's `url` follow this.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)), prefix_default_language=False
)
