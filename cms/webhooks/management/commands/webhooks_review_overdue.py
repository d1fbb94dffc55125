from django.core.management.base import BaseCommand

from cms.webhooks.review import send_overdue_events


class Command(BaseCommand):
    help = (
        "Send review.overdue for every live page whose medical review fell "
        "overdue and was not announced yet (the worker does this daily)."
    )

    def handle(self, *args, **options):
        sent = send_overdue_events()
        self.stdout.write(f"{sent} review.overdue event(s) queued.")
