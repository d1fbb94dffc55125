"""``manage.py check`` names a wrong webhook or CDN purge configuration from
the environment."""

from __future__ import annotations

from django.core import checks


@checks.register(checks.Tags.compatibility)
def check_env_subscribers(app_configs=None, **kwargs):
    from cms.webhooks.subscribers import ConfigurationError, env_subscribers

    try:
        env_subscribers()
    except ConfigurationError as error:
        return [checks.Error(str(error), id="webhooks.E001")]
    return []


@checks.register(checks.Tags.compatibility)
def check_tag_purge(app_configs=None, **kwargs):
    """The tag purge backend exists and, for Cloudflare, has its credentials
    (otherwise every purge would fail, and be retried, until someone looks)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    name = getattr(settings, "CDN_TAG_PURGE_BACKEND", "")
    if not name:
        return []
    path = settings.CDN_TAG_PURGE_BACKENDS.get(name, name)
    try:
        backend = import_string(path)
    except ImportError:
        return [
            checks.Error(
                f"CDN_TAG_PURGE_BACKEND: {name!r} is neither 'cloudflare' nor the "
                "dotted path of a class.",
                id="webhooks.E002",
            )
        ]
    from cms.webhooks.purge import CloudflareTagPurge

    if issubclass(backend, CloudflareTagPurge) and not (
        settings.CLOUDFLARE_BEARER_TOKEN and settings.CLOUDFLARE_ZONEID
    ):
        return [
            checks.Error(
                "CDN_TAG_PURGE_BACKEND is 'cloudflare': CLOUDFLARE_BEARER_TOKEN and "
                "CLOUDFLARE_ZONEID are required.",
                id="webhooks.E003",
            )
        ]
    return []
