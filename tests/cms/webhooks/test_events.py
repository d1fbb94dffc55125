"""Which events a change queues, with what body, for which subscribers."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site, WorkflowState

from cms.webhooks.models import Delivery, Event
from cms.webhooks.purge import RecordingTagPurge
from content.editorial.models import ReviewSettings
from content.models import CauseCategoryPage, CausePage, SiteChrome
from tests.cms.webhooks.conftest import events

pytestmark = pytest.mark.django_db

FRONTEND_SECRET = "whsec_ZnJvbnRlbmQtcmV2YWxpZGF0aW9uLXRlc3Qtc2VjcmV0"


def event_types() -> list[str]:
    return [event["type"] for event in events()]


@pytest.fixture
def frontend(settings, receiver):
    """The reference frontend's revalidation endpoint, from the environment."""
    settings.FRONTEND_URL = receiver.url.removesuffix("/hooks/")
    settings.FRONTEND_REVALIDATE_SECRET = FRONTEND_SECRET
    receiver.secret = FRONTEND_SECRET
    return receiver


@pytest.fixture
def recording_purge(settings):
    settings.CDN_TAG_PURGE_BACKEND = "cms.webhooks.purge.RecordingTagPurge"
    RecordingTagPurge.purged = []
    return RecordingTagPurge.purged


def test_approving_a_review_in_the_admin_queues_one_event_per_subscriber(
    demo_article,
    subscription,
    frontend,
    recording_purge,
    client,
    editor,
    reviewer,
    admin_edit,
    run_worker,
):
    page = CausePage.objects.get(slug="hydrosalpinx")
    client.force_login(editor)
    response = admin_edit(page, "action-submit", title="Hydrosalpinx, revised")
    assert response.status_code == 302
    assert Event.objects.count() == 0  # a draft in review is nothing to announce

    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    client.force_login(reviewer)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{state.pk}/",
        {"comment": "Checked."},
    )
    assert response.status_code == 302

    assert event_types() == ["page.published"]
    assert sorted(Delivery.objects.values_list("subscriber", flat=True)) == sorted(
        ["cdn", "env:frontend", f"subscription:{subscription.pk}"]
    )
    assert frontend.received == []

    run_worker()

    # The admin's subscription and the frontend's, each verified with its secret.
    assert len(frontend.received) == 2
    # The frontend's delivery went to FRONTEND_URL/api/revalidate, signed with
    # FRONTEND_REVALIDATE_SECRET; the receiver verifies with that secret.
    frontend_delivery = Delivery.objects.get(subscriber="env:frontend")
    assert frontend_delivery.target.endswith("/api/revalidate")
    assert frontend_delivery.status == Delivery.SUCCEEDED
    assert [item.verified is not None for item in frontend.received].count(True) == 1
    page.refresh_from_db()
    assert page.title == "Hydrosalpinx, revised"
    assert recording_purge == [[f"page-{page.pk}", f"page-{page.get_parent().pk}"]]


def test_saving_a_draft_queues_nothing(demo_article, subscription):
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.title = "Draft title"
    page.save_revision()
    assert Event.objects.count() == 0


def test_unpublish_in_the_admin(demo_article, subscription, admin_client):
    page = CausePage.objects.get(slug="hydrosalpinx")
    url = page.url
    response = admin_client.post(f"/admin/pages/{page.pk}/unpublish/")
    assert response.status_code == 302
    [event] = events()
    assert event["type"] == "page.unpublished"
    data = event["data"]
    assert data["object"]["urls"] == {}  # live in no language now
    assert data["revision"] is None
    assert data["invalidates"]["urls"][0] == url
    assert data["invalidates"]["tags"][0] == f"page-{page.pk}"


def test_move_in_the_admin_invalidates_both_parents(
    demo_article, subscription, admin_client
):
    page = CausePage.objects.get(slug="hydrosalpinx")
    old_parent = page.get_parent()
    old_url = page.url
    new_parent = CauseCategoryPage.objects.get(slug="systemic")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/move/{new_parent.pk}/confirm/"
    )
    assert response.status_code == 302
    [event] = events()
    assert event["type"] == "page.moved"
    page.refresh_from_db()
    invalidates = event["data"]["invalidates"]
    assert set(invalidates["tags"]) == {
        f"page-{page.pk}",
        f"page-{new_parent.pk}",
        f"page-{old_parent.pk}",
    }
    assert old_url in invalidates["urls"] and page.url in invalidates["urls"]
    assert event["data"]["object"]["urls"] == {"en": page.url}


