"""Debian's Chromium, driven by Playwright, for the browser tests.

``CHROMIUM_PATH`` picks another binary; without one a browser test is skipped
(``needs_chromium``). The ``browser`` fixture is in tests/conftest.py.
"""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH")
    or shutil.which("chromium")
    or shutil.which("chromium-browser")
)

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium binary installed"
)


class Screenshots:
    """A screenshot of each step of a browser test, kept when it fails.

    ``shot(page, "submitted")`` saves one in ``directory``
    (``BROWSER_ARTIFACTS`` or ``browser-artifacts/`` in the working directory,
    one folder per test); the ``screenshots`` fixture (tests/conftest.py)
    removes the folder when the test passes, so only failures leave artefacts.
    """

    def __init__(self, directory) -> None:
        self.directory = directory
        self.count = 0

    def shot(self, page, name: str) -> None:
        self.count += 1
        self.directory.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(self.directory / f"{self.count:02d}-{name}.png"), full_page=True
        )
