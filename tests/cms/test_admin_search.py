"""The admin's page search names what it found: "pages", never "None"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.content.conftest import editor  # noqa: F401

pytestmark = pytest.mark.django_db


def results_header(client, query: str) -> str:
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": query})
    assert response.status_code == 200
    found = re.search(r"(\d+-\d+ of \d+ [^<\n]*)", response.content.decode())
    assert found, "the search lists no results"
    return " ".join(found.group(1).split())


def test_the_results_header_counts_pages(demo_article, editor, client):  # noqa: F811
    client.force_login(editor)
    header = results_header(client, "Hydrosalpinx")
    assert re.fullmatch(r"1-(\d+) of \1 pages", header), header
    assert "None" not in header
