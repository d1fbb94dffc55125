"""Guessing passwords at the admin login: the account is locked out from
that address after LOGIN_FAILURE_LIMIT failures (django-axes)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery"
ATTACKER = "192.0.2.10"
OTHER_ADDRESS = "198.51.100.20"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.GRAPHQL_TRUSTED_PROXIES = 0


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser("ada-admin", "ada@example.org", PASSWORD)


@pytest.fixture
def editor_user(db) -> User:
    user = User.objects.create_user("eli-editor", "eli@example.org", PASSWORD)
    user.is_staff = True
    user.save()
    return user


def log_in(username, password, address=ATTACKER, url="/admin/login/", **headers):
    client = Client(REMOTE_ADDR=address)
    response = client.post(url, {"username": username, "password": password}, **headers)
    return client, response


def guess(username, times, address=ATTACKER, **kwargs):
    for attempt in range(times):
        _, response = log_in(username, f"wrong-{attempt}", address, **kwargs)
    return response


def assert_locked_out(response):
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many failed logins" in text
    assert "15 minutes" in text
    assert response["Retry-After"] == str(15 * 60)
    for internal in ("axes", "Axes", "AccessAttempt", "Traceback", ATTACKER):
        assert internal not in text


def test_wrong_passwords_below_the_limit_get_the_login_form_again(admin_user):
    response = guess(admin_user.username, 2)
    assert response.status_code == 200
    assert b"Your username and password didn" in response.content
    # The right password still works, and the count starts again.
    client, response = log_in(admin_user.username, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert guess(admin_user.username, 2).status_code == 200


def test_the_limit_locks_the_account_out_from_that_address(admin_user):
    response = guess(admin_user.username, 3)
    assert_locked_out(response)

    # The right password is refused too while the lock-out lasts.
    client, response = log_in(admin_user.username, PASSWORD)
    assert_locked_out(response)
    assert client.get("/admin/").status_code == 302  # to the login page


def test_other_accounts_and_addresses_are_not_locked_out(admin_user, editor_user):
    assert_locked_out(guess(admin_user.username, 3))

    _, response = log_in(editor_user.username, PASSWORD)
    assert response.status_code == 302
    client, response = log_in(admin_user.username, PASSWORD, address=OTHER_ADDRESS)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_forged_forwarding_headers_do_not_give_fresh_addresses(admin_user, settings):
    settings.GRAPHQL_TRUSTED_PROXIES = 1
    proxy = "10.0.0.2"
    for attempt in range(3):
        # The proxy appends the client's real address after the forged ones.
        forwarded = f"203.0.113.{attempt}, {ATTACKER}"
        _, response = log_in(
            admin_user.username, "wrong", proxy, HTTP_X_FORWARDED_FOR=forwarded
        )
    assert_locked_out(response)
    _, response = log_in(
        admin_user.username, PASSWORD, proxy, HTTP_X_FORWARDED_FOR=OTHER_ADDRESS
    )
    assert response.status_code == 302


def test_django_admin_login_is_covered_and_shares_the_count(admin_user):
    guess(admin_user.username, 2, url="/django-admin/login/")
    _, response = log_in(admin_user.username, "wrong", url="/django-admin/login/")
    assert_locked_out(response)
    _, response = log_in(admin_user.username, PASSWORD)
    assert_locked_out(response)


def test_the_limit_and_cool_off_come_from_the_environment():
    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"}

    def configured(**values):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**env, **values},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert configured() == "5 0:15:00"
    assert configured(LOGIN_FAILURE_LIMIT="8", LOGIN_COOLOFF_MINUTES="60") == (
        "8 1:00:00"
    )
    # 0 minutes: locked out until a reset command lifts it.
    assert configured(LOGIN_COOLOFF_MINUTES="0") == "5 None"


def test_a_higher_limit_allows_more_guesses(admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 5
    assert guess(admin_user.username, 4).status_code == 200
    assert guess(admin_user.username, 1).status_code == 429


@pytest.mark.parametrize(
    "command, args",
    [
        ("axes_reset", []),
        ("axes_reset_username", ["ada-admin"]),
        ("axes_reset_ip", [ATTACKER]),
    ],
)
def test_the_reset_commands_lift_the_lock_out(admin_user, command, args):
    assert_locked_out(guess(admin_user.username, 3))
    call_command(command, *args, stdout=io.StringIO())
    client, response = log_in(admin_user.username, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_superusers_see_and_lift_lock_outs_in_the_wagtail_admin(admin_user):
    assert_locked_out(guess("eli-editor", 3))
    client = Client()
    client.force_login(admin_user)

    listing = client.get("/admin/login_lockouts/")
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Login lock-outs" in text
    assert "eli-editor" in text
    assert ATTACKER in text
    assert "3 (locked out)" in text
    assert b"/admin/login_lockouts/" in client.get("/admin/").content  # menu

    attempt = AccessAttempt.objects.get(username="eli-editor")
    deleted = client.post(f"/admin/login_lockouts/delete/{attempt.pk}/")
    assert deleted.status_code == 302
    assert not AccessAttempt.objects.exists()


def test_the_lock_out_listing_is_for_superusers_only(editor_user, admin_user):
    from django.contrib.auth.models import Permission

    # Even with every permission on axes' models and admin access.
    editor_user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="axes")
    )
    editor_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    guess(admin_user.username, 3)
    attempt = AccessAttempt.objects.get()
    client = Client()
    client.force_login(editor_user)
    assert client.get("/admin/").status_code == 200
    assert b"/admin/login_lockouts/" not in client.get("/admin/").content
    for url in (
        "/admin/login_lockouts/",
        f"/admin/login_lockouts/inspect/{attempt.pk}/",
        f"/admin/login_lockouts/delete/{attempt.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 302, url  # Wagtail's permission denied
    assert client.post(f"/admin/login_lockouts/delete/{attempt.pk}/").status_code == 302
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


def test_logout_and_password_reset_still_work(editor_user):
    client, response = log_in(editor_user.username, PASSWORD)
    assert response.status_code == 302
    assert client.post("/admin/logout/").status_code == 302
    assert client.get("/admin/").status_code == 302

    reset = Client().post(
        "/admin/password_reset/", {"email": editor_user.email}, follow=True
    )
    assert reset.status_code == 200
    assert len(mail.outbox) == 1
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


def test_ipv6_clients_are_counted_by_their_network(admin_user):
    guess(admin_user.username, 2, address="2001:db8:5:6::1")
    _, response = log_in(admin_user.username, "wrong", "2001:db8:5:6::2")
    assert_locked_out(response)
    assert AccessAttempt.objects.get().ip_address == "2001:db8:5:6::"
    call_command("axes_reset_ip", "2001:db8:5:6::", stdout=io.StringIO())
    _, response = log_in(admin_user.username, PASSWORD, "2001:db8:5:6::2")
    assert response.status_code == 302
