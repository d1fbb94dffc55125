from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class EditorialConfig(AppConfig):
    """Medical review, review dates, scheduling and preview tokens.

    Installed before wagtail, so its ``publish_scheduled`` command replaces
    Wagtail's. The label is the one this app had when it held only that
    command; it has no models, so the label only names the app.
    """

    name = "content.editorial"
    label = "content_commands"
    verbose_name = gettext_lazy("Editorial")