def test_delete_in_the_admin(demo_article, subscription, admin_client):
    page = CausePage.objects.get(slug="hydrosalpinx")
    url = page.url
    response = admin_client.post(f"/admin/pages/{page.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()
    [event] = events()
    assert event["type"] == "page.deleted"
    assert event["data"]["revision"] is None
    assert event["data"]["object"]["id"] == page.pk
    assert event["data"]["object"]["urls"] == {}
    assert url in event["data"]["invalidates"]["urls"]


def test_publishing_a_translation_is_translation_published(
    machine_translated_article, subscription
):
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    german = english.get_translation(machine_translated_article.locale).specific
    german.save_revision().publish()
    [event] = events()
    assert event["type"] == "translation.published"
    data = event["data"]
    assert data["object"]["locale"] == "de"
    assert data["object"]["urls"] == {"de": german.url, "en": english.url}
    assert data["object"]["urls"]["de"].startswith("/de/")
    tags = data["invalidates"]["tags"]
    assert tags[0] == f"page-{german.pk}"
    assert f"page-{german.get_parent().pk}" in tags
    assert f"page-{english.pk}" in tags
    assert english.url in data["invalidates"]["urls"]


def test_publishing_in_the_default_language_is_page_published(
    machine_translated_article, subscription
):
    english = CausePage.objects.get(slug="hydrosalpinx", locale__language_code="en")
    english.save_revision().publish()
    [event] = events()
    assert event["type"] == "page.published"
    assert set(event["data"]["object"]["urls"]) == {"en", "de"}


def test_site_chrome_changes_invalidate_the_chrome_tag(demo_article, subscription):
    chrome = SiteChrome.objects.get()
    chrome.organisation_name = "Brightnest Fertility Network Europe"
    revision = chrome.save_revision()
    assert Event.objects.count() == 0  # a draft of the chrome
    revision.publish()
    [event] = events()
    assert event["type"] == "snippet.changed"
    assert event["data"] == {
        "object": {
            "type": "content.sitechrome",
            "id": chrome.pk,
            "locale": "en",
            "slug": None,
            "urls": {},
        },
        "revision": revision.pk,
        "invalidates": {"tags": ["chrome"], "urls": []},
    }


def test_site_chrome_published_in_the_admin(demo_article, subscription, admin_client):
    from wagtail.test.utils.form_data import querydict_from_html

    chrome = SiteChrome.objects.get()
    url = f"/admin/snippets/content/sitechrome/edit/{chrome.pk}/"
    form = admin_client.get(url).content.decode()
    data = querydict_from_html(form, form_id="w-editor-form").copy()
    data["organisation_name"] = "Brightnest Fertility Network Europe"
    data["action-publish"] = "1"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert event_types() == ["snippet.changed"]
    chrome.refresh_from_db()
    assert chrome.organisation_name == "Brightnest Fertility Network Europe"


def test_a_setting_saved_in_the_admin_is_setting_changed_and_purges_the_chrome(
    demo_article, subscription, receiver, recording_purge, admin_client, run_worker
):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/editorial/reviewsettings/{site.pk}/"
    assert admin_client.get(url).status_code == 200
    assert Event.objects.count() == 0  # opening the form changes nothing
    response = admin_client.post(url, {"review_interval_months": "6"})
    assert response.status_code == 302
    setting = ReviewSettings.for_site(site)
    assert setting.review_interval_months == 6

    [event] = events()
    assert event["type"] == "setting.changed"
    assert event["data"] == {
        "object": {
            "type": "editorial.reviewsettings",
            "id": setting.pk,
            "locale": None,  # a setting is per site, not per language
            "slug": None,
            "urls": {},
        },
        "revision": None,
        "invalidates": {"tags": ["chrome"], "urls": []},
    }

    run_worker()

    [received] = receiver.received
    assert received.verified is not None
    assert received.event["type"] == "setting.changed"
    assert recording_purge == [["chrome"]]


def test_a_setting_form_with_an_error_queues_nothing(
    demo_article, subscription, admin_client
):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/editorial/reviewsettings/{site.pk}/"
    response = admin_client.post(url, {"review_interval_months": "0"})
    assert response.status_code == 200
    assert Event.objects.count() == 0


@pytest.fixture
def at(monkeypatch):
    def set_now(moment: datetime.datetime) -> None:
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now


def test_a_scheduled_page_going_live_at_the_apis_catch_up_is_schedule_live(
    demo_article, subscription, graphql, at
):
    page = CausePage.objects.get(slug="hydrosalpinx")
    soon = timezone.now() + datetime.timedelta(hours=1)
    page.title = "Hydrosalpinx, scheduled"
    page.go_live_at = soon
    page.save_revision().publish()
    assert Event.objects.count() == 0  # scheduled, not live yet

    at(soon)
    result = graphql('{ cause(slug: "hydrosalpinx") { title } }')
    assert result.data["cause"]["title"] == "Hydrosalpinx, scheduled"
    [event] = events()
    assert event["type"] == "schedule.live"
    assert event["data"]["object"]["id"] == page.pk
    assert f"page-{page.pk}" in event["data"]["invalidates"]["tags"]


def test_publish_scheduled_sends_schedule_live_and_expired(
    demo_article, subscription, at
):
    page = CausePage.objects.get(slug="hydrosalpinx")
    other = CausePage.objects.get(slug="endometriosis")
    soon = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = soon
    page.save_revision().publish()
    other.expire_at = soon
    other.save_revision().publish()
    Event.objects.all().delete()

    at(soon + datetime.timedelta(seconds=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    found = {(e["type"], e["data"]["object"]["slug"]) for e in events()}
    assert found == {
        ("schedule.live", "hydrosalpinx"),
        ("schedule.expired", "endometriosis"),
    }


def test_no_subscriber_no_event(demo_article):
    CausePage.objects.get(slug="hydrosalpinx").save_revision().publish()
    assert Event.objects.count() == 0


def test_the_reference_frontend_hears_a_redirect_added_in_the_admin(
    demo_article, frontend, admin_client, run_worker
):
    """Its cache holds what the CMS answered, so a change that is no
    publishing event (here a redirect) reaches its revalidation endpoint
    too, signed, even without a CDN; it drops everything it fetched."""
    response = admin_client.post(
        "/admin/redirects/add/",
        {
            "old_path": "/causes/old-name/",
            "site": "",
            "is_permanent": "on",
            "redirect_link": "https://www.example.org/causes/new-name/",
        },
    )
    assert response.status_code == 302
    run_worker()
    [delivered] = frontend.received
    assert delivered.verified is not None
    assert delivered.event["type"] == "cdn.purge"
    assert delivered.event["data"]["invalidates"]["tags"] == ["redirects"]
