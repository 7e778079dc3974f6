"""`sanphalang care_purge`: anonymise the households whose cases all closed longer ago than the retention period
(SANPHALANG_CARE_RETENTION_DAYS). Queued for the workers, or run here with --now and a progress bar."""

import sys

from django.core.management import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from sanphalang.care.services.privacy import retention_purge_start
from sanphalang.errors import AccessDenied
from sanphalang.jobs.models import JobStatus
from sanphalang.ops.users import command_user


class Command(BaseCommand):
    help = (
        "Anonymise every household whose cases all closed longer ago than the retention period and that has "
        "nothing still going on; its counts stay. Queued as a job, or run here with --now."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now", action="store_true", help="Run here, with a progress bar, not in a worker"
        )
        parser.add_argument("--user", help="Act as this administrator (default: the first administrator)")

    def handle(self, *args, now=False, user=None, **options):
        by = command_user(user)
        console = Console(file=sys.stderr)
        bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not (now and console.is_terminal),
        )
        task = bar.add_task(_("Anonymising"), total=None)
        try:
            with bar:
                job = retention_purge_start(
                    by=by,
                    run_now=now,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
        except AccessDenied as denied:
            raise CommandError(denied.message) from None
        if job is None:
            raise CommandError(_("A purge is waiting or running already."))
        if job.status == JobStatus.FAILED:
            raise CommandError(job.failure)
        if job.status == JobStatus.DONE:
            self.stdout.write(
                _("%(count)s households anonymised.") % {"count": job.result.get("anonymised", 0)}
            )
        else:
            self.stdout.write(_("The purge is queued as job %(id)s.") % {"id": job.pk})
