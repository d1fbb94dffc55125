"""The names of ours (workflow, task, groups) read in the admin language
wherever Wagtail shows them, stay stored in English, and every patch still
finds what it patches."""

from __future__ import annotations

import html
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import ModelLogEntry, PageLogEntry, Task, Workflow
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from content.editorial.patches import ShownName, patches
from tests.content.editorial.conftest import soup, submit

WORKFLOW_DE = "Medizinische Prüfung"


def test_the_patches_are_applied():
    assert patches.applied
    assert patches.patches


@pytest.mark.parametrize("patch", patches.patches, ids=lambda patch: patch.name)
def test_every_patched_target_exists_as_the_patch_expects(patch):
    problems = patches.problems(patch)
    assert not problems, "\n".join(problems)


def prefers(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def visible_text(content: str) -> str:
    return " ".join(soup(content).get_text(" ").split())


def visible(response) -> str:
    assert response.status_code == 200, response.status_code
    return visible_text(response.content.decode())


def submit_button(client, page) -> str:
    page_html = soup(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    return page_html.find("button", attrs={"name": "action-submit"}).get_text(
        " ", strip=True
    )


def test_a_german_editor_submits_to_the_medical_review_in_german(
    client, editor, draft_cause
):
    client.force_login(prefers(editor, "de"))
    assert submit_button(client, draft_cause) == f"In {WORKFLOW_DE} einreichen"


def test_an_english_editor_still_submits_to_medical_review(client, editor, draft_cause):
    client.force_login(prefers(editor, "en"))
    assert submit_button(client, draft_cause) == "Submit to Medical review"


def test_german_users_see_the_task_in_german_on_dashboard_panel_and_history(
    client, editor, reviewer, draft_cause, admin_edit
):
    prefers(editor, "de")
    task_state = submit(client, editor, draft_cause, admin_edit)
    # The editor's dashboard: their pages in a workflow, with the task.
    text = visible(client.get("/admin/"))
    assert "Ihre Seiten und Schnipsel in einem Workflow" in text
    assert WORKFLOW_DE in text
    assert "Medical review" not in text

    client.force_login(prefers(reviewer, "de"))
    dashboard = soup(client.get("/admin/").content.decode())
    assert "Ihre Überprüfung steht aus" in dashboard.get_text()
    tooltips = [
        span["data-w-tooltip-content-value"]
        for span in dashboard.select("td.tasks [data-w-tooltip-content-value]")
    ]
    assert tooltips and all(tip.startswith(f"{WORKFLOW_DE}: ") for tip in tooltips)

    # The editor's status side panel: the workflow's dialog and its task.
    edit = client.get(f"/admin/pages/{draft_cause.pk}/edit/").content.decode()
    dialog = soup(edit).find(id="workflow-status-dialog")
    assert WORKFLOW_DE in dialog.get_text()
    assert "Medical review" not in html.unescape(edit)

    # The page history (log messages) and the workflow history.
    history = visible(client.get(f"/admin/pages/{draft_cause.pk}/history/"))
    assert f"„{WORKFLOW_DE}“ gestartet. Nächster Schritt „{WORKFLOW_DE}“" in history
    workflows = visible(client.get(f"/admin/pages/{draft_cause.pk}/workflow_history/"))
    assert WORKFLOW_DE in workflows and "Medical review" not in workflows
    detail = client.get(
        f"/admin/pages/{draft_cause.pk}/workflow_history/detail/"
        f"{task_state.workflow_state.pk}/"
    )
    assert WORKFLOW_DE in visible(detail)

    # What Wagtail logged keeps the names as they are.
    started = PageLogEntry.objects.get(
        page=draft_cause, action="wagtail.workflow.start"
    )
    assert started.data["workflow"]["title"] == "Medical review"
    assert type(started.data["workflow"]["title"]) is str


def test_a_renamed_workflow_is_shown_as_named(client, editor, draft_cause):
    Workflow.objects.filter(name="Medical review").update(name="Clinical sign-off")
    client.force_login(prefers(editor, "de"))
    assert submit_button(client, draft_cause) == "In Clinical sign-off einreichen"
    workflow = Workflow.objects.get(name="Clinical sign-off")
    assert type(workflow.name) is str


@pytest.fixture
def german_superuser(db, client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "greta-admin", "greta@example.org", "correct-horse-battery"
    )
    client.force_login(prefers(user, "de"))
    return user


def test_editing_the_workflow_in_german_keeps_its_stored_name(client, german_superuser):
    workflow = Workflow.objects.get(name="Medical review")
    url = f"/admin/workflows/edit/{workflow.pk}/"
    page = client.get(url).content.decode()
    assert f"Bearbeite Workflow: {WORKFLOW_DE}" in visible_text(page)
    assert soup(page).find("input", attrs={"name": "name"})["value"] == (
        "Medical review"
    )

    response = client.post(url, querydict_from_html(page, form_id="w-editor-form"))
    assert response.status_code == 302
    messages = visible(client.get(response["Location"]))
    assert f"Workflow ‚{WORKFLOW_DE}‘ aktualisiert." in messages
    workflow.refresh_from_db()
    assert str.__str__(workflow.name) == "Medical review"
    assert Workflow.objects.filter(name="Medical review").exists()
    edited = ModelLogEntry.objects.filter(action="wagtail.edit").latest("pk")
    assert edited.label == "Medical review"


def test_the_workflow_listing_and_groups_are_german(client, german_superuser):
    call_command("setup_translators", stdout=io.StringIO())
    workflows = visible(client.get("/admin/workflows/list/"))
    assert WORKFLOW_DE in workflows and "Medical review" not in workflows
    groups = visible(client.get("/admin/groups/"))
    assert "Medizinische Prüfer" in groups and "Übersetzer" in groups
    assert "Medical reviewers" not in groups and "Translators" not in groups
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Medical reviewers",
        "Translators",
    }


@pytest.mark.django_db
def test_a_name_of_ours_equals_its_stored_name_in_every_language():
    from django.utils import translation

    task = Task.objects.get(name="Medical review")
    assert isinstance(task.name, ShownName)
    with translation.override("fr"):
        assert task.name == "Medical review"
        assert str(task.name) == "Relecture médicale"
        assert f"{task}" == "Relecture médicale"
        # As Wagtail's messages format it.
        assert "%s" % task == "Relecture médicale"  # noqa: UP031
    assert str(task.name) == "Medical review"
