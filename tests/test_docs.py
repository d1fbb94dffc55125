"""Every command printed in README.md and docs/ runs as printed on a fresh clone.

Shell commands come from fenced ``sh``/``bash``/``shell`` blocks, and from
inline code that starts with ``make`` or a Python interpreter. Each must name
things that exist: make targets and the variables they are given, manage.py
commands with the flags shown, Python modules and paths in the repository,
environment variables the project reads. Then the safe ones run: manage.py
commands through ``call_command`` against the test database, ``curl`` and
GraphQL examples through the test client against the demo article. What is
not run is listed below with the reason.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import shlex
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command, get_commands, load_command_class

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MAKEFILE = (ROOT / "Makefile").read_text()
FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```", re.M | re.S)
INLINE = re.compile(r"`([^`]+)`")  # may wrap onto the next line
ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
PROGRAM_AT_START = re.compile(
    r"^(?:[A-Z_][A-Z0-9_]*=\S+ )*(?:make|python3?|\.venv/bin/python|manage\.py) "
)
VENV_PYTHON = ".venv/bin/python"

# Make targets shown in the docs that this test does not execute (each is
# still dry-run with `make -n`, and the manage.py commands of its recipe are
# checked like the docs' own).
MAKE_NOT_RUN = {
    "install": "creates the virtualenv this test runs in",
    "run": "starts the development server",
    "serve": "starts gunicorn",
    "bench": "starts gunicorn and loads it for minutes; needs PostgreSQL and Redis",
    "audit": "needs network access to the advisory databases",
    "test": "runs the whole test suite, this file included",
    "fuzz": "runs a test module of the suite for minutes",
    "schema": "rewrites the committed snapshot; tests/test_schema.py checks it",
    "messages": "rewrites the committed catalogues; tests/test_admin_language.py "
    "checks them",
    "lint": "CI runs it as a step of its own (.ci/run); it checks code, not docs",
    "check-migrations": "CI runs it as a step of its own (.ci/run)",
    "check-deploy": "CI runs it as a step of its own (.ci/run)",
}
# manage.py commands shown in the docs that are checked but not executed.
MANAGE_NOT_RUN = {
    "changepassword": "prompts for the new password on the terminal",
    "runserver": "starts a server",
    "db_worker": (
        "the background worker runs until stopped; tests/cms/webhooks run it "
        "with --batch"
    ),
}
# Options whose run is left to the command's own tests, to keep this file fast.
OPTIONS_NOT_RUN = {
    ("load_demo_content", "--translations"): (
        "machine-translating the article takes 10 to 20 s here; "
        "tests/content/management/commands/test_load_demo_content.py runs it"
    ),
}


@dataclass
class Command:
    doc: str
    line: str
    env: dict[str, str] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)

    @property
    def program(self) -> str:
        return self.words[0]

    def __str__(self) -> str:
        return f"{self.doc}: {self.line}"


def parse(doc: str, line: str) -> list[Command]:
    """One shell line as commands (split at ``&&`` and ``;``), with the
    environment assignments that lead each."""
    commands, words = [], shlex.split(line, comments=True)
    while words:
        if "&&" in words or ";" in words:
            cut = min(words.index(s) for s in ("&&", ";") if s in words)
        else:
            cut = len(words)
        part, words = words[:cut], words[cut + 1 :]
        env = {}
        while part and ASSIGNMENT.match(part[0]):
            name, value = ASSIGNMENT.match(part.pop(0)).groups()
            env[name] = value
        if part:
            commands.append(Command(doc, line, env, part))
    return commands


def fenced_blocks(*languages: str) -> list[tuple[str, str]]:
    return [
        (doc.relative_to(ROOT).as_posix(), match.group(2))
        for doc in DOCS
        for match in FENCE.finditer(doc.read_text())
        if match.group(1) in languages
    ]


def documented_commands() -> list[Command]:
    commands = []
    for doc, body in fenced_blocks("sh", "bash", "shell"):
        for line in body.replace("\\\n", " ").splitlines():
            commands += parse(doc, line.strip())
    for doc in DOCS:
        prose = FENCE.sub("", doc.read_text())
        for span in INLINE.findall(prose):
            span = " ".join(span.split())
            if PROGRAM_AT_START.match(span):
                commands += parse(doc.relative_to(ROOT).as_posix(), span)
    return commands


COMMANDS = documented_commands()


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.M))


def project_source() -> str:
    files = [ROOT / "Makefile", *ROOT.glob("settings/*.py"), *ROOT.glob("bench/*.py")]
    files += [*ROOT.glob("cms/**/*.py"), *ROOT.glob("content/**/*.py")]
    return "\n".join(path.read_text() for path in files)


SOURCE = project_source()


def check_env(command: Command) -> None:
    for name in command.env:
        assert name in SOURCE, f"{command}: nothing reads {name}"


def check_paths(command: Command) -> None:
    for word in command.words[1:]:
        if word.startswith("-") or "://" in word or "=" in word or "/" not in word:
            continue
        assert (ROOT / word).exists(), f"{command}: {word} does not exist"


def manage_py_parser(command: Command, args: list[str]):
    assert args, f"{command}: manage.py without a command"
    name, *options = args
    commands = get_commands()
    assert name in commands, f"{command}: no manage.py command {name!r}"
    parser = load_command_class(commands[name], name).create_parser("manage.py", name)
    if "--help" not in options and "-h" not in options:
        parser.parse_args(options)  # raises CommandError on an unknown flag
    return name, options


def check_python(command: Command) -> tuple[str, list[str]] | None:
    """The manage.py command and options, once checked; None for ``-m``."""
    assert command.program == VENV_PYTHON, (
        f"{command}: a fresh clone has no Django outside the virtualenv; "
        f"use {VENV_PYTHON} or a make target"
    )
    args = command.words[1:]
    if args[:1] == ["-m"]:
        assert importlib.util.find_spec(args[1]), f"{command}: no module {args[1]}"
        return None
    assert args[:1] == ["manage.py"], f"{command}: expected manage.py or -m"
    return manage_py_parser(command, args[1:])


def check_make(command: Command) -> list[str]:
    targets, variables = [], {}
    for word in command.words[1:]:
        match = ASSIGNMENT.match(word)
        if match:
            variables[match.group(1)] = match.group(2)
        else:
            targets.append(word)
    assert targets, f"{command}: make without a target runs the first rule"
    for target in targets:
        assert target in make_targets(), f"{command}: no make target {target!r}"
    for name in variables:
        assert f"$({name})" in MAKEFILE, f"{command}: the Makefile ignores {name}"
    # A dry run expands the recipe; the manage.py lines in it must hold too.
    # The arguments are the repository's own documentation.
    recipe = subprocess.run(  # noqa: S603
        ["make", "-n", *command.words[1:]],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for line in recipe.replace("\\\n", " ").splitlines():
        for step in parse(command.doc, line):
            if step.words[:2] == [VENV_PYTHON, "manage.py"]:
                manage_py_parser(step, step.words[2:])
    return targets


def test_the_docs_print_commands():
    programs = {c.program for c in COMMANDS}
    assert {"make", VENV_PYTHON, "curl"} <= programs
    assert len(COMMANDS) > 15


@pytest.mark.parametrize("command", COMMANDS, ids=str)
def test_command_names_what_exists(command):
    check_env(command)
    if command.program == "make":
        check_make(command)
    elif command.program == "curl":
        curl_arguments(command)
    else:
        check_paths(command)
        check_python(command)


def curl_arguments(command: Command) -> tuple[str, str | None, dict[str, str]]:
    """The path, body and headers a curl line of the docs sends to the
    server `make run` starts."""
    words, headers, data, url = command.words[1:], {}, None, None
    while words:
        word = words.pop(0)
        if word in ("-H", "--header"):
            name, value = words.pop(0).split(":", 1)
            headers[name.strip().lower()] = value.strip()
        elif word in ("-d", "--data"):
            data = words.pop(0)
        elif word.startswith("http"):
            url = urlsplit(word)
        else:
            assert word in ("-s", "--silent"), f"{command}: unexpected {word}"
    assert url is not None, f"{command}: no URL"
    assert url.netloc == "127.0.0.1:8000", f"{command}: not the make run server"
    return url.path + (f"?{url.query}" if url.query else ""), data, headers


def curl_request(client, command: Command):
    """What a curl line of the docs sends, through Django's test client."""
    path, data, headers = curl_arguments(command)
    if data is None:
        return client.get(path)
    content_type = headers.get("content-type", "application/x-www-form-urlencoded")
    return client.post(path, data, content_type=content_type)


