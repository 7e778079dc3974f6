"""`sanphalang remind`: the daily run (safe to run more than once a day): the digest of overdue and due action
items, and the care records' retention purge, queued once a day."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sanphalang.care.services.privacy import retention_purge_start
from sanphalang.meetings.reminders import send_reminders
from sanphalang.ops.users import command_user
from sanphalang.thai.dates import ThaiDateError, parse_thai_date


class Command(BaseCommand):
    help = "Create the next occurrence of recurring items that fell due, and send each user a digest."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="the day to remind for (BE or ISO), today by default")

    def handle(self, *args, date=None, **options):
        try:
            today = parse_thai_date(date) if date else timezone.localdate()
        except ThaiDateError:
            raise CommandError(f"Not a date: {date!r}") from None
        summary = send_reminders(today=today)
        self.stdout.write(
            f"{today.isoformat()}: {summary.rolled_over} next occurrences created, {summary.notified} users notified, "
            f"{summary.emailed} e-mails sent, {summary.already_sent} already reminded today"
        )
        self._queue_purge(today)

    def _queue_purge(self, today) -> None:
        try:
            by = command_user(None)
        except CommandError:
            self.stdout.write("No administrator yet: the retention purge was not queued.")
            return
        job = retention_purge_start(by=by, day=today)
        if job is None:
            self.stdout.write(f"{today.isoformat()}: the retention purge was queued already")
        else:
            self.stdout.write(f"{today.isoformat()}: the retention purge is job {job.pk}")
