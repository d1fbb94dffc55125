from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Publishing events and their delivery to subscribers."""

    name = "cms.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from cms.webhooks import checks  # noqa: F401 (registers the checks)
        from cms.webhooks.events import connect_events
        from cms.webhooks.review import ensure_sweep_scheduled

        connect_events()
        post_migrate.connect(
            ensure_sweep_scheduled, sender=self, dispatch_uid="webhooks-review-sweep"
        )
