"""The demo article, built once per test session and shared by every test.

Loading the demo article takes seconds, machine-translating it as long again,
and most tests only read it or change it inside their own transaction. So it
is built once, inside a transaction that stays open for the tests that ask for
it: one atomic block for the article, a nested one (a savepoint) for its
German machine translation. pytest-django runs each test in atomic blocks of
its own, which are savepoints inside these and are rolled back after the
test, so every test gets the content back untouched. Nothing is ever
committed: a test that does not ask for the article runs with these blocks
rolled back, on the database the migrations made.

Tests are ordered by the content they need (none, the article, the article
and its translation; pytest-django's order otherwise, with transactional
tests last), so each level is built once per session. A transactional test
(``transactional_db``, ``live_server``, ``django_db(transaction=True)``)
commits and flushes, so it never runs inside these blocks: the fixtures build
the content for it in its own database, as before.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from pytest_django.fixtures import validate_django_db

NONE, ARTICLE, TRANSLATED = 0, 1, 2

#: The fixture that asks for each level of content.
FIXTURE_LEVELS = {"demo_article": ARTICLE, "machine_translated_article": TRANSLATED}


def load_article() -> None:
    call_command("load_demo_content", stdout=io.StringIO())


def load_translation() -> None:
    call_command("load_demo_content", translations="de", stdout=io.StringIO())


#: What builds each level on top of the one below it.
BUILDERS: dict[int, Callable[[], None]] = {
    ARTICLE: load_article,
    TRANSLATED: load_translation,
}


def is_transactional(item: pytest.Item) -> bool:
    names = getattr(item, "fixturenames", ())
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(names):
        return True
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return False
    transactional, reset_sequences, *_ = validate_django_db(marker)
    return bool(transactional or reset_sequences)


def wanted_level(names: Iterable[str]) -> int:
    return max((FIXTURE_LEVELS.get(name, NONE) for name in names), default=NONE)


def shared_level(item: pytest.Item) -> int:
    """The shared content ``item`` runs in (none for a transactional test)."""
    if is_transactional(item):
        return NONE
    return wanted_level(getattr(item, "fixturenames", ()))


def order_key(item: pytest.Item) -> tuple[int, int]:
    return (1 if is_transactional(item) else 0, shared_level(item))


class SharedContent:
    """The open atomic blocks that hold the shared content, innermost last."""

    def __init__(self) -> None:
        self._atomics: list[transaction.Atomic] = []
        self._blocker = None

    @property
    def level(self) -> int:
        return len(self._atomics)

    def raise_to(
        self, level: int, blocker, after_build: Callable[[], None] = lambda: None
    ) -> bool:
        """Build the content up to ``level``, unless a test's block is open.

        False when a block other than these is already open (a test's own
        transaction entered before this ran): the caller builds the content
        inside that test instead.
        """
        self._blocker = blocker
        if self.level >= level:
            return True
        with blocker.unblock():
            if connection.atomic_blocks != self._atomics:
                return False
            while self.level < level:
                atomic = transaction.atomic()
                atomic.__enter__()
                # Like Django's TestCase blocks: durable blocks may nest in it.
                atomic._from_testcase = True
                self._atomics.append(atomic)
                try:
                    BUILDERS[self.level]()
                except BaseException:
                    self.lower_to(self.level - 1)
                    raise
            after_build()
        return True

    def lower_to(self, level: int) -> None:
        """Roll back the blocks above ``level``."""
        if self.level <= level:
            return
        with self._blocker.unblock():
            while self.level > level:
                atomic = self._atomics.pop()
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    def check_intact(self) -> None:
        """Fail loudly if a test closed or left the shared blocks."""
        if not self._atomics:
            return
        with self._blocker.unblock():
            intact = (
                connection.atomic_blocks == self._atomics
                and not connection.needs_rollback
                and not connection.closed_in_transaction
            )
        if not intact:
            self._atomics.clear()
            pytest.fail(
                "The test left the shared demo content's transaction broken "
                "(closed the connection or left an atomic block open)",
                pytrace=False,
            )


SHARED = SharedContent()
