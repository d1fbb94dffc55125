from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page
from wagtail.search import index

from content.api.loading import ContentLoader, UnknownLocaleError
from content.demo.loader import DemoLoader
from content.demo.translations import translate_demo_content
from content.visibility import content_pages


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
            # Pages are indexed as they are saved; a database loaded before
            # the search fields last changed gets their current index here
            # (what `manage.py update_index` would do for them).
            detail(f"  Search index refreshed for {reindex_article_pages()} page(s).")

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


def reindex_article_pages() -> int:
    pages = content_pages(Page.objects.all()).specific()
    count = 0
    for page in pages:
        index.insert_or_update_object(page)
        count += 1
    return count


def _silent(message: str) -> None:
    pass
