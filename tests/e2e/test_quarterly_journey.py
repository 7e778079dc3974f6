"""The quarterly report to the governor in the browser (S2): Chiang Rai's coordinator writes the summary, issues
the report, which closes the quarter's "report to the governor" action item, and downloads the issued edition as
PDF and Word; the PDF's text is the Thai the coordinator wrote, sara am included."""

import io
import re

import pytest
from docx import Document
from pdfminer.high_level import extract_text
from playwright.sync_api import expect

from sanphalang.meetings.models import ActionItem
from sanphalang.reports.services.quarterly import quarterly_report_create
from tests.meetings import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SUMMARY = "ไตรมาสนี้คณะทำงานดำเนินงานตามข้อตกลงครบทุกประเด็น"


def test_a_coordinator_issues_the_report_and_downloads_it(page, cast, log_in):
    # given Chiang Rai's council with its repeating "report to the governor" item, and the quarter's report
    item = factories.quarterly_report(cast)
    item.meeting.__class__.objects.filter(body=item.body).update(status="held")
    report = quarterly_report_create(
        by=cast.chiangrai_coordinator, province_code="57", year_kind="fiscal", year_be=2558, quarter=4
    )
    log_in(page, cast.chiangrai_coordinator)
    # when the coordinator finds the report among the province's reports and writes its summary
    page.goto("/reports/governor/")
    page.get_by_role("link", name="เชียงราย").first.click()
    expect(page.locator("h1")).to_contain_text("เชียงราย")
    page.get_by_role("link", name="แก้ไขเนื้อหา").click()
    page.locator("textarea[name=summary]").fill(SUMMARY)
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(rf"/reports/governor/{report.pk}/$"))
    # and issues it, closing the quarter's action item
    issue = page.locator("#quarterly-issue")
    issue.locator("select[name=action_item]").select_option(str(item.pk))
    issue.locator("button[type=submit]").click()
    # then the job that builds it ends, and from its result the first edition is listed
    expect(page.locator(".job-status")).to_have_attribute("data-status", "done", timeout=60_000)
    page.get_by_role("link", name="ดูผลลัพธ์").click()
    expect(page.locator("#quarterly-editions a.download-pdf")).to_have_count(1)
    # and the action item is done, its next occurrence made
    item.refresh_from_db()
    assert item.status == "done"
    assert ActionItem.objects.filter(series=item.series or item, sequence=item.sequence + 1).exists()
    # when they download the PDF and the Word file
    with page.expect_download() as pdf_download:
        page.locator("#quarterly-editions a.download-pdf").click()
    with page.expect_download() as docx_download:
        page.locator("#quarterly-editions a.download-docx").click()
    # then the PDF reads back the summary as written, and the Word file holds it as editable text
    pdf = open(pdf_download.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF")
    text = re.sub(r"\s+", "", extract_text(io.BytesIO(pdf)))
    assert SUMMARY in text
    assert "รายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดเชียงราย" in text
    document = Document(docx_download.value.path())
    assert any(SUMMARY in paragraph.text for paragraph in document.paragraphs)
