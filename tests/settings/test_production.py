"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def import_production(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_secrets_stop_production_start_up():
    result = import_production()
    assert result.returncode != 0
    assert (
        "Production settings need these environment variables: "
        "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL"
    ) in result.stderr


def test_production_starts_with_its_secrets():
    result = import_production(
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
    )
    assert result.returncode == 0, result.stderr


def test_production_turns_off_graphiql_introspection_and_suggestions():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.GRAPHQL_GRAPHIQL, s.GRAPHQL_INTROSPECTION, s.GRAPHQL_SUGGESTIONS)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.production",
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "cms.example.org",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
            "GRAPHQL_INTROSPECTION": "true",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["False", "False", "False"], result.stderr
