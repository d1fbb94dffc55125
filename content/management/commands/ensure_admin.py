import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the admin superuser if it does not exist. The password comes from "
        "ADMIN_PASSWORD, or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("ADMIN_USERNAME", "admin")
        )
        parser.add_argument(
            "--email", default=os.environ.get("ADMIN_EMAIL", "admin@example.org")
        )

    def handle(self, *args, **options):
        User = get_user_model()
        username = options["username"]
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user '{username}' already exists: unchanged.")
            return
        password = os.environ.get("ADMIN_PASSWORD") or ""
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username, email=options["email"], password=password
        )
        self.stdout.write(self.style.SUCCESS(f"Created admin user '{username}'."))
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Generated password (shown only this once): {password}"
                )
            )
        else:
            self.stdout.write("Its password is the value of ADMIN_PASSWORD.")
