"""Patches of Wagtail and Django: the names this project gives as data are
shown in the admin language.

The "Medical review" workflow and task and the "Medical reviewers" and
"Translators" groups are rows our migrations and ``setup_translators``
create, named in English. Wagtail shows those names in some forty places
(action menu, status side panel, dashboard panels, workflow history, task
and group choosers, messages, the log), each reading ``.name`` or
``str(obj)``. So rather than each place, the ``name`` attribute of the three
models is patched: a name of ours reads as a ``ShownName``, a ``str`` equal
to the stored name (queries, comparisons, JSON and the database see the
English name) that renders, through ``str()``, as its translation in the
active language. A name someone has given (a renamed workflow) is read as it
is. Forms take the stored name (``value_from_object``), so editing the
workflow in German never stores a translation. The workflow log entries keep
the names as they were in their data; their messages show ours translated.

Applied once, from ``ContentConfig.ready()``. Each patch names the release it
was written against (requirements.txt) and the targets it relies on
(``content.patches``); tests/content/editorial/test_patches.py checks them.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import gettext
from wagtail.log_actions import registry as log_actions
from wagtail.models import Task, Workflow
from wagtail.models.audit_log import BaseLogEntryManager

from content.editorial.review import MEDICAL_REVIEWERS, WORKFLOW_NAME
from content.patches import Patches, Target
from content.translation.permissions import TRANSLATORS

WAGTAIL = "wagtail 7.4.4, Django 5.2.19"

patches = Patches()

#: The names of ours, per model, that are shown translated (marked with
#: ``gettext_noop`` where they are defined).
SHOWN_NAMES = {
    Workflow: frozenset({WORKFLOW_NAME}),
    Task: frozenset({WORKFLOW_NAME}),
    Group: frozenset({MEDICAL_REVIEWERS, TRANSLATORS}),
}
#: Wagtail's workflow log actions, whose data name the workflow and tasks.
WORKFLOW_LOG_ACTIONS = (
    "wagtail.workflow.start",
    "wagtail.workflow.approve",
    "wagtail.workflow.reject",
    "wagtail.workflow.resume",
    "wagtail.workflow.cancel",
)


class ShownName(str):
    """A stored name of ours: equal to it, shown as its translation."""

    def __str__(self) -> str:
        return gettext(str.__str__(self))


def stored(value: Any) -> Any:
    """The name as stored, a plain ``str``."""
    return str.__str__(value) if isinstance(value, ShownName) else value


class ShownNameAttribute(DeferredAttribute):
    """``Model.name``: a name of ours as a ``ShownName``, any other as stored.

    A data descriptor (Django's is not: the instance's ``__dict__`` answers
    first), so that every read passes here."""

    def __init__(self, field: Any, names: frozenset[str]) -> None:
        super().__init__(field)
        self.names = names

    def __get__(self, instance: Any, cls: Any = None) -> Any:
        value = super().__get__(instance, cls)
        if instance is None or isinstance(value, ShownName):
            return value
        return ShownName(value) if value in self.names else value

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.field.attname] = value


def shown_str(self: Any) -> str:
    return str(self.name)


def stored_value_from_object(obj: Any, *, field: Any) -> Any:
    return stored(getattr(obj, field.attname))


class ShownLogEntry:
    """A log entry whose data show the names of ours translated."""

    def __init__(self, entry: Any) -> None:
        self._entry = entry
        self.data = with_shown_names(entry.data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._entry, name)


def with_shown_names(data: Any) -> Any:
    names = SHOWN_NAMES[Workflow] | SHOWN_NAMES[Task]
    if isinstance(data, dict):
        return {
            key: ShownName(value)
            if key == "title" and isinstance(value, str) and value in names
            else with_shown_names(value)
            for key, value in data.items()
        }
    return data


class ShownNamesFormatter:
    """One of Wagtail's workflow log formatters, given ``ShownLogEntry``."""

    def __init__(self, formatter: Any) -> None:
        self._formatter = formatter

    def format_message(self, log_entry: Any) -> Any:
        return self._formatter.format_message(ShownLogEntry(log_entry))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._formatter, name)


def workflow_formatters() -> dict[str, Any]:
    log_actions.scan_for_actions()
    return log_actions.formatters


@patches.patch(
    "names-of-ours-in-the-admin-language",
    WAGTAIL,
    [
        Target("wagtail.models:Workflow.name"),
        Target("wagtail.models:Task.name"),
        Target("django.contrib.auth.models:Group.name"),
        Target(
            "django.db.models.query_utils:DeferredAttribute.__get__",
            parameters=("self", "instance", "cls"),
        ),
        Target("django.db.models:Field.value_from_object", parameters=("self", "obj")),
        Target("wagtail.models:Workflow.__str__", parameters=("self",)),
        Target("wagtail.models:Task.__str__", parameters=("self",)),
        Target("django.contrib.auth.models:Group.__str__", parameters=("self",)),
    ],
)
def show_names_in_the_admin_language() -> None:
    """``Workflow.name``, ``Task.name`` and ``Group.name`` read the names of
    ours as ``ShownName``; their form fields take the stored name. ``str()``
    of the three models is the shown name as a plain ``str``, as ``"%s" %
    workflow`` (Wagtail's messages) would otherwise keep the stored one."""
    for model, names in SHOWN_NAMES.items():
        field = model._meta.get_field("name")
        assert isinstance(model.__dict__["name"], DeferredAttribute)
        model.name = ShownNameAttribute(field, names)
        model.__str__ = shown_str

        def value_from_object(obj: Any, field: Any = field) -> Any:
            return stored_value_from_object(obj, field=field)

        field.value_from_object = value_from_object


@patches.patch(
    "names-of-ours-in-the-log",
    WAGTAIL,
    [
        Target(
            "wagtail.log_actions:LogActionRegistry.get_formatter",
            parameters=("self", "log_entry"),
        ),
        Target(
            "wagtail.models.audit_log:BaseLogEntryManager.get_instance_title",
            parameters=("self", "instance"),
        ),
        Target(
            "wagtail.log_actions:registry.formatters (workflow actions)",
            keys=WORKFLOW_LOG_ACTIONS,
            find=workflow_formatters,
            lazy=True,
        ),
    ],
)
def show_names_in_workflow_log_messages() -> None:
    """The messages of Wagtail's workflow log entries (page history, the
    workflow history's timeline) show the names of ours translated; the
    entries' data keep them as they were, and so does the label of an entry
    logging a change of the workflow, task or group itself."""
    get_instance_title = BaseLogEntryManager.get_instance_title

    def stored_instance_title(self: Any, instance: Any) -> str:
        if isinstance(instance, tuple(SHOWN_NAMES)) and instance.name:
            return stored(instance.name)
        return get_instance_title(self, instance)

    BaseLogEntryManager.get_instance_title = stored_instance_title
    get_formatter = type(log_actions).get_formatter

    def shown_get_formatter(self: Any, log_entry: Any) -> Any:
        formatter = get_formatter(self, log_entry)
        if formatter is not None and log_entry.action in WORKFLOW_LOG_ACTIONS:
            return ShownNamesFormatter(formatter)
        return formatter

    type(log_actions).get_formatter = shown_get_formatter


def apply() -> None:
    patches.apply()
