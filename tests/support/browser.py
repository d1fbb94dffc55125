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
