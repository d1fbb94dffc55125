"""The frontend's article in ``make bench``: scenarios (e), (f) and (g).

- **(f)** the reference frontend's ``HubPage`` operation (``bench.frontend``),
  uncached: a new undeclared variable on every request, as for (a);
- **(g)** the same operation, cached;
- **(e)** the same JSON from a hand-written Django view
  (``bench.handwritten``), built with the ORM on every request.

Before any load, (e)'s answer is compared byte for byte with GraphQL's
uncached answer for each seeded article (5, 40 and 80 causes); any
difference stops the benchmark. (e), (f) and (g) run beside (a)-(d) at each
concurrency on the 40-cause article, and (f) and (e) again on each article
size (``measure_sizes``), which gives the ratio (f) / (e) at 5, 40 and 80
causes and the server CPU per extra cause of each.
"""

from __future__ import annotations

import json

from bench import loadgen
from bench.frontend import HUB_OPERATION, hub_body
from bench.seed import SIZES

HAND_PATH = "/bench/hand/hub/"
#: Concurrency of the per-size measurements: both gunicorn workers busy.
SIZE_CONCURRENCY = 4

TARGETS = {
    "frontend_vs_hand": "uncached frontend article (f) at least 0.4x the "
    "hand-written view's (e) throughput at 40 and 80 causes",
    "cost_per_cause": "uncached frontend article (f): at most 0.5 ms of server "
    "CPU per extra cause",
    "frontend_sql": "SQL queries of the frontend article (f) identical at 5 "
    "and 80 causes (both translations)",
    "cached_vs_floor_085": "cached GraphQL, contract (b), frontend (g) and "
    "frontend by id over GET (i), at least 0.85x the floor (d)",
}


def hand_call(locale: str) -> loadgen.Call:
    return loadgen.Call("POST", HAND_PATH, body=hub_body(locale))


def uncached_call(locale: str) -> loadgen.Call:
    return loadgen.Call(
        "POST",
        "/graphql/",
        body=lambda nonce: hub_body(locale, nonce),
        expect_header=b"X-Cache: MISS",
    )


def verify_hand(client: loadgen.Client) -> dict[str, int]:
    """(e) answers exactly GraphQL's bytes for every seeded article, or the
    benchmark stops. Returns the response size per locale."""
    sizes = {}
    for locale, causes in SIZES.items():
        graphql = client.send(uncached_call(locale))
        data = json.loads(graphql.body)
        hub = (data.get("data") or {}).get("causeIndex") or {}
        served = sum(len(c["causes"]) for c in hub.get("categories", []))
        if graphql.status != 200 or "errors" in data or served != causes:
            raise SystemExit(
                f"Unexpected {HUB_OPERATION} response ({locale}): "
                f"{graphql.body[:500]!r}"
            )
        hand = client.send(hand_call(locale))
        if hand.status != 200 or hand.body != graphql.body:
            pairs = zip(graphql.body, hand.body, strict=False)
            shorter = min(len(graphql.body), len(hand.body))
            at = next((i for i, (a, b) in enumerate(pairs) if a != b), shorter)
            raise SystemExit(
                f"The hand-written view's answer ({locale}, HTTP {hand.status}) "
                f"differs from GraphQL's at byte {at}:\n"
                f"  graphql: {graphql.body[max(at - 60, 0) : at + 60]!r}\n"
                f"  hand:    {hand.body[max(at - 60, 0) : at + 60]!r}"
            )
        sizes[locale] = len(graphql.body)
    return sizes


def build(client: loadgen.Client, locale: str) -> tuple[dict, dict]:
    """Scenarios (e), (f), (g) on ``locale``'s article, and what they send."""
    sizes = verify_hand(client)
    length = sizes[locale]
    uncached = uncached_call(locale)
    uncached.expect_length = length
    cached_body = hub_body(locale)
    client.send(loadgen.Call("POST", "/graphql/", body=cached_body))
    cached = loadgen.Call(
        "POST",
        "/graphql/",
        body=cached_body,
        expect_length=length,
        expect_header=b"X-Cache: HIT",
    )
    hand = hand_call(locale)
    hand.expect_length = length
    scenarios = {
        "e": loadgen.Scenario("e", "hand-written view, same JSON", [hand]),
        "f": loadgen.Scenario("f", "frontend article, uncached", [uncached]),
        "g": loadgen.Scenario("g", "frontend article, cached", [cached]),
    }
    info = {
        "operation": f"{HUB_OPERATION} (frontend/src/graphql/hub.graphql)",
        "response_bytes": sizes,
        "hand_equal_to_graphql": True,
    }
    return scenarios, info


