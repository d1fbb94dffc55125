"""Headless preview: the draft through an expiring, page- and locale-bound token."""

from __future__ import annotations

import datetime
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.utils import timezone
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    streamfield,
)

from content.editorial.preview import make_token
from content.editorial.views import PREVIEW_QUERY
from content.models import CauseCategoryPage, CausePage
from tests.content.conftest import edit_form_data, paragraph_body

pytestmark = pytest.mark.django_db

DRAFT = "Draft wording about the hydrosalpinx"


@pytest.fixture
def cause(demo_article) -> CausePage:
    return CausePage.objects.get(slug="hydrosalpinx")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("ada-admin", "ada@example.org", "x")


def click_preview(client, page, **changes) -> dict:
    """Post the edit form to the admin's preview view, then open the preview."""
    data = edit_form_data(client, page, **changes)
    url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    iframe_src = response.context["preview_url"]
    parts = urlsplit(iframe_src)
    params = {key: values[0] for key, values in parse_qs(parts.query).items()}
    return {"path": parts.path, "base": iframe_src.split("?")[0], **params}


def preview_query(graphql, token: str, locale: str | None = None):
    return graphql(PREVIEW_QUERY, {"token": token, "locale": locale})


class Clock:
    """Moves Django's notion of "now" without sleeping."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch

    def set(self, moment: datetime.datetime) -> None:
        self.monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


def test_preview_shows_the_unsaved_draft_through_the_graphql_query(
    cause, superuser, client, graphql
):
    client.force_login(superuser)
    preview = click_preview(client, cause, title=DRAFT)
    # The frontend's preview route (FRONTEND_URL, by default where `make run`
    # serves the frontend) shows the draft, with the token.
    assert preview["base"] == "http://127.0.0.1:3000/preview/"
    assert preview["token"]
    assert preview["content_type"] == "content.causepage"
    assert preview["locale"] == "en"
    client.logout()

    result = preview_query(graphql, preview["token"])
    assert not result.errors, result.errors
    assert result.data["page"]["title"] == DRAFT
    assert result.response["Cache-Control"] == "private, no-store"
    # The public queries still serve the live version.
    live = graphql('{ cause(slug: "hydrosalpinx") { title } }')
    assert live.data["cause"]["title"] == "Hydrosalpinx"


def test_preview_link_stops_working_after_it_expires(
    cause, superuser, client, graphql, clock
):
    issued = timezone.now()
    client.force_login(superuser)
    clock.set(issued)
    token = click_preview(client, cause, title=DRAFT)["token"]
    client.logout()

    clock.set(issued + datetime.timedelta(minutes=59, seconds=59))
    assert preview_query(graphql, token).data["page"]["title"] == DRAFT
    clock.set(issued + datetime.timedelta(hours=1, seconds=1))
    expired = preview_query(graphql, token)
    assert expired.data == {"page": None}
    assert expired.response["Cache-Control"] == "private, no-store"


@override_settings(PREVIEW_TOKEN_MAX_AGE=60)
def test_preview_lifetime_is_configurable(cause, superuser, client, graphql, clock):
    issued = timezone.now()
    clock.set(issued)
    client.force_login(superuser)
    token = click_preview(client, cause, title=DRAFT)["token"]
    clock.set(issued + datetime.timedelta(seconds=61))
    assert preview_query(graphql, token).data == {"page": None}


def test_forged_or_tampered_tokens_get_a_generic_null(
    cause, superuser, client, graphql
):
    client.force_login(superuser)
    token = click_preview(client, cause, title=DRAFT)["token"]
    client.logout()
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    forged = make_token(cause).rsplit(":", 1)[0] + ":forgedsignature"
    for bad in (tampered, forged, "", "not-a-token", "x" * 500):
        result = preview_query(graphql, bad)
        assert result.data == {"page": None}, bad
        assert not result.errors
        text = json.dumps(result.json).lower()
        assert "signature" not in text and "salt" not in text


def test_token_is_bound_to_its_locale(cause, superuser, client, graphql):
    client.force_login(superuser)
    token = click_preview(client, cause, title=DRAFT)["token"]
    assert preview_query(graphql, token, "en").data["page"]["title"] == DRAFT
    assert preview_query(graphql, token, "de").data == {"page": None}


def test_token_is_bound_to_its_page(cause, superuser, client, graphql):
    client.force_login(superuser)
    token = click_preview(client, cause, title=DRAFT)["token"]
    other = CausePage.objects.get(slug="thin-endometrium")
    from wagtail_headless_preview.models import PagePreview

    # Swapping the stored draft for another page's does not serve it.
    PagePreview.objects.filter(token=token).update(content_json=other.to_json())
    assert preview_query(graphql, token).data == {"page": None}


def test_preview_of_a_deleted_page_returns_null(cause, superuser, client, graphql):
    client.force_login(superuser)
    token = click_preview(client, cause, title=DRAFT)["token"]
    cause.delete()
    assert preview_query(graphql, token).data == {"page": None}


def test_preview_of_a_never_published_page(demo_article, superuser, client, graphql):
    from content.models import CauseCategoryPage
    from tests.factories import CausePageFactory

    draft = CausePageFactory(
        parent=CauseCategoryPage.objects.get(slug="uterine"),
        slug="draft-only",
        live=False,
    )
    client.force_login(superuser)
    token = click_preview(client, draft, title=DRAFT)["token"]
    client.logout()
    result = preview_query(graphql, token)
    assert result.data["page"]["title"] == DRAFT
    # The page itself is still absent from every public query.
    assert graphql('{ cause(slug: "draft-only") { title } }').data == {"cause": None}
    assert graphql(f'{{ page(id: "{draft.pk}") {{ title }} }}').data == {"page": None}


@override_settings(
    PREVIEW_CLIENT_URLS={
        "default": "https://preview.example.org/",
        "de": "https://de.preview.example.org/",
    }
)
def test_preview_opens_the_frontend_of_the_page_locale(cause, superuser, client):
    client.force_login(superuser)
    assert click_preview(client, cause, title=DRAFT)["base"] == (
        "https://preview.example.org/"
    )


NEW_TITLE = "Fictional adhesion syndrome"
NEW_SLUG = "fictional-adhesion-syndrome"
NEW_TEXT = "Wording for a cause that nobody has saved yet."


def add_form_data(client, add_url: str) -> dict:
    """The add form for a new cause, filled in as an editor would."""
    response = client.get(add_url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.copy()
    extra = nested_form_data(
        {
            "body": streamfield(paragraph_body(NEW_TEXT)),
            "comments": inline_formset([]),
        }
    )
    fields = {"title": NEW_TITLE, "slug": NEW_SLUG, "summary": "A made-up cause."}
    for key, value in {**extra, **fields}.items():
        data.setlist(key, [value])
    return data


@override_settings(FRONTEND_URL="")
def test_preview_of_a_page_not_created_yet(
    demo_article, editor, client, graphql, clock
):
    issued = timezone.now()
    clock.set(issued)
    uterine = CauseCategoryPage.objects.get(slug="uterine")
    add_url = f"/admin/pages/add/content/causepage/{uterine.pk}/"
    signed_in = client.post(
        "/admin/login/",
        {"username": editor.username, "password": "correct-horse-battery"},
    )
    assert signed_in.status_code == 302

    # Preview in the create view posts the unsaved form, then opens the preview.
    preview_url = f"{add_url}preview/"
    posted = client.post(preview_url, add_form_data(client, add_url))
    assert posted.json()["is_valid"]
    shown = client.get(preview_url)
    assert shown.status_code == 200
    assert {"private", "no-store"} <= set(shown["Cache-Control"].split(", "))
    parts = urlsplit(shown.context["preview_url"])
    params = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert parts.path == "/preview/"
    assert params["content_type"] == "content.causepage"
    assert params["locale"] == "en"
    assert not CausePage.objects.filter(slug=NEW_SLUG).exists()

    # The preview page the iframe opens runs the preview query with the token.
    frame = client.get(parts.path, params)
    assert frame.status_code == 200
    assert frame["Cache-Control"] == "private, no-store"
    assert frame.context["query"] == PREVIEW_QUERY
    assert frame.context["variables"] == {"token": params["token"], "locale": "en"}
    client.logout()

    result = preview_query(graphql, params["token"], "en")
    assert not result.errors, result.errors
    draft = result.data["page"]
    assert draft["__typename"] == "CausePage"
    assert draft["title"] == NEW_TITLE
    assert draft["locale"] == "en"
    assert draft["summary"] == "A made-up cause."
    assert NEW_TEXT in draft["body"][0]["value"]
    assert result.response["Cache-Control"] == "private, no-store"

    # Only the token shows it: the public API knows no such page.
    public = graphql(
        f'{{ cause(slug: "{NEW_SLUG}") {{ title }} '
        f'page(slug: "{NEW_SLUG}") {{ title }} '
        'causes(category: "uterine", limit: 100) { slug } }'
    )
    assert not public.errors, public.errors
    assert public.data["cause"] is None and public.data["page"] is None
    assert NEW_SLUG not in json.dumps(public.data)
    # Bound to the page's language, and to its lifetime.
    assert preview_query(graphql, params["token"], "de").data == {"page": None}
    clock.set(issued + datetime.timedelta(hours=1, seconds=1))
    expired = preview_query(graphql, params["token"], "en")
    assert expired.data == {"page": None}
    assert not expired.errors
    assert expired.response["Cache-Control"] == "private, no-store"
