"""The import graph of the project's own packages.

Dependencies run one way: ``cms`` (wiring) → ``content.api`` (the GraphQL
projection) → the domain (``content.models``, ``content.blocks``,
``content.editorial``, ``content.translation``, ...). The graph is read from
the source with ``ast``, so an import inside a function counts the same as
one at the top of a module: hiding an import in a function does not make a
cycle go away, it only delays the failure to the first request that runs it.
"""

from __future__ import annotations

import ast
import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "content")

#: Modules of ``content`` that may import ``content.api``, because they wire
#: it in or are entry points like ``cms``: the app's ``AppConfig`` (registers
#: the API's loader as the domain's reader and applies the schema changes),
#: its ``wagtail_hooks`` (registers the root queries and the request scope)
#: and the management commands (``load_demo_content`` resolves its
#: ``--locale`` the way the API does). Everything else in ``content`` outside
#: ``content.api`` is domain.
API_CLIENTS = (
    "content.apps",
    "content.wagtail_hooks",
    "content.management",
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def source_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found[module_name(path)] = path
    return found


def imports_of(module: str, path: Path, known: set[str]) -> dict[str, int]:
    """The project modules ``module`` imports, each with the line of its first
    import (module-level and function-level imports alike)."""
    is_package = path.name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    targets: dict[str, int] = {}

    def add(name: str, line: int) -> None:
        # "from a.b import c" names module a.b.c if there is one, else a.b.
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name and name != module:
            targets.setdefault(name, line)

    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                add(f"{base}.{alias.name}" if base else alias.name, node.lineno)
            add(base, node.lineno)
    return targets


def import_graph() -> dict[str, dict[str, int]]:
    modules = source_modules()
    known = set(modules)
    return {name: imports_of(name, path, known) for name, path in modules.items()}


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan's
    algorithm), each shown as one cycle through its first module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [one_cycle(graph, set(group)) for group in groups]


def one_cycle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    """A path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target == start:
                return [*paths[node], start]
            if target in group and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    raise AssertionError(f"no cycle through {sorted(group)}")


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    steps = [f"{a} (line {graph[a][b]})" for a, b in itertools.pairwise(cycle)]
    return " → ".join([*steps, cycle[-1]])


def test_the_graph_is_read():
    """The walker sees the imports it must see (a walker that finds nothing
    would pass every test below)."""
    graph = import_graph()
    assert "content.api.loading" in graph["content.api.queries.article"]
    assert "content.blocks" in graph["content.models.pages"]
    assert "content.models" in graph["content.demo.loader"]


def test_no_import_cycles():
    graph = import_graph()
    found = [describe(graph, cycle) for cycle in cycles(graph)]
    assert not found, "import cycles:\n" + "\n".join(found)


def test_domain_modules_do_not_import_the_api():
    graph = import_graph()
    wrong = [
        f"{module} imports {target} (line {line})"
        for module, targets in sorted(graph.items())
        if is_within(module, "content")
        and not is_within(module, "content.api")
        and not any(is_within(module, client) for client in API_CLIENTS)
        for target, line in targets.items()
        if is_within(target, "content.api")
    ]
    assert not wrong, "domain modules importing content.api:\n" + "\n".join(wrong)


def test_cms_does_not_import_content():
    """``cms`` is the wiring: it serves whatever apps are installed and reaches
    them through settings, URLs and Wagtail hooks, never by import."""
    graph = import_graph()
    wrong = [
        f"{module} imports {target} (line {line})"
        for module, targets in sorted(graph.items())
        if is_within(module, "cms")
        for target, line in targets.items()
        if is_within(target, "content")
    ]
    assert not wrong, "\n".join(wrong)


def test_content_does_not_import_cms():
    """The product's domain and its API never reach into the wiring: ``cms``
    can be swapped for other wiring without touching ``content``."""
    graph = import_graph()
    wrong = [
        f"{module} imports {target} (line {line})"
        for module, targets in sorted(graph.items())
        if is_within(module, "content")
        for target, line in targets.items()
        if is_within(target, "cms")
    ]
    assert not wrong, "\n".join(wrong)


def domain_modules() -> list[str]:
    return sorted(
        module
        for module in source_modules()
        if is_within(module, "content")
        and not is_within(module, "content.api")
        and not any(is_within(module, client) for client in API_CLIENTS)
    )


@pytest.mark.parametrize("batch", range(2))
def test_each_domain_module_imports_alone(batch):
    """Each domain module imports in a fresh interpreter after
    ``django.setup()`` (as any module that touches models needs), whatever
    was imported before it. Between two imports the modules the previous one
    brought in are dropped again, so batching keeps the test fast without one
    import preparing the next."""
    modules = domain_modules()[batch::2]
    assert modules
    script = "\n".join(
        [
            "import importlib, sys, django",
            "django.setup()",
            "baseline = set(sys.modules)",
            "failed = []",
            f"for name in {modules!r}:",
            "    for loaded in [m for m in sys.modules if m not in baseline]:",
            "        del sys.modules[loaded]",
            "    try:",
            "        importlib.import_module(name)",
            "    except Exception as error:",
            "        failed.append(f'{name}: {error!r}')",
            "print('\\n'.join(failed))",
            "sys.exit(1 if failed else 0)",
        ]
    )
    result = subprocess.run(  # noqa: S603 (the interpreter running the tests)
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
