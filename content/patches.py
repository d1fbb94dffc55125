"""Patches of third-party code, and what each expects of its targets.

A patch replaces or edits something of a package this project does not own
(a method of a grapple type, a field of its registry, a wagtail-localize
method). Each layer lists its patches in its own ``patches.py``
(``content.api.patches``, ``content.translation.patches``,
``content.editorial.patches``), applied once
from ``ContentConfig.ready()``. Each patch names the version it was written
against and the targets it relies on; before it is applied, every target is
looked up and kept as it was, so the tests can check that each still exists
with the parameters or keys the patch expects. An upgrade that moves one
then fails a test naming the patch, rather than a reader's request.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

MISSING = object()


def lookup(path: str) -> Any:
    """The object at ``"package.module:Name.attribute"``."""
    module_name, _, attributes = path.partition(":")
    value: Any = importlib.import_module(module_name)
    for name in attributes.split(".") if attributes else ():
        value = getattr(value, name)
    return value


@dataclass(frozen=True)
class Target:
    """Something of a third-party package that a patch relies on."""

    #: ``"package.module:Name.attribute"``, or a description when ``find`` is given.
    path: str
    #: The parameter names of the upstream callable, in order.
    parameters: tuple[str, ...] | None = None
    #: Keys (or items) the upstream mapping (or collection) must contain.
    keys: tuple[Any, ...] = ()
    #: Finds the target when it is not an attribute path.
    find: Callable[[], Any] | None = field(default=None, compare=False)
    #: Looked up when checked rather than before patching (a target the
    #: patch does not change).
    lazy: bool = False

    def snapshot(self) -> Any:
        """The target as it is now: the object, or for ``keys`` the keys
        present (a mapping changed in place keeps no record otherwise)."""
        try:
            value = self.find() if self.find is not None else lookup(self.path)
        except Exception:
            # Whatever the upstream change, the target is not where it was.
            return MISSING
        if self.keys:
            return frozenset(value)
        return value

    def problems(self, value: Any) -> list[str]:
        if value is MISSING:
            return [f"{self.path} no longer exists"]
        found = []
        if self.parameters is not None:
            try:
                names = tuple(inspect.signature(value).parameters)
            except (TypeError, ValueError):
                names = None
            if names != self.parameters:
                found.append(
                    f"{self.path} takes {names}, the patch expects {self.parameters}"
                )
        missing = [key for key in self.keys if key not in value]
        if missing:
            found.append(f"{self.path} lacks {missing}")
        return found


@dataclass(frozen=True)
class Patch:
    name: str
    #: The upstream release the patch was written against (requirements.txt).
    upstream: str
    targets: tuple[Target, ...]
    install: Callable[[], None] = field(compare=False)


class Patches:
    """One layer's patches, applied once, with their targets as they were."""

    def __init__(self) -> None:
        self.patches: list[Patch] = []
        self.upstream: dict[Target, Any] = {}
        self.applied = False

    def patch(
        self, name: str, upstream: str, targets: Iterable[Target]
    ) -> Callable[[Callable[[], None]], Callable[[], None]]:
        """Register the decorated function as the patch ``name``."""

        def register(install: Callable[[], None]) -> Callable[[], None]:
            self.patches.append(Patch(name, upstream, tuple(targets), install))
            return install

        return register

    def apply(self) -> None:
        if self.applied:
            return
        self.applied = True
        for patch in self.patches:
            for target in patch.targets:
                if not target.lazy:
                    self.upstream.setdefault(target, target.snapshot())
            patch.install()

    def problems(self, patch: Patch) -> list[str]:
        """What no longer matches the patch's expectations, each line naming
        the patch and the release it was written against."""
        found = []
        for target in patch.targets:
            value = (
                target.snapshot() if target.lazy else self.upstream.get(target, MISSING)
            )
            found.extend(
                f"patch {patch.name!r} (written for {patch.upstream}): {problem}"
                for problem in target.problems(value)
            )
        return found
