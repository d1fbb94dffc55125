"""The CDN purge: what an event invalidates is purged by cache tag and by
URL, and a CDN outage is a failed attempt that is retried."""

from __future__ import annotations

import io
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


# Cloudflare's purge by tag, against a stand-in for its API ------------------

ZONE = "023e105f4ecef8ad9ca31a8372d0c353"
TOKEN = "cf-test-token-Y2xvdWRmbGFyZS1zdGFuZC1pbg"
PURGED = {"success": True, "errors": [], "messages": [], "result": {"id": ZONE}}


def refusal(code: int, message: str) -> dict:
    return {"success": False, "errors": [{"code": code, "message": message}]}


@dataclass
class StandIn:
    """Cloudflare's API on 127.0.0.1: records every call; ``answers`` says
    what the next calls get (a status and body, or "hang"), then 200."""

    url: str = ""
    calls: list[dict] = field(default_factory=list)
    answers: list = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def cloudflare(settings):
    state = StandIn()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state.calls.append(
                {
                    "path": self.path,
                    "headers": {k.lower(): v for k, v in self.headers.items()},
                    "body": json.loads(body),
                }
            )
            answer = state.answers.pop(0) if state.answers else (200, PURGED)
            if answer == "hang":
                state.release.wait(10)
                return
            status, payload = answer
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/client/v4"
    settings.CDN_TAG_PURGE_BACKEND = "cloudflare"
    settings.CLOUDFLARE_API_URL = state.url
    settings.CLOUDFLARE_ZONEID = ZONE
    settings.CLOUDFLARE_BEARER_TOKEN = TOKEN
    settings.WEBHOOKS_TIMEOUT_SECONDS = 0.5
    yield state
    state.release.set()
    server.shutdown()
    server.server_close()


def test_cloudflare_gets_the_tags_with_the_token_at_most_100_a_call(cloudflare):
    tags = [f"page-{number}" for number in range(1, 231)]
    outcome = purge(event(tags=tags))
    assert outcome.succeeded, outcome.error
    assert [call["path"] for call in cloudflare.calls] == [
        f"/client/v4/zones/{ZONE}/purge_cache"
    ] * 3
    for call in cloudflare.calls:
        assert call["headers"]["authorization"] == f"Bearer {TOKEN}"
        assert call["headers"]["content-type"] == "application/json"
    assert [call["body"] for call in cloudflare.calls] == [
        {"tags": tags[:100]},
        {"tags": tags[100:200]},
        {"tags": tags[200:]},
    ]


def test_a_cloudflare_refusal_or_outage_is_retried_until_the_tags_are_purged(
    demo_article, cloudflare, run_worker, caplog
):
    cloudflare.answers = [
        (500, refusal(10001, "Internal error")),
        (403, refusal(10000, "Authentication error")),
        "hang",
        (429, refusal(971, "Please wait and consider throttling your request speed")),
        (200, {"success": False, "errors": []}),
    ]
    page = CausePage.objects.get(slug="hydrosalpinx")
    page.save_revision().publish()
    tags = [f"page-{page.pk}", f"page-{page.get_parent().pk}"]

    with caplog.at_level("WARNING", logger="cms.webhooks"):
        run_worker()

    # Every attempt asked for the same tags, and the last one purged them.
    assert [call["body"] for call in cloudflare.calls] == [{"tags": tags}] * 6
    delivery = Delivery.objects.get(subscriber="cdn")
    assert delivery.status == Delivery.SUCCEEDED
    attempts = list(
        delivery.attempt_log.values_list("status_code", "succeeded", "error")
    )
    assert attempts == [
        (
            500,
            False,
            "CDN purge failed: Cloudflare answered 500: Internal error (code 10001).",
        ),
        (
            403,
            False,
            "CDN purge failed: Cloudflare answered 403: "
            "Authentication error (code 10000).",
        ),
        (None, False, "CDN purge failed: Cloudflare did not answer within 0.5 s."),
        (
            429,
            False,
            "CDN purge failed: Cloudflare answered 429: Please wait and "
            "consider throttling your request speed (code 971).",
        ),
        (200, False, "CDN purge failed: Cloudflare answered 200: no error given."),
        (None, True, ""),
    ]
    assert delivery.attempt_log.first().response_excerpt == json.dumps(
        refusal(10001, "Internal error")
    )
    # Each failure is in the log, by event, and the token nowhere.
    failures = [r.getMessage() for r in caplog.records if r.name == "cms.webhooks"]
    assert failures[0] == (
        f"CDN purge of event {delivery.event_id} failed: Cloudflare answered 500: "
        "Internal error (code 10001)."
    )
    assert len(failures) == 5
    recorded = [caplog.text, delivery.last_error]
    recorded += [
        text
        for attempt in delivery.attempt_log.all()
        for text in (attempt.error, attempt.response_excerpt)
    ]
    assert not any(TOKEN in text for text in recorded)


def test_a_token_that_cannot_be_sent_is_never_written_down(
    cloudflare, settings, caplog
):
    # requests refuses the header, quoting its value in its error.
    settings.CLOUDFLARE_BEARER_TOKEN = "cf-token-with\na-line-break"
    with caplog.at_level("WARNING", logger="cms.webhooks"):
        outcome = purge(event(tags=["page-7"]))
    assert not outcome.succeeded
    assert (
        outcome.error
        == "CDN purge failed: Cloudflare could not be called: InvalidHeader."
    )
    assert cloudflare.calls == []
    assert "a-line-break" not in caplog.text + outcome.error + outcome.excerpt