@pytest.mark.django_db
def test_safe_commands_and_examples_run(client, graphql, monkeypatch):
    ran = set()
    for command in COMMANDS:
        if command.program == "make":
            continue  # dry-run above; see MAKE_NOT_RUN
        if command.program == "curl":
            continue  # below, once the demo article is loaded
        checked = check_python(command)
        if checked is None:
            module = command.words[2]
            output = subprocess.run(  # noqa: S603 (the docs' own command)
                [str(ROOT / VENV_PYTHON), *command.words[1:]],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            if module == "bench.report":  # the figures printed are the ones shown
                shown = (ROOT / "docs" / "benchmark.md").read_text().splitlines()
                assert set(output.splitlines()) - {""} <= set(shown)
            ran.add(("-m", module))
            continue
        name, options = checked
        if name in MANAGE_NOT_RUN or "--help" in options:
            continue
        if any((name, option) in OPTIONS_NOT_RUN for option in options):
            continue
        if (name, *options) in ran:
            continue
        for variable, value in command.env.items():
            monkeypatch.setenv(variable, value)
        call_command(name, *options, stdout=io.StringIO())
        ran.add((name, *options))
    assert {("load_demo_content",), ("setup_translators",)} <= ran

    for command in COMMANDS:
        if command.program == "curl":
            response = curl_request(client, command)
            assert response.status_code == 200, f"{command}: {response.content!r}"
            body = json.loads(response.content)
            assert not body.get("errors") and body["data"], f"{command}: {body}"

    for doc, query in fenced_blocks("graphql"):
        result = graphql(query)
        assert result.status_code == 200 and not result.errors, (doc, result.errors)
        assert all(value for value in result.data.values()), (doc, result.data)


def test_make_targets_not_run_are_still_documented_commands():
    """The list of targets this test does not run holds only real targets."""
    assert set(MAKE_NOT_RUN) <= make_targets()
    shown = {w for c in COMMANDS if c.program == "make" for w in c.words[1:2]}
    assert shown <= set(MAKE_NOT_RUN), shown - set(MAKE_NOT_RUN)


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of a Markdown file."""
    text = FENCE.sub("", path.read_text())
    return {
        re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        for heading in re.findall(r"^#+ (.+)$", text, re.M)
    }


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_links_between_the_docs_lead_somewhere(doc):
    for target in re.findall(r"\]\(([^)\s]+)\)", FENCE.sub("", doc.read_text())):
        if "://" in target:
            continue
        path, _, anchor = target.partition("#")
        linked = (doc.parent / path).resolve() if path else doc
        assert linked.exists(), f"{doc.name}: {target} does not exist"
        if anchor:
            assert anchor in anchors(linked), f"{doc.name}: no heading for {target}"
