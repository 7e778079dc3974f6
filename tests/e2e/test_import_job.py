"""An import in the browser with the jobs on the database queue and a real worker: the page answers at once,
shows a progress bar that polls, then the rows checked; the confirmed import ends on the imported file."""

import pytest
from playwright.sync_api import expect

from sanphalang.jobs.workers import WorkerThread
from tests.jobs.conftest import DATABASE_QUEUE

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(settings):
    settings.TASKS = DATABASE_QUEUE
    running = WorkerThread().start()
    yield running
    running.stop()


def test_an_import_is_checked_and_imported_by_the_worker(page, cast, log_in, tmp_path, worker):
    upload = tmp_path / "องค์กร.csv"
    upload.write_text(
        "ชื่อองค์กร,ประเภท,รหัสพื้นที่\n"
        "เครือข่ายสวัสดิการชุมชนอำเภอเมืองเชียงราย,เครือข่าย,5701\n"
        "กองทุนสวัสดิการชุมชนตำบลแม่ยาว,กองทุนสวัสดิการชุมชน,570106\n",
        encoding="utf-8-sig",
    )
    log_in(page, cast.chiangrai_coordinator)
    page.goto("/import/")
    page.select_option("#id_entity", "organisations")
    page.set_input_files("#id_file", str(upload))
    page.locator("main form button[type=submit]").click()
    # then the worker's check of the rows comes onto the page by itself
    expect(page.locator("#good-count")).to_have_text("2", timeout=60_000)
    # and once confirmed, the worker imports the file and the page says so
    page.locator("main form[action$='/confirm/'] button[type=submit]").click()
    expect(page.locator(".alert-success[role=status]")).to_contain_text("2", timeout=60_000)
    from sanphalang.directory.models import Organisation

    assert Organisation.objects.count() == 2
