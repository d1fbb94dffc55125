from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy


class ContentConfig(AppConfig):
    """The article domain: page types, blocks, site chrome and their API."""

    name = "content"
    label = "content"
    verbose_name = gettext_lazy("Article content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content import reading
        from content.api import patches as api_patches
        from content.api.context import current_loader, loader_for
        from content.editorial import patches as editorial_patches
        from content.locales import sync_content_locales
        from content.translation import patches as translation_patches

        reading.register(current=current_loader, for_info=loader_for)
        # Patches of grapple, graphene, wagtail-localize and Wagtail, each
        # layer's in its patches.py.
        api_patches.apply()
        translation_patches.apply()
        editorial_patches.apply()
        from content.translation.permissions import grant_new_target_tree

        post_migrate.connect(sync_content_locales, sender=self)
        post_save.connect(grant_new_target_tree, dispatch_uid="translators_tree")
