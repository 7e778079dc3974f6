"""sanphalang worker: run the jobs (imports, reconciling) queued in the database, on this or another machine."""

from django.core.management import BaseCommand

from sanphalang.jobs.workers import run_worker


class Command(BaseCommand):
    help = (
        "Run queued jobs (imports, reconciling). `sanphalang serve` runs one already; start more on other "
        "machines that reach the same database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Run the jobs waiting now, then stop")
        parser.add_argument("--interval", type=float, default=1, help="Seconds between looks at the queue")

    def handle(self, *args, batch, interval, **options):
        run_worker(batch=batch, interval=interval, verbosity=options["verbosity"])
