from django.core.management.base import BaseCommand

from content.demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Create the demo article (hub, 3 cause categories, 12 causes) and the site "
        "chrome in the default language, published. Safe to run again: pages that "
        "exist are left as they are."
    )

    def handle(self, *args, **options):
        self.stdout.write("Loading the demo article...")
        report = DemoLoader(log=self.stdout.write).run()
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Created {len(report.created)} item(s); "
                    f"{len(report.unchanged)} already existed."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"The demo content is already loaded "
                    f"({len(report.unchanged)} items): nothing changed."
                )
            )
