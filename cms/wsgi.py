import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

application = get_wsgi_application()

# Build the GraphQL schema at start-up rather than on a worker's first request
# (with gunicorn's preload_app, once in the master for every worker).
from graphene_django.settings import graphene_settings  # noqa: E402

graphene_settings.SCHEMA  # noqa: B018
