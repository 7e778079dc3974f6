"""Reads of jobs: a job is seen only by whoever started it, or an administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from .models import Job, JobStatus
from .progress import progress_of

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def job_get(*, user: User, pk: int) -> Job:
    """The job if the user started it or is an administrator; anyone else's is not found. A running job comes
    with its latest progress; one whose worker was lost is marked failed first."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    jobs = Job.objects.all() if user.is_administrator else Job.objects.filter(user=user)
    job = jobs.filter(pk=pk).first()
    if job is None:
        raise Http404
    if job.status == JobStatus.RUNNING:
        from .services import job_fail_stale

        if job_fail_stale():
            job.refresh_from_db()
        seen = progress_of(job.pk)
        if seen and job.status == JobStatus.RUNNING:
            job.done, job.total = seen
    return job


def job_latest(*, user: User, kind: str, batch: int) -> Job | None:
    """The user's latest job of the kind on an import batch (the check of its rows, say)."""
    jobs = Job.objects.filter(user=getattr(user, "pk", None), kind=kind, params__batch=batch)
    return jobs.order_by("-created_at", "-id").first()
