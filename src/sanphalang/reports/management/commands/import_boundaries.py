"""sanphalang import_boundaries FILE: the web page's check and import jobs, run here, with a progress bar."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sanphalang.areas.models import AreaLevel
from sanphalang.errors import AccessDenied
from sanphalang.jobs.models import JobStatus
from sanphalang.ops.users import command_user
from sanphalang.reports.services.boundaries import (
    boundary_check_start,
    boundary_import_start,
    boundary_upload_create,
)


class Command(BaseCommand):
    help = (
        "Import area boundaries from a GeoJSON file or a zipped Shapefile (.zip with .shp, .shx, .dbf and "
        "optionally .prj) in WGS 84, keyed by the official area codes. Nothing is written if an outline is bad, "
        "unless --skip-bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--code-field",
            default="",
            help="The property holding the area codes (default: found by its name)",
        )
        parser.add_argument("--skip-bad", action="store_true", help="Import the good outlines, skip the bad")
        parser.add_argument("--user", help="Import as this administrator (default: the first administrator)")

    def handle(self, *args, file, code_field, skip_bad, user, **options):
        by = command_user(user)
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("The file could not be opened: %(reason)s") % {"reason": error.strerror}
            ) from None
        console = Console(file=sys.stderr)
        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        task = bar.add_task(_("Checking the outlines"), total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            with bar:
                upload = boundary_upload_create(
                    by=by, filename=file.name, data=data, code_field=code_field, check=False
                )
                checked = boundary_check_start(by=by, upload=upload, run_now=True, progress=advance)
                if checked.status == JobStatus.DONE:
                    bar.update(task, description=_("Importing"))
                    job = boundary_import_start(
                        by=by, upload=upload, skip_bad=skip_bad, run_now=True, progress=advance
                    )
                else:
                    job = checked
        except (ValidationError, AccessDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        for problem in job.row_errors:
            self.stdout.write(
                _("outline %(number)s, code %(code)s: %(message)s")
                % {"number": problem["line"], "code": problem["column"] or "-", "message": problem["message"]}
            )
        if job.status == JobStatus.FAILED:
            raise CommandError(job.failure, returncode=1)
        labels = dict(AreaLevel.choices)
        levels = ", ".join(
            f"{labels.get(level, level)} {count}" for level, count in job.result["levels"].items()
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("Imported %(written)s outlines (%(levels)s); %(bad)s skipped.")
                % {
                    "written": job.result["written"],
                    "levels": levels or "-",
                    "bad": len(job.result["problems"]),
                }
            )
        )
