"""The publish_scheduled command: Wagtail's, under the API's publishing lock."""

from __future__ import annotations

import datetime
import io
import logging

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import PageLogEntry

from content.editorial import scheduling
from content.editorial.review import MEDICAL_REVIEWERS, record_override
from content.models import CauseCategoryPage
from tests.content.conftest import make_user
from tests.content.editorial.test_review import overdue, overdue_draft
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db

QUERY = '{ cause(slug: "scheduled-cause") { title } }'
NOON = datetime.datetime(2031, 5, 4, 12, 0, tzinfo=datetime.UTC)


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


def test_publish_scheduled_reports_what_it_did(category, at):
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="expiring-cause", title="Expiring")
    page.expire_at = NOON
    page.save_revision().publish()

    at(NOON)
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    assert out.getvalue() == (
        f"Unpublished (expired): 1\n  Expiring (cause {page.pk})\n"
    )
    page.refresh_from_db()
    assert not page.live and page.expired

    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    assert out.getvalue() == "Nothing was due.\n"


def test_publish_scheduled_waits_for_a_request_publishing_the_same_work(
    category, graphql, at
):
    """The command and the API's catch-up share one lock: never both at once."""
    at(NOON - datetime.timedelta(days=1))
    page = CausePageFactory(parent=category, slug="scheduled-cause", live=False)
    page.go_live_at = NOON
    page.save_revision().publish()

    at(NOON)
    token = scheduling.acquire_lock()  # a worker is publishing right now
    try:
        with pytest.raises(CommandError, match="Another process is publishing"):
            call_command("publish_scheduled", wait=0, stdout=io.StringIO())
    finally:
        scheduling.release_lock(token)
    page.refresh_from_db()
    assert not page.live
    assert not PageLogEntry.objects.filter(
        page=page, action="wagtail.publish.scheduled"
    ).exists()

    publish_scheduled()
    page.refresh_from_db()
    assert page.live
    assert graphql(QUERY).data["cause"]["title"] == page.title
    assert (
        PageLogEntry.objects.filter(
            page=page, action="wagtail.publish.scheduled"
        ).count()
        == 1
    )


def test_publish_scheduled_skips_an_overdue_page_with_a_warning(demo_article, caplog):
    category = CauseCategoryPage.objects.get(slug="systemic")
    past = timezone.now() - datetime.timedelta(minutes=5)
    # Scheduled, then the review date passed before the go-live time.
    late = overdue_draft(category, "Thyroid questions", "thyroid-q", overdue())
    late.go_live_at = past - datetime.timedelta(minutes=1)
    late_revision = late.save_revision(approved_go_live_at=late.go_live_at)
    fine = overdue_draft(category, "Prolactin questions", "prolactin-q", None)
    fine.go_live_at = past
    fine.save_revision(approved_go_live_at=past)

    out, err = io.StringIO(), io.StringIO()
    with caplog.at_level(logging.WARNING):
        call_command("publish_scheduled", stdout=out, stderr=err)

    fine.refresh_from_db()
    assert fine.live  # the run went on after the refused page
    late.refresh_from_db()
    assert not late.live
    late_revision.refresh_from_db()
    assert late_revision.approved_go_live_at is not None  # still scheduled
    report = out.getvalue()
    assert "Published (scheduled): 1\n  Prolactin questions" in report
    assert "Left scheduled: the medical review is overdue: 1" in report
    assert f"  Thyroid questions (cause {late.pk})" in report
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, warnings
    assert "'Thyroid questions'" in warnings[0]
    assert f"id {late.pk}" in warnings[0] and overdue() in warnings[0]
    assert "stays scheduled" in warnings[0]

    # Once a medical reviewer overrides, the next run publishes it.
    reviewer = make_user("rhea-reviewer", MEDICAL_REVIEWERS)
    record_override(late_revision.as_object(), reviewer)
    call_command("publish_scheduled", stdout=out, stderr=err)
    late.refresh_from_db()
    assert late.live
