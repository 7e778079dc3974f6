"""Running the database queue's worker: as `sanphalang worker`, or as a thread beside the web server."""

import logging
import threading
import time

from django.core.management import call_command
from django.db import close_old_connections

from .services import job_fail_stale

logger = logging.getLogger(__name__)


def run_worker(**options) -> None:
    """Fail the jobs a lost worker left running, then run the database queue's worker until stopped."""
    job_fail_stale()
    call_command("db_worker", **options)


class WorkerThread:
    """A worker in this process, for `sanphalang serve` on one machine."""

    def __init__(self):
        from django_tasks.utils import get_random_id
        from django_tasks_db.management.commands.db_worker import Worker

        self.worker = Worker(
            queue_names=["default"],
            interval=1,
            batch=False,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"serve-{get_random_id()}",
        )
        self.thread = threading.Thread(target=self._run, name="sanphalang-worker", daemon=True)

    def _run(self) -> None:
        # A database busy for longer than its timeout must not leave the web server without a worker.
        while self.worker.running:
            try:
                self.worker.run()
            except Exception:
                logger.exception("The job worker stopped; starting it again")
                time.sleep(5)
            finally:
                close_old_connections()

    def start(self) -> "WorkerThread":
        job_fail_stale()
        self.thread.start()
        return self

    def stop(self) -> None:
        """Finish the job under way, then stop."""
        self.worker.running = False
        self.thread.join()
