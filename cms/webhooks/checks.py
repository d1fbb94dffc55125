"""``manage.py check`` names a wrong webhook configuration from the environment."""

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
