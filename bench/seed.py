"""Seeds the benchmark's articles into an empty, migrated database.

    python -m bench.seed            # settings from DJANGO_SETTINGS_MODULE

One article per locale, each a hub with three categories and N causes spread
over them (``SIZES``): English is the article under load, German and French
(small and large) show that a request's SQL does not grow with the article.
The German and French hubs are translations of the English one, as Wagtail's
i18n expects, so Wagtail's REST API serves them too.

Every cause body is a heading, three paragraphs that each link to a page of
the same article, and a page-link block. All wording is written for the
benchmark; names are fictional and addresses use example.org.
"""

from __future__ import annotations

import os
import sys

#: Causes per locale.
SIZES = {"en": 40, "de": 5, "fr": 80}
HUB_SLUG = "bench-article"
CATEGORIES = [
    ("embryo-factors", "Factors in the embryo"),
    ("uterine-factors", "Factors in the uterus"),
    ("systemic-factors", "Factors in the whole body"),
]
ORGANISATION = {
    "organisation_name": "Larkspur Fertility Circle",
    "contact_email": "benchmark@example.org",
    "registered_in": "Ireland",
    "copyright_line": "Benchmark content.",
    "disclaimer": (
        "<p>Larkspur Fertility Circle is a fictional organisation. This text "
        "stands in for the disclaimer shown under every page.</p>"
    ),
}


def hub_slug(code: str) -> str:
    return HUB_SLUG if code == "en" else f"{HUB_SLUG}-{code}"


def paragraph(subject: str, target_id: int, link_text: str) -> str:
    return (
        f"<p>This paragraph stands in for an explanation of {subject} written "
        "by the editorial team. It has the length of a real paragraph, with "
        "<b>some emphasis</b>, a few plain sentences about what is known and "
        "what is not, and a pointer to where readers can learn more. See "
        f'<a linktype="page" id="{target_id}">{link_text}</a> for the related '
        "part of this article, and ask your clinic about your own situation.</p>"
    )


def cause_body(cause, next_cause, category, hub) -> list[dict]:
    subject = cause.title.lower()
    return [
        {"type": "heading", "value": {"text": f"About {subject}", "level": "h2"}},
        {"type": "paragraph", "value": paragraph(subject, next_cause.pk, "the next")},
        {"type": "paragraph", "value": paragraph(subject, category.pk, "the group")},
        {"type": "paragraph", "value": paragraph(subject, hub.pk, "the overview")},
        {
            "type": "page_link",
            "value": {"page": next_cause.pk, "link_text": f"Read: {next_cause.title}"},
        },
    ]


def seed() -> dict[str, int]:
    from django.db import transaction
    from wagtail.models import Locale, Page, Site

    from content.models import (
        CauseCategoryPage,
        CauseIndexPage,
        CausePage,
        SiteChrome,
    )

    root = Page.get_first_root_node()
    # Each article sits below the site's root page in its language, as the
    # demo article does, so that its addresses have the reference frontend's
    # shape (/<hub>/<category>/<cause>/, /de/<hub>/...; bench.ssr asks for
    # the English ones). The other languages' root pages are translations
    # of the site's, so Wagtail's REST API serves their articles too.
    home = Site.objects.get(is_default_site=True).root_page
    counts = {}
    with transaction.atomic():
        en_hub = None
        en_chrome = None
        for code, size in SIZES.items():
            locale = Locale.objects.get(language_code=code)
            hub = CauseIndexPage(
                title=f"Benchmark article ({code})",
                slug=hub_slug(code),
                locale=locale,
                intro="<p>An overview written for the benchmark.</p>",
                support_note="<p>A gentle note written for the benchmark.</p>",
                outlook="<p>What treatment can change, in a few words.</p>",
                live=False,
            )
            if en_hub is not None:
                hub.translation_key = en_hub.translation_key
            parent = home
            if locale != home.locale:
                parent = root.add_child(
                    instance=Page(
                        title=f"{home.title} ({code})",
                        slug=f"{home.slug}-{code}",
                        locale=locale,
                        translation_key=home.translation_key,
                    )
                )
            parent.add_child(instance=hub)
            categories = []
            for slug, title in CATEGORIES:
                category = CauseCategoryPage(
                    title=title,
                    slug=slug,
                    locale=locale,
                    summary=f"A group of causes: {title.lower()}.",
                    live=False,
                )
                hub.add_child(instance=category)
                categories.append(category)
            causes = []
            for n in range(size):
                category = categories[n % len(categories)]
                cause = CausePage(
                    title=f"Example cause {n + 1:02d}",
                    slug=f"example-cause-{n + 1:02d}",
                    locale=locale,
                    summary="One or two plain sentences about this example cause.",
                    live=False,
                )
                category.add_child(instance=cause)
                causes.append((cause, category))
            hub.body = [{"type": "paragraph", "value": "<p>How to read this.</p>"}]
            hub.save_revision().publish()
            for category in categories:
                category.body = [
                    {"type": "paragraph", "value": f"<p>{category.summary}</p>"}
                ]
                category.save_revision().publish()
            for index, (cause, category) in enumerate(causes):
                next_cause = causes[(index + 1) % len(causes)][0]
                cause.body = cause_body(cause, next_cause, category, hub)
                cause.save_revision().publish()
            chrome = SiteChrome(locale=locale, live=False, **ORGANISATION)
            if en_chrome is not None:
                chrome.translation_key = en_chrome.translation_key
            chrome.save()
            chrome.save_revision().publish()
            if code == "en":
                en_hub, en_chrome = hub, chrome
            counts[code] = len(causes)
    return counts


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.bench")
    import django

    django.setup()
    from content.models import CauseIndexPage

    if CauseIndexPage.objects.exists():
        print("bench.seed: the database already has an article; use a fresh one.")
        return 1
    counts = seed()
    print("bench.seed: causes per locale:", counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
