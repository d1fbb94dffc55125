"""make bench: production settings plus the benchmark's in-memory floor.

The benchmark (``bench/``) serves the article's JSON from memory at
``/bench/floor/`` through the same Django and gunicorn, to measure what the
stack costs without GraphQL. Nothing else differs from production; the REST
API comparison is switched on with ``ENABLE_REST_API``.
"""

from .base import BASE_DIR
from .production import *  # noqa: F403

#: The site's URLs plus the floor (and the REST API with ``ENABLE_REST_API``).
ROOT_URLCONF = "bench.urls"

#: The response body the floor endpoint serves, written by ``bench.run``.
BENCH_FLOOR_FILE = BASE_DIR / "bench" / ".work" / "floor.json"
