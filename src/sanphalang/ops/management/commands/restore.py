"""sanphalang restore FILE: replace the whole database with a backup."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError

from sanphalang.ops.backups import BackupError, backup_read, backup_restore


class Command(BaseCommand):
    help = (
        "Replace ALL data with a backup written by `sanphalang backup`. Works on an empty or an existing "
        "database; if loading fails, the data is left as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation",
        )

    def handle(self, *args, file, interactive, **options):
        try:
            backup_read(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if interactive:
            answer = input(
                "This replaces every record in the database with the backup. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            count = backup_restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored {count} records from {file}"))
