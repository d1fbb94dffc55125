"""go_live_at / expire_at at the exact boundary, in the API and its cache."""

from __future__ import annotations

import datetime
import io
import time
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from content.editorial import scheduling
from content.models import CauseCategoryPage, CausePage, SiteChrome
from tests.factories import CausePageFactory, linked_body

pytestmark = pytest.mark.django_db

QUERY = '{ cause(slug: "scheduled-cause") { title } }'
LISTING = '{ causes(category: "uterine") { slug } }'
OTHER_LISTING = '{ causes(category: "uterine", limit: 50) { slug } }'
NOON = datetime.datetime(2031, 5, 4, 12, 0, tzinfo=datetime.UTC)
TICK = datetime.timedelta(microseconds=1)


@pytest.fixture
def at(monkeypatch):
    """Set Django's "now" to a fixed moment (no sleeping)."""

    def set_now(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now


def publish_scheduled() -> None:
    call_command("publish_scheduled", stdout=io.StringIO())


@pytest.fixture
def category(demo_article) -> CauseCategoryPage:
    return CauseCategoryPage.objects.get(slug="uterine")


def slugs(result) -> list[str]:
    assert not result.errors, result.errors
    return [cause["slug"] for cause in result.data["causes"]]


def link_blocks(result) -> tuple[dict, dict]:
    assert not result.errors, result.errors
    body = result.data["cause"]["body"]
    paragraph = next(block for block in body if block["blockType"] == "paragraph")
    page_link = next(block for block in body if block["blockType"] == "page_link")
    return paragraph, page_link


def test_scheduled_page_goes_live_exactly_at_go_live_at(category, graphql, at):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.go_live_at = NOON
    page.save_revision().publish()
    assert graphql(QUERY).data == {"cause": None}

    at(NOON - TICK)
    publish_scheduled()
    assert graphql(QUERY).data == {"cause": None}

    at(NOON)
    # publish_scheduled has not run since go_live_at: the query publishes it.
    assert graphql(QUERY).data["cause"]["title"] == page.title
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert not page.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish.scheduled"
    ).exists()

    # The scheduler finds nothing left to do.
    publish_scheduled()
    assert (
        PageLogEntry.objects.filter(
            page=page, action="wagtail.publish.scheduled"
        ).count()
        == 1
    )
    assert graphql(QUERY).data["cause"]["title"] == page.title


def test_a_page_going_live_replaces_a_cached_answer_at_once(category, graphql, at):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.go_live_at = NOON
    page.save_revision().publish()

    at(NOON - TICK)
    assert "scheduled-cause" not in slugs(graphql(LISTING))
    cached = graphql(LISTING)
    assert cached.response["X-Cache"] == "HIT"
    assert "scheduled-cause" not in slugs(cached)

    at(NOON)
    fresh = graphql(LISTING)
    assert fresh.response["X-Cache"] == "MISS"
    assert "scheduled-cause" in slugs(fresh)


