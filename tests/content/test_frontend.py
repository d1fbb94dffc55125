"""Pages are read on the frontend: the admin's page links lead there."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import override_settings
from wagtail.models import Page

from content.models import CausePage

pytestmark = pytest.mark.django_db

HUB = "/causes-of-failed-implantation-and-pregnancy-loss/"
HYDROSALPINX = f"{HUB}uterine/hydrosalpinx/"


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("ada", "ada@example.org", "x"))
    return client


def live_links(html: str) -> list[str]:
    """The page addresses (not admin views) that an admin page links to."""
    hrefs = re.findall(r'<a\b[^>]*\bhref="([^"]+)"', html)
    return [
        href
        for href in hrefs
        if href.startswith(("/", "http://testserver/"))
        and not href.split("testserver", 1)[-1].startswith(
            ("/admin/", "/documents/", "/django-admin/", "/static/")
        )
        and not href.startswith("//")
    ]


def test_view_live_redirects_to_the_page_on_the_frontend_in_every_language(
    machine_translated_article, admin_client
):
    assert settings.FRONTEND_URL == "http://127.0.0.1:3000"
    for prefix in ("", "/de"):
        cause = CausePage.objects.get(
            slug="hydrosalpinx", locale__language_code=prefix.strip("/") or "en"
        )
        edit = admin_client.get(f"/admin/pages/{cause.pk}/edit/")
        assert edit.status_code == 200
        listing = admin_client.get(f"/admin/pages/{cause.get_parent().pk}/")
        links = set(live_links(edit.content.decode()))
        links |= set(live_links(listing.content.decode()))
        assert f"{prefix}{HYDROSALPINX}" in {
            link.replace("http://testserver", "") for link in links
        }
        for link in links:
            response = admin_client.get(link)
            assert response.status_code == 302, link
            path = link.replace("http://testserver", "")
            assert response["Location"] == f"http://127.0.0.1:3000{path}"


def test_every_live_page_redirects_to_the_frontend(demo_article, client):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    assert len(pages) > 10
    for page in pages:
        path = page.get_url_parts()[2]
        response = client.get(path)
        assert response.status_code == 302, (path, response.status_code)
        assert response["Location"] == f"http://127.0.0.1:3000{path}"
    # The home page (no article page) leads to the frontend's home, the hub.
    assert client.get("/")["Location"] == "http://127.0.0.1:3000/"


@override_settings(FRONTEND_URL="")
def test_without_a_frontend_a_page_says_so_instead_of_failing(demo_article, client):
    for path in ("/", HUB, HYDROSALPINX):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"FRONTEND_URL" in response.content


def test_page_urls_in_the_api_stay_relative(demo_article, graphql):
    result = graphql('{ cause(slug: "hydrosalpinx") { url } }')
    assert result.data == {"cause": {"url": HYDROSALPINX}}
