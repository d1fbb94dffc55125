"""Only medical reviewers publish pages directly.

The "Medical review" workflow covers the whole page tree (it is assigned to
the root), and with it every article page. ``0004`` took the publish
permission away from Editors; this takes it away from every other group but
"Medical reviewers", Wagtail's default "Moderators" first, on every page, so
editors and moderators reach readers only through a medical reviewer's
approval. Their other permissions (add, edit, lock, ...) stay.

Reversing gives Moderators back Wagtail's default publish permission on the
root page. A publish permission another group had is not restored: grant it
again under Settings -> Groups.
"""

from django.db import migrations

REVIEWERS = "Medical reviewers"
MODERATORS = "Moderators"


def publish_permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    page_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="page"
    )
    return Permission.objects.filter(
        content_type=page_type, codename="publish_page"
    ).first()


def remove_direct_publishing(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    permission = publish_permission(apps)
    if permission is None:
        return
    GroupPagePermission.objects.filter(permission=permission).exclude(
        group__name=REVIEWERS
    ).delete()


def restore_moderators_publishing(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    permission = publish_permission(apps)
    moderators = Group.objects.filter(name=MODERATORS).first()
    root = Page.objects.filter(depth=1).order_by("path").first()
    if permission is None or moderators is None or root is None:
        return
    GroupPagePermission.objects.get_or_create(
        group=moderators, page=root, permission=permission
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0005_medical_review_task"),
    ]

    operations = [
        migrations.RunPython(remove_direct_publishing, restore_moderators_publishing),
    ]
