"""The "Medical reviewers" group and the "Medical review" workflow.

Editors may add and edit pages but not publish them; article pages are
published by a medical reviewer approving the "Medical review" workflow,
which is assigned to the root of the page tree and so covers the article.
"""

from django.db import migrations
from django.utils.translation import gettext_noop

# Stored in English, shown in the admin language (content.editorial.patches).
GROUP = gettext_noop("Medical reviewers")
WORKFLOW = gettext_noop("Medical review")


def create_medical_review(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return

    reviewers, _ = Group.objects.get_or_create(name=GROUP)
    admin_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailadmin", model="admin"
    )
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    reviewers.permissions.add(access_admin)
    page_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.filter(
            content_type=page_type, codename=codename
        ).first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(
                group=reviewers, page=root, permission=permission
            )

    # Editors write and submit; only the medical review publishes.
    GroupPagePermission.objects.filter(
        group__name="Editors", permission__codename="publish_page"
    ).delete()

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(reviewers)
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_review_metadata_and_references"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(create_medical_review, migrations.RunPython.noop),
    ]
