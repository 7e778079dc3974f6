"""`sanphalang serve` runs the queued jobs in a worker beside the web server, and stops it with the server."""

import io
from unittest import mock

from django.core.management import call_command

from sanphalang.directory.models import Organisation
from sanphalang.imports.services import import_batch_confirm_start, import_batch_create
from sanphalang.jobs.models import Job, JobStatus
from tests.imports.files import GOOD_ORGANISATIONS, ORGANISATION_HEADINGS_TH, csv_bytes

from .conftest import wait_until


def test_serve_runs_a_queued_import(cast, database_queue, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    # given an import confirmed and queued
    owner = cast.chiangrai_coordinator
    data = csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS])
    batch = import_batch_create(by=owner, entity="organisations", filename="o.csv", data=data, preview=False)
    job = import_batch_confirm_start(by=owner, batch=batch)
    assert job.status == JobStatus.QUEUED

    # when the site is served (waitress answering until the job is over)
    def serving(application, **options):
        wait_until(lambda: Job.objects.get(pk=job.pk).finished, timeout=120)

    with mock.patch("waitress.serve", side_effect=serving):
        call_command("serve", port=8123, threads=2, stdout=io.StringIO(), verbosity=0)
    # then the worker beside it has imported the file
    assert Job.objects.get(pk=job.pk).status == JobStatus.DONE
    assert Organisation.objects.count() == 3
