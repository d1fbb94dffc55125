"""``tests/`` mirrors the source: ``content/translation/status.py`` is tested
by ``tests/content/translation/test_status.py``.

Every module of ``content`` and ``cms`` has its mirroring test file, so a new
engineer finds a module's tests where the module is, and a new module without
tests fails here. Tests that span modules (the leak walk, the fuzzers, the
browser tests) live beside the mirrors under names of their own.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
PACKAGES = ("cms", "content")

#: Modules that need no test file of their own, and why. Keep it short: a
#: module with behaviour gets a mirror.
NO_MIRROR = {
    # AppConfigs: a label, a name and a ready() that connects what other
    # modules define; each connection is tested where it acts (the patches in
    # the test_patches.py files, cache invalidation in
    # tests/cms/cache/test_invalidation.py, translation records in
    # tests/content/translation/state/test_records.py, locales in
    # tests/content/test_locales.py, the publishing events in
    # tests/cms/webhooks/test_events.py, the review sweep in
    # tests/cms/webhooks/test_review.py). test_every_app_config_is_installed
    # below checks that each is the installed app of its package.
    "cms/apps.py": "app configuration",
    "content/apps.py": "app configuration",
    "content/editorial/apps.py": "app configuration",
    "content/translation/state/apps.py": "app configuration",
    "cms/webhooks/apps.py": "app configuration",
    # A dataclass without behaviour: the outcome of one delivery attempt, whose
    # values are asserted in tests/cms/webhooks/test_delivery.py and
    # test_purge.py.
    "cms/webhooks/outcomes.py": "data class",
    # An empty mixin of ArticleQuery, PageQueries and MediaQueries, each
    # mirrored in tests/content/api/queries/.
    "content/api/queries/__init__.py": "re-export of the root queries",
}


def source_files() -> list[Path]:
    return [
        path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
    ]


def only_reexports(path: Path) -> bool:
    """A package ``__init__`` holding nothing but a docstring, imports and
    ``__all__``: the modules it names are mirrored instead."""
    for node in ast.parse(path.read_text(), str(path)).body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Assign) and [
            getattr(target, "id", None) for target in node.targets
        ] == ["__all__"]:
            continue
        return False
    return True


def mirror_of(path: Path) -> Path:
    relative = path.relative_to(ROOT)
    return TESTS / relative.parent / f"test_{relative.name}"


def needs_mirror(path: Path) -> bool:
    relative = path.relative_to(ROOT).as_posix()
    if relative in NO_MIRROR:
        return False
    return not (path.name == "__init__.py" and only_reexports(path))


def test_the_walk_finds_the_modules_and_their_mirrors():
    """The walk sees what it must (a walk that found nothing would pass)."""
    files = {path.relative_to(ROOT).as_posix(): path for path in source_files()}
    assert len(files) > 50
    assert not any("/migrations/" in name for name in files)
    status = files["content/translation/status.py"]
    assert mirror_of(status) == TESTS / "content/translation/test_status.py"
    assert needs_mirror(status)
    assert not needs_mirror(files["content/models/__init__.py"])  # re-exports
    assert needs_mirror(files["content/api/queries/article.py"])


def test_every_source_module_has_a_mirroring_test_file():
    missing = [
        f"{path.relative_to(ROOT)} has no {mirror_of(path).relative_to(ROOT)}"
        for path in source_files()
        if needs_mirror(path) and not mirror_of(path).is_file()
    ]
    assert not missing, (
        "modules without a mirroring test file (add one, or a justified entry "
        "in NO_MIRROR):\n" + "\n".join(missing)
    )


def test_the_allowlist_names_existing_modules_without_mirrors():
    """An entry for a module that was removed, or that has a mirror by now,
    goes: the list stays the short list of real exceptions."""
    stale = [
        name
        for name in NO_MIRROR
        if not (ROOT / name).is_file() or mirror_of(ROOT / name).is_file()
    ]
    assert not stale, stale


def test_every_test_directory_is_a_package():
    """``__init__.py`` at every level, so that two test files of the same name
    in different folders (``test_patches.py``) never collide."""
    missing = [
        str(directory.relative_to(ROOT))
        for directory in [TESTS, *sorted(TESTS.rglob("*"))]
        if directory.is_dir()
        and directory.name not in {"__pycache__", "snapshots"}
        and any(directory.rglob("*.py"))
        and not (directory / "__init__.py").is_file()
    ]
    assert not missing, missing


def test_every_app_config_is_installed():
    """The app configurations without a mirror import and are the installed
    apps of their packages (a renamed or broken one fails here)."""
    configs = [name for name in NO_MIRROR if name.endswith("/apps.py")]
    installed = {config.name: config for config in apps.get_app_configs()}
    for name in configs:
        package = name.removesuffix("/apps.py").replace("/", ".")
        assert package in installed, package
        assert type(installed[package]).__module__ == f"{package}.apps"
