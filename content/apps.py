from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class ContentConfig(AppConfig):
    """The article domain: page types, blocks, site chrome and their API."""

    name = "content"
    label = "content"
    verbose_name = "Article content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from content import reading
        from content.api.blocks import (
            serve_block_values_as_the_reader_sees_them,
            use_block_names_as_block_types,
        )
        from content.api.interfaces import hide_internal_page_fields
        from content.api.loading import current_loader, loader_for
        from content.api.middleware import (
            gate_redirect_targets,
            let_site_root_pages_be_withheld,
        )
        from content.api.registry import hide_non_content_types
        from content.api.scalars import make_positive_int_strict
        from content.locales import sync_content_locales
        from content.translation.review import keep_translation_drafts_unpublished

        reading.register(current=current_loader, for_info=loader_for)
        use_block_names_as_block_types()
        serve_block_values_as_the_reader_sees_them()
        make_positive_int_strict()
        hide_internal_page_fields()
        hide_non_content_types()
        gate_redirect_targets()
        let_site_root_pages_be_withheld()
        keep_translation_drafts_unpublished()
        from content.translation.permissions import grant_new_target_tree

        post_migrate.connect(sync_content_locales, sender=self)
        post_save.connect(grant_new_target_tree, dispatch_uid="translators_tree")
