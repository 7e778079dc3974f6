"""sanphalang restore FILE: replace the whole database and every stored file with a backup."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sanphalang.ops.backups import BackupError, backup_read, backup_restore


class Command(BaseCommand):
    help = (
        "Replace ALL data and stored files with a backup written by `sanphalang backup`. The backup is checked "
        "first; if it is damaged or loading fails, the data is left as it was."
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
            backup = backup_read(file)
        except BackupError as error:
            raise CommandError(error.message) from None
        if interactive:
            answer = input(
                "This replaces every record in the database with the backup. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            count = backup_restore(backup)
        except BackupError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Restored %(records)s records and %(files)s stored files from %(path)s")
                % {"records": count, "files": len(backup.files), "path": file}
            )
        )
