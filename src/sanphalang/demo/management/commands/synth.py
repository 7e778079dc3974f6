"""`sanphalang synth --scale tiny|province|national --seed N`: fill an empty database with synthetic data."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sanphalang.demo.synth import DatabaseNotEmpty, synthesize
from sanphalang.demo.synth.accounts import PASSWORD
from sanphalang.demo.synth.scales import SCALES


class Command(BaseCommand):
    help = "Fill an empty database with deterministic synthetic data, for trying the product at scale."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="province")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, scale, seed, **options):
        console = Console(file=self.stdout, width=100)
        call_command("migrate", interactive=False, verbosity=0)
        started = time.perf_counter()
        progress = Progress(
            TextColumn("{task.description:<10}"),
            BarColumn(),
            TextColumn("{task.completed:>9,} rows"),
            TimeElapsedColumn(),
            console=console,
        )

        def on_part(name):
            task = progress.add_task(name, total=None)
            return lambda rows: progress.advance(task, rows)

        try:
            with progress:
                ctx = synthesize(scale=scale, seed=seed, on_part=on_part)
                for task in progress.tasks:
                    progress.update(task.id, total=task.completed or 1, completed=task.completed or 1)
        except DatabaseNotEmpty as exc:
            raise CommandError(
                _(
                    "This database already holds %(records)s: synthetic data goes only into an empty database. "
                    "Point SANPHALANG_DATA_DIR or DATABASE_URL at a new one."
                )
                % {"records": ", ".join(exc.labels)}
            ) from None
        table = Table(title=f"Synthetic data, scale {scale}, seed {seed}")
        table.add_column("table")
        table.add_column("rows", justify="right")
        for label, count in sorted(ctx.counts.items()):
            table.add_row(label, f"{count:,}")
        table.add_row("total", f"{sum(ctx.counts.values()):,}")
        console.print(table)
        parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in ctx.made["seconds"].items())
        console.print(f"Written in {time.perf_counter() - started:.1f} s ({parts}).")
        console.print(
            f"Users: synth-admin, synth-p<province code> (provincial coordinators), synth-d<district code>, "
            f"synth-v<province code> (viewers), synth-partner<province code>; password: {PASSWORD}"
        )
