"""A worker killed in the middle of an import: the data stays as it was, the job is found failed, and trying it
again with a new worker imports the file. Real `sanphalang worker` processes on the test database."""

from sanphalang.directory.models import Organisation
from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.imports.services import import_batch_confirm_start, import_batch_create
from sanphalang.jobs.errors import JobError
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.progress import progress_of
from sanphalang.jobs.selectors import job_get
from sanphalang.jobs.services import job_retry
from tests.imports.files import ORGANISATION_HEADINGS_TH, csv_bytes

from .conftest import thai, wait_for_the_lease_to_run_out, wait_until

ROWS = 1500


def _big_file(rows_count: int = ROWS) -> bytes:
    rows = [[f"กลุ่มออมทรัพย์ทดสอบ {n}", "", "องค์กรชุมชน", "570101", "", ""] for n in range(rows_count)]
    return csv_bytes([ORGANISATION_HEADINGS_TH, *rows])


def test_a_killed_worker_changes_nothing_and_its_job_is_failed_then_retried(cast, start_worker):
    # given a confirmed file of many organisations, queued for the workers
    owner = cast.chiangrai_coordinator
    batch = import_batch_create(
        by=owner, entity="organisations", filename="big.csv", data=_big_file(), preview=False
    )
    job = import_batch_confirm_start(by=owner, batch=batch)
    assert job.status == JobStatus.QUEUED
    # when a worker has imported some of its rows and is killed
    worker = start_worker()
    wait_until(lambda: (progress_of(job.pk) or (0, 0))[0] >= 20)
    worker.kill()
    # then none of the file's rows are in the database
    assert not Organisation.objects.exists()
    # and once the worker's lease has run out, the job says in Thai that its worker stopped, and the file waits
    wait_for_the_lease_to_run_out(job)
    job = job_get(user=owner, pk=job.pk)
    assert job.status == JobStatus.FAILED
    assert job.failure == thai(JobError.WORKER_LOST)
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportStatus.PENDING
    # when the job is tried again and a worker runs the queue
    job_retry(by=owner, job=job)
    output = start_worker("--batch").wait()
    # then the whole file is imported, once
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, output
    assert Organisation.objects.count() == ROWS
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportStatus.IMPORTED


def test_a_new_worker_fails_the_job_a_lost_worker_left_running(cast, start_worker):
    # given a job left running by a worker that was killed
    owner = cast.chiangrai_coordinator
    batch = import_batch_create(
        by=owner, entity="organisations", filename="big.csv", data=_big_file(4 * ROWS), preview=False
    )
    job = import_batch_confirm_start(by=owner, batch=batch)
    worker = start_worker()
    # A file long enough that the worker is still at it when killed, however fast the machine.
    wait_until(lambda: (progress_of(job.pk) or (0, 0))[0] >= 1)
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING
    worker.kill()
    wait_for_the_lease_to_run_out(job)
    # when another worker starts, with nothing else to do
    start_worker("--batch").wait()
    # then it has marked the job failed, and the file waits to be confirmed again
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.failure == thai(JobError.WORKER_LOST)
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportStatus.PENDING
    assert not Organisation.objects.exists()
