"""The floor: a fixed JSON body served from memory by the same Django stack.

Mounted at ``/bench/floor/`` by ``bench.urls`` only when
``settings.BENCH_FLOOR_FILE`` is set (``settings.bench``). The body is read
once per process, on the first request, so the file can be written after
gunicorn has started.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt


@cache
def body() -> bytes:
    return Path(settings.BENCH_FLOOR_FILE).read_bytes()


@csrf_exempt
def floor_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(body(), content_type="application/json")
