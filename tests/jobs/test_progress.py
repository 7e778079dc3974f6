"""A job's progress lives outside the database, keyed by the job's id: a job queued shows only its own, not what an
earlier attempt, or a job of the same id in a database emptied since, left there."""

from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.imports.services import import_batch_confirm_start, import_batch_create
from sanphalang.jobs.models import Job, JobStatus
from sanphalang.jobs.progress import Progress, progress_of
from sanphalang.jobs.services import job_retry

from .test_worker_killed import _big_file


def test_a_retried_job_starts_its_progress_again(cast, database_queue):
    # given a job that failed half-way
    owner = cast.chiangrai_coordinator
    batch = import_batch_create(
        by=owner, entity="organisations", filename="a.csv", data=_big_file(3), preview=False
    )
    job = import_batch_confirm_start(by=owner, batch=batch)
    Progress(job.pk)(2, 3)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.FAILED)
    ImportBatch.objects.filter(pk=batch.pk).update(status=ImportStatus.PENDING)  # as a failed job leaves it
    job.refresh_from_db()
    # when it is tried again
    job = job_retry(by=owner, job=job)
    # then its bar starts from nothing
    assert job.status == JobStatus.QUEUED
    assert progress_of(job.pk) is None