def measure_sizes(client, measure) -> dict:
    """(f) and (e) on each article size, at ``SIZE_CONCURRENCY``, all six
    measured in turn by ``measure`` (``bench.run.measure_in_turn``)."""
    sizes = verify_hand(client)
    scenarios: dict = {}
    for locale, causes in sorted(SIZES.items(), key=lambda item: item[1]):
        uncached = uncached_call(locale)
        uncached.expect_length = sizes[locale]
        hand = hand_call(locale)
        hand.expect_length = sizes[locale]
        for key, call in (("f", uncached), ("e", hand)):
            label = f"{key} at {causes} causes"
            scenarios[(str(causes), key)] = loadgen.Scenario(key, label, [call])
    measured = measure(scenarios)
    cells: dict = {}
    for (causes, key), cell in measured.items():
        cells.setdefault(causes, {})[key] = cell
        print(
            f"   {causes:>2} causes {key}) {cell['articles_per_s']:>7} "
            f"articles/s, server CPU {cell.get('server_cpu_ms_per_article')} "
            f"ms/article, {cell['errors']} errors",
            flush=True,
        )
    return cells


def _slope(points: dict[int, float], low: int, high: int) -> float | None:
    if low not in points or high not in points:
        return None
    return round((points[high] - points[low]) / (high - low), 3)


def evaluate(cells: dict, by_size: dict, sql: dict) -> dict:
    ratios = {
        causes: round(row["f"]["articles_per_s"] / row["e"]["articles_per_s"], 2)
        for causes, row in by_size.items()
    }
    cpu = {
        key: {
            int(causes): row[key].get("server_cpu_ms_per_article")
            for causes, row in by_size.items()
        }
        for key in ("f", "e")
    }
    per_cause = {}
    for key, points in cpu.items():
        points = {c: v for c, v in points.items() if v is not None}
        low, high = min(points), max(points)
        per_cause[key] = {
            f"{low}-{high}": _slope(points, low, high),
            **{
                f"{a}-{b}": _slope(points, a, b)
                for a, b in zip(sorted(points), sorted(points)[1:], strict=False)
            },
        }
    counts = {
        f"{v['causes']} causes": v["queries"] for v in sql["frontend_uncached"].values()
    }
    cached = {}
    for c, row in cells.items():
        cached[c] = {
            "b": round(row["b"]["requests_per_s"] / row["d"]["requests_per_s"], 2),
            "g": round(row["g"]["requests_per_s"] / row["d"]["requests_per_s"], 2),
            "i": round(row["i"]["requests_per_s"] / row["d"]["requests_per_s"], 2),
        }
    large = [c for c in ratios if int(c) >= 40]
    verdict = {
        "frontend_vs_hand": {
            "measured": ratios,
            "met": all(ratios[c] >= 0.4 for c in large),
        },
        "cost_per_cause": {
            "measured": {
                "f ms/cause": per_cause["f"],
                "e ms/cause": per_cause["e"],
                "f ms/article": cpu["f"],
                "e ms/article": cpu["e"],
            },
            "met": all(v is not None and v <= 0.5 for v in per_cause["f"].values()),
        },
        "frontend_sql": {
            "measured": {
                "f": counts,
                "e": {
                    f"{v['causes']} causes": v["queries"] for v in sql["hand"].values()
                },
            },
            # 5 and 80 causes are both translations of the 40-cause source
            # article, which reads a little less about its translation state.
            "met": counts[f"{min(SIZES.values())} causes"]
            == counts[f"{max(SIZES.values())} causes"],
        },
        "cached_vs_floor_085": {
            "measured": cached,
            "met": all(r >= 0.85 for row in cached.values() for r in row.values()),
        },
    }
    for key, text in TARGETS.items():
        verdict[key]["target"] = text
    return verdict


def sql_counts(post, counted, client) -> dict:
    """SQL per (f) and (e) request on each article (``bench.sqlcount``)."""
    import time

    nonce = time.time_ns()
    result: dict = {"frontend_uncached": {}, "frontend_cached": {}, "hand": {}}
    for locale, size in SIZES.items():
        post(hub_body(locale, nonce := nonce + 1))
        body = hub_body(locale, nonce := nonce + 1)
        response, uncached = counted(lambda body=body: post(body))
        if response.get("X-Cache") != "MISS" or "errors" in json.loads(
            response.content
        ):
            raise RuntimeError(f"unexpected uncached {HUB_OPERATION} ({locale})")
        post(body)  # the first hit reads the database's generation
        response, cached = counted(lambda body=body: post(body))
        if response.get("X-Cache") != "HIT":
            raise RuntimeError(f"the repeated {HUB_OPERATION} missed ({locale})")
        client.post(HAND_PATH, hub_body(locale), content_type="application/json")
        response, hand = counted(
            lambda locale=locale: client.post(
                HAND_PATH, hub_body(locale), content_type="application/json"
            )
        )
        result["frontend_uncached"][locale] = {"causes": size, "queries": uncached}
        result["frontend_cached"][locale] = {"causes": size, "queries": cached}
        result["hand"][locale] = {"causes": size, "queries": hand}
    return result
