"""Running the database queue's worker: as `sanphalang worker`, or as a thread beside the web server."""

import threading

from django.core.management import call_command

from .services import job_fail_stale


def run_worker(**options) -> None:
    """Fail the jobs a lost worker left running, then run the database queue's worker until stopped."""
    job_fail_stale()
    call_command("db_worker", **options)


def start_worker_thread() -> threading.Thread:
    """A worker in this process, for `sanphalang serve` on one machine; it ends with the process."""
    from django_tasks.utils import get_random_id
    from django_tasks_db.management.commands.db_worker import Worker

    job_fail_stale()
    worker = Worker(
        queue_names=["default"],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"serve-{get_random_id()}",
    )
    thread = threading.Thread(target=worker.run, name="sanphalang-worker", daemon=True)
    thread.start()
    return thread
