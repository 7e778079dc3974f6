"""Jobs are tested against a real worker process, which sees only committed rows: these tests commit, and put
back the official areas afterwards as the browser tests do."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.utils import timezone, translation

from tests.e2e.conftest import official_areas_copy, reference_data  # noqa: F401 (fixtures)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
LEASE_SECONDS = 2


def _database_env() -> dict:
    """The environment that points a `sanphalang` process at this test database."""
    db = connection.settings_dict
    env = {**os.environ, "SANPHALANG_DATA_DIR": str(django_settings.DATA_DIR)}
    if connection.vendor == "sqlite":
        env.pop("DATABASE_URL", None)
        env["SANPHALANG_SQLITE_PATH"] = db["NAME"]
    else:
        password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    env["SANPHALANG_JOBS_LEASE_SECONDS"] = str(LEASE_SECONDS)
    return env


class Worker:
    """`sanphalang worker` in a process of its own."""

    def __init__(self, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "sanphalang", "worker", "--interval", "0.2", *args],
            env=_database_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def wait(self, timeout: float = 300) -> str:
        output, _ = self.process.communicate(timeout=timeout)
        return output.decode(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill()


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.JOBS_LEASE_SECONDS = LEASE_SECONDS


@pytest.fixture
def start_worker(database_queue):
    started = []

    def start(*args: str) -> Worker:
        worker = Worker(*args)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def thai(error) -> str:
    """An error's message as the cast (whose language is Thai) reads it."""
    with translation.override("th"):
        return error.message()


def wait_for_the_lease_to_run_out(job) -> None:
    """Until a killed worker's job is what a worker marks failed: its lease expired (the worker's last beat gone
    from the cache) and started longer than a lease ago. As soon as that is so, rather than a fixed wait."""
    from sanphalang.jobs.progress import is_alive

    job.refresh_from_db()
    lease = dt.timedelta(seconds=LEASE_SECONDS)
    wait_until(
        lambda: not is_alive(job.pk) and timezone.now() - job.started_at > lease, timeout=10 * LEASE_SECONDS
    )


def wait_until(predicate, timeout: float = 120, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError("the condition was not met in time")
