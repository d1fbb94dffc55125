"""Publish-to-delivery latency of webhooks: ``python -m bench.webhooks``.

With the environment ``bench.run`` gives its server (``settings.bench`` on the
seeded database), this starts the worker (``manage.py db_worker --backend
webhooks``, default options, as ``make serve`` does) and one local receiver,
publishes a cause ``--publishes`` times, one after the other, and prints as
JSON the median and 95th percentile of the time from the publish's commit to
the signed event's arrival. Not timed in the tests; see docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--publishes", type=int, default=50)
    parser.add_argument(
        "--receiver-port",
        type=int,
        default=0,
        help="the receiver's port on 127.0.0.1 (default: a free one)",
    )
    args = parser.parse_args()

    os.environ["WEBHOOKS_ALLOW_PRIVATE_URLS"] = "true"
    import django

    django.setup()
    from django.db import transaction
    from standardwebhooks.webhooks import Webhook

    from cms.webhooks.models import Subscription
    from content.models import CausePage

    arrived: dict[str, float] = {}
    lock = threading.Condition()
    secret: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            event = Webhook(secret[0]).verify(body, dict(self.headers))
            self.send_response(200)
            self.end_headers()
            with lock:
                arrived[str(event["data"]["revision"])] = time.monotonic()
                lock.notify_all()

    server = ThreadingHTTPServer(("127.0.0.1", args.receiver_port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    subscription = Subscription.objects.create(
        name="bench", url=f"http://127.0.0.1:{server.server_address[1]}/"
    )
    secret.append(subscription.secret)
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend",
            "webhooks",
            "--no-reload",
        ],
        cwd=ROOT,
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    latencies, lost = [], 0
    try:
        page = CausePage.objects.live().order_by("pk").first()
        time.sleep(2)  # the worker's start-up
        for number in range(args.publishes):
            page.title = f"{page.title.split(' #')[0]} #{number}"
            with transaction.atomic():
                revision = page.save_revision()
                revision.publish()
            committed = time.monotonic()
            key = str(revision.pk)
            with lock:
                if not lock.wait_for(lambda key=key: key in arrived, 10):
                    lost += 1
                    continue
            latencies.append((arrived[key] - committed) * 1000)
    finally:
        worker.terminate()
        worker.wait(10)
        server.shutdown()
        subscription.delete()
    cuts = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [0] * 19
    print(
        json.dumps(
            {
                "publishes": args.publishes,
                "delivered": len(latencies),
                "not_delivered_within_10_s": lost,
                "median_ms": round(statistics.median(latencies), 1)
                if latencies
                else None,
                "p95_ms": round(cuts[18], 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
