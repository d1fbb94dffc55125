from django.core.management.base import BaseCommand

from content.translation.permissions import setup_translators


class Command(BaseCommand):
    help = (
        "Create or complete the Translators group: translate pages, snippets and "
        "site settings into the target languages, never edit or publish the "
        "source language. Safe to run again."
    )

    def handle(self, *args, **options):
        group = setup_translators()
        self.stdout.write(
            self.style.SUCCESS(
                f"Group '{group.name}' is ready ({group.permissions.count()} model "
                f"permissions, page permissions on "
                f"{group.page_permissions.values('page').distinct().count()} "
                "target-language tree(s))."
            )
        )
