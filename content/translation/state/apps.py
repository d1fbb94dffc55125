from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class TranslationStateConfig(AppConfig):
    """Records what the translation status of pages and snippets is based on."""

    name = "content.translation.state"
    label = "translation_state"
    verbose_name = gettext_lazy("Translation state")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content.translation.state import records

        records.connect()
