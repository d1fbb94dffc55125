"""Real server processes for the tests that need them: a demo database in a
file, servers on free loopback ports, GraphQL over HTTP, a publish from a
``manage.py`` process of its own."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
QUERY = '{ cause(slug: "hydrosalpinx") { title } }'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(database: Path, **extra: str) -> dict[str, str]:
    """The environment of a project process on ``database`` (no Redis unless
    ``REDIS_URL`` is given)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="settings.test",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def build_demo_database(connection, path: Path) -> None:
    """A migrated database file with the demo content.

    On SQLite the (already migrated) test database is copied; otherwise a
    process of its own migrates the file.
    """
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
    else:
        manage(base_env(path), "migrate", "-v0", timeout=900)
    manage(base_env(path), "load_demo_content")


def copy_database(template: Path, directory: Path) -> Path:
    path = directory / "db.sqlite3"
    shutil.copyfile(template, path)
    return path


def publish_title(env: dict[str, str], title: str) -> float:
    """Publish a new title of the demo article from a process of its own;
    return the seconds the publish itself took."""
    output = manage(
        env,
        "shell",
        "-c",
        "import time\n"
        "from content.models import CausePage\n"
        "page = CausePage.objects.get(slug='hydrosalpinx')\n"
        f"page.title = {title!r}\n"
        "started = time.monotonic()\n"
        "page.save_revision().publish()\n"
        "print('published in', time.monotonic() - started)\n",
    )
    return float(output.split("published in")[-1])


class Server:
    """A server process on a free loopback port, stopped by ``stop``."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path, port: int):
        self.port = port
        self.log = log
        self.handle = log.open("wb")
        self.process = subprocess.Popen(  # noqa: S603 - our own servers
            command, cwd=ROOT, env=env, stdout=self.handle, stderr=subprocess.STDOUT
        )

    @classmethod
    def runserver(cls, env: dict[str, str], log: Path) -> Server:
        port = free_port()
        command = [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        return cls(command, env, log, port)

    @classmethod
    def gunicorn(cls, env: dict[str, str], log: Path, workers: int = 2) -> Server:
        port = free_port()
        env = {
            **env,
            "BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_ACCESS_LOG": "",
        }
        command = [
            PYTHON,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "-c",
            "cms/gunicorn_conf.py",
        ]
        return cls(command, env, log, port)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/graphql/"

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.output()
            try:
                query(self, QUERY, timeout=5)
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise AssertionError(f"server did not start:\n{self.output()}")

    def output(self) -> str:
        self.handle.flush()
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.handle.close()


def query(
    server: Server, text: str = QUERY, timeout: float = 10
) -> tuple[int, dict, str | None]:
    """POST a query: (status, JSON body, X-Cache)."""
    request = urllib.request.Request(  # noqa: S310 - http://127.0.0.1 only
        server.url,
        data=json.dumps({"query": text}).encode(),
        headers={"Content-Type": "application/json", "Host": "127.0.0.1"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return (
                response.status,
                json.loads(response.read()),
                response.headers.get("X-Cache"),
            )
    except urllib.error.HTTPError as error:
        return error.code, {"body": error.read().decode(errors="replace")}, None


def title_from(server: Server) -> tuple[str, str | None]:
    status, body, cache = query(server)
    assert status == 200, body
    return body["data"]["cause"]["title"], cache
