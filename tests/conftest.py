from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from content.models import CauseIndexPage


class GraphQLResponse:
    def __init__(self, response):
        self.status_code = response.status_code
        self.response = response
        self.json = json.loads(response.content)

    @property
    def data(self) -> dict[str, Any]:
        return self.json.get("data") or {}

    @property
    def errors(self) -> list[dict[str, Any]]:
        return self.json.get("errors") or []


@pytest.fixture
def graphql(client: Client) -> Callable[..., GraphQLResponse]:
    """POST a query to /graphql/ the way a frontend does."""

    def run(query: str, variables: dict | None = None, **extra: Any):
        body = {"query": query}
        if variables is not None:
            body["variables"] = variables
        response = client.post(
            "/graphql/", json.dumps(body), content_type="application/json", **extra
        )
        return GraphQLResponse(response)

    return run


@pytest.fixture
def demo_article(db) -> CauseIndexPage:
    call_command("load_demo_content", stdout=io.StringIO())
    return CauseIndexPage.objects.get(locale=Locale.get_default())


@pytest.fixture
def machine_translated_article(demo_article) -> CauseIndexPage:
    """The demo article and site chrome, machine-translated into German."""
    call_command("load_demo_content", translations="de", stdout=io.StringIO())
    return CauseIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def german(db) -> Locale:
    return Locale.objects.get(language_code="de")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (shared Redis in CI)."""
    from django.core.cache import cache

    from cms.cache.responses import forget_memory_copy

    cache.clear()
    yield
    cache.clear()
    # The database rolls back without the signals a real change sends.
    forget_memory_copy()
