"""Wagtail's ``publish_scheduled``, serialised with the API's own catch-up.

Every GraphQL request that is not a cache hit does the scheduled publishing
that is due (``content.editorial.scheduling.settle``). This command does the same work,
under the same lock, so a run and a request never publish the same revision
twice. ``--dryrun`` is Wagtail's listing, unchanged.
"""

from __future__ import annotations

from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.management.commands.publish_scheduled import (
    Command as WagtailPublishScheduled,
)

from content.editorial import scheduling


class Command(WagtailPublishScheduled):
    help = (
        "Unpublish pages and snippets whose expiry date has passed and publish "
        "revisions whose go-live date has come. A page whose medical review is "
        "overdue stays scheduled."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--wait",
            type=float,
            default=scheduling.LOCK_SECONDS,
            help=(
                "Seconds to wait while another process is publishing scheduled "
                "content (default: %(default)s)."
            ),
        )

    def handle(self, *args, **options) -> None:
        if options["dryrun"]:
            return super().handle(*args, **options)
        token = scheduling.acquire_lock(wait=options["wait"])
        if token is None:
            raise CommandError(
                "Another process is publishing scheduled content; nothing was "
                "changed. Run the command again later, or give --wait more time."
            )
        try:
            work = scheduling.run_due_work(timezone.now())
        finally:
            scheduling.release_lock(token)
        self.report(work)

    def report(self, work: scheduling.DueWork) -> None:
        sections = (
            ("Unpublished (expired)", work.unpublished, self.style.SUCCESS),
            ("Published (scheduled)", work.published, self.style.SUCCESS),
            (
                "Left scheduled: the medical review is overdue",
                work.refused,
                self.style.WARNING,
            ),
            ("Failed (see the log)", work.failed, self.style.ERROR),
        )
        if not any(items for _title, items, _style in sections):
            self.stdout.write("Nothing was due.")
            return
        for title, items, style in sections:
            if items:
                self.stdout.write(style(f"{title}: {len(items)}"))
                for item in items:
                    self.stdout.write(f"  {item}")
