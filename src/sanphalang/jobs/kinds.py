"""The kinds of job: each app registers what its jobs do, how they claim their record and give it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Job
    from .progress import Progress


class JobRefused(Exception):
    """The job's work was refused as a whole (bad rows, a file that cannot be used): nothing was changed.
    The message says why in the user's language; row_errors are {"line", "column", "message"} each."""

    def __init__(self, message: str, *, row_errors: list[dict] | None = None, result: dict | None = None):
        super().__init__(message)
        self.message = str(message)
        self.row_errors = row_errors or []
        self.result = result or {}


@dataclass(frozen=True)
class JobKind:
    name: str
    label: object  # a lazy translation
    # The work, run in one transaction with the job's own ending: returns the result summary to keep.
    run: Callable[[Job, Progress], dict]
    # Before the job is queued: take the record it works on (a conditional UPDATE); False if it was taken already.
    claim: Callable[[Job], bool] | None = None
    # When the job fails or is found stale: give the record back so the work can be tried again.
    release: Callable[[Job], None] | None = None
    # Where the user goes once the job is over.
    result_url: Callable[[Job], str] | None = None
    # The page that shows the result instead of the job page's own summary.
    template: str = ""


KINDS: dict[str, JobKind] = {}
# The modules that register kinds, named by each app when it is ready and imported when a kind is first looked
# up: importing them all at start-up (the PDF layout, the maps, the reports' reader) cost every command a
# fraction of a second, though most never run a job.
KIND_MODULES: list[str] = []


def register(kind: JobKind) -> JobKind:
    KINDS[kind.name] = kind
    return kind


def register_module(dotted_path: str) -> None:
    """Name a module whose import registers kinds; it is imported when a kind is first looked up."""
    KIND_MODULES.append(dotted_path)


def kind_of(name: str) -> JobKind:
    if name not in KINDS:
        while KIND_MODULES:
            import_module(KIND_MODULES.pop())
    return KINDS[name]


def status_claim(model, param: str, *, waiting: str, taken: str) -> tuple[Callable, Callable]:
    """A kind's claim and release for a record that waits in one status and is taken by moving it to another:
    job.params[param] is its pk. The row is locked first (PostgreSQL) and the change is a conditional UPDATE, so
    two confirmations at once cannot both win on SQLite either, where select_for_update locks nothing."""

    def claim(job: Job) -> bool:
        list(model.objects.select_for_update().filter(pk=job.params[param]).values_list("pk"))
        return bool(model.objects.filter(pk=job.params[param], status=waiting).update(status=taken))

    def release(job: Job) -> None:
        model.objects.filter(pk=job.params[param], status=taken).update(status=waiting)

    return claim, release
