"""How far a running job is and whether its worker is alive, kept outside the database.

A job writes its data in one transaction, which on SQLite holds the only write lock until it commits, so its
progress and its lease cannot be rows of the same database. They live in the "jobs" cache instead: files in the
data folder on one machine, or the shared Redis of several (SANPHALANG_CACHE_URL). A worker refreshes its job's
lease every few seconds from a thread; a worker that is killed stops refreshing, the lease expires, and the job is
then found stale (jobs/services.py: job_fail_stale) and marked failed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import connection

# Progress is written at most this often: a row a millisecond must not become a file write a millisecond.
WRITE_EVERY_SECONDS = 0.5


def _cache():
    return caches["jobs"]


def _key(what: str, job_id: int) -> str:
    # Jobs of different databases (test databases of parallel runs) share the cache; their ids must not meet.
    return f"{what}:{connection.settings_dict['NAME']}:{job_id}"


def lease_seconds() -> int:
    return settings.JOBS_LEASE_SECONDS


def progress_of(job_id: int) -> tuple[int, int] | None:
    return _cache().get(_key("progress", job_id))


def progress_forget(job_id: int) -> None:
    """A job queued (again) starts from nothing: a job of the same id in a database since restored or emptied, or
    this job's failed attempt, must not lend it progress it has not made."""
    _cache().delete(_key("progress", job_id))


def is_alive(job_id: int) -> bool:
    return _cache().get(_key("alive", job_id)) is not None


class Progress:
    """Given to a job's code: call it with (done, total) as the work goes on."""

    def __init__(self, job_id: int, *, also: Callable[[int, int], None] | None = None):
        self.job_id = job_id
        self.done, self.total = 0, 0
        self._written_at = 0.0
        self._also = also  # a terminal's progress bar

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if self._also:
            self._also(done, total)
        now = time.monotonic()
        if now - self._written_at >= WRITE_EVERY_SECONDS or done >= total:
            self._written_at = now
            _cache().set(_key("progress", self.job_id), (done, total), timeout=24 * 3600)


class Lease:
    """While open, the job's lease is refreshed from a thread; closing it (or the process dying) stops that."""

    def __init__(self, job_id: int):
        self.key = _key("alive", job_id)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"job-{job_id}-lease", daemon=True)

    def _beat(self) -> None:
        while not self._stop.is_set():
            _cache().set(self.key, time.time(), timeout=lease_seconds())
            self._stop.wait(max(lease_seconds() / 3, 0.2))

    def __enter__(self) -> Lease:
        _cache().set(self.key, time.time(), timeout=lease_seconds())
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        _cache().delete(self.key)
