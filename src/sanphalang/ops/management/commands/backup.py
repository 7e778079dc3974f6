"""sanphalang backup FILE: the whole database as portable gzip JSON."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError

from sanphalang.ops.backups import backup_write


class Command(BaseCommand):
    help = "Write a portable backup of the whole database (gzip JSON) that `sanphalang restore` reads."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            backup_write(file)
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror}") from None
        self.stdout.write(self.style.SUCCESS(f"Backup written to {file}"))
