"""What one attempt at a delivery came to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Outcome:
    succeeded: bool
    status_code: int | None = None
    error: str = ""
    excerpt: str = ""
