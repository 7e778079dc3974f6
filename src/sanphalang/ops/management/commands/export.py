"""sanphalang export ENTITY: organisations, people, areas or villages as CSV or XLSX, scoped to --user."""

from pathlib import Path

from django.core.management import BaseCommand, CommandError

from sanphalang.imports.exports import EXPORT_ENTITIES, export_table
from sanphalang.imports.tabular import TABLE_FORMATS, write_table
from sanphalang.ops.users import command_user


class Command(BaseCommand):
    help = (
        "Export organisations, people, areas or villages with the headings the importer reads. With --user, "
        "only what that user's areas hold; reads of people are written to the access log."
    )

    def add_arguments(self, parser):
        parser.add_argument("entity", choices=EXPORT_ENTITIES)
        parser.add_argument(
            "--format", choices=TABLE_FORMATS, help="csv or xlsx (default: from --output, else csv)"
        )
        parser.add_argument("--output", type=Path, help="File to write (default: standard output, CSV only)")
        parser.add_argument("--user", help="Export only what this user's areas hold")

    def handle(self, *args, entity, format, output, user, **options):
        output = Path(output) if output else None  # call_command passes options untyped
        fmt = format or (output.suffix.lstrip(".").lower() if output else "csv")
        if fmt not in TABLE_FORMATS:
            raise CommandError(f"Unknown format {fmt!r}: use csv or xlsx.")
        if fmt == "xlsx" and output is None:
            raise CommandError("An Excel export needs a file: give --output FILE.xlsx")
        by = command_user(user) if user else None
        headings, rows = export_table(entity, user=by, channel="cli")
        data = write_table(headings, rows, fmt=fmt, sheet_title=entity)
        if output is None:
            self.stdout.write(data.decode("utf-8-sig"), ending="")
            return
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}") from None
        self.stderr.write(f"Wrote {output}")
