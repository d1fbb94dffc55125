import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.production")

application = get_wsgi_application()

# Build the GraphQL schema, import lazily loaded modules and load translation
# catalogs at start-up rather than on a worker's first request (with
# gunicorn's preload_app, once in the master for every worker).
from cms.warmup import prepare_process  # noqa: E402

prepare_process()
