"""The CMS wiring's admin hooks (cms/wagtail_hooks.py): the login lock-outs
are a settings screen of the Wagtail admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_superusers_find_the_lockouts_in_the_settings_menu(client):
    admin = User.objects.create_superuser("ada-admin", "ada@example.org", "x")
    client.force_login(admin)
    index = reverse("login_lockouts:index")
    assert index == "/admin/login_lockouts/"
    assert client.get(index).status_code == 200
    home = client.get("/admin/")
    assert index.encode() in home.content
    assert b"Login lock-outs" in home.content
