"""``make bench``: GraphQL (uncached, cached) vs Wagtail's REST API vs the floor.

    python -m bench.run [--seconds 10,10,30] [--concurrency 1,4,16]

1. recreates the PostgreSQL database ``nidation_bench`` and empties the Redis
   database 13, migrates with production settings and seeds the articles
   (``bench.seed``: 40 causes in English, 5 in German, 80 in French);
2. starts gunicorn (2 sync workers, ``cms/gunicorn_conf.py``) on a free port
   of 127.0.0.1 with ``settings.bench`` (production plus the floor endpoint)
   and the REST API switched on;
3. counts SQL queries per scenario (``bench.sqlcount``, no timing);
4. runs the load generator (this process, ``bench.loadgen``) at each
   concurrency, the scenarios measured in turn (``measure_in_turn``): (a) the
   contract's article query uncached, (b) cached, (c) the REST calls for the
   same article, (d) the same JSON from memory (the floor), and the
   frontend's article (``bench.frontend_bench``: (e) the hand-written view,
   (f) uncached, (g) cached; (h) and (i) by trusted-document id); then (f)
   and (e) on each article size;
5. sends the abusive queries and times their rejection;
6. times the reference frontend's server-rendered cause page, cold and warm
   (``bench.ssr``: ``next start`` against the same gunicorn; skipped, saying
   why, without Node.js);
7. prints a table and writes ``bench/results/latest.json``.

Needs PostgreSQL (user postgres, trust auth) at 127.0.0.1:5432 and Redis at
127.0.0.1:6379; ``BENCH_POSTGRES_URL``, ``BENCH_DATABASE`` and
``BENCH_REDIS_URL`` point elsewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import frontend_bench, loadgen, nextjs, ssr
from bench.queries import (
    ABUSIVE_QUERIES,
    abusive_body,
    article_body,
    persisted_article_body,
    persisted_article_path,
    rest_plan,
)
from bench.seed import SIZES, hub_slug

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / ".work"
RESULTS = ROOT / "bench" / "results" / "latest.json"
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

LOCALE = "en"  # the article under load: 40 causes
WORKERS = 2
WARMUP_SECONDS = 2
ABUSIVE_REPEATS = 20

TARGETS = {
    "sql": "SQL queries per full-article request identical at 5 and 80 causes, "
    "and at most 12",
    "uncached_vs_rest": "uncached GraphQL at least 1.5x the REST API's "
    "whole-article rate",
    "cached_vs_floor": "cached GraphQL at least 0.8x the floor",
    "errors": "0 errors at concurrency 16 (30 s)",
    "abusive": "each abusive query rejected in under 10 ms with 0 SQL",
}


def log(message: str) -> None:
    print(message, flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, redis_url: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="settings.bench",
        SECRET_KEY=secrets.token_hex(32),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        # No TLS on the loopback interface.
        SECURE_SSL_REDIRECT="false",
        # The per-IP limit on uncached queries: every simulated client of the
        # load generator comes from 127.0.0.1 (see docs/benchmark.md).
        GRAPHQL_RATE_LIMIT="0/60",
        ENABLE_REST_API="true",
        WEB_CONCURRENCY=str(WORKERS),
        BIND=f"127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
    )
    env.pop("DEBUG", None)
    return env


def reset_database(admin_url: str, name: str) -> str:
    import psycopg

    if "bench" not in name or not name.replace("_", "").isalnum():
        raise SystemExit(f"Refusing to recreate database {name!r}: not a bench one.")
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return admin_url.rsplit("/", 1)[0] + "/" + name


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def start_server(env: dict, port: int, extra_args: list[str]) -> subprocess.Popen:
    WORK.mkdir(parents=True, exist_ok=True)
    server_log = (WORK / "gunicorn.log").open("wb")
    process = subprocess.Popen(  # noqa: S603
        [GUNICORN, "cms.wsgi:application", "-c", "cms/gunicorn_conf.py", *extra_args],
        cwd=ROOT,
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    client = loadgen.Client("127.0.0.1", port)
    probe = loadgen.Call("GET", "/api/v2/pages/?limit=1")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited; see {WORK / 'gunicorn.log'}")
        try:
            if client.send(probe).status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.25)
    process.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class CpuMeter:
    """CPU time spent during a measurement, by whom (from /proc, Linux only).

    gunicorn counts the master, its live workers and the workers it reaped
    (their time lands in the master's children's time); "services" are
    PostgreSQL and Redis; "other" is every other process on the machine, such
    as a test suite running at the same time, which skews the figures.
    """

    TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def __init__(self, master_pid: int):
        self.master = master_pid
        self.available = Path("/proc/self/stat").exists()

    def snapshot(self) -> dict[int, tuple[str, int, int, int]]:
        processes = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            comm = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()
            own = int(fields[11]) + int(fields[12])
            children = int(fields[13]) + int(fields[14])
            processes[int(entry.name)] = (comm, int(fields[1]), own, children)
        return processes

    def start(self) -> None:
        if self.available:
            self.before = self.snapshot()
            self.began = time.perf_counter()

    def stop(self) -> dict:
        if not self.available:
            return {}
        after = self.snapshot()
        elapsed = time.perf_counter() - self.began
        spent = {"gunicorn": 0, "load_generator": 0, "services": 0, "other": 0}
        for pid in self.before.keys() | after.keys():
            start = self.before.get(pid)
            end = after.get(pid)
            info = end or start
            kind = "gunicorn" if pid == self.master else self.kind(pid, info)
            if pid == self.master:
                delta = (end[2] + end[3]) - (start[2] + start[3])
            elif end is None:
                # Gone: a reaped worker's time is in the master's children's
                # time; any other process's last seconds are not known.
                delta = -start[2] if kind == "gunicorn" else 0
            else:
                delta = end[2] - (start[2] if start else 0)
            spent[kind] += delta
        seconds = {k: v / self.TICK for k, v in spent.items()}
        return {
            "cpu_seconds": {k: round(v, 2) for k, v in seconds.items()},
            "cpu_cores": {k: round(v / elapsed, 2) for k, v in seconds.items()},
        }

    def kind(self, pid: int, info: tuple) -> str:
        comm, ppid = info[0], info[1]
        if ppid == self.master:
            return "gunicorn"
        if pid == os.getpid():
            return "load_generator"
        if comm.startswith(("postgres", "redis-server")):
            return "services"
        return "other"


def wait_until_quiet(meter: CpuMeter, timeout: float) -> float:
    """Wait (at most ``timeout`` s) until other processes use under 0.2 core.

    Returns the seconds waited. Other work on the machine (a test suite, a
    build) takes CPU from gunicorn and skews the figures; each cell records
    how much CPU other processes took while it ran.
    """
    waited = 0.0
    while meter.available and waited < timeout:
        meter.start()
        time.sleep(1)
        if meter.stop()["cpu_cores"]["other"] < 0.2:
            break
        waited += 1
    return waited


def measure_in_turn(
    meter: CpuMeter,
    client: loadgen.Client,
    scenarios: dict[str, loadgen.Scenario],
    concurrency: int,
    seconds: float,
    rounds: int,
    quiet_timeout: float,
    warmup: float = WARMUP_SECONDS,
) -> dict[str, dict]:
    """Measure ``scenarios`` in turn: each is warmed up once (``warmup``
    seconds, not counted), then every round runs a slice of
    ``seconds / rounds`` of each, in order, and each scenario's figures add
    up over its slices.

    A machine shared with other work speeds up and slows down over minutes;
    measured in turn, every scenario sees the same spells, so the ratios
    between them (the cached answers to the floor, the frontend's article to
    the hand-written view) are not skewed by when each happened to run.
    Each round starts once the machine is quiet (``wait_until_quiet``).
    """
    tallies = {key: loadgen.Tally(s, concurrency) for key, s in scenarios.items()}
    kinds = ("gunicorn", "load_generator", "services", "other")
    spent = {key: dict.fromkeys(kinds, 0.0) for key in scenarios}
    waited = 0.0
    for scenario in scenarios.values():
        loadgen.run(client, scenario, concurrency, warmup)
    for _ in range(rounds):
        waited += wait_until_quiet(meter, quiet_timeout)
        for key, tally in tallies.items():
            meter.start()
            tally.add(client, seconds / rounds)
            cpu = meter.stop()
            for kind, value in cpu.get("cpu_seconds", {}).items():
                spent[key][kind] += value
    cells = {}
    for key, tally in tallies.items():
        cell = tally.summary()
        cell["rounds"] = rounds
        if meter.available:
            cell["cpu"] = {
                "cpu_seconds": {k: round(v, 2) for k, v in spent[key].items()},
                "cpu_cores": {
                    k: round(v / max(tally.elapsed, 1e-9), 2)
                    for k, v in spent[key].items()
                },
            }
            cell["server_cpu_ms_per_article"] = round(
                1000 * spent[key]["gunicorn"] / max(cell["articles"], 1), 2
            )
        cell["waited_for_quiet_s"] = waited
        cells[key] = cell
    return cells


def worker_boots() -> int:
    text = (WORK / "gunicorn.log").read_text(errors="replace")
    return text.count("Booting worker")


def build_scenarios(client: loadgen.Client) -> tuple[dict, dict]:
    """The four scenarios, with reference responses to check every answer."""
    uncached = loadgen.Call(
        "POST",
        "/graphql/",
        body=lambda nonce: article_body(LOCALE, nonce),
        expect_header=b"X-Cache: MISS",
    )
    reference = client.send(uncached)
    data = json.loads(reference.body)
    causes = sum(len(c["causes"]) for c in data["data"]["causeIndex"]["categories"])
    if reference.status != 200 or "errors" in data or causes != SIZES[LOCALE]:
        raise SystemExit(f"Unexpected article response: {reference.body[:500]!r}")
    uncached.expect_length = len(reference.body)
    # The floor serves exactly these bytes.
    (WORK / "floor.json").write_bytes(reference.body)

    cached_body = article_body(LOCALE)
    client.send(loadgen.Call("POST", "/graphql/", body=cached_body))
    cached = loadgen.Call(
        "POST",
        "/graphql/",
        body=cached_body,
        expect_length=len(reference.body),
        expect_header=b"X-Cache: HIT",
    )
    floor = loadgen.Call(
        "POST", "/bench/floor/", body=cached_body, expect_length=len(reference.body)
    )

    def get_json(path: str) -> dict:
        response = client.send(loadgen.Call("GET", path))
        if response.status != 200:
            raise SystemExit(f"GET {path}: HTTP {response.status}")
        return json.loads(response.body)

    paths, rest_causes = rest_plan(get_json, LOCALE, hub_slug(LOCALE))
    if rest_causes != SIZES[LOCALE]:
        raise SystemExit(f"REST served {rest_causes} causes, not {SIZES[LOCALE]}")
    rest_calls = []
    for path in paths:
        call = loadgen.Call("GET", path)
        call.expect_length = len(client.send(call).body)
        rest_calls.append(call)

    scenarios = {
        "a": loadgen.Scenario("a", "GraphQL, uncached", [uncached]),
        "b": loadgen.Scenario("b", "GraphQL, cached", [cached]),
        "c": loadgen.Scenario("c", "REST API v2, whole article", rest_calls),
        "d": loadgen.Scenario("d", "floor: same JSON from memory", [floor]),
    }
    info = {
        "article_causes": causes,
        "graphql_response_bytes": len(reference.body),
        "rest_calls": paths,
        "rest_response_bytes": sum(c.expect_length for c in rest_calls),
    }
    return scenarios, info


#: The order the scenarios run in, in each round at each concurrency.
ORDER = ("a", "c", "h", "e", "f", "b", "d", "g", "i")

#: The reference frontend's trusted documents, imported before the run.
MANIFEST = (
    ROOT / "frontend" / "src" / "graphql" / "generated" / "persisted-documents.json"
)
#: The frontend's article operation: the hub with its categories and causes.
FRONTEND_ARTICLE = "query HubPage("


def persisted_scenarios(client: loadgen.Client) -> dict:
    """The frontend's article operation by its trusted-document id: (h)
    uncached (a POST, a new variable each time), (i) cached (the CDN form,
    a GET by id)."""
    manifest = json.loads(MANIFEST.read_text())
    (document_id,) = [k for k, text in manifest.items() if FRONTEND_ARTICLE in text]
    uncached = loadgen.Call(
        "POST",
        "/graphql/",
        body=lambda nonce: persisted_article_body(document_id, LOCALE, nonce),
        expect_header=b"X-Cache: MISS",
    )
    reference = client.send(uncached)
    data = json.loads(reference.body)
    if reference.status != 200 or "errors" in data or not data["data"]["causeIndex"]:
        raise SystemExit(f"Unexpected persisted response: {reference.body[:500]!r}")
    uncached.expect_length = len(reference.body)
    cached = loadgen.Call(
        "GET",
        persisted_article_path(document_id, LOCALE),
        expect_length=len(reference.body),
        expect_header=b"X-Cache: HIT",
    )
    client.send(cached)
    return {
        "h": loadgen.Scenario("h", "frontend op by id, uncached", [uncached]),
        "i": loadgen.Scenario("i", "frontend op by id, cached", [cached]),
    }


def abusive(client: loadgen.Client) -> dict:
    results = {}
    for name, query in ABUSIVE_QUERIES.items():
        call = loadgen.Call("POST", "/graphql/", body=abusive_body(query))
        client.send(call)  # not timed, like the warm-up of the scenarios
        timings, statuses, messages = [], set(), []
        all_rejected = True
        for _ in range(ABUSIVE_REPEATS):
            began = time.perf_counter()
            response = client.send(call)
            timings.append((time.perf_counter() - began) * 1000)
            statuses.add(response.status)
            payload = json.loads(response.body)
            all_rejected &= "errors" in payload and not payload.get("data")
            messages = [e["message"] for e in payload.get("errors", [])]
        results[name] = {
            "statuses": sorted(statuses),
            "rejected": all_rejected and statuses == {400},
            "errors": messages,
            "latency_ms": {
                "median": round(statistics.median(timings), 2),
                "max": round(max(timings), 2),
            },
        }
    return results


def evaluate(cells: dict, sql: dict, abuse: dict) -> dict:
    uncached_sql = sql["graphql_uncached"]
    counts = {locale: v["queries"] for locale, v in uncached_sql.items()}
    small, large = (min(SIZES, key=SIZES.get), max(SIZES, key=SIZES.get))
    ratios = {"uncached_vs_rest": {}, "cached_vs_floor": {}}
    for c, row in cells.items():
        ratios["uncached_vs_rest"][c] = round(
            row["a"]["articles_per_s"] / row["c"]["articles_per_s"], 2
        )
        ratios["cached_vs_floor"][c] = round(
            row["b"]["requests_per_s"] / row["d"]["requests_per_s"], 2
        )
    top = max(cells)
    verdict = {
        "sql": {
            "measured": {f"{SIZES[k]} causes": v for k, v in counts.items()},
            "met": counts[small] == counts[large] and max(counts.values()) <= 12,
        },
        "uncached_vs_rest": {
            "measured": ratios["uncached_vs_rest"],
            "met": all(r >= 1.5 for r in ratios["uncached_vs_rest"].values()),
        },
        "cached_vs_floor": {
            "measured": ratios["cached_vs_floor"],
            "met": all(r >= 0.8 for r in ratios["cached_vs_floor"].values()),
        },
        "errors": {
            "measured": {s: cells[top][s]["errors"] for s in cells[top]},
            "met": all(cell["errors"] == 0 for cell in cells[top].values()),
        },
        "abusive": {
            "measured": {
                name: {
                    "max_ms": r["latency_ms"]["max"],
                    "sql": sql["abusive"][name]["queries"],
                    "rejected": r["rejected"],
                }
                for name, r in abuse.items()
            },
            "met": all(
                r["rejected"]
                and r["latency_ms"]["max"] < 10
                and sql["abusive"][name]["queries"] == 0
                for name, r in abuse.items()
            ),
        },
    }
    for key, text in TARGETS.items():
        verdict[key]["target"] = text
    # Measurements during which other processes took CPU from the benchmark.
    verdict["disturbed"] = {
        f"c={c} {key}": cell["cpu"]["cpu_cores"]["other"]
        for c, row in cells.items()
        for key, cell in row.items()
        if cell.get("cpu", {}).get("cpu_cores", {}).get("other", 0) >= 0.2
    }
    return verdict


def print_report(report: dict) -> None:
    sql = report["sql_queries"]
    per_article = {
        "a": sql["graphql_uncached"][LOCALE]["queries"],
        "b": sql["graphql_cached"][LOCALE]["queries"],
        "c": sql["rest"][LOCALE]["queries"],
        "d": sql["floor"]["queries"],
        "e": sql["hand"][LOCALE]["queries"],
        "f": sql["frontend_uncached"][LOCALE]["queries"],
        "g": sql["frontend_cached"][LOCALE]["queries"],
    }
    header = (
        f"{'scenario':<30} {'c':>3} {'req/s':>8} {'art/s':>8} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p99 ms':>8} {'SQL/art':>8} {'errors':>7}"
    )
    log("")
    log(header)
    log("-" * len(header))
    for c, row in report["results"].items():
        for key, cell in row.items():
            lat = cell["latency_ms"]
            label = report["scenarios"][key]
            log(
                f"{key}) {label:<27} {c:>3} {cell['requests_per_s']:>8} "
                f"{cell['articles_per_s']:>8} {lat['p50']:>8} {lat['p95']:>8} "
                f"{lat['p99']:>8} {per_article.get(key, '-'):>8} {cell['errors']:>7}"
            )
        log("")
    log("SQL queries per whole article:")
    for kind in (
        "graphql_uncached",
        "graphql_cached",
        "rest",
        "frontend_uncached",
        "frontend_cached",
        "hand",
    ):
        counts = ", ".join(
            f"{v['causes']} causes: {v['queries']}" for v in sql[kind].values()
        )
        log(f"  {kind:<17} {counts}")
    log("")
    log("(f) frontend article vs (e) hand-written view, by article size:")
    for causes, row in report["frontend"]["by_size"].items():
        log(
            f"  {causes:>2} causes: f {row['f']['articles_per_s']}/s "
            f"({row['f'].get('server_cpu_ms_per_article')} ms CPU), "
            f"e {row['e']['articles_per_s']}/s "
            f"({row['e'].get('server_cpu_ms_per_article')} ms CPU)"
        )
    log("")
    log("Abusive queries (rejected before any resolver):")
    for name, r in report["abusive"].items():
        log(
            f"  {name:<42} HTTP {r['statuses']}, median "
            f"{r['latency_ms']['median']} ms, max {r['latency_ms']['max']} ms, "
            f"SQL {sql['abusive'][name]['queries']}: {r['errors'][0]}"
        )
    if "frontend_page" in report:
        log("")
        log_frontend_page(report["frontend_page"])
    if "webhooks" in report:
        hooks = report["webhooks"]
        log("")
        log(
            f"Webhooks, publish to signed delivery ({hooks['delivered']} of "
            f"{hooks['publishes']} publishes, worker polling every 1 s): median "
            f"{hooks['median_ms']} ms, p95 {hooks['p95_ms']} ms"
        )
    log("")
    log("Targets:")
    for key, verdict in report["targets"].items():
        if key == "disturbed":
            continue
        state = "met    " if verdict["met"] else "MISSED "
        log(f"  {state} {verdict['target']}: {json.dumps(verdict['measured'])}")
    if report["targets"]["disturbed"]:
        log(
            "Other processes used CPU (cores) during: "
            + json.dumps(report["targets"]["disturbed"])
        )


def log_frontend_page(result: dict) -> None:
    if "skipped" in result or "failed" in result:
        reason = result.get("skipped") or result["failed"]
        state = "skipped" if "skipped" in result else "FAILED"
        log(f"Frontend's server-rendered cause page: {state} ({reason})")
        return
    log(f"Frontend's server-rendered cause page ({result['pages']} pages, next start):")
    for kind in ("cold", "warm"):
        cell = result[kind]
        log(
            f"  {kind}: {cell['requests']} requests, median {cell['median_ms']} ms, "
            f"p95 {cell['p95_ms']} ms, max {cell['max_ms']} ms, "
            f"{cell['html_bytes']} bytes of HTML, {cell['errors']} errors"
        )


def frontend_page(
    build: nextjs.Build | None, skipped: str | None, client, port: int, site_port: int
) -> dict:
    """The frontend part (``bench.ssr``), or why it did not run."""
    if build is None:
        return {"skipped": skipped}
    try:
        return ssr.measure(
            build, client, f"http://127.0.0.1:{port}", site_port, LOCALE, WORK
        )
    except Exception as error:  # noqa: BLE001
        # Reported, not raised: the rest of the run's figures are kept.
        return {"failed": f"{type(error).__name__}: {error}"[-3000:]}


def versions() -> dict:
    from importlib.metadata import version

    names = ["django", "wagtail", "wagtail-grapple", "graphene-django", "gunicorn"]
    return {name: version(name) for name in names}


def git_revision() -> str:
    def git(*args: str) -> str:
        return subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    revision = git("rev-parse", "--short", "HEAD")
    return revision + ("+uncommitted" if git("status", "--porcelain") else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--seconds",
        default="10,10,30",
        help="measured seconds per scenario at each concurrency (default 10,10,30)",
    )
    parser.add_argument("--concurrency", default="1,4,16")
    parser.add_argument("--output", default=None, help=f"default {RESULTS}")
    parser.add_argument(
        "--gunicorn-arg",
        action="append",
        default=[],
        help="extra gunicorn option over cms/gunicorn_conf.py, e.g. "
        "--gunicorn-arg=--max-requests=0 (repeatable)",
    )
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="run gunicorn and the load generator at this niceness, e.g. -10 "
        "on a machine shared with other work (negative values need root)",
    )
    parser.add_argument(
        "--quiet-timeout",
        type=float,
        default=20,
        help="before each measurement, wait up to this many seconds for other "
        "processes to leave the CPU (default 20; 0 to not wait)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="measure the scenarios in turn, in this many rounds of a slice "
        "of each (default 5; 1 runs each scenario in one go)",
    )
    parser.add_argument(
        "--size-seconds",
        type=float,
        default=10,
        help="measured seconds of (f) and (e) on each article size (default 10)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=0,
        help="gunicorn's port on 127.0.0.1 (default: a free one)",
    )
    parser.add_argument(
        "--frontend-port",
        type=int,
        default=0,
        help="next start's port on 127.0.0.1 (default: a free one)",
    )
    parser.add_argument(
        "--webhooks-port",
        type=int,
        default=0,
        help="the webhook receiver's port on 127.0.0.1 (default: a free one)",
    )
    parser.add_argument(
        "--frontend-only",
        action="store_true",
        help="after seeding, time only the frontend's server-rendered cause page "
        "and write that part alone (to bench/.work/frontend.json unless --output)",
    )
    args = parser.parse_args()
    # Stop gunicorn on the way out when told to stop (finally blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    levels = [int(c) for c in args.concurrency.split(",")]
    seconds = [float(s) for s in args.seconds.split(",")]
    if len(seconds) != len(levels):
        parser.error("give one --seconds value per concurrency level")

    port = args.port or free_port()
    site_port = args.frontend_port or free_port()
    while site_port == port:
        site_port = free_port()
    started = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)

    # The frontend builds (when its sources changed) while the database is
    # seeded; it is served and timed after the load (bench.ssr).
    skipped = ssr.skip_reason()
    build = None
    if skipped is None:
        log(f"== frontend: next build into frontend/{ssr.DIST_DIR} (in the background)")
        try:
            build = ssr.start_build(f"http://127.0.0.1:{port}", site_port, WORK)
        except (OSError, subprocess.CalledProcessError) as error:
            skipped = f"could not start next build: {error}"
    else:
        log(f"== frontend: skipped ({skipped})")
    try:
        return bench(args, levels, seconds, port, site_port, started, build, skipped)
    finally:
        if build is not None and build.process is not None:
            build.process.stop()


def bench(args, levels, seconds, port, site_port, started, build, skipped) -> int:
    """Seed, serve and measure (``main`` has started the frontend's build)."""
    admin_url = os.environ.get(
        "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
    )
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    database = os.environ.get("BENCH_DATABASE", "nidation_bench")

    log(f"== database {database}: recreate, migrate, seed")
    database_url = reset_database(admin_url, database)
    flush_redis(redis_url)
    env = server_env(database_url, redis_url, port)
    manage(env, "manage.py", "migrate", "--noinput", "-v0")
    manage(env, "-m", "bench.seed")
    manage(env, "manage.py", "import_trusted_documents", str(MANIFEST), "-v0")

    log(f"== gunicorn: {WORKERS} workers on 127.0.0.1:{port}")
    if args.nice:
        os.nice(args.nice)  # gunicorn inherits it
    server = start_server(env, port, args.gunicorn_arg)
    if args.frontend_only:
        try:
            client = loadgen.Client("127.0.0.1", port)
            log("== the frontend's server-rendered cause page")
            result = frontend_page(build, skipped, client, port, site_port)
        finally:
            stop_server(server)
            flush_redis(redis_url)
        output = Path(args.output or WORK / "frontend.json")
        output.write_text(json.dumps({"frontend_page": result}, indent=2) + "\n")
        log_frontend_page(result)
        log(f"\nWritten to {output} ({round(time.monotonic() - started)} s in all).")
        return 0
    try:
        client = loadgen.Client("127.0.0.1", port)
        scenarios, info = build_scenarios(client)
        scenarios.update(persisted_scenarios(client))
        frontend_scenarios, frontend_info = frontend_bench.build(client, LOCALE)
        scenarios.update(frontend_scenarios)
        # Measured in turn (measure_in_turn), in this order in each round.
        scenarios = {key: scenarios[key] for key in ORDER}

        log("== SQL queries per scenario (test client, no timing)")
        sql = json.loads(
            subprocess.run(  # noqa: S603
                [PYTHON, "-m", "bench.sqlcount"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )

        meter = CpuMeter(server.pid)
        cells: dict = {}
        for concurrency, duration in zip(levels, seconds, strict=True):
            cells[concurrency] = measure_in_turn(
                meter,
                client,
                scenarios,
                concurrency,
                duration,
                args.rounds,
                args.quiet_timeout,
            )
            for key, cell in cells[concurrency].items():
                log(
                    f"   c={concurrency:<2} {key}) {scenarios[key].label:<28} "
                    f"{cell['articles_per_s']:>7} articles/s, "
                    f"p99 {cell['latency_ms']['p99']} ms, {cell['errors']} errors, "
                    f"CPU cores {json.dumps(cell.get('cpu', {}).get('cpu_cores'))}"
                )

        log(
            f"== (f) and (e) per article size, c={frontend_bench.SIZE_CONCURRENCY}, "
            "in turn"
        )
        by_size = frontend_bench.measure_sizes(
            client,
            lambda scenarios: measure_in_turn(
                meter,
                client,
                scenarios,
                frontend_bench.SIZE_CONCURRENCY,
                args.size_seconds,
                args.rounds,
                args.quiet_timeout,
            ),
        )

        log("== abusive queries")
        wait_until_quiet(meter, args.quiet_timeout)
        abuse = abusive(client)

        log("== the frontend's server-rendered cause page, cold and warm")
        wait_until_quiet(meter, args.quiet_timeout)
        page = frontend_page(build, skipped, client, port, site_port)
    finally:
        stop_server(server)

    log("== webhooks: publish-to-delivery latency (50 publishes, one receiver)")
    try:
        webhooks = json.loads(
            subprocess.run(  # noqa: S603
                [PYTHON, "-m", "bench.webhooks", "--publishes", "50"]
                + [f"--receiver-port={args.webhooks_port}"],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )
    finally:
        flush_redis(redis_url)

    report = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "revision": git_revision(),
        "machine": {
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "python": platform.python_version(),
            "packages": versions(),
        },
        "setup": {
            "settings": "settings.bench (settings.production + /bench/floor/)",
            "gunicorn_workers": WORKERS,
            "niceness": args.nice,
            "gunicorn_args": args.gunicorn_arg,
            "worker_boots": worker_boots(),
            "concurrency": levels,
            "measured_seconds": dict(zip(levels, seconds, strict=True)),
            "warmup_seconds": WARMUP_SECONDS,
            "rounds": args.rounds,
            "size_seconds": args.size_seconds,
            "article": info,
            "frontend_article": frontend_info,
            "causes_per_locale": SIZES,
        },
        "scenarios": {key: s.label for key, s in scenarios.items()},
        "results": cells,
        "sql_queries": sql,
        "abusive": abuse,
        "webhooks": webhooks,
        "frontend_page": page,
        "targets": {
            **evaluate(cells, sql, abuse),
            **frontend_bench.evaluate(cells, by_size, sql),
        },
        "frontend": {**frontend_info, "by_size": by_size},
        "wall_seconds": round(time.monotonic() - started),
    }
    output = Path(args.output or RESULTS)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    print_report(report)
    log(f"\nWritten to {output} ({report['wall_seconds']} s in all).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
