"""The admin's Webhooks menu: subscriptions and the delivery log, for
administrators only."""

from __future__ import annotations

import json

import pytest
from wagtail.test.utils import WagtailTestUtils

pytestmark = pytest.mark.django_db


def menu(client) -> dict[str, list[str]]:
    """The admin sidebar's menu: each top-level label and its items' URLs."""
    response = client.get("/admin/")
    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content.decode())
    props = json.loads(soup.find(id="wagtail-sidebar-props").string)
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.SubMenuItem":
                label, items = node["_args"][0]["label"], node["_args"][1]
                found[label] = [item["_args"][0]["url"] for item in items]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found


def test_administrators_find_subscriptions_and_deliveries_under_webhooks(
    admin_client,
):
    assert menu(admin_client)["Webhooks"] == [
        "/admin/webhook_subscriptions/",
        "/admin/webhook_deliveries/",
    ]
    assert admin_client.get("/admin/webhook_deliveries/").status_code == 200


def test_editors_have_no_webhooks_menu(client, editor):
    client.force_login(editor)
    assert "Webhooks" not in menu(client)
    assert "/admin/webhook_" not in client.get("/admin/").content.decode()
