"""The "Medical review" task becomes a MedicalReviewTask.

Its approve dialog (dashboard and page editor) gains the medical reviewer's
override of an overdue review date. The existing task keeps its id, name,
groups and task states: only its type changes (a row in the new table and the
task's content type). Reversing turns it back into a plain group approval task.
"""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW = "Medical review"


def task_content_type(apps, model):
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label = "content" if model == "medicalreviewtask" else "wagtailcore"
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    return content_type


def to_medical_review_task(apps, schema_editor):
    Task = apps.get_model("wagtailcore.Task")
    MedicalReviewTask = apps.get_model("content.MedicalReviewTask")
    group_approval = task_content_type(apps, "groupapprovaltask")
    tasks = Task.objects.filter(
        content_type=group_approval, workflow_tasks__workflow__name=WORKFLOW
    ).distinct()
    for task in tasks:
        # Only the new table's row is added (raw: the parents' rows exist).
        MedicalReviewTask(groupapprovaltask_ptr_id=task.pk).save_base(
            raw=True, force_insert=True
        )
        task.content_type = task_content_type(apps, "medicalreviewtask")
        task.save(update_fields=["content_type"])


def to_group_approval_task(apps, schema_editor):
    Task = apps.get_model("wagtailcore.Task")
    Task.objects.filter(
        content_type=task_content_type(apps, "medicalreviewtask")
    ).update(content_type=task_content_type(apps, "groupapprovaltask"))


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_medical_review_workflow"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="MedicalReviewTask",
            fields=[
                (
                    "groupapprovaltask_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.groupapprovaltask",
                    ),
                ),
            ],
            options={
                "verbose_name": "Medical review task",
                "verbose_name_plural": "Medical review tasks",
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(to_medical_review_task, to_group_approval_task),
    ]
