from django.core.management.base import BaseCommand, CommandError

from content.demo.loader import DemoLoader
from content.demo.translations import translate_demo_content
from content.loading import ContentLoader, UnknownLocaleError


class Command(BaseCommand):
    help = (
        "Create the demo article (hub, 3 cause categories, 12 causes) and the site "
        "chrome in the default language, published. Safe to run again: pages that "
        "exist are left as they are. With --translations, also machine-translate "
        "it into those languages through wagtail-localize (offline dummy "
        "translator: reversed words, labelled as machine output)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--translations",
            default="",
            metavar="CODES",
            help="Comma-separated language codes to machine-translate into, "
            "e.g. 'de' or 'de,fr'.",
        )

    def handle(self, *args, **options):
        codes = [c.strip() for c in options["translations"].split(",") if c.strip()]
        loader = ContentLoader()
        try:
            locales = [loader.locale(code) for code in codes]
        except UnknownLocaleError as error:
            raise CommandError(str(error)) from None
        default = loader.locale(None)
        if default in locales:
            raise CommandError(
                f"'{default.language_code}' is the source language of the demo; "
                "choose the languages to translate it into."
            )

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

        for locale in locales:
            self.stdout.write(
                f"Machine-translating the demo into {locale.get_display_name()} "
                "(dummy translator: reversed words, not a real translation)..."
            )
            translated = translate_demo_content(locale, log=self.stdout.write)
            if translated.translated:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Translated and published {len(translated.translated)} "
                        f"item(s); {len(translated.unchanged)} already existed in "
                        f"{locale.language_code}."
                    )
                )
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Every demo item already exists in {locale.language_code}: "
                        "nothing changed."
                    )
                )
