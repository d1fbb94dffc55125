"""Prints the benchmark tables of docs/benchmark.md from a results file.

python -m bench.report [bench/results/latest.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.run import RESULTS


def markdown(report: dict) -> str:
    sql = report["sql_queries"]
    locale = "en"
    per_article = {
        "a": sql["graphql_uncached"][locale]["queries"],
        "b": sql["graphql_cached"][locale]["queries"],
        "c": sql["rest"][locale]["queries"],
        "d": sql["floor"]["queries"],
    }
    if "hand" in sql:
        per_article.update(
            e=sql["hand"][locale]["queries"],
            f=sql["frontend_uncached"][locale]["queries"],
            g=sql["frontend_cached"][locale]["queries"],
        )
    lines = [
        "| scenario | c | articles/s | req/s | p50 ms | p95 ms | p99 ms "
        "| SQL/article | errors | server CPU ms/article | other CPU (cores) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for c, row in report["results"].items():
        for key, cell in row.items():
            lat = cell["latency_ms"]
            other = cell.get("cpu", {}).get("cpu_cores", {}).get("other", "")
            lines.append(
                f"| {key}) {report['scenarios'][key]} | {c} "
                f"| {cell['articles_per_s']} | {cell['requests_per_s']} "
                f"| {lat['p50']} | {lat['p95']} | {lat['p99']} "
                f"| {per_article.get(key, '-')} | {cell['errors']} "
                f"| {cell.get('server_cpu_ms_per_article', '')} | {other} |"
            )
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for key, verdict in report["targets"].items():
        if key == "disturbed":
            continue
        measured = json.dumps(verdict["measured"]).replace("|", "/")
        lines.append(
            f"| {verdict['target']} | `{measured}` "
            f"| {'yes' if verdict['met'] else '**no**'} |"
        )
    lines += frontend_table(report)
    lines += ["", "| abusive query | HTTP | median ms | max ms | SQL | error |"]
    lines.append("|---|--:|--:|--:|--:|---|")
    for name, result in report["abusive"].items():
        lines.append(
            f"| {name} | {', '.join(map(str, result['statuses']))} "
            f"| {result['latency_ms']['median']} | {result['latency_ms']['max']} "
            f"| {sql['abusive'][name]['queries']} | {result['errors'][0]} |"
        )
    lines += frontend_page_table(report)
    return "\n".join(lines)


def frontend_table(report: dict) -> list[str]:
    """(f) the frontend article and (e) the hand-written view, by size."""
    by_size = report.get("frontend", {}).get("by_size")
    if not by_size:
        return []
    sql = report["sql_queries"]
    queries = {
        key: {str(v["causes"]): v["queries"] for v in sql[kind].values()}
        for key, kind in (("f", "frontend_uncached"), ("e", "hand"))
    }
    lines = [
        "",
        "| causes | f) articles/s | e) articles/s | f / e | f) server CPU ms "
        "| e) server CPU ms | f) SQL | e) SQL |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for causes, row in by_size.items():
        f, e = row["f"], row["e"]
        lines.append(
            f"| {causes} | {f['articles_per_s']} | {e['articles_per_s']} "
            f"| {round(f['articles_per_s'] / e['articles_per_s'], 2)} "
            f"| {f.get('server_cpu_ms_per_article', '')} "
            f"| {e.get('server_cpu_ms_per_article', '')} "
            f"| {queries['f'][causes]} | {queries['e'][causes]} |"
        )
    return lines


def frontend_page_table(report: dict) -> list[str]:
    """The reference frontend's server-rendered cause page (bench.ssr)."""
    page = report.get("frontend_page")
    if not page:
        return []
    if "skipped" in page or "failed" in page:
        state = "skipped" if "skipped" in page else "failed"
        reason = page[state]
        return ["", f"Frontend's server-rendered cause page: {state} ({reason})."]
    lines = [
        "",
        "| frontend cause page (next start) | requests | median ms | p95 ms | max ms "
        "| HTML bytes | errors |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    labels = {
        "cold": f"cold: first request for each of {page['pages']} pages",
        "warm": "warm: from Next.js's cache",
    }
    for kind, label in labels.items():
        cell = page[kind]
        lines.append(
            f"| {label} | {cell['requests']} | {cell['median_ms']} | {cell['p95_ms']} "
            f"| {cell['max_ms']} | {cell['html_bytes']} | {cell['errors']} |"
        )
    return lines


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS
    print(markdown(json.loads(path.read_text())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
