"""Local development: debug pages, GraphiQL, a fixed throwaway secret."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-secret-key"  # noqa: S105
GRAPHQL_GRAPHIQL = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Receivers run on this machine in development.
WEBHOOKS_ALLOW_PRIVATE_URLS = True
