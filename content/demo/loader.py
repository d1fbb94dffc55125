"""Builds the demo article from ``content.demo.article`` into the page tree.

The tree has one top page per language, as wagtail-localize expects: the
English home page (the site's root page) holds the article hub, and each
translation of the hub lives under that language's home page, created by
wagtail-localize when the hub is translated. So every language keeps the
hub's slug and has URLs of its own (``/causes-.../`` in English,
``/de/causes-.../`` in German).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Site

from content.demo import article
from content.demo.illustration import DEMO_IMAGE, demo_image
from content.locales import default_locale
from content.models import (
    CauseCategoryPage,
    CauseIndexPage,
    CausePage,
    RelatedCause,
    SiteChrome,
)

SLUG_REFERENCE = re.compile(r"@slug:([a-z0-9-]+)")
IMAGE_REFERENCE = re.compile(r'"@image:([a-z0-9-]+)"')
WAGTAIL_WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"
HOME_TITLE = "Home"
HOME_SLUG = "home"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created)


def _resolve_references(value, pages_by_slug: dict[str, Page]):
    """Replace ``@slug:SLUG`` references with the ids of the pages."""
    text = json.dumps(value)

    def page_id(match: re.Match) -> str:
        slug = match.group(1)
        if slug not in pages_by_slug:
            raise ValueError(f"The demo article links to an unknown page '{slug}'.")
        return str(pages_by_slug[slug].pk)

    def image_id(match: re.Match) -> str:
        # Images the demo draws itself (content.demo.illustration).
        if match.group(1) != DEMO_IMAGE:
            raise ValueError(f"The demo article shows an unknown image '{match[1]}'.")
        return str(demo_image().pk)

    # Chooser values become integers; links inside rich text keep their quotes.
    text = re.sub(r'"@slug:([a-z0-9-]+)"', page_id, text)
    text = SLUG_REFERENCE.sub(page_id, text)
    text = IMAGE_REFERENCE.sub(image_id, text)
    return json.loads(text)


class DemoLoader:
    def __init__(self, log: Callable[[str], None] = print):
        self.log = log
        self.report = LoadReport()
        self.locale = default_locale()
        self.pages: dict[str, Page] = {}
        self.new_pages: list[tuple[Page, dict]] = []

    @transaction.atomic
    def run(self) -> LoadReport:
        home = self._home()
        hub = self._hub(home)
        for category_data in article.HUB["categories"]:
            category = self._child(
                hub,
                CauseCategoryPage,
                category_data,
                summary=category_data["summary"],
            )
            for cause_data in category_data["causes"]:
                self._child(
                    category, CausePage, cause_data, summary=cause_data["summary"]
                )
        self._publish_new_pages()
        self._site_chrome()
        return self.report

    def _existing_hub(self) -> CauseIndexPage | None:
        return (
            CauseIndexPage.objects.filter(locale=self.locale, slug=article.HUB["slug"])
            .order_by("path")
            .first()
        )

    def _home(self) -> Page:
        """The English home page: the top of the English tree, the site root."""
        hub = self._existing_hub()
        if hub is not None and hub.depth > 2:
            home = hub.get_parent()
            self.report.unchanged.append("home page")
            return home
        site = Site.objects.filter(is_default_site=True).first()
        welcome = site.root_page if site is not None else None
        if welcome is not None and _is_untouched_welcome_page(welcome):
            # The page Wagtail creates on install has no content of its own:
            # it becomes the home page.
            welcome.title = welcome.draft_title = HOME_TITLE
            welcome.save_revision(log_action=True, changed=True).publish(
                log_action=True
            )
            home = welcome
        else:
            root = Page.get_first_root_node()
            home = Page(
                title=HOME_TITLE,
                slug=find_available_slug(root, HOME_SLUG),
                locale=self.locale,
                live=False,
            )
            root.add_child(instance=home)
            home.save_revision(log_action=True, changed=True).publish(log_action=True)
        self.report.created.append(f"home page: {home.title}")
        self.log(f"  Created home page: {home.title}")
        if hub is not None:
            self._move_hubs_below_home_pages(hub, home)
        self._make_site_root(home)
        return home

    def _move_hubs_below_home_pages(self, hub: CauseIndexPage, home: Page) -> None:
        """Bring a tree built before home pages existed into today's shape.

        The hub and its translations were top pages, so the translations had
        to take suffixed slugs and shared the English URLs. Each moves below
        its language's home page and takes the hub's slug back.
        """
        hub.move(home, pos="last-child")
        self.log(f"  Moved the article hub below {home.title}.")
        for translation in CauseIndexPage.objects.filter(
            translation_key=hub.translation_key, depth=2
        ).select_related("locale"):
            translated_home = home.get_translation_or_none(translation.locale)
            if translated_home is None:
                translated_home = home.copy_for_translation(
                    translation.locale, alias=True
                )
            translation.move(translated_home, pos="last-child")
            translation.refresh_from_db()
            if translation.slug != hub.slug:
                translation.slug = hub.slug
                translation.save(update_fields=["slug", "url_path"])
            self.log(
                f"  Moved the {translation.locale.get_display_name()} hub below "
                "its home page."
            )

    def _hub(self, home: Page) -> CauseIndexPage:
        data = article.HUB
        existing = self._existing_hub()
        if existing is not None:
            return self._keep(existing, "article hub")
        hub = CauseIndexPage(
            title=data["title"],
            slug=data["slug"],
            locale=self.locale,
            intro=data["intro"],
            support_note=data["support_note"],
            outlook_heading=data["outlook_heading"],
            outlook=data["outlook"],
            live=False,
        )
        home.add_child(instance=hub)
        return self._new(hub, data, "article hub")

    def _make_site_root(self, home: Page) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=home, is_default_site=True
            )
            return
        if site.root_page_id == home.pk:
            return
        previous = site.root_page
        site.root_page = home
        site.save()
        self.log(f"  Site '{site}' now starts at the home page.")
        if _is_untouched_welcome_page(previous):
            previous.delete()

    def _child(self, parent: Page, model: type[Page], data: dict, **fields) -> Page:
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        label = model._meta.verbose_name
        if existing is not None:
            return self._keep(existing, label)
        page = model(
            title=data["title"],
            slug=data["slug"],
            locale=self.locale,
            live=False,
            **fields,
        )
        parent.add_child(instance=page)
        return self._new(page, data, label)

    def _keep(self, page: Page, label: str) -> Page:
        self.pages[page.slug] = page
        self.report.unchanged.append(f"{label}: {page.title}")
        return page

    def _new(self, page: Page, data: dict, label: str) -> Page:
        self.pages[page.slug] = page
        self.new_pages.append((page, data))
        self.report.created.append(f"{label}: {page.title}")
        self.log(f"  Created {label}: {page.title}")
        return page

    def _publish_new_pages(self) -> None:
        for page, data in self.new_pages:
            page.body = _in_current_format(
                type(page),
                "body",
                _resolve_references(data.get("body", []), self.pages),
            )
            for name in ("intro", "support_note", "outlook"):
                if name in data:
                    setattr(page, name, _resolve_references(data[name], self.pages))
            if isinstance(page, CausePage):
                page.related_causes = [
                    RelatedCause(target=self.pages[slug].specific)
                    for slug in data.get("related", [])
                ]
            page.save_revision(log_action=True, changed=True).publish(log_action=True)

    def _site_chrome(self) -> None:
        existing = SiteChrome.objects.filter(locale=self.locale).first()
        if existing is not None:
            self.report.unchanged.append("site chrome")
            return
        chrome = SiteChrome(locale=self.locale, live=False, **article.ORGANISATION)
        chrome.save()
        chrome.save_revision().publish()
        self.report.created.append("site chrome")
        self.log(
            f"  Created site chrome for {article.ORGANISATION['organisation_name']}"
        )


def _in_current_format(model: type[Page], name: str, raw: list) -> StreamValue:
    """Stream data as Wagtail's editor saves it: every list item a block of
    its own, with an id.

    The article's lists are plain strings, Wagtail's older list format. It
    still reads them, but wagtail-localize only extracts list items for
    translation from the current one; a translation would show them in
    English. Binding each block makes saving write the current format.
    """
    value = model._meta.get_field(name).to_python(raw)
    for _block in value:
        pass
    return value


def _is_untouched_welcome_page(page: Page) -> bool:
    """The page Wagtail creates on install, with nothing added to it."""
    return (
        page.specific_class is Page
        and page.depth == 2
        and page.title == WAGTAIL_WELCOME_PAGE_TITLE
        and not page.get_children().exists()
    )
