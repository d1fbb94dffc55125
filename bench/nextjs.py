"""Building and serving the reference frontend (``frontend/``) from Python.

A production build (``next build``) into a directory of its own, built again
only when what it depends on changed, then ``next start`` in a process group
of its own. Used by the frontend's end-to-end tests
(``tests/frontend/conftest.py``, into ``frontend/.next-e2e``) and by
``make bench`` (``bench/ssr.py``, into ``frontend/.next-bench``).

No Django imports.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
NEXT = FRONTEND / "node_modules" / ".bin" / "next"
#: The oldest Node.js the frontend runs on (``engines`` in its package.json).
MIN_NODE = (20, 19)
BUILD_KEY_FILE = "build-key"


class NotAnswering(RuntimeError):
    """A process stopped, or did not answer in time; the message says which."""


def node_version() -> tuple[int, ...] | None:
    node = shutil.which("node")
    if node is None:
        return None
    try:
        out = subprocess.run(  # noqa: S603
            [node, "--version"], capture_output=True, text=True, timeout=10
        ).stdout
        return tuple(int(part) for part in out.strip().lstrip("v").split("."))
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def unavailable() -> str | None:
    """Why the frontend cannot be built here, or None when it can."""
    version = node_version()
    if version is None or version < MIN_NODE:
        found = ".".join(map(str, version)) if version else "none"
        need = ".".join(map(str, MIN_NODE))
        return f"the frontend needs Node.js {need} or newer (found: {found})"
    if shutil.which("npm") is None:
        return "the frontend needs npm"
    return None


def npm_ci_if_needed() -> None:
    """``npm ci`` when the installed packages are older than the lock file."""
    marker = FRONTEND / "node_modules" / ".package-lock.json"
    lock = FRONTEND / "package-lock.json"
    if marker.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],  # noqa: S607
        cwd=FRONTEND,
        check=True,
    )


def build_key(cms_origin: str) -> str:
    """What the build depends on: its sources, packages and the CMS's origin
    (next.config.ts passes /media/ on to it)."""
    digest = hashlib.sha256(cms_origin.encode())
    files = [FRONTEND / "package-lock.json", FRONTEND / "next.config.ts"]
    files += [FRONTEND / "tsconfig.json"]
    files += sorted(p for p in (FRONTEND / "src").rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(FRONTEND)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def site_env(
    base: dict[str, str], *, dist_dir: str, cms_url: str, site_url: str, secret: str
) -> dict[str, str]:
    """The environment of ``next build`` and ``next start`` for a production
    build in ``frontend/<dist_dir>`` reading the CMS at ``cms_url``."""
    return {
        **base,
        "NODE_ENV": "production",
        "NEXT_TELEMETRY_DISABLED": "1",
        "NEXT_DIST_DIR": dist_dir,
        # `npm run typecheck` checks the types; a build for a run skips it.
        "NEXT_SKIP_TYPECHECK": "1",
        "CMS_GRAPHQL_URL": f"{cms_url}/graphql/",
        "FRONTEND_URL": site_url,
        "FRONTEND_REVALIDATE_SECRET": secret,
    }


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.popen.poll() is None:
            # Its own process group (start_new_session): next start's workers too.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(10)


def start(name: str, args: list[str], *, cwd: Path, env: dict, logs: Path) -> Process:
    """Start ``args`` in a process group of its own, output to ``logs/<name>.log``."""
    log = logs / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(  # noqa: S603
            args,
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Process(name, popen, log)


@dataclass
class Build:
    """A ``next build`` under way, or None in ``process`` when the last
    build in its directory is still current."""

    dist_dir: str
    key: str
    process: Process | None

    def wait(self, timeout: float = 600) -> None:
        """Wait for the build; raises ``NotAnswering`` with its log when it fails."""
        if self.process is None:
            return
        try:
            failed = self.process.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.stop()
            failed = True
        if failed:
            raise NotAnswering(f"next build failed:\n{self.process.tail(60)}")
        (FRONTEND / self.dist_dir / BUILD_KEY_FILE).write_text(self.key)
        self.process = None


def start_build(dist_dir: str, env: dict, cms_origin: str, logs: Path) -> Build:
    """Start ``next build`` into ``frontend/<dist_dir>`` unless the build
    there was made from the same sources for the same CMS."""
    npm_ci_if_needed()
    key = build_key(cms_origin)
    key_file = FRONTEND / dist_dir / BUILD_KEY_FILE
    if key_file.exists() and key_file.read_text() == key:
        return Build(dist_dir, key, None)
    process = start(
        "next build", [str(NEXT), "build"], cwd=FRONTEND, env=env, logs=logs
    )
    return Build(dist_dir, key, process)


def start_server(port: int, env: dict, logs: Path) -> Process:
    """``next start`` on 127.0.0.1:``port`` (the build of ``env``'s NEXT_DIST_DIR)."""
    return start(
        "next start",
        [str(NEXT), "start", "--port", str(port), "--hostname", "127.0.0.1"],
        cwd=FRONTEND,
        env=env,
        logs=logs,
    )


def wait_until_up(process: Process, url: str, timeout: float = 90) -> None:
    """Wait until ``url`` answers (any HTTP status); raises ``NotAnswering``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.popen.poll() is not None:
            raise NotAnswering(
                f"{process.name} stopped (exit {process.popen.returncode}):\n"
                f"{process.tail()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.3)
    raise NotAnswering(f"{process.name} did not answer {url}:\n{process.tail()}")
