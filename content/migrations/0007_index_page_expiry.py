"""An index for the API's check of the next page expiry (content.scheduling).

Every uncached GraphQL request asks for the earliest ``expire_at`` of a live
page; Wagtail indexes ``Revision.approved_go_live_at`` but not
``Page.expire_at``. Partial: most pages never expire.
"""

from django.db import migrations

INDEX = "content_page_expire_at_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0006_publish_only_through_medical_review"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (expire_at) "
            "WHERE expire_at IS NOT NULL",
            f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
