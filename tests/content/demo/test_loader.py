"""Building the demo article into the page tree (content/demo/loader.py)."""

import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from content.demo import article
from content.models import CauseCategoryPage, CauseIndexPage, CausePage
from tests.content.management.commands.test_load_demo_content import load

pytestmark = pytest.mark.django_db


def test_every_internal_reference_is_resolved():
    load()
    for page in Page.objects.type(CauseIndexPage, CauseCategoryPage, CausePage):
        page = page.specific
        assert "@slug:" not in json.dumps(list(page.body.raw_data))
    cause = CausePage.objects.get(slug="hydrosalpinx")
    expected = next(
        c["related"]
        for category in article.HUB["categories"]
        for c in category["causes"]
        if c["slug"] == "hydrosalpinx"
    )
    assert [r.target.slug for r in cause.related_causes.all()] == expected


def test_a_tree_without_home_pages_is_brought_into_shape():
    """A database loaded before home pages existed: the hubs were top pages
    and the German one had to take a suffixed slug."""
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    english = CauseIndexPage.objects.get(locale__language_code="en")
    german = CauseIndexPage.objects.get(locale__language_code="de")
    root = Page.get_first_root_node()
    english_home, german_home = english.get_parent(), german.get_parent()
    german.slug = f"{english.slug}-1"
    german.save(update_fields=["slug", "url_path"])
    english.move(root, pos="last-child")
    german.move(root, pos="last-child")
    site = Site.objects.get(is_default_site=True)
    site.root_page = english
    site.save()
    german_home.delete()
    english_home.delete()

    out = io.StringIO()
    call_command("load_demo_content", stdout=out, verbosity=2)
    english.refresh_from_db()
    german.refresh_from_db()
    assert english.depth == german.depth == 3
    assert german.slug == english.slug
    home = Site.objects.get(is_default_site=True).root_page
    assert english.get_parent().pk == home.pk
    assert german.get_parent().get_translation(home.locale).pk == home.pk
    assert german.url == f"/de/{english.slug}/"
    cause = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="de")
    assert cause.url_path.startswith(german.url_path)
    assert "Moved the article hub below Home." in out.getvalue()
