"""Editors and medical reviewers acting through the Wagtail admin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.http import QueryDict
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from content.editorial.review import MEDICAL_REVIEWERS


def make_user(username: str, group: str) -> User:
    user = User.objects.create_user(
        username, f"{username}@example.org", "correct-horse-battery"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db) -> User:
    return make_user("erin-editor", "Editors")


@pytest.fixture
def reviewer(db) -> User:
    user = make_user("rafael-reviewer", MEDICAL_REVIEWERS)
    user.first_name, user.last_name = "Rafael", "Reviewer"
    user.save()
    return user


def paragraph_body(text: str) -> list:
    return [("paragraph", rich_text(f"<p>{text}</p>"))]


def edit_form_data(
    client, page: Page, *, body: list | None = None, **changes: Any
) -> QueryDict:
    """The page's edit form as the browser would post it, with ``changes``.

    Stream and comment fields are drawn by JavaScript, so they are filled in
    here: ``body`` replaces the page body (a short paragraph by default).
    """
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data = data.copy()
    extra = nested_form_data(
        {
            "body": streamfield(body or paragraph_body("Text written for a test.")),
            "comments": inline_formset([]),
        }
    )
    for key, value in {**extra, **changes}.items():
        data.setlist(key, [] if value is None else [value])
    return data


@pytest.fixture
def admin_edit(client) -> Callable[..., Any]:
    """POST the edit form of ``page`` with one of the editor's buttons."""

    def post(page: Page, action: str | None = None, **changes: Any):
        data = edit_form_data(client, page, **changes)
        if action is not None:
            data[action] = "1"
        return client.post(f"/admin/pages/{page.pk}/edit/", data)

    return post
