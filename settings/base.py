"""Settings shared by every environment.

This is the only settings module that reads the environment; ``dev``, ``test``
and ``production`` are small deltas on top of it.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    raw = os.environ.get(name, default)
    return [item.strip() for item in raw.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS_FROM_ENV = env_list("ALLOWED_HOSTS")
ALLOWED_HOSTS = ALLOWED_HOSTS_FROM_ENV or ["127.0.0.1", "localhost"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Production redirects plain HTTP to HTTPS unless this is switched off (for a
# local production-like run without TLS).
HTTPS_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)

# The raw value is kept so that production can refuse to start without it.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One editor's autosave and the live preview panel write at the same time.
    # In WAL mode readers never wait for the writer; IMMEDIATE transactions
    # take the write lock when they begin, so a second writer waits (up to the
    # timeout, in seconds) instead of failing with "database is locked" when a
    # read inside its transaction turns into a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("DATABASE_SQLITE_TIMEOUT", "20")),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A runaway query is cancelled instead of holding a worker and a connection.
    statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", "5000"))
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={statement_timeout}"
    )

REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis is an optimisation: when it cannot be reached the API answers uncached
# and without rate limits (cms.cache.backend). A call gives up after these
# many seconds, and the circuit breaker then skips Redis for
# REDIS_CIRCUIT_SECONDS before trying again.
REDIS_SOCKET_CONNECT_TIMEOUT = float(
    os.environ.get("REDIS_SOCKET_CONNECT_TIMEOUT", "0.25")
)
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5"))
REDIS_CIRCUIT_SECONDS = float(os.environ.get("REDIS_CIRCUIT_SECONDS", "5"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "cms.cache.backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "nidation"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": REDIS_SOCKET_CONNECT_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

INSTALLED_APPS = [
    # Before wagtail: its publish_scheduled takes the API's scheduling lock.
    # The editorial app: medical review, scheduling, preview tokens.
    "content.editorial",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "graphene_django",
    "grapple",
    "wagtail_headless_preview",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "cms",
    # Publishing events, signed and delivered by the worker (cms.webhooks),
    # queued in the database by django-tasks' database backend.
    "cms.webhooks",
    "django_tasks",
    "django_tasks_db",
    # After wagtail: content overrides the "page" rich-text link handler.
    "content",
    "content.translation.state",
]
# Wagtail's REST API v2 at /api/v2/, for comparison benchmarks (make bench).
# Off by default: it bypasses the GraphQL endpoint's limits, response cache
# and visibility gate, so production should not expose it.
ENABLE_REST_API = env_bool("ENABLE_REST_API", False)
if ENABLE_REST_API:
    INSTALLED_APPS += ["wagtail.api.v2", "rest_framework"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response, the admin's included.
    "cms.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Page URLs carry their language; the admin follows the browser (and the
    # user's preferred language); the GraphQL API only its locale arguments.
    "cms.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "content.editorial.middleware.ReviewOverdueMiddleware",
    "content.editorial.middleware.ApprovalMessageMiddleware",
    # Last: turns a login refused by the lock-out into its 429 page.
    "axes.middleware.AxesMiddleware",
]

# The REST API's routes are the benchmark's (bench/urls.py, which adds them to
# cms.urls).
ROOT_URLCONF = "bench.urls" if ENABLE_REST_API else "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Failed logins are counted per account and client address (cms.login_lockout):
# after LOGIN_FAILURE_LIMIT of them that pair is refused for
# LOGIN_COOLOFF_MINUTES (0: until lifted with the axes_reset commands).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out login before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = (
    timedelta(minutes=LOGIN_COOLOFF_MINUTES) if LOGIN_COOLOFF_MINUTES > 0 else None
)
# Per pair rather than per account: locking an account everywhere would let
# anyone who knows a username keep its owner out. An address that tries many
# accounts is stopped on each after LOGIN_FAILURE_LIMIT guesses.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.login_lockout.client_address"
AXES_LOCKOUT_CALLABLE = "cms.login_lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Internationalisation. English is the source language of every article; the
# other content languages are translations made with wagtail-localize.
LANGUAGE_NAMES = {
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "it": "Italiano",
    "nl": "Nederlands",
    "pl": "Polski",
    "pt": "Português",
    "sv": "Svenska",
    "da": "Dansk",
}
CONTENT_LANGUAGE_CODES = env_list("CONTENT_LANGUAGES", "en,de,fr,es,it")
LANGUAGE_CODE = CONTENT_LANGUAGE_CODES[0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code)) for code in CONTENT_LANGUAGE_CODES
]
WAGTAIL_I18N_ENABLED = True

# Machine translation in wagtail-localize's editor. "dummy" reverses the words
# of each segment (offline, for demos and tests); "deepl" needs DEEPL_API_KEY;
# any other value is the dotted path of a wagtail-localize machine translator.
MACHINE_TRANSLATOR = os.environ.get("MACHINE_TRANSLATOR", "").strip()
MACHINE_TRANSLATORS = {
    "dummy": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    "deepl": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
}
if MACHINE_TRANSLATOR:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": MACHINE_TRANSLATORS.get(MACHINE_TRANSLATOR, MACHINE_TRANSLATOR),
        "OPTIONS": {"AUTH_KEY": os.environ.get("DEEPL_API_KEY", "")},
    }
# A new translation starts as a draft. wagtail-localize would otherwise publish
# it at once, still in the source language, and the API would serve English
# text as German.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
#: Uploaded PO files above this size are refused before parsing.
TRANSLATION_PO_UPLOAD_MAX_BYTES = int(
    os.environ.get("TRANSLATION_PO_UPLOAD_MAX_BYTES", str(2 * 1024 * 1024))
)
USE_I18N = True
# The admin text of cms/ and content/, in one catalogue per language
# (docs/translators.md, "Translating the admin").
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
# Relative by default (served from the address the site is reached on); an
# absolute URL (e.g. a CDN) makes every media URL the API serves absolute.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on S3-compatible object storage (shared by every app server).
AWS_STORAGE_BUCKET_NAME = os.environ.get("MEDIA_S3_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("MEDIA_S3_REGION") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Nidation CMS")
WAGTAILADMIN_BASE_URL = os.environ.get("ADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "odt", "docx"]

# GraphQL
GRAPHQL_GRAPHIQL = env_bool("GRAPHQL_GRAPHIQL", False)
# Introspection and "Did you mean ...?" hints help developers and attackers
# alike: on by default, off in production settings.
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
GRAPHQL_SUGGESTIONS = env_bool("GRAPHQL_SUGGESTIONS", True)
GRAPHQL_MAX_DEPTH = int(os.environ.get("GRAPHQL_MAX_DEPTH", "8"))
GRAPHQL_MAX_ALIASES = int(os.environ.get("GRAPHQL_MAX_ALIASES", "10"))
GRAPHQL_MAX_COST = int(os.environ.get("GRAPHQL_MAX_COST", "2000"))
GRAPHQL_MAX_BODY_BYTES = int(os.environ.get("GRAPHQL_MAX_BODY_BYTES", str(100 * 1024)))
# The largest queries a frontend sends are a few hundred tokens; parsing and
# validating 2,000 takes well under 50 ms, so no document under the limit
# holds a worker for long.
GRAPHQL_MAX_TOKENS = int(os.environ.get("GRAPHQL_MAX_TOKENS", "2000"))
GRAPHQL_MAX_FIELDS = int(os.environ.get("GRAPHQL_MAX_FIELDS", "200"))
GRAPHQL_MAX_FRAGMENTS = int(os.environ.get("GRAPHQL_MAX_FRAGMENTS", "50"))
# Nesting of arrays and objects in a JSON body or in ``variables``: checked
# before parsing, which a deeply nested document would otherwise exhaust.
GRAPHQL_MAX_JSON_DEPTH = int(os.environ.get("GRAPHQL_MAX_JSON_DEPTH", "32"))
# Upper bounds of lists that take no ``limit`` argument, used by the query
# cost estimate; the content model enforces the article ones.
GRAPHQL_LIST_BOUNDS = {
    "Query.causeCategories": 10,
    "CauseIndexPage.categories": 10,
    "CauseCategoryPage.causes": 30,
    "CausePage.relatedCauses": 5,
    "*.translations": len(CONTENT_LANGUAGE_CODES),
    "*.locales": len(CONTENT_LANGUAGE_CODES),
    "*.body": 1,
    "*.blocks": 1,
    "*.items": 1,
    # Lists of plain records read with their page (one query for all pages).
    "*.history": 1,
    "*.references": 1,
    "*.untranslatedParts": 1,
}
# One translation status per content language.
GRAPHQL_LIST_BOUNDS["*.translationStatus"] = len(CONTENT_LANGUAGE_CODES)
GRAPHENE = {
    "SCHEMA": "grapple.schema.schema",
    "MIDDLEWARE": [
        "cms.graphql.arguments.ArgumentPolicyMiddleware",
        "content.api.middleware.PageVisibilityMiddleware",
        "cms.cache.tags.AnswerTagsMiddleware",
    ],
}
GRAPHQL_MAX_SEARCH_LENGTH = 200
# Anonymous responses are kept in the cache until the content changes (or at
# most this long); HTTP clients and CDNs may reuse them for HTTP_MAX_AGE.
GRAPHQL_CACHE_SECONDS = int(os.environ.get("GRAPHQL_CACHE_SECONDS", "3600"))
GRAPHQL_HTTP_MAX_AGE = int(os.environ.get("GRAPHQL_HTTP_MAX_AGE", "60"))
# GET answers of persisted and trusted documents (the CDN form) may also be
# served stale this long while a CDN revalidates them.
GRAPHQL_HTTP_STALE_WHILE_REVALIDATE = int(
    os.environ.get("GRAPHQL_HTTP_STALE_WHILE_REVALIDATE", "300")
)
# Automatic persisted queries: how long a registered document is kept in the
# shared cache (clients send the text again once it is gone).
GRAPHQL_APQ_SECONDS = int(os.environ.get("GRAPHQL_APQ_SECONDS", str(7 * 24 * 3600)))
# Trusted documents: a manifest (GraphQL Code Generator's persisted documents)
# read at start-up, beside those `manage.py import_trusted_documents` stored;
# with TRUSTED_DOCUMENTS_ONLY, anonymous requests run only those.
GRAPHQL_TRUSTED_DOCUMENTS = os.environ.get("GRAPHQL_TRUSTED_DOCUMENTS", "")
GRAPHQL_TRUSTED_DOCUMENTS_ONLY = env_bool("GRAPHQL_TRUSTED_DOCUMENTS_ONLY", False)
# With Redis, each process also keeps up to this many responses in memory,
# trusted while its invalidation subscription answers within the lease; a
# publish waits (at most the lease) until every process has dropped its copy.
GRAPHQL_MEMORY_CACHE_ENTRIES = int(
    os.environ.get("GRAPHQL_MEMORY_CACHE_ENTRIES", "500")
)
GRAPHQL_MEMORY_CACHE_LEASE_SECONDS = float(
    os.environ.get("GRAPHQL_MEMORY_CACHE_LEASE_SECONDS", "2")
)
# Uncached queries per client IP: "<count>/<seconds>"; "0/60" switches it off.
GRAPHQL_RATE_LIMIT = tuple(
    int(part) for part in os.environ.get("GRAPHQL_RATE_LIMIT", "300/60").split("/")
)
# How many reverse proxies in front of gunicorn append the address they were
# reached from to X-Forwarded-For: the client is that many entries from the
# right (cms.ratelimit.client_ip). 0 ignores the header. The older
# GRAPHQL_TRUST_X_FORWARDED_FOR=true means one proxy.
GRAPHQL_TRUSTED_PROXIES = int(
    os.environ.get(
        "GRAPHQL_TRUSTED_PROXIES",
        "1" if env_bool("GRAPHQL_TRUST_X_FORWARDED_FOR", False) else "0",
    )
)
# Optional CDN purge on publish, by the worker (wagtail.contrib.frontend_cache;
# cms.webhooks.purge), e.g.
# FRONTEND_CACHE_BACKEND=cloudflare with CLOUDFLARE_BEARER_TOKEN and
# CLOUDFLARE_ZONEID, or FRONTEND_CACHE_BACKEND=http with FRONTEND_CACHE_URL.
GRAPHQL_CDN_PURGE_URL = os.environ.get(
    "GRAPHQL_CDN_PURGE_URL", f"{os.environ.get('PUBLIC_API_URL', '')}/graphql/"
)
FRONTEND_CACHE_BACKEND = os.environ.get("FRONTEND_CACHE_BACKEND", "")
if FRONTEND_CACHE_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
        }
    }
elif FRONTEND_CACHE_BACKEND == "http":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ.get("FRONTEND_CACHE_URL", ""),
        }
    }
if FRONTEND_CACHE_BACKEND:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
# What ``order`` arguments may name, per family of types.
GRAPHQL_ORDER_FIELDS = {
    "page": [
        "id",
        "title",
        "slug",
        "path",
        "first_published_at",
        "last_published_at",
    ],
    "image": ["id", "title", "created_at"],
    "document": ["id", "title", "created_at"],
    "default": ["id"],
}
GRAPPLE = {
    "APPS": ["content"],
    "EXPOSE_GRAPHIQL": False,
    "PAGE_INTERFACE": "content.api.interfaces.PageInterface",
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    "ALLOWED_IMAGE_FILTERS": [
        "width-400",
        "width-800",
        "width-1200",
        "fill-400x300",
        "fill-800x600",
        "format-webp",
    ],
    "RICHTEXT_FORMAT": "html",
}

# The reference frontend's public address (frontend/, which `make run` serves
# on :3000). Pages are read there: "View live" and every page address the
# admin shows redirect to it (the API's `url` fields stay relative paths), and
# previews open its /preview/ route. Set it empty for a CMS without frontend:
# pages then say so and previews use the project's own page (/preview/).
FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://127.0.0.1:3000").rstrip("/")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {
        "default": os.environ.get("PREVIEW_CLIENT_URL", "")
        or (f"{FRONTEND_URL}/preview/" if FRONTEND_URL else "")
    },
    "SERVE_BASE_URL": FRONTEND_URL or None,
}
# The frontend's preview URL per content language ("de=https://...,fr=...");
# PREVIEW_CLIENT_URL serves the others. Without any, the frontend's preview
# route (FRONTEND_URL/preview/) shows the draft, or without a frontend the
# project's own preview page (/preview/).
PREVIEW_CLIENT_URLS = {
    "default": os.environ.get("PREVIEW_CLIENT_URL", ""),
    **dict(
        item.split("=", 1)
        for item in env_list("PREVIEW_CLIENT_URLS_BY_LOCALE")
        if "=" in item
    ),
}
# Seconds a preview link works after the editor clicked Preview.
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "3600"))
# Approving the medical review publishes, unless the review date has passed.
WAGTAIL_FINISH_WORKFLOW_ACTION = (
    "content.editorial.review.publish_reviewed_workflow_state"
)

# Background tasks (django-tasks). Wagtail's own tasks (reference index,
# search index, ...) keep running in the request ("default"); publishing
# events are queued in the database ("webhooks", django-tasks-db) and
# delivered by the worker: `manage.py db_worker --backend webhooks`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# Webhooks (cms.webhooks, docs/webhooks.md). Subscriptions are managed in the
# admin; these come from the environment. The reference frontend's
# revalidation endpoint receives every event when both are set; the secret is
# a Standard Webhooks secret ("whsec_<base64>"), two separated by a space
# while rotating.
FRONTEND_REVALIDATE_SECRET = os.environ.get("FRONTEND_REVALIDATE_SECRET", "")
# More subscribers, a JSON list of {"name", "url", "secret" (or "secrets"),
# "events" (optional: every event type)}.
WEBHOOKS_FROM_ENV = os.environ.get("WEBHOOKS", "")
# Admin subscriptions may not point at private, loopback or link-local
# addresses (checked on save and again at delivery) unless this is on.
WEBHOOKS_ALLOW_PRIVATE_URLS = env_bool("WEBHOOKS_ALLOW_PRIVATE_URLS", False)
WEBHOOKS_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOKS_TIMEOUT_SECONDS", "5"))
# Failed deliveries are retried with exponential backoff and jitter, from
# RETRY_BASE seconds doubling up to RETRY_MAX_DELAY, until the first attempt
# is RETRY_HOURS old; then the delivery is marked failed.
WEBHOOKS_RETRY_BASE_SECONDS = float(os.environ.get("WEBHOOKS_RETRY_BASE_SECONDS", "30"))
WEBHOOKS_RETRY_MAX_DELAY_SECONDS = float(
    os.environ.get("WEBHOOKS_RETRY_MAX_DELAY_SECONDS", str(3 * 3600))
)
WEBHOOKS_RETRY_HOURS = float(os.environ.get("WEBHOOKS_RETRY_HOURS", "25"))
# 0: no limit other than RETRY_HOURS.
WEBHOOKS_MAX_ATTEMPTS = int(os.environ.get("WEBHOOKS_MAX_ATTEMPTS", "0"))
# At most this much of a receiver's answer is read, and kept in the log.
WEBHOOKS_RESPONSE_EXCERPT_BYTES = int(
    os.environ.get("WEBHOOKS_RESPONSE_EXCERPT_BYTES", "4096")
)
# After rotating a subscription's secret, the old one still signs for this long.
WEBHOOKS_SECRET_ROTATION_HOURS = float(
    os.environ.get("WEBHOOKS_SECRET_ROTATION_HOURS", "24")
)
# The page field holding the next medical review date (review.overdue events).
WEBHOOKS_REVIEW_DUE_FIELD = "next_review_due"
# Purging the CDN by cache tag on publish, on the worker: "" (none),
# "cloudflare" (CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONEID) or the dotted
# path of a class with ``purge_tags(tags)``.
CDN_TAG_PURGE_BACKEND = os.environ.get("CDN_TAG_PURGE_BACKEND", "")
CDN_TAG_PURGE_BACKENDS = {
    "cloudflare": "cms.webhooks.purge.CloudflareTagPurge",
}
CLOUDFLARE_BEARER_TOKEN = os.environ.get("CLOUDFLARE_BEARER_TOKEN", "").strip()
CLOUDFLARE_ZONEID = os.environ.get("CLOUDFLARE_ZONEID", "").strip()
# Cloudflare's API, which the tag purge calls.
CLOUDFLARE_API_URL = "https://api.cloudflare.com/client/v4"

# Content-Security-Policy (django-csp; cms.csp): strict for the pages the
# project serves, inline code only with the request's nonce. The admin
# enforces a copy that allows inline scripts and styles, which Wagtail still
# needs, and reports against this one (cms.csp explains).
CONTENT_SECURITY_POLICY_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")
csp_image_sources = ["'self'", "data:", "blob:"]
if AWS_STORAGE_BUCKET_NAME:
    # Renditions and documents on the media bucket.
    csp_image_sources.append(
        f"https://{AWS_S3_CUSTOM_DOMAIN}"
        if AWS_S3_CUSTOM_DOMAIN
        else (
            AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
        )
    )


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# The admin's preview panel frames the frontend's preview route (every
# preview client URL); nothing else is framed.
csp_frame_sources = ["'self'"] + sorted(
    {
        origin
        for url in [
            *WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"].values(),
            *PREVIEW_CLIENT_URLS.values(),
        ]
        if url and (origin := origin_of(url))
    }
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "frame-src": csp_frame_sources,
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": csp_image_sources,
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "report-uri": [CONTENT_SECURITY_POLICY_REPORT_URI]
        if CONTENT_SECURITY_POLICY_REPORT_URI
        else None,
    }
}

LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")


def is_not_graphql_refusal(record) -> bool:
    """False for django.request's line about a 4xx answer from /graphql/: the
    view logs each refused request itself (``cms.graphql.hardening.log_refusal``)."""
    request = getattr(record, "request", None)
    return not (
        400 <= getattr(record, "status_code", 0) < 500
        and getattr(request, "path_info", "").startswith("/graphql/")
    )


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "not_graphql_refusal": {
            "()": "django.utils.log.CallbackFilter",
            "callback": is_not_graphql_refusal,
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own console handler would print its records a second time
        # under DEBUG: they reach the root handler once instead.
        "django": {"handlers": [], "level": LOG_LEVEL},
        "django.request": {"filters": ["not_graphql_refusal"]},
        # runserver's access log, every request (not only the 4xx and 5xx).
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "cms": {"level": "INFO"},
        "content": {"level": "INFO"},
    },
}
