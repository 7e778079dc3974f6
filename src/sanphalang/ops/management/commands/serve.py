"""sanphalang serve: migrate, collect static files, then serve the site with waitress (whitenoise serves static)
and run queued jobs in a worker beside it."""

from django.conf import settings
from django.core.management import BaseCommand, call_command


class Command(BaseCommand):
    help = "Run the site in production: migrate, collectstatic, then serve it with waitress."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Run no job worker here (when `sanphalang worker` runs them on other machines)",
        )

    def handle(self, *args, host, port, threads, no_worker=False, **options):
        from waitress import serve

        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        call_command("collectstatic", interactive=False, verbosity=0)
        # Imported only now: whitenoise lists the static files once, when the application is built.
        from sanphalang.jobs.workers import WorkerThread
        from sanphalang.wsgi import application

        worker = None if no_worker else WorkerThread().start()
        self.stdout.write(f"Serving Sanphalang on http://{host}:{port}/ with {threads} threads")
        try:
            serve(application, host=host, port=port, threads=threads, **behind_proxy())
        finally:
            if worker:
                worker.stop()


def behind_proxy() -> dict:
    """With SANPHALANG_HTTPS the site sits behind an HTTPS proxy: trust it (and only it) for the client's address
    and scheme, so login lockouts count each client and not the proxy, and the site knows it is on HTTPS."""
    if not settings.HTTPS:
        return {}
    return {
        "trusted_proxy": settings.HTTPS_PROXY_ADDRESS,
        "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
        "clear_untrusted_proxy_headers": True,
    }
