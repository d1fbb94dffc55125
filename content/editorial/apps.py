from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class EditorialConfig(AppConfig):
    """Medical review, review dates, scheduling and preview tokens.

    Installed before wagtail, so its ``publish_scheduled`` command replaces
    Wagtail's. Its models: the reviewers' profiles and the review interval
    setting (``models.py``).
    """

    name = "content.editorial"
    label = "editorial"
    verbose_name = gettext_lazy("Editorial")
