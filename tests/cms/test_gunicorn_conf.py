"""gunicorn's settings come from the environment (cms/gunicorn_conf.py)."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest

from cms import gunicorn_conf

VARIABLES = (
    "BIND",
    "PORT",
    "WEB_CONCURRENCY",
    "GUNICORN_TIMEOUT",
    "GUNICORN_ACCESS_LOG",
    "FORWARDED_ALLOW_IPS",
)


@pytest.fixture
def configure(monkeypatch):
    """Read the settings module again under the given environment."""

    def load(**environ: str):
        for name in VARIABLES:
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(gunicorn_conf)

    yield load
    monkeypatch.undo()
    importlib.reload(gunicorn_conf)


def test_defaults_serve_on_port_8000_with_preloaded_sync_workers(configure):
    conf = configure()
    assert conf.bind == "0.0.0.0:8000"
    assert conf.worker_class == "sync"
    assert conf.workers >= 3  # two per core, plus one
    assert conf.timeout == 30
    assert conf.preload_app is True
    assert conf.accesslog == "-"
    assert conf.forwarded_allow_ips == "127.0.0.1"
    # Workers are recycled, staggered so they never restart all at once.
    assert conf.max_requests > 0 and 0 < conf.max_requests_jitter < conf.max_requests


def test_the_environment_sets_address_workers_timeout_and_logging(configure):
    conf = configure(
        PORT="8801",
        WEB_CONCURRENCY="3",
        GUNICORN_TIMEOUT="12",
        GUNICORN_ACCESS_LOG="",
        FORWARDED_ALLOW_IPS="10.0.0.1",
    )
    assert conf.bind == "0.0.0.0:8801"
    assert conf.workers == 3
    assert conf.timeout == 12
    assert conf.accesslog is None  # an empty value turns the access log off
    assert conf.forwarded_allow_ips == "10.0.0.1"
    assert configure(BIND="127.0.0.1:8802", PORT="8803").bind == "127.0.0.1:8802"


def test_each_worker_warms_up_its_own_application(configure, monkeypatch):
    conf = configure()
    warmed = []
    monkeypatch.setattr("cms.warmup.warm_up", warmed.append)
    application = object()
    conf.post_worker_init(SimpleNamespace(wsgi=application))
    assert warmed == [application]


def test_long_lived_objects_are_kept_out_of_full_garbage_collections(monkeypatch):
    import gc

    warmed = []
    monkeypatch.setattr("cms.warmup.warm_up", warmed.append)
    try:
        gc.unfreeze()
        gunicorn_conf.when_ready(SimpleNamespace())
        after_loading = gc.get_freeze_count()
        assert after_loading > 0
        worker = SimpleNamespace(wsgi=object())
        gunicorn_conf.post_worker_init(worker)
        assert warmed == [worker.wsgi]
        assert gc.get_freeze_count() >= after_loading
    finally:
        gc.unfreeze()
