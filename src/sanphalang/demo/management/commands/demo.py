"""`sanphalang demo`: prepare the database, load the demo data and (with --serve) start the server."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from rich.console import Console
from rich.table import Table

from sanphalang.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo data drawn from the movement's reports; with --serve, start the web server."

    def add_arguments(self, parser):
        parser.add_argument("--serve", action="store_true", help="start the web server afterwards")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, serve=False, host="127.0.0.1", port=8000, **options):
        console = Console(file=self.stdout, force_terminal=False, width=100)
        console.print("Preparing the database (all areas of Thailand)…")
        call_command("migrate", interactive=False, verbosity=0)
        result = load_demo()
        console.print(
            f"Demo data: {result['organisations']} organisations, {result['people']} people, "
            f"{result['meetings']} meetings."
        )
        table = Table(title=f"Demo users (password: {result['password']})")
        for heading in ("user", "role", "areas"):
            table.add_column(heading)
        for row in result["users"]:
            table.add_row(*row)
        console.print(table)
        if serve:
            console.print(f"Open http://{host}:{port}/ and log in as one of the users above.")
            call_command("serve", host=host, port=port)
