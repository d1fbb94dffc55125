"""Test runs: SQLite by default, PostgreSQL when DATABASE_URL is set."""

from .base import *  # noqa: F403
from .base import LOGGING, SECRET_KEY

DEBUG = False
SECRET_KEY = SECRET_KEY or "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
GRAPHQL_GRAPHIQL = False
# The loggers and filters of every environment, written nowhere (pytest's
# caplog still sees the records).
LOGGING = {**LOGGING, "handlers": {"console": {"class": "logging.NullHandler"}}}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The suite sends many requests from one address; the rate limit has tests of
# its own that switch it on.
GRAPHQL_RATE_LIMIT = (0, 60)
# The tests' receivers run on 127.0.0.1.
WEBHOOKS_ALLOW_PRIVATE_URLS = True
