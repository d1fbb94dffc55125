"""Builds the demo article from ``content.demo.article`` into the page tree."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page, Site

from content.demo import article
from content.models import (
    CauseCategoryPage,
    CauseIndexPage,
    CausePage,
    RelatedCause,
    SiteChrome,
)

SLUG_REFERENCE = re.compile(r"@slug:([a-z0-9-]+)")
WAGTAIL_WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"


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

    # Chooser values become integers; links inside rich text keep their quotes.
    text = re.sub(r'"@slug:([a-z0-9-]+)"', page_id, text)
    text = SLUG_REFERENCE.sub(page_id, text)
    return json.loads(text)


class DemoLoader:
    def __init__(self, log: Callable[[str], None] = print):
        self.log = log
        self.report = LoadReport()
        self.locale = Locale.get_default()
        self.pages: dict[str, Page] = {}
        self.new_pages: list[tuple[Page, dict]] = []

    @transaction.atomic
    def run(self) -> LoadReport:
        hub = self._hub()
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

    def _hub(self) -> CauseIndexPage:
        data = article.HUB
        existing = (
            CauseIndexPage.objects.filter(locale=self.locale, slug=data["slug"])
            .order_by("path")
            .first()
        )
        if existing is not None:
            return self._keep(existing, "article hub")
        root = Page.get_first_root_node()
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
        root.add_child(instance=hub)
        self._make_site_root(hub)
        return self._new(hub, data, "article hub")

    def _make_site_root(self, hub: CauseIndexPage) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", root_page=hub, is_default_site=True
            )
            return
        previous = site.root_page
        site.root_page = hub
        site.save()
        self.log(f"  Site '{site}' now starts at the article hub.")
        # The page Wagtail creates on install has no content of its own.
        if (
            previous.specific_class is Page
            and previous.title == WAGTAIL_WELCOME_PAGE_TITLE
            and not previous.get_children().exists()
        ):
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
            page.body = _resolve_references(data.get("body", []), self.pages)
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
