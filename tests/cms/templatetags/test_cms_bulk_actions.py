"""The page explorer offers bulk Publish only to those who may publish."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from content.editorial.review import MEDICAL_REVIEWERS


def bulk_url(action_type: str) -> str:
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action_type])


def user_in(group: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "x-9-long")
    user.groups.add(Group.objects.get(name=group))
    return user


def explorer_html(client, user, demo_article) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_explore", args=[demo_article.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    # The bulk actions footer is there, with the actions the user may take.
    assert "data-bulk-action-footer" in html
    assert f'href="{bulk_url("move")}"' in html
    return html


@pytest.mark.django_db
def test_editors_are_not_offered_bulk_publish(client, demo_article):
    html = explorer_html(client, user_in("Editors", "erin-editor"), demo_article)
    assert f'href="{bulk_url("publish")}"' not in html
    assert f'href="{bulk_url("unpublish")}"' not in html
    assert "Publish selected pages" not in html


@pytest.mark.django_db
def test_medical_reviewers_are_offered_bulk_publish(client, demo_article):
    reviewer = user_in(MEDICAL_REVIEWERS, "rafael-reviewer")
    html = explorer_html(client, reviewer, demo_article)
    assert f'href="{bulk_url("publish")}"' in html
    assert f'href="{bulk_url("unpublish")}"' in html


@pytest.mark.django_db
def test_superusers_are_offered_bulk_publish(client, demo_article):
    admin = User.objects.create_superuser("ada-admin", "ada@example.org", "x-9-long")
    html = explorer_html(client, admin, demo_article)
    assert f'href="{bulk_url("publish")}"' in html
