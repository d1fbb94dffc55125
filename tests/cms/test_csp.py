"""Content-Security-Policy on every response (cms.csp, django-csp)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

ENFORCED = "Content-Security-Policy"
REPORT_ONLY = "Content-Security-Policy-Report-Only"

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def assert_strict(header: str, nonce: str | None = None, admin: bool = False):
    policy = directives(header)
    assert policy["default-src"] == ["'self'"]
    for name in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[name]
        assert "'unsafe-eval'" not in policy[name]
        assert policy[name][0] == "'self'"
        if nonce is None:
            assert policy[name] == ["'self'"]
        else:
            assert policy[name] == ["'self'", f"'nonce-{nonce}'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    if admin:  # avatars and Wagtail's release check
        assert policy["img-src"] == ["'self'", "data:", "blob:", "www.gravatar.com"]
        assert policy["connect-src"] == ["'self'", "https://releases.wagtail.org"]
    else:
        assert policy["img-src"] == ["'self'", "data:", "blob:"]
        assert policy["connect-src"] == ["'self'"]


def test_graphql_answers_carry_the_strict_policy(graphql, client):
    result = graphql("{ __typename }")
    assert result.response.status_code == 200
    assert_strict(result.response[ENFORCED])
    assert REPORT_ONLY not in result.response

    refused = client.post("/graphql/", "{not json", content_type="application/json")
    assert refused.status_code == 400
    assert_strict(refused[ENFORCED])


def test_the_preview_page_runs_its_inline_code_with_the_nonce(client, settings):
    # The project's own preview page is the one shown without a frontend.
    settings.FRONTEND_URL = ""
    response = client.get("/preview/", {"token": "not-a-token", "locale": "en"})
    assert response.status_code == 200
    html = response.content.decode()
    nonces = set(re.findall(r'<(?:script|style) nonce="([^"]+)"', html))
    assert len(nonces) == 1
    (nonce,) = nonces
    assert len(nonce) >= 22  # 128 random bits, base64
    assert_strict(response[ENFORCED], nonce)
    # Every executable script and every style element carries it.
    assert html.count("<script") == html.count(f'<script nonce="{nonce}"') + 2
    assert html.count('<script id="preview-') == 2  # JSON data, not run
    assert html.count("<style") == html.count(f'<style nonce="{nonce}"')

    again = client.get("/preview/", {"token": "not-a-token", "locale": "en"})
    assert f"'nonce-{nonce}'" not in again[ENFORCED]  # fresh per response


@pytest.mark.parametrize(
    "path, host, status",
    [
        ("/no-such-page/", "testserver", 404),
        ("/de/no-such-page/", "testserver", 404),
        ("/documents/999999/missing.pdf", "testserver", 404),
        ("/graphql/", "attacker.example.org", 400),  # not in ALLOWED_HOSTS
    ],
)
def test_error_pages_carry_the_strict_policy(client, path, host, status):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == status
    assert_strict(response[ENFORCED])


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("ada-admin", "ada@example.org", "x" * 12)


@pytest.mark.parametrize(
    "path", ["/admin/login/", "/admin/", "/admin/pages/", "/django-admin/login/"]
)
def test_the_admin_enforces_what_it_needs_and_reports_the_strict_policy(
    client, superuser, path
):
    client.force_login(superuser)
    response = client.get(path)
    assert response.status_code in (200, 302)
    enforced = directives(response[ENFORCED])
    # Only inline scripts and styles are allowed beyond the strict policy.
    assert enforced["script-src"] == ["'self'", "'unsafe-inline'"]
    assert enforced["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response[ENFORCED]
    assert enforced["object-src"] == ["'none'"]
    assert enforced["base-uri"] == ["'none'"]
    assert enforced["form-action"] == ["'self'"]
    assert enforced["default-src"] == ["'self'"]
    assert enforced["img-src"][-1] == "www.gravatar.com"
    assert not any("nonce-" in source for source in enforced["script-src"])
    assert_strict(response[REPORT_ONLY], admin=True)


def test_the_lock_out_page_styles_itself_with_the_nonce(settings, db):
    settings.AXES_FAILURE_LIMIT = 1
    User.objects.create_user("eli-editor", "eli@example.org", "x" * 12)
    response = Client().post(
        "/admin/login/", {"username": "eli-editor", "password": "wrong"}
    )
    assert response.status_code == 429
    (nonce,) = re.findall(r'<style nonce="([^"]+)"', response.content.decode())
    assert_strict(response[REPORT_ONLY], nonce, admin=True)


def test_a_report_address_comes_from_the_environment():
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['report-uri'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "CSP_REPORT_URI": "https://csp-reports.example.org/nidation",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "['https://csp-reports.example.org/nidation']"


def test_the_admin_may_frame_the_frontends_preview_route_and_nothing_else():
    """The preview panel shows the frontend's preview route in a frame."""
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['frame-src'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "FRONTEND_URL": "https://www.example.org",
        "PREVIEW_CLIENT_URLS_BY_LOCALE": "de=https://de.example.org/preview/",
    }
    env.pop("PREVIEW_CLIENT_URL", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == (
        "[\"'self'\", 'https://de.example.org', 'https://www.example.org']"
    )


def test_the_preview_panel_page_allows_framing_the_frontend(
    client, superuser, settings
):
    client.force_login(superuser)
    response = client.get("/admin/")
    frames = directives(response[ENFORCED])["frame-src"]
    assert frames[0] == "'self'"
    assert frames[1:] == [settings.FRONTEND_URL]
