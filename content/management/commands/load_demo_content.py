from django.core.management.base import BaseCommand, CommandError

from content.api.loading import ContentLoader, UnknownLocaleError
from content.demo.loader import DemoLoader
from content.demo.translations import translate_demo_content


class Command(BaseCommand):
    help = (
        "Create the demo article (hub, 3 cause categories, 12 causes) and the site "
        "chrome in the default language, published. Safe to run again: pages that "
        "exist are left as they are. With --translations, also machine-translate "
        "it into those languages through wagtail-localize (offline dummy "
        "translator: reversed words, labelled as machine output). Prints one line "
        "per step; -v 2 lists every item."
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

        detail = self.stdout.write if options["verbosity"] > 1 else _silent
        report = DemoLoader(log=detail).run()
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo article: created {len(report.created)} item(s); "
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
            translated = translate_demo_content(locale, log=detail)
            if translated.translated:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Translated and published {len(translated.translated)} "
                        f"item(s) into {locale.get_display_name()} with the dummy "
                        "translator (reversed words, not a real translation); "
                        f"{len(translated.unchanged)} already existed."
                    )
                )
            else:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Every demo item already exists in {locale.language_code}: "
                        "nothing changed."
                    )
                )


def _silent(message: str) -> None:
    pass
