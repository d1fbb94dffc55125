import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the admin superuser if it does not exist. The password comes from "
        "ADMIN_PASSWORD, or is generated and printed once. When the user exists, "
        "ADMIN_PASSWORD (if set) becomes its password; nothing else changes."
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
        password = os.environ.get("ADMIN_PASSWORD") or ""
        user = User.objects.filter(username=username).first()
        if user is not None:
            if password and not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Admin user '{username}': password set from ADMIN_PASSWORD."
                    )
                )
            else:
                self.stdout.write(f"Admin user '{username}' already exists: unchanged.")
        else:
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
        self.stdout.write(
            f"To set or reset the password: ADMIN_PASSWORD=... make run, or "
            f".venv/bin/python manage.py changepassword {username}"
        )
