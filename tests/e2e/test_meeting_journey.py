"""A provincial coordinator runs a council meeting in the browser: from creating it to the printed minutes."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.models import ActionItem
from sanphalang.meetings.services.bodies import body_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_records_a_meeting_and_follows_up_its_quarterly_report(
    page, cast, log_in, pick, tmp_path
):
    # given the council, the office that coordinates, and a person who is not a member
    body = body_create(
        by=cast.chiangrai_coordinator, name_th="สภาพลเมืองจังหวัดเชียงราย", area_code="57", kind="council"
    )
    office = organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        area_code="57",
        name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
    )
    visitor = person_create(
        by=cast.chiangrai_coordinator, title="นาย", first_name="รัชกฤช", last_name="สถิรานนท์", area_code="57"
    )
    log_in(page, cast.chiangrai_coordinator)

    # when they create the meeting of 20 July 2558
    page.goto(f"/meetings/new/?body={body.pk}")
    page.select_option("#id_body", str(body.pk))
    page.fill("#id_held_on", "๒๐ ก.ค. ๒๕๕๘")
    page.fill("#id_venue", "ห้องพญาพิภักดิ์ ศาลากลางจังหวัดเชียงราย")
    page.fill("#id_head_count", "๕๐")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("h1")).to_contain_text("1/2558")
    meeting_url = page.url

    # and record the attendance of a person who is not a member
    page.locator("summary", has_text=re.compile("^(บันทึกการเข้าร่วมประชุม|Record attendance)$")).click()
    pick(page.locator("#id_attendance-person_search"), "รัชกฤช")
    expect(page.locator("#id_attendance-person")).to_have_value(str(visitor.pk))
    page.locator("form[action$='/attendance/'] button[type=submit]").click()
    expect(page.locator("section[aria-labelledby=attendance]")).to_contain_text("รัชกฤช")
    expect(page.locator("section[aria-labelledby=attendance] .badge")).to_be_visible()

    # and add the resolution, with a report to the governor every three months
    page.locator("summary", has_text=re.compile("เพิ่มมติ|Add a resolution")).click()
    page.fill("#id_resolution-text", "ให้รายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดอย่างน้อย 3 เดือนต่อครั้ง")
    page.locator("form[action$='/resolutions/'] button[type=submit]").click()
    resolution = page.locator("article[id^=resolution-]").first
    resolution.locator("summary").click()
    resolution.locator("input[name$=title]").fill("รายงานความก้าวหน้าต่อผู้ว่าราชการจังหวัด")
    pick(resolution.locator("[id$=owner_organisation_search]"), "พัฒนาสังคม")
    expect(resolution.locator("select[name$=owner_organisation]")).to_have_value(str(office.pk))
    resolution.locator("input[name$=due_on]").fill("20/10/2558")
    resolution.locator("input[name$=recurrence_months]").fill("๓")
    resolution.locator("button[type=submit]").click()
    expect(page.locator("article[id^=resolution-]").first).to_contain_text("รายงานความก้าวหน้าต่อผู้ว่าราชการจังหวัด")

    # when they close the action item
    item = ActionItem.objects.get()
    page.goto(f"/meetings/actions/{item.pk}/")
    page.select_option("select[name$=status]", "done")
    page.locator("main form button[type=submit]").last.click()

    # then the next quarter's item appears, due 20 January 2559
    page.goto("/meetings/actions/?status=open")
    expect(page.locator("main table")).to_contain_text("รายงานความก้าวหน้าต่อผู้ว่าราชการจังหวัด")
    assert ActionItem.objects.filter(due_on=dt.date(2016, 1, 20), status="open").exists()

    # and the printed minutes download as a PDF
    page.goto(meeting_url)
    with page.expect_download() as download_info:
        page.locator("a[href$='minutes.pdf']").click()
    path = tmp_path / "minutes.pdf"
    download_info.value.save_as(path)
    assert path.read_bytes()[:5] == b"%PDF-"
