"""Writes of jobs: queue one, run it, try it again, and mark failed a job whose worker was lost."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation

from .errors import JobError
from .kinds import JobRefused, kind_of
from .models import Job, JobStatus
from .progress import Lease, Progress, is_alive, lease_seconds, progress_forget

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

logger = logging.getLogger(__name__)


class JobAlreadyClaimed(Exception):
    """The record the job would work on was taken by another job: the work is done or under way."""


def job_enqueue(
    *,
    by: User,
    kind: str,
    params: dict,
    run_now: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Job:
    """Queue a job of the kind for the task backend's workers; run_now runs it here instead (the CLI, which
    shows progress with its own bar).

    A kind that claims a record claims it first, in the same transaction, so a second request for the same work
    raises JobAlreadyClaimed instead of doing it twice."""
    spec = kind_of(kind)
    with transaction.atomic():
        job = Job.objects.create(kind=kind, user=by, params=params)
        if spec.claim is not None and not spec.claim(job):
            raise JobAlreadyClaimed
        if not run_now:
            _submit(job)
    if run_now:
        # Run here, the job speaks the caller's language (the CLI's), as the rest of what the caller prints.
        job_run(job_id=job.pk, progress=Progress(job.pk, also=progress), language=translation.get_language())
    job.refresh_from_db()  # an immediate backend has run it already
    return job


def _submit(job: Job) -> None:
    from .tasks import run_job

    job.attempts += 1
    job.task_result_id = ""
    job.save(update_fields=["attempts", "task_result_id"])
    progress_forget(job.pk)
    # An immediate backend runs the job inside enqueue(); the job's row is already there for it to read.
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id)[:64])


def job_run(*, job_id: int, progress: Progress | None = None, language: str | None = None) -> None:
    """Do the job's work. Its data and its ending are written in one transaction, so a job that fails or whose
    worker dies leaves the data as it was."""
    claimed = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return  # run already, or failed as stale before a worker got to it
    job = Job.objects.select_related("user").get(pk=job_id)
    # Row errors and the reason of a failure are kept in the words of whoever started the job (Thai unless they
    # chose English), wherever the worker runs.
    with translation.override(language or job.user.written_to_in):
        _run(job, progress or Progress(job.pk))


def _run(job: Job, progress: Progress) -> None:
    spec = kind_of(job.kind)
    try:
        with Lease(job.pk), transaction.atomic():
            result = spec.run(job, progress)
            _finish(job, JobStatus.DONE, progress, result=result)
    except JobRefused as refused:
        _fail(job, refused.message, progress, row_errors=refused.row_errors, result=refused.result)
    except ValidationError as error:
        _fail(job, " ".join(error.messages), progress)
    except Exception:
        logger.exception("Job %s (%s) failed", job.pk, job.kind)
        _fail(job, JobError.UNEXPECTED.message(), progress)


def _finish(job: Job, status: str, progress: Progress, **fields) -> None:
    job.status = status
    job.done, job.total = progress.done, progress.total
    job.finished_at = timezone.now()
    for name, value in fields.items():
        setattr(job, name, value)
    job.save()


def _fail(job: Job, reason: str, progress: Progress, **fields) -> None:
    with transaction.atomic():
        _finish(job, JobStatus.FAILED, progress, failure=reason, **fields)
        release = kind_of(job.kind).release
        if release is not None:
            release(job)


def job_retry(*, by: User, job: Job) -> Job:
    """Queue a failed job again, as it was first asked for."""
    if job.status != JobStatus.FAILED:
        raise JobError.NOT_RETRYABLE.error(None)
    spec = kind_of(job.kind)
    with transaction.atomic():
        if not Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
            status=JobStatus.QUEUED, failure="", row_errors=[], result={}, done=0, total=0, finished_at=None
        ):
            raise JobError.NOT_RETRYABLE.error(None)
        job.refresh_from_db()
        if spec.claim is not None and not spec.claim(job):
            raise JobAlreadyClaimed
        _submit(job)
    job.refresh_from_db()
    return job


def job_fail_stale(*, now: dt.datetime | None = None) -> int:
    """Mark failed each running job whose worker's lease has expired: the worker was killed or lost, its
    transaction never committed, so the data is as before. Called by every worker as it starts and by the job
    page as it looks. Returns how many were found."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=lease_seconds())
    found = 0
    for job in Job.objects.filter(status=JobStatus.RUNNING, started_at__lt=cutoff).select_related("user"):
        if is_alive(job.pk):
            continue
        with translation.override(job.user.written_to_in):
            reason = JobError.WORKER_LOST.message()
        with transaction.atomic():
            if Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
                status=JobStatus.FAILED, failure=reason, finished_at=now
            ):
                release = kind_of(job.kind).release
                if release is not None:
                    release(job)
                found += 1
    return found
