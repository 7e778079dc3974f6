"""sanphalang backup FILE: the whole database and every stored file, in one archive."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _

from sanphalang.ops.backups import backup_write


class Command(BaseCommand):
    help = (
        "Write a backup of the whole database and every stored file (a zip) that `sanphalang restore` reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            files = backup_write(file)
        except OSError as error:
            raise CommandError(
                _("Cannot write %(path)s: %(reason)s") % {"path": file, "reason": error.strerror}
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Backup written to %(path)s (%(files)s stored files)") % {"path": file, "files": files}
            )
        )
