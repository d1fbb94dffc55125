"""The CDN purge: what an event invalidates is purged by cache tag and by
URL, and a CDN outage is a failed attempt that is retried."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from cms.webhooks.models import Delivery, Event
from cms.webhooks.purge import RecordingTagPurge, purge, purge_urls
from content.models import CauseCategoryPage, CausePage
from tests.cms.graphql.support import (  # noqa: F401 (fresh_process_memory: autouse)
    FRONTEND_MANIFEST,
    fresh_process_memory,
)

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


# End to end: the API's GET answers, a publish in the admin, the worker ------


def frontend_operation(name: str) -> str:
    """The id of the reference frontend's operation ``name`` in its manifest."""
    manifest = json.loads(FRONTEND_MANIFEST.read_text())
    [found] = [
        document_id
        for document_id, text in manifest.items()
        if re.search(rf"\bquery {name}\b", text)
    ]
    return found


def answer(client, document_id: str, slug: str):
    """The API's GET answer to a trusted operation, as a CDN would fetch it."""
    return client.get(
        "/graphql/",
        {"id": document_id, "variables": json.dumps({"locale": "en", "slug": slug})},
    )


def cache_tags(response) -> set[str]:
    tags = set(response["Cache-Tag"].split(","))
    assert set(response["Surrogate-Key"].split(" ")) == tags
    return tags


def test_a_publish_in_the_admin_purges_the_tags_of_the_answers_that_show_the_page(
    demo_article,
    recording_purge,
    client,
    editor,
    reviewer,
    admin_edit,
    run_worker,
):
    call_command(
        "import_trusted_documents", str(FRONTEND_MANIFEST), stdout=io.StringIO()
    )
    cause_page = frontend_operation("CausePage")
    category_page = frontend_operation("CategoryPage")
    page = CausePage.objects.get(slug="hydrosalpinx")
    parent = page.get_parent()
    page_tags = {f"page-{page.pk}", f"page-{parent.pk}"}
    # Another category, which neither lists the page nor links to it (every
    # cause's answer shows some page of the page's category, so carries the
    # parent's tag).
    unrelated = CauseCategoryPage.objects.get(slug="systemic")
    assert unrelated.pk != parent.pk

    shown = answer(client, cause_page, page.slug)
    assert shown.status_code == 200
    assert json.loads(shown.content)["data"]["cause"]["title"] == "Hydrosalpinx"
    shown_tags = cache_tags(shown)
    assert page_tags <= shown_tags
    other = answer(client, category_page, unrelated.slug)
    assert other.status_code == 200
    assert json.loads(other.content)["data"]["causeCategory"]["title"] == (
        unrelated.title
    )
    other_tags = cache_tags(other)
    assert f"page-{unrelated.pk}" in other_tags

    # The editor submits a change for review; the medical reviewer approves it.
    client.force_login(editor)
    response = admin_edit(page, "action-submit", title="Hydrosalpinx, revised")
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    client.force_login(reviewer)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/",
        {"comment": "Checked."},
    )
    assert response.status_code == 302
    assert recording_purge == []  # queued for the worker, not purged in the request

    run_worker()

    [purged] = recording_purge
    # The page's tag and its parent's (whose answers list it), nothing else:
    # the answer about the page is purged, the other category's is not.
    assert sorted(purged) == sorted(page_tags)
    assert set(purged) & shown_tags == page_tags
    assert set(purged).isdisjoint(other_tags)
    assert Delivery.objects.get(subscriber="cdn").status == Delivery.SUCCEEDED

    # The API itself answers with the change at once.
    client.logout()
    fresh = answer(client, cause_page, page.slug)
    assert json.loads(fresh.content)["data"]["cause"]["title"] == (
        "Hydrosalpinx, revised"
    )
