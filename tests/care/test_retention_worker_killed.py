"""A worker killed in the middle of the retention purge: no household is anonymised, the job is found failed, and
run again it anonymises them all. Real `sanphalang worker` processes on the test database (see tests/jobs)."""

import datetime as dt
import time

from sanphalang.care.models import Case, CaseStatus, Household, Member
from sanphalang.care.services.privacy import retention_purge_start
from sanphalang.jobs.models import JobStatus
from sanphalang.jobs.progress import progress_of
from sanphalang.jobs.services import job_retry
from tests.e2e.conftest import official_areas_copy, reference_data  # noqa: F401 (fixtures)
from tests.jobs.conftest import LEASE_SECONDS, database_queue, start_worker, wait_until  # noqa: F401

from .records import NAME

HOUSEHOLDS = 300


def _households_past_retention() -> None:
    homes = Household.objects.bulk_create(
        Household(area_id="570101", address=f"ที่อยู่ {n}", purpose="ช่วยเหลือ") for n in range(HOUSEHOLDS)
    )
    Member.objects.bulk_create(Member(household=h, area_id="570101", first_name=NAME) for h in homes)
    Case.objects.bulk_create(
        Case(
            household=h,
            area_id="570101",
            kind="poverty",
            summary="ต้องการความช่วยเหลือ",
            status=CaseStatus.CLOSED,
            opened_on=dt.date(2018, 1, 1),
            closed_on=dt.date(2019, 1, 1),
        )
        for h in homes
    )


def test_a_killed_purge_anonymises_nothing_and_run_again_anonymises_all(cast, start_worker):  # noqa: F811
    # given many households past the retention period, and the purge queued for the workers
    _households_past_retention()
    job = retention_purge_start(by=cast.admin)
    assert job.status == JobStatus.QUEUED
    # when a worker has anonymised some of them and is killed
    worker = start_worker()
    wait_until(lambda: (progress_of(job.pk) or (0, 0))[0] >= 10)
    worker.kill()
    # then every household is as it was
    assert not Household.objects.filter(anonymised_at__isnull=False).exists()
    assert Member.objects.filter(first_name=NAME).count() == HOUSEHOLDS
    # and once the lease has run out and the job is tried again, a worker anonymises them all
    time.sleep(LEASE_SECONDS + 1)
    start_worker("--batch").wait()  # finds the job stale and fails it
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    job_retry(by=cast.admin, job=job)
    output = start_worker("--batch").wait()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, output
    assert not Household.objects.filter(anonymised_at__isnull=True).exists()
    assert not Member.objects.filter(first_name=NAME).exists()
