"""A small closed-loop HTTP load generator (standard library only).

Each of ``concurrency`` threads runs a scenario again and again for a fixed
time: one *iteration* is everything a frontend sends for one whole article
(one GraphQL POST, or the REST API's GET calls in sequence). Latency is
measured per iteration, from the first connect to the last byte.

Requests are prepared as raw bytes and responses are read until the server
closes the connection (gunicorn's sync workers close after every response),
so the client spends as little CPU as possible on a machine it shares with
the server. Every response is checked: status, exact body length, and for
GraphQL whether the response cache was hit or missed as the scenario expects.
"""

from __future__ import annotations

import itertools
import math
import socket
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

TIMEOUT_SECONDS = 30


@dataclass
class Call:
    """One HTTP request of a scenario and what its response must look like."""

    method: str
    path: str
    body: bytes | Callable[[int], bytes] = b""
    expect_length: int | None = None
    expect_header: bytes | None = None


@dataclass
class Scenario:
    name: str
    label: str
    calls: list[Call]


@dataclass
class Response:
    status: int
    head: bytes
    body: bytes


class Client:
    def __init__(self, host: str, port: int):
        self.address = (host, port)
        self.host_header = f"{host}:{port}".encode()
        self.nonces = itertools.count(time.time_ns())

    def request_bytes(self, call: Call) -> bytes:
        body = call.body(next(self.nonces)) if callable(call.body) else call.body
        lines = [
            f"{call.method} {call.path} HTTP/1.1".encode(),
            b"Host: " + self.host_header,
            b"Accept: application/json",
            b"Connection: close",
        ]
        if call.method == "POST":
            lines += [
                b"Content-Type: application/json",
                f"Content-Length: {len(body)}".encode(),
            ]
        return b"\r\n".join(lines) + b"\r\n\r\n" + body

    def send(self, call: Call) -> Response:
        request = self.request_bytes(call)
        with socket.create_connection(self.address, timeout=TIMEOUT_SECONDS) as sock:
            sock.sendall(request)
            chunks = []
            while data := sock.recv(262144):
                chunks.append(data)
        raw = b"".join(chunks)
        head, _, body = raw.partition(b"\r\n\r\n")
        if b"\r\ntransfer-encoding: chunked" in head.lower():
            body = dechunk(body)
        status = int(head[9:12]) if head.startswith(b"HTTP/") else 0
        return Response(status, head, body)

    def check(self, call: Call, response: Response) -> str | None:
        """Why a response does not count as a success, or None."""
        if response.status != 200:
            return f"HTTP {response.status}"
        if call.expect_length is not None and len(response.body) != call.expect_length:
            return f"body of {len(response.body)} bytes, not {call.expect_length}"
        if call.expect_header is not None and call.expect_header not in response.head:
            return f"no '{call.expect_header.decode()}' header"
        return None


def dechunk(body: bytes) -> bytes:
    out = []
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out.append(rest[:size])
        body = rest[size + 2 :]
    return b"".join(out)


@dataclass
class Worker:
    latencies: list[float] = field(default_factory=list)
    calls: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def run(client: Client, scenario: Scenario, concurrency: int, seconds: float) -> dict:
    """Run ``scenario`` in ``concurrency`` closed loops for ``seconds``."""
    return Tally(scenario, concurrency).add(client, seconds).summary()


class Tally:
    """One scenario's measurement at one concurrency, taken in one or more
    slices (``add``): its latencies, calls and errors add up over them, so
    several scenarios can be measured in turn, a slice of each per round,
    and still each get one figure (``bench.run.measure_in_turn``)."""

    def __init__(self, scenario: Scenario, concurrency: int):
        self.scenario = scenario
        self.concurrency = concurrency
        self.workers = [Worker() for _ in range(concurrency)]
        self.elapsed = 0.0
        self.cpu = 0.0
        #: Articles per second of each slice, in the order they ran.
        self.slice_rates: list[float] = []

    def add(self, client: Client, seconds: float) -> Tally:
        """Run the scenario's closed loops for ``seconds`` more."""
        scenario = self.scenario
        start_gate = threading.Barrier(self.concurrency + 1)
        deadline = 0.0
        done_before = sum(len(worker.latencies) for worker in self.workers)

        def loop(worker: Worker) -> None:
            start_gate.wait()
            while time.perf_counter() < deadline:
                began = time.perf_counter()
                ok = True
                for call in scenario.calls:
                    worker.calls += 1
                    try:
                        problem = client.check(call, client.send(call))
                    except OSError as error:
                        problem = f"{type(error).__name__}: {error}"
                    if problem is not None:
                        ok = False
                        worker.errors += 1
                        if len(worker.error_samples) < 3:
                            worker.error_samples.append(f"{call.path}: {problem}")
                        break
                if ok:
                    worker.latencies.append(time.perf_counter() - began)

        threads = [
            threading.Thread(target=loop, args=(worker,), daemon=True)
            for worker in self.workers
        ]
        for thread in threads:
            thread.start()
        cpu_before = time.process_time()
        deadline = time.perf_counter() + seconds
        began = time.perf_counter()
        start_gate.wait()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        self.elapsed += elapsed
        self.cpu += time.process_time() - cpu_before
        done = sum(len(worker.latencies) for worker in self.workers) - done_before
        self.slice_rates.append(round(done / elapsed, 1))
        return self

    def summary(self) -> dict:
        workers, elapsed = self.workers, max(self.elapsed, 1e-9)
        latencies = sorted(lat for worker in workers for lat in worker.latencies)
        calls = sum(worker.calls for worker in workers)
        errors = sum(worker.errors for worker in workers)
        return {
            "scenario": self.scenario.name,
            "concurrency": self.concurrency,
            "seconds": round(self.elapsed, 2),
            "calls_per_article": len(self.scenario.calls),
            "articles": len(latencies),
            "requests": calls,
            "errors": errors,
            "error_samples": [s for w in workers for s in w.error_samples][:5],
            "requests_per_s": round(calls / elapsed, 1),
            "articles_per_s": round(len(latencies) / elapsed, 1),
            "latency_ms": {
                "p50": round(percentile(latencies, 0.50) * 1000, 2),
                "p95": round(percentile(latencies, 0.95) * 1000, 2),
                "p99": round(percentile(latencies, 0.99) * 1000, 2),
                "max": round(latencies[-1] * 1000, 2) if latencies else None,
                "mean": (
                    round(statistics.fmean(latencies) * 1000, 2) if latencies else None
                ),
            },
            "loadgen_cpu_share": round(self.cpu / elapsed, 2),
            "articles_per_s_by_round": self.slice_rates,
        }
