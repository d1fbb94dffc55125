"""The medical review's records: how a reviewer is named, and the site's
review interval that sets the next review date."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from content.editorial.models import ReviewSettings
from tests.content.editorial.conftest import (
    REVIEW_QUERY,
    XHR,
    approve_url,
    in_months,
    submit,
)

pytestmark = pytest.mark.django_db


def test_without_a_profile_the_reviewer_is_named_by_their_account(
    draft_cause, editor, reviewer, client, admin_edit, graphql
):
    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    client.post(approve_url(draft_cause, task_state), {"comment": ""}, headers=XHR)
    review = graphql(REVIEW_QUERY).data["cause"]["medicalReview"]
    assert review["reviewedBy"] == "Rafael Reviewer"
    assert review["credentials"] is None


def test_the_next_review_follows_the_sites_review_interval(
    draft_cause, editor, reviewer, admin_user, client, admin_edit, graphql
):
    site = Site.objects.get(is_default_site=True)
    client.force_login(admin_user)
    url = f"/admin/settings/editorial/reviewsettings/{site.pk}/"
    form = client.get(url)
    assert form.status_code == 200
    assert b"Review interval (months)" in form.content
    response = client.post(url, {"review_interval_months": "0"})
    assert response.status_code == 200
    assert b"greater than or equal to 1" in response.content
    response = client.post(url, {"review_interval_months": "6"})
    assert response.status_code == 302
    assert ReviewSettings.for_site(site).review_interval_months == 6

    task_state = submit(client, editor, draft_cause, admin_edit)
    client.force_login(reviewer)
    client.post(approve_url(draft_cause, task_state), {"comment": ""}, headers=XHR)
    review = graphql(REVIEW_QUERY).data["cause"]["medicalReview"]
    assert review["nextReviewDue"] == in_months(6).isoformat()
