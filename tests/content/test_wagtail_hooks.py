"""The content app's admin hooks (content/wagtail_hooks.py), through the admin:
the site chrome snippet, the translation status menu, the overdue-review check
of bulk publishing and the translators' read-only source snippets."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.urls import reverse

from content.editorial.review import record_override
from content.models import CauseCategoryPage, SiteChrome
from tests.content.editorial.test_review import bulk_publish, overdue, overdue_draft
from tests.factories import SiteChromeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("ada-admin", "ada@example.org", "x")


@pytest.fixture
def translator(db) -> User:
    call_command("setup_translators", stdout=io.StringIO())
    user = User.objects.create_user("ines", "ines@example.org", "not-a-secret")
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def test_the_site_chrome_is_a_snippet_in_the_admin_menu(superuser, client):
    chrome = SiteChromeFactory()
    client.force_login(superuser)
    listing = reverse("wagtailsnippets_content_sitechrome:list")
    home = client.get("/admin/").content.decode()
    assert listing in home and "Site chrome" in home
    response = client.get(listing)
    assert response.status_code == 200
    assert chrome.organisation_name in response.content.decode()


def test_the_translation_status_menu_item_is_shown_to_those_who_translate(
    translator, client
):
    status = reverse("translation_status")
    client.force_login(translator)
    assert status in client.get("/admin/").content.decode()
    # Someone in the admin who may not submit translations.
    staff = User.objects.create_user("sam", "sam@example.org", "x")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    home = client.get("/admin/")
    assert home.status_code == 200
    assert status not in home.content.decode()


def test_a_translator_may_not_edit_the_source_site_chrome(translator, client):
    chrome = SiteChromeFactory()
    client.force_login(translator)
    edit = reverse("wagtailsnippets_content_sitechrome:edit", args=[chrome.pk])
    response = client.post(edit, {"organisation_name": "Renamed by a translator"})
    assert response.status_code in (302, 403)
    chrome.refresh_from_db()
    assert chrome.organisation_name == "Testing Fertility Collective"
    assert not SiteChrome.objects.filter(
        organisation_name__contains="translator"
    ).exists()


def test_bulk_publish_refuses_when_a_page_is_overdue_and_names_it(
    demo_article, reviewer, client
):
    category = CauseCategoryPage.objects.get(slug="systemic")
    overdue_page = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    current = overdue_draft(category, "Prolactin questions", "prolactin-q", None)
    client.force_login(reviewer)

    response = bulk_publish(client, [current, overdue_page])
    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1, shown
    assert "Nothing was published" in shown[0]
    assert "'Thyroid questions'" in shown[0] and overdue() in shown[0]
    assert "Prolactin" not in shown[0]
    for page in (overdue_page, current):
        page.refresh_from_db()
        assert not page.live

    # Without the overdue page, the other one is published.
    response = bulk_publish(client, [current])
    current.refresh_from_db()
    assert current.live
    overdue_page.refresh_from_db()
    assert not overdue_page.live


def test_bulk_publish_checks_the_unpublished_subpages_it_would_publish(
    demo_article, reviewer, client
):
    category = CauseCategoryPage.objects.get(slug="systemic")
    overdue_page = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    client.force_login(reviewer)

    response = bulk_publish(client, [category], include_descendants=True)
    shown = [str(message) for message in response.context["messages"]]
    assert any("'Thyroid questions'" in message for message in shown), shown
    overdue_page.refresh_from_db()
    assert not overdue_page.live

    # The category alone is not refused.
    response = bulk_publish(client, [category])
    shown = [str(message).strip() for message in response.context["messages"]]
    assert shown == ["1 page has been published"], shown


def test_bulk_publish_accepts_an_overdue_page_a_reviewer_overrode(
    demo_article, reviewer, client
):
    category = CauseCategoryPage.objects.get(slug="systemic")
    page = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    record_override(page.get_latest_revision().as_object(), reviewer)
    client.force_login(reviewer)
    bulk_publish(client, [page])
    page.refresh_from_db()
    assert page.live
