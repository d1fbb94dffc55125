"""The editorial fields of every article page in the API (medical review,
references, history), over HTTP."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from content.models import CauseCategoryPage, CausePage
from tests.factories import CausePageFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2031, 5, 4, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def at(monkeypatch):
    """Set Django's "now" to a fixed moment (no sleeping)."""

    def set_now(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now


@pytest.fixture
def category(demo_article) -> CauseCategoryPage:
    return CauseCategoryPage.objects.get(slug="uterine")


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


def test_medical_review_is_served_on_every_article_page_type(demo_article, graphql):
    cause = CausePage.objects.get(slug="hydrosalpinx")
    cause.reviewed_by = "Dr Imogen Example"
    cause.reviewer_credentials = "MD, reproductive medicine"
    cause.last_reviewed = datetime.date(2024, 3, 1)
    cause.next_review_due = timezone.localdate()
    cause.save_revision().publish()
    # The review date passes while the page is live.
    cause.next_review_due = timezone.localdate() - datetime.timedelta(days=1)
    CausePage.objects.filter(pk=cause.pk).update(next_review_due=cause.next_review_due)
    fields = (
        "medicalReview { reviewedBy credentials lastReviewed nextReviewDue isOverdue }"
    )
    result = graphql(
        f'{{ cause(slug: "hydrosalpinx") {{ {fields} }} '
        f"causeIndex {{ {fields} categories {{ {fields} }} }} }}"
    )
    assert not result.errors, result.errors
    assert result.data["cause"]["medicalReview"] == {
        "reviewedBy": "Dr Imogen Example",
        "credentials": "MD, reproductive medicine",
        "lastReviewed": "2024-03-01",
        "nextReviewDue": cause.next_review_due.isoformat(),
        "isOverdue": True,
    }
    assert result.data["causeIndex"]["medicalReview"]["isOverdue"] is False
    assert result.data["causeIndex"]["categories"][0]["medicalReview"] == {
        "reviewedBy": None,
        "credentials": None,
        "lastReviewed": None,
        "nextReviewDue": None,
        "isOverdue": False,
    }
