"""go_live_at / expire_at at the exact boundary, publish_scheduled, history."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from content.models import CauseCategoryPage, CausePage
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db

QUERY = '{ cause(slug: "scheduled-cause") { title } }'
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


def test_scheduled_page_goes_live_only_once_go_live_at_has_passed(
    category, graphql, at
):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.go_live_at = NOON
    page.save_revision().publish()
    assert graphql(QUERY).data == {"cause": None}

    at(NOON - TICK)
    publish_scheduled()
    assert graphql(QUERY).data == {"cause": None}

    at(NOON)
    # Past go_live_at but before the scheduler ran: still a scheduled revision.
    assert graphql(QUERY).data == {"cause": None}

    at(NOON + TICK)
    publish_scheduled()
    assert graphql(QUERY).data["cause"]["title"] == page.title


def test_expired_page_disappears_exactly_at_expire_at(category, graphql, at):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause")
    page.expire_at = NOON
    page.save_revision().publish()

    at(NOON - TICK)
    assert graphql(QUERY).data["cause"]["title"] == page.title
    at(NOON)
    # Not served from expire_at on, whether or not the scheduler has run.
    assert graphql(QUERY).data == {"cause": None}
    at(NOON + TICK)
    assert graphql(QUERY).data == {"cause": None}
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert graphql(QUERY).data == {"cause": None}


def test_history_lists_published_revisions_with_their_public_notes(
    category, graphql, at
):
    at(NOON)
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.public_change_note = "First version."
    page.save_revision().publish()

    at(NOON + datetime.timedelta(days=1))
    page = CausePage.objects.get(pk=page.pk)
    page.title = "HIDDEN draft title"
    page.public_change_note = "HIDDEN draft note"
    page.save_revision(log_action=True)

    at(NOON + datetime.timedelta(days=2))
    page.title = "Scheduled cause, revised"
    page.public_change_note = "Added the treatment section."
    revision = page.save_revision()
    revision.publish()

    result = graphql(
        '{ cause(slug: "scheduled-cause") { title firstPublishedAt lastPublishedAt '
        "history { publishedAt changeNote } } }"
    )
    assert not result.errors, result.errors
    cause = result.data["cause"]
    assert cause["title"] == "Scheduled cause, revised"
    assert cause["firstPublishedAt"].startswith("2031-05-04T12:00:00")
    assert cause["lastPublishedAt"].startswith("2031-05-06T12:00:00")
    assert cause["history"] == [
        {
            "publishedAt": cause["lastPublishedAt"],
            "changeNote": "Added the treatment section.",
        },
        {
            "publishedAt": cause["firstPublishedAt"],
            "changeNote": "First version.",
        },
    ]
    assert "HIDDEN" not in str(result.json)


def test_history_is_on_every_page_type(demo_article, graphql):
    result = graphql(
        "{ causeIndex { history { publishedAt } "
        "categories { history { publishedAt } } }"
        ' cause(slug: "hydrosalpinx") { history { publishedAt } } }'
    )
    assert not result.errors, result.errors
    assert len(result.data["causeIndex"]["history"]) == 1
    category = result.data["causeIndex"]["categories"][0]
    assert len(category["history"]) == 1
    assert len(result.data["cause"]["history"]) == 1
