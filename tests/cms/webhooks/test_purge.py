"""The CDN purge: what an event invalidates is purged by cache tag and by
URL, and a CDN outage is a failed attempt that is retried."""

from __future__ import annotations

import json

import pytest

from cms.webhooks.models import Event
from cms.webhooks.purge import RecordingTagPurge, purge, purge_urls

pytestmark = pytest.mark.django_db


class FailingTagPurge:
    def purge_tags(self, tags):
        raise ConnectionError("cdn.example.org is unreachable")


def event(**invalidates) -> Event:
    body = {"type": "page.published", "data": {"invalidates": invalidates}}
    return Event.objects.create(type="page.published", body=json.dumps(body))


@pytest.fixture
def recording_purge(settings):
    settings.WAGTAILFRONTENDCACHE = {}
    settings.CDN_TAG_PURGE_BACKEND = "cms.webhooks.purge.RecordingTagPurge"
    RecordingTagPurge.purged = []
    return RecordingTagPurge.purged


def test_the_events_tags_are_purged(recording_purge):
    outcome = purge(event(tags=["page-7", "chrome"], urls=["/en/causes/x/"]))
    assert outcome.succeeded
    assert outcome.excerpt == "Purged tags page-7, chrome"
    assert recording_purge == [["page-7", "chrome"]]


def test_an_event_that_invalidates_nothing_purges_nothing(recording_purge):
    outcome = purge(event(tags=[], urls=[]))
    assert outcome.succeeded and outcome.excerpt == "Purged nothing"
    assert recording_purge == []


def test_a_cdn_outage_is_a_failed_attempt_with_a_clear_error(settings):
    settings.WAGTAILFRONTENDCACHE = {}
    settings.CDN_TAG_PURGE_BACKEND = "tests.cms.webhooks.test_purge.FailingTagPurge"
    outcome = purge(event(tags=["page-7"]))
    assert not outcome.succeeded
    assert outcome.error == (
        "CDN purge failed: ConnectionError: cdn.example.org is unreachable"
    )


def test_the_api_endpoint_and_the_frontends_pages_are_the_urls_purged(settings):
    settings.GRAPHQL_CDN_PURGE_URL = "https://api.example.org/graphql/"
    settings.FRONTEND_URL = "https://www.example.org/"
    assert purge_urls({"urls": ["/en/causes/x/", "/de/ursachen/x/"]}) == [
        "https://api.example.org/graphql/",
        "https://www.example.org/en/causes/x/",
        "https://www.example.org/de/ursachen/x/",
    ]
    settings.GRAPHQL_CDN_PURGE_URL = ""
    settings.FRONTEND_URL = ""
    assert purge_urls({"urls": ["/en/causes/x/"]}) == []
