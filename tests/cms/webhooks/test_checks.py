"""``manage.py check`` names a wrong webhook configuration from the
environment."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from cms.webhooks.models import new_secret

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[{", "WEBHOOKS is not valid JSON"),
        ('{"url": "https://example.org/"}', "a JSON list"),
        ('[{"url": "https://example.org/"}]', "a secret is required"),
        ('[{"url": "https://example.org/", "secret": "plain"}]', "not a Standard"),
        (
            json.dumps(
                [
                    {
                        "url": "https://example.org/",
                        "secret": new_secret(),
                        "events": ["page.edit"],
                    }
                ]
            ),
            "unknown event types",
        ),
    ],
)
def test_a_wrong_webhooks_variable_is_named_by_manage_py_check(
    settings, value, message
):
    settings.WEBHOOKS_FROM_ENV = value
    with pytest.raises(SystemCheckError, match=message):
        call_command("check")


def test_a_wrong_frontend_secret_is_named_by_manage_py_check(settings):
    settings.FRONTEND_REVALIDATE_SECRET = "not-base64!"
    with pytest.raises(SystemCheckError, match="FRONTEND_REVALIDATE_SECRET"):
        call_command("check")


def test_a_cloudflare_tag_purge_without_credentials_is_named_by_manage_py_check(
    settings,
):
    settings.CDN_TAG_PURGE_BACKEND = "cloudflare"
    settings.CLOUDFLARE_BEARER_TOKEN = ""
    settings.CLOUDFLARE_ZONEID = "023e105f4ecef8ad9ca31a8372d0c353"
    with pytest.raises(SystemCheckError, match="CLOUDFLARE_BEARER_TOKEN"):
        call_command("check")
    settings.CLOUDFLARE_BEARER_TOKEN = "a-token"
    call_command("check")


def test_an_unknown_tag_purge_backend_is_named_by_manage_py_check(settings):
    settings.CDN_TAG_PURGE_BACKEND = "fastly"
    with pytest.raises(SystemCheckError, match="'fastly' is neither"):
        call_command("check")
