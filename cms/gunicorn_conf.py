"""gunicorn settings for `make serve` and production (environment-driven)."""

import gc
import multiprocessing
import os

bind = os.environ.get("BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# Sync workers: each request is short and database-bound.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Load the app once in the master, so a new worker starts in milliseconds.
preload_app = True
# Recycle workers now and then so a slow leak can never take a server down;
# rarely enough that restarts do not show in latency (and staggered by jitter).
max_requests = 50000
max_requests_jitter = 5000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """The application is loaded in the master (``preload_app``): its objects
    live as long as the process, so the garbage collector's full passes need
    not walk them, in the master or in the workers it forks (``gc.freeze``;
    the workers also share those memory pages with it for longer)."""
    gc.freeze()


def post_worker_init(worker):
    """Connect and run one query before the worker takes real traffic; what
    that loaded stays as long as the worker, like the application."""
    from cms.warmup import warm_up

    warm_up(worker.wsgi)
    gc.freeze()
