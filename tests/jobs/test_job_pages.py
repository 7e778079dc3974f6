"""The job pages: its progress polled with HTMX, its failure and row errors, retry; seen by its starter only."""

from django.urls import reverse

from sanphalang.imports.errors import ImportsError
from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.imports.services import import_batch_confirm_start, import_batch_create
from sanphalang.jobs.models import Job, JobStatus
from tests.imports.files import GOOD_ORGANISATIONS, ORGANISATION_HEADINGS_TH, csv_bytes

from .conftest import thai

BAD = ["กลุ่มที่ไม่มีพื้นที่", "", "องค์กรชุมชน", "999999", "", ""]


def _failed_import(owner) -> Job:
    data = csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], BAD])
    batch = import_batch_create(by=owner, entity="organisations", filename="o.csv", data=data, preview=False)
    return import_batch_confirm_start(by=owner, batch=batch)


def test_a_refused_import_fails_saying_why_with_each_bad_row_and_changes_nothing(cast, client_for):
    # when a file with a bad row is confirmed without skipping it
    job = _failed_import(cast.chiangrai_coordinator)
    # then the job failed, says why in the user's language, lists the row, and the file waits to be corrected
    assert job.status == JobStatus.FAILED
    assert job.failure == thai(ImportsError.NOTHING_IMPORTED)
    assert [(error["line"], error["column"]) for error in job.row_errors] == [(3, "รหัสพื้นที่")]
    assert ImportBatch.objects.get().status == ImportStatus.PENDING
    page = client_for(cast.chiangrai_coordinator).get(reverse("jobs:detail", args=[job.pk]))
    assert page.status_code == 200
    assert "999999" in page.content.decode() and reverse("jobs:retry", args=[job.pk]) in page.content.decode()


def test_a_failed_job_can_be_tried_again(cast, client_for):
    job = _failed_import(cast.chiangrai_coordinator)
    response = client_for(cast.chiangrai_coordinator).post(reverse("jobs:retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    # the file is as bad as before, so the job ran again and failed again
    assert job.attempts == 2 and job.status == JobStatus.FAILED


def test_the_polled_status_sends_the_page_on_once_the_job_is_over(cast, client_for):
    owner = cast.chiangrai_coordinator
    data = csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS])
    batch = import_batch_create(by=owner, entity="organisations", filename="o.csv", data=data)
    job = Job.objects.get(kind="import.preview")
    preview = reverse("imports:preview", args=[batch.pk])
    response = client_for(owner).get(
        reverse("jobs:status", args=[job.pk]), {"next": preview}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 204 and response["HX-Redirect"] == preview


def test_a_running_job_shows_a_progress_bar_that_polls(cast, client_for, database_queue):
    owner = cast.chiangrai_coordinator
    data = csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS])
    batch = import_batch_create(by=owner, entity="organisations", filename="o.csv", data=data)
    page = client_for(owner).get(reverse("imports:preview", args=[batch.pk])).content.decode()
    job = Job.objects.get(kind="import.preview")
    assert job.status == JobStatus.QUEUED
    assert 'role="progressbar"' in page and f'hx-get="{reverse("jobs:status", args=[job.pk])}' in page


def test_a_job_is_seen_only_by_who_started_it_or_an_administrator(cast, client_for, client):
    job = _failed_import(cast.chiangrai_coordinator)
    url = reverse("jobs:detail", args=[job.pk])
    assert client_for(cast.admin).get(url).status_code == 200
    for outsider in (cast.mueang_coordinator, cast.phayao_coordinator, cast.chiangrai_viewer):
        assert client_for(outsider).get(url).status_code == 404
        assert client_for(outsider).post(reverse("jobs:retry", args=[job.pk])).status_code == 404
    assert client.get(url).status_code == 302
    assert Job.objects.get().attempts == 1
