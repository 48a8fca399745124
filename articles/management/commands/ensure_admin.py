import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create an admin account with a random password if there is none, and say how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--site", default="http://127.0.0.1:8000", help="where the server will answer")

    def handle(self, *args, username, site, **options):
        User = get_user_model()
        admin_url = site.rstrip("/") + "/admin/"
        if User.objects.filter(is_superuser=True).exists():
            names = ", ".join(User.objects.filter(is_superuser=True).values_list("username", flat=True)[:3])
            self.stdout.write(
                f"Admin: log in at {admin_url} as {names} "
                f"(forgot the password? .venv/bin/python manage.py changepassword {names.split(', ')[0]})"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            f"Admin: log in at {admin_url} as {username} with password {password} "
            f"(shown once; change it with: .venv/bin/python manage.py changepassword {username})"
        )
