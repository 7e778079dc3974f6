"""sanphalang createadmin NAME: an administrator, with the password from --password, the environment or a prompt."""

import getpass
import os

from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError

from sanphalang.accounts.services import user_create

PASSWORD_VARIABLE = "SANPHALANG_ADMIN_PASSWORD"


class Command(BaseCommand):
    help = f"Create an administrator. The password comes from --password, else ${PASSWORD_VARIABLE}, else a prompt."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, password, email, **options):
        password = password or os.environ.get(PASSWORD_VARIABLE) or self._prompt()
        try:
            user_create(username=username, password=password, role="admin", is_superuser=True, email=email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(self.style.SUCCESS(f"Administrator {username} created."))

    def _prompt(self) -> str:
        try:
            password = getpass.getpass("Password: ")
            again = getpass.getpass("Password (again): ")
        except (EOFError, KeyboardInterrupt):
            raise CommandError(f"No password: give --password or set {PASSWORD_VARIABLE}.") from None
        if password != again:
            raise CommandError("The passwords do not match.")
        if not password:
            raise CommandError("The password cannot be empty.")
        return password