def test_a_revision_scheduled_later_ends_answers_cached_before(category, graphql, at):
    at(NOON - datetime.timedelta(days=1))
    assert "scheduled-cause" not in slugs(graphql(LISTING))
    assert graphql(LISTING).response["X-Cache"] == "HIT"

    at(NOON - datetime.timedelta(hours=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.go_live_at = NOON
    page.save_revision().publish()
    assert "scheduled-cause" not in slugs(graphql(LISTING))
    assert graphql(LISTING).response["X-Cache"] == "HIT"

    at(NOON)
    assert "scheduled-cause" in slugs(graphql(LISTING))


def test_expired_page_disappears_exactly_at_expire_at(category, graphql, at):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause")
    page.expire_at = NOON
    page.save_revision().publish()

    at(NOON - TICK)
    assert graphql(QUERY).data["cause"]["title"] == page.title
    # The answer is cached until the expiry, not beyond it.
    cached = graphql(QUERY)
    assert cached.response["X-Cache"] == "HIT"
    assert cached.data["cause"]["title"] == page.title

    at(NOON)
    # Gone from expire_at on, though publish_scheduled has not run.
    assert graphql(QUERY).data == {"cause": None}
    page.refresh_from_db()
    assert not page.live and page.expired
    at(NOON + TICK)
    assert graphql(QUERY).data == {"cause": None}
    publish_scheduled()
    assert graphql(QUERY).data == {"cause": None}


def test_a_link_to_an_expired_page_loses_its_target_even_if_cached(
    category, graphql, at
):
    at(NOON - datetime.timedelta(days=1))
    target = CausePageFactory(parent=category, slug="expiring-cause")
    target.expire_at = NOON
    target.save_revision().publish()
    linking = CausePageFactory(
        parent=category, slug="linking-cause", body=linked_body(target.pk)
    )
    linking.save_revision().publish()
    query = (
        '{ cause(slug: "linking-cause") { body { blockType '
        "... on RichTextBlock { value } "
        "... on PageLinkBlock { linkText page { url } } } } }"
    )

    at(NOON - TICK)
    assert graphql(query).response["X-Cache"] == "MISS"
    cached = graphql(query)
    assert cached.response["X-Cache"] == "HIT"
    paragraph, page_link = link_blocks(cached)
    assert 'href="/' in paragraph["value"] and "expiring-cause" in paragraph["value"]
    assert page_link["page"]["url"].endswith("/expiring-cause/")

    at(NOON)
    paragraph, page_link = link_blocks(graphql(query))
    assert "expiring-cause" not in paragraph["value"]
    assert "<a>this</a>" in paragraph["value"]
    assert page_link == {
        "blockType": "page_link",
        "linkText": "Read next",
        "page": None,
    }


def test_cached_answers_tell_http_caches_when_they_end(category, graphql, at):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.go_live_at = NOON
    page.save_revision().publish()

    at(NOON - datetime.timedelta(seconds=25))
    assert graphql(LISTING).response["Cache-Control"] == "public, max-age=25"
    at(NOON - datetime.timedelta(seconds=10))
    hit = graphql(LISTING)
    assert hit.response["X-Cache"] == "HIT"
    assert hit.response["Cache-Control"] == "public, max-age=10"
    at(NOON)
    assert graphql(LISTING).response["Cache-Control"] == "public, max-age=60"


def test_an_uncached_query_reads_the_schedule_in_one_sql_query(category, graphql, at):
    at(NOON)
    graphql(OTHER_LISTING)  # warm the process caches (content types, sites)
    with CaptureQueriesContext(connection) as captured:
        assert graphql(LISTING).response["X-Cache"] == "MISS"
    schedule_reads = [
        query["sql"]
        for query in captured.captured_queries
        if "approved_go_live_at" in query["sql"]
    ]
    assert len(schedule_reads) == 1
    with CaptureQueriesContext(connection) as captured:
        assert graphql(LISTING).response["X-Cache"] == "HIT"
    assert len(captured) == 1  # the database-held cache generation


def scheduled_cause(category) -> CausePage:
    at_noon = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    at_noon.go_live_at = NOON
    at_noon.save_revision().publish()
    return at_noon


def test_a_query_waits_for_the_worker_already_publishing(
    category, graphql, at, monkeypatch
):
    at(NOON - datetime.timedelta(days=1))
    page = scheduled_cause(category)

    at(NOON)
    # Another worker took the lock first; it publishes while this one waits.
    cache.add(scheduling.LOCK_KEY, "another-worker", timeout=60)
    revision = page.revisions.get(approved_go_live_at__isnull=False)

    def other_worker_finishes(seconds: float) -> None:
        if cache.get(scheduling.LOCK_KEY) == "another-worker":
            revision.publish(log_action="wagtail.publish.scheduled")
            cache.delete(scheduling.LOCK_KEY)

    clock = SimpleNamespace(monotonic=time.monotonic, sleep=other_worker_finishes)
    monkeypatch.setattr(scheduling, "time", clock)
    result = graphql(QUERY)
    assert result.data["cause"]["title"] == page.title
    assert result.response["X-Cache"] == "MISS"
    # Published once, by the other worker.
    assert (
        PageLogEntry.objects.filter(
            page=page, action="wagtail.publish.scheduled"
        ).count()
        == 1
    )


def test_an_answer_given_while_another_worker_publishes_is_not_kept(
    category, graphql, at, monkeypatch
):
    at(NOON - datetime.timedelta(days=1))
    page = scheduled_cause(category)

    at(NOON)
    # Another worker holds the lock and does not finish within the wait.
    monkeypatch.setattr(scheduling, "WAIT_SECONDS", 0.05)
    cache.add(scheduling.LOCK_KEY, "another-worker", timeout=60)
    busy = graphql(QUERY)
    assert busy.data == {"cause": None}
    assert busy.response["Cache-Control"] == "public, max-age=0"
    assert page.revisions.filter(approved_go_live_at__isnull=False).exists()

    cache.delete(scheduling.LOCK_KEY)
    after = graphql(QUERY)
    assert after.response["X-Cache"] == "MISS"
    assert after.data["cause"]["title"] == page.title


def test_a_failing_scheduled_publish_does_not_break_the_api(
    category, graphql, at, monkeypatch, caplog
):
    at(NOON - datetime.timedelta(days=1))
    scheduled_cause(category)

    def broken(self, *args, **kwargs):
        raise RuntimeError("storage unavailable")

    at(NOON)
    with monkeypatch.context() as patch:
        patch.setattr(Revision, "publish", broken)
        result = graphql(LISTING)
        assert not result.errors and "scheduled-cause" not in slugs(result)
        assert "Scheduled publishing" in caplog.text
        # Tried again after a minute, not on every request; answers are kept
        # until then.
        caplog.clear()
        at(NOON + datetime.timedelta(seconds=30))
        assert graphql(LISTING).response["X-Cache"] == "HIT"
        assert "scheduled-cause" not in slugs(graphql(OTHER_LISTING))
        assert "Scheduled publishing" not in caplog.text

    at(NOON + datetime.timedelta(seconds=61))
    assert "scheduled-cause" in slugs(graphql(LISTING))


def test_a_scheduled_page_with_an_overdue_review_stays_unpublished(
    category, graphql, at, caplog
):
    at(NOON - datetime.timedelta(days=10))
    page = CausePageFactory(
        parent=category,
        slug="scheduled-cause",
        live=False,
        next_review_due=(NOON - datetime.timedelta(days=1)).date(),
    )
    page.go_live_at = NOON
    page.save_revision().publish()
    assert page.revisions.filter(approved_go_live_at=NOON).exists()

    at(NOON)
    assert "scheduled-cause" not in slugs(graphql(LISTING))
    assert "Not publishing scheduled page" in caplog.text
    page.refresh_from_db()
    assert not page.live
    assert page.revisions.filter(approved_go_live_at=NOON).exists()
    # The refusal does not cost every later request another attempt.
    caplog.clear()
    assert graphql(LISTING).response["X-Cache"] == "HIT"
    assert graphql(QUERY).data == {"cause": None}
    assert "Not publishing scheduled page" not in caplog.text


def test_site_chrome_follows_its_schedule(demo_article, graphql, at):
    query = "{ siteChrome { organisationName } }"
    at(NOON - datetime.timedelta(days=1))
    chrome = SiteChrome.objects.get(locale__language_code="en")
    before = chrome.organisation_name
    chrome.organisation_name = "Fictional Fertility Network (renamed)"
    chrome.go_live_at = NOON
    chrome.save_revision().publish()

    at(NOON - TICK)
    assert graphql(query).data["siteChrome"]["organisationName"] == before
    assert graphql(query).response["X-Cache"] == "HIT"
    at(NOON)
    assert graphql(query).data["siteChrome"]["organisationName"] == (
        "Fictional Fertility Network (renamed)"
    )
