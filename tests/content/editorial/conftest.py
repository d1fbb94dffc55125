"""Pages in the medical review, and the admin requests that move them."""

from __future__ import annotations

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils import WagtailTestUtils

from content.models import CauseCategoryPage, CausePage
from tests.factories import CausePageFactory

DRAFT_TITLE = "Luteal phase questions"
CAUSE_QUERY = '{ cause(slug: "luteal-phase") { title summary } }'
REVIEW_QUERY = """{ cause(slug: "luteal-phase") {
  title medicalReview { reviewedBy credentials lastReviewed nextReviewDue isOverdue }
} }"""


@pytest.fixture
def draft_cause(demo_article) -> CausePage:
    category = CauseCategoryPage.objects.get(slug="systemic")
    return CausePageFactory(
        parent=category,
        title=DRAFT_TITLE,
        slug="luteal-phase",
        summary="Written by an editor, not reviewed yet.",
        live=False,
    )


def in_review(page: CausePage) -> TaskState:
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


def approve_url(page, task_state, action="approve") -> str:
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def overdue() -> str:
    return (timezone.localdate() - datetime.timedelta(days=1)).isoformat()


def make_overdue(page: CausePage) -> None:
    """The date a reviewer set at the page's last review has passed (editors
    cannot type review dates: their edits keep it)."""
    page.next_review_due = datetime.date.fromisoformat(overdue())
    page.save_revision()


XHR = {"x-requested-with": "XMLHttpRequest"}


def submit_overdue(client, editor, page, admin_edit) -> TaskState:
    make_overdue(page)
    client.force_login(editor)
    response = admin_edit(page, "action-submit", title=DRAFT_TITLE)
    assert response.status_code == 302
    return in_review(page)


def submit(client, editor, page, admin_edit) -> TaskState:
    client.force_login(editor)
    response = admin_edit(page, "action-submit", title=DRAFT_TITLE)
    assert response.status_code == 302
    return in_review(page)


def in_months(months: int) -> datetime.date:
    return timezone.localdate() + relativedelta(months=months)


def soup(html: str):
    return WagtailTestUtils.get_soup(html)
