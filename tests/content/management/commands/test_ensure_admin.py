import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(**env) -> str:
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_password_from_the_environment_is_used_and_not_printed(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-test-password")
    output = run()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-test-password")
    assert "a-long-test-password" not in output


def test_generated_password_is_printed_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    output = run()
    password = output.split("shown only this once): ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    again = run()
    assert password not in again
    assert "already exists" in again


def test_every_run_says_how_to_set_or_reset_the_password(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    hint = (
        "To set or reset the password: ADMIN_PASSWORD=... make run, or "
        ".venv/bin/python manage.py changepassword admin"
    )
    assert hint in run()
    assert hint in run()


def test_admin_password_resets_an_existing_admin(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    run()
    monkeypatch.setenv("ADMIN_PASSWORD", "another-long-test-password")
    output = run()
    user = get_user_model().objects.get(username="admin")
    assert user.check_password("another-long-test-password")
    assert "password set from ADMIN_PASSWORD" in output
    assert "another-long-test-password" not in output
    assert "already exists: unchanged" in run()
