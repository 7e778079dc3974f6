"""sanphalang import ENTITY FILE: the web import's job, run here, with a progress bar."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sanphalang.imports.importers import IMPORTERS
from sanphalang.imports.services import (
    import_batch_confirm_start,
    import_batch_create,
    import_batch_preview_start,
    result_from_json,
)
from sanphalang.jobs.models import JobStatus
from sanphalang.meetings.models import Meeting
from sanphalang.meetings.selectors.meetings import meeting_find
from sanphalang.ops.users import command_user

# Below this many rows the import is over before a bar would help.
PROGRESS_MIN_ROWS = 200


class Command(BaseCommand):
    help = (
        "Import organisations, people, villages, a meeting's agenda or attendance, welfare funds' yearly "
        "figures, or a plan's projects, targets, targets of areas and progress from a CSV or XLSX file. "
        "Every row goes through the same checks as the web import; nothing is written if a row is bad, unless "
        "--skip-bad-rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("entity", choices=sorted(IMPORTERS))
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--user", help="Import as this user, within their areas (default: an administrator)"
        )
        parser.add_argument("--skip-bad-rows", action="store_true", help="Import the good rows, skip the bad")
        parser.add_argument("--dry-run", action="store_true", help="Check every row, write nothing")
        parser.add_argument(
            "--meeting",
            help='For agenda and attendance: the meeting as its number and BE year ("3/2558") or its id',
        )
        parser.add_argument(
            "--body",
            default="",
            help="With --meeting 3/2558: the body whose meeting it is, when several have one",
        )
        parser.add_argument(
            "--plan", type=int, help="For a plan's projects, targets and progress: the id of the plan"
        )

    def handle(
        self, *args, entity, file, user, skip_bad_rows, dry_run, meeting=None, body="", plan=None, **options
    ):
        by = command_user(user)
        if meeting:
            try:
                meeting = meeting_find(user=by, meeting=meeting, body=body).pk
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
            except Meeting.DoesNotExist as missing:
                raise CommandError(str(missing)) from None
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(
                _("The file could not be opened: %(reason)s") % {"reason": error.strerror}
            ) from None
        try:
            batch = import_batch_create(
                by=by,
                entity=entity,
                filename=file.name,
                data=data,
                meeting_id=meeting,
                plan_id=plan,
                preview=False,
            )
            with self._progress(batch.row_count) as advance:
                start = import_batch_preview_start if dry_run else import_batch_confirm_start
                params = {} if dry_run else {"skip_bad_rows": skip_bad_rows}
                job = start(by=by, batch=batch, run_now=True, progress=advance, **params)
        except ValidationError as error:  # unreadable, no meeting or plan, or not one the user may change
            raise CommandError(" ".join(error.messages)) from None
        if job.status == JobStatus.FAILED and not job.result:
            raise CommandError(job.failure)
        result = result_from_json(job.result)
        for error in result.errors:
            self.stdout.write(
                _("line %(line)s, column %(column)s: %(message)s")
                % {"line": error.line, "column": error.column or "-", "message": error.message}
            )
        summary = {"rows": result.total, "good": result.good_rows, "bad": result.bad_rows}
        if dry_run:
            self.stdout.write(
                _("Checked %(rows)s rows: %(good)s good, %(bad)s with errors. Nothing was written.") % summary
            )
        elif result.written:
            self.stdout.write(
                self.style.SUCCESS(
                    ngettext(
                        "Imported %(created)s record; %(bad)s rows skipped.",
                        "Imported %(created)s records; %(bad)s rows skipped.",
                        result.created,
                    )
                    % {"created": result.created, **summary}
                )
            )
        if result.errors and not result.written:
            raise CommandError(
                _("%(bad)s of %(rows)s rows have errors: nothing was written.") % summary, returncode=1
            )

    def _progress(self, total: int):
        console = Console(file=sys.stderr)
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=total < PROGRESS_MIN_ROWS or not console.is_terminal,
        )
        return _Bar(progress, total)


class _Bar:
    """A rich progress bar fed by the job's progress."""

    def __init__(self, progress: Progress, total: int):
        self.progress = progress
        self.task = progress.add_task(_("Importing"), total=total)

    def __enter__(self):
        self.progress.start()
        return self.advance

    def __exit__(self, *exc):
        self.progress.stop()
        return False

    def advance(self, done: int, total: int) -> None:
        self.progress.update(self.task, completed=done)
