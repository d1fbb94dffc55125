"""What changes the content empties the response cache (and the CDN's)."""

import json

import pytest

from content.models import CausePage, SiteChrome
from tests.cms.support import get, title

pytestmark = pytest.mark.django_db


def test_a_publish_is_visible_on_the_very_next_query(demo_article, client):
    get(client)
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "Hydrosalpinx (revised)"
    page.save_revision().publish()
    response, _ = get(client)
    assert response["X-Cache"] == "MISS"
    assert title(response) == "Hydrosalpinx (revised)"


def test_unpublish_move_and_delete_invalidate(demo_article, client):
    page = CausePage.objects.get(slug="hydrosalpinx")
    get(client)
    page.unpublish()
    assert json.loads(get(client)[0].content)["data"]["cause"] is None
    page.save_revision().publish()
    get(client)
    page.delete()
    assert json.loads(get(client)[0].content)["data"]["cause"] is None


def test_a_draft_never_reaches_or_changes_the_cache(demo_article, client):
    get(client)
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "DRAFT TITLE"
    page.save_revision()
    response, _ = get(client)
    assert response["X-Cache"] == "HIT"
    assert title(response) == "Hydrosalpinx"


def test_snippet_changes_invalidate(demo_article, client):
    query = "{ siteChrome { organisationName } }"
    get(client, query)
    chrome = SiteChrome.objects.get()
    chrome.organisation_name = "Brightnest Fertility Network Europe"
    chrome.save_revision().publish()
    response, _ = get(client, query)
    assert "Europe" in response.content.decode()


def test_publish_purges_the_cdn_when_one_is_configured(
    demo_article, client, settings, monkeypatch, run_worker
):
    from wagtail.contrib.frontend_cache.backends import http

    purged = []
    monkeypatch.setattr(http, "urlopen", lambda request: purged.append(request))
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.example.org",
        }
    }
    settings.GRAPHQL_CDN_PURGE_URL = "https://api.example.org/graphql/"
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.save_revision().publish()
    # By the worker, as a subscriber of the publishing events.
    assert purged == []
    run_worker()
    assert any(
        request.get_method() == "PURGE" and "/graphql/" in request.full_url
        for request in purged
    )


def test_no_cdn_purge_without_configuration(demo_article, monkeypatch, run_worker):
    from wagtail.contrib.frontend_cache.backends import http

    purged = []
    monkeypatch.setattr(http, "urlopen", lambda request: purged.append(request))
    CausePage.objects.get(slug="hydrosalpinx").save_revision().publish()
    run_worker()
    assert purged == []
