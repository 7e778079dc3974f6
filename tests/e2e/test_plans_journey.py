"""Phayao's people's agenda of 2565 (S7) in the browser: the province records the plan, a main work, the rural housing
project and its target of 618 households split over the districts; a district reports its first quarter, the province
approves and locks it, and the plan's page shows the target's progress bar."""

import re

import pytest
from playwright.sync_api import expect

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.areas.models import Area
from sanphalang.plans.models import Indicator, Plan, ProgressEntry
from sanphalang.web.areas import area_label
from tests.conftest import PASSWORD
from tests.plans.projects_data import HOUSING_SPLIT

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PLAN = "วาระคนพะเยา ปี 2565"
VISION = "พะเยาอยู่เย็นเป็นสุขอย่างยั่งยืน"
PROJECT = "โครงการบ้านพอเพียงชนบท ปี 2565"
TARGET = "ครัวเรือนที่ได้รับการซ่อมแซมบ้าน"
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _field(form, label: str):
    """The field of a form by its label as read on the page, a required field's asterisk aside."""
    return form.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _choose(select, text: str) -> None:
    """Choose the option whose label contains text, as a user reads the list."""
    select.select_option(select.locator("option", has_text=text).first.get_attribute("value"))


def _submit(page, form) -> None:
    with page.expect_navigation():
        form.get_by_role("button", name=re.compile("^(บันทึก|เพิ่ม|ส่งขออนุมัติ)$")).click()


def test_phayao_records_its_agenda_a_district_reports_and_the_province_signs_off_the_quarter(
    page, cast, log_in
):
    # given the coordinator of Mueang Phayao district
    districts = list(Area.objects.filter(parent_id="56").select_related("parent").order_by("code"))
    mueang = districts[0]
    district_coordinator = user_create(
        username="mueang_phayao", password=PASSWORD, role=Role.AREA_COORDINATOR, area_codes=[mueang.code]
    )
    assert len(districts) == len(HOUSING_SPLIT)

    # when Phayao's coordinator records the plan of fiscal year 2565 with its vision
    log_in(page, cast.phayao_coordinator)
    page.goto("/plans/")
    page.get_by_role("link", name="บันทึกแผน").click()
    form = page.locator("main form")
    _field(form, "ชื่อแผน").fill(PLAN)
    _field(form, "รหัสพื้นที่").fill("56")
    _field(form, "ประเภทของปี").select_option(label="ปีงบประมาณ (ตุลาคมถึงกันยายน)")
    _field(form, "ปี (พ.ศ.)").fill("๒๕๖๕")
    _field(form, "วิสัยทัศน์").fill(VISION)
    _submit(page, form)
    expect(page.locator("h1")).to_contain_text(PLAN)
    expect(page.locator("blockquote")).to_contain_text(VISION)
    plan_url = page.url

    # and adds a main work
    page.locator("summary", has_text="เพิ่มงานหลัก").click()
    work_form = page.locator("form[action$='/main-works/']")
    _field(work_form, "ชื่องานหลัก").fill("ที่อยู่อาศัยมั่นคง")
    _submit(page, work_form)
    expect(page.locator("section[aria-labelledby=main-works] ol")).to_contain_text("ที่อยู่อาศัยมั่นคง")

    # and the rural housing project, under that main work
    page.get_by_role("link", name="โครงการ", exact=True).click()
    page.get_by_role("link", name="เพิ่มโครงการ").click()
    form = page.locator("main form").first
    _field(form, "ชื่อโครงการ").fill(PROJECT)
    _choose(_field(form, "งานหลัก"), "ที่อยู่อาศัยมั่นคง")
    _submit(page, form)
    expect(page.locator("h1")).to_have_text(PROJECT)

    # and its target of 618 households
    page.get_by_role("link", name="เพิ่มเป้าหมาย").click()
    form = page.locator("main form").first
    expect(_field(form, "โครงการ")).to_have_value(re.compile(r"\d+"))
    _field(form, "ตัวชี้วัด").fill(TARGET)
    _field(form, "หน่วยนับ").select_option(label="ครัวเรือน")
    _field(form, "เป้าหมาย").fill("๖๑๘")
    _submit(page, form)
    expect(page.locator("h1")).to_have_text(TARGET)
    indicator = Indicator.objects.get(name=TARGET)
    assert indicator.project.name == PROJECT and indicator.target == 618

    # and splits it over Phayao's nine districts, Mueang Phayao's part in Thai digits
    page.get_by_role("link", name="แบ่งเป้าหมายรายพื้นที่").click()
    form = page.locator("main form")
    for district, households in zip(districts, HOUSING_SPLIT, strict=True):
        typed = str(households).translate(THAI_DIGITS) if district == mueang else str(households)
        form.get_by_label(area_label(district), exact=True).fill(typed)
    _submit(page, form)
    split = page.locator("section[aria-labelledby=split-heading]")
    expect(split).to_contain_text("เป้าหมายรายพื้นที่รวมกันเท่ากับเป้าหมาย")
    expect(split.locator("tfoot")).to_contain_text("618 / 618")
    assert indicator.splits.get(area_id=mueang.code).target == HOUSING_SPLIT[0]

    # when Mueang Phayao's coordinator reports 40 households in the first quarter, in Thai digits, with a note
    page.context.clear_cookies()
    log_in(page, district_coordinator)
    page.goto(plan_url)
    page.locator("section[aria-labelledby=targets-heading]").get_by_role("link", name=TARGET).click()
    page.get_by_role("link", name="รายงานความก้าวหน้า").click()
    form = page.locator("main form")
    _field(form, "พื้นที่").select_option(value=mueang.code)
    _choose(_field(form, "งวด"), "ไตรมาส 1/2565")
    _field(form, "ความก้าวหน้า").fill("๔๐")
    _field(form, "สิ่งที่ดำเนินการแล้ว").fill("ซ่อมแซมบ้านแล้ว 40 หลัง ตำบลบ้านต๋อม")
    _submit(page, form)
    expect(page.locator(".alert-success")).to_contain_text("ส่งความก้าวหน้าแล้ว")
    entry = ProgressEntry.objects.get(indicator=indicator)
    assert (entry.area_id, entry.value, entry.status) == (mueang.code, 40, "submitted")

    # and the province approves and locks the quarter from the approvals page
    page.context.clear_cookies()
    log_in(page, cast.phayao_coordinator)
    page.goto(plan_url)
    page.get_by_role("link", name=re.compile("รออนุมัติ ๑|รออนุมัติ 1")).click()
    expect(page.locator("main table")).to_contain_text("ซ่อมแซมบ้านแล้ว 40 หลัง")
    with page.expect_navigation():
        page.get_by_role("button", name="อนุมัติและปิดงวด").click()
    expect(page.locator(".alert-success")).to_contain_text("อนุมัติและปิดงวดแล้ว")
    entry.refresh_from_db()
    assert entry.status == "approved"

    # then the plan's page shows the target's progress bar at 40 of 618 households (6 percent), with its status
    page.goto(plan_url)
    target = page.locator("section[aria-labelledby=targets-heading] li", has_text=TARGET)
    expect(target.get_by_role("progressbar", name=TARGET)).to_have_attribute(
        "value", str(round(40 * 100 / 618))
    )
    expect(target).to_contain_text(re.compile(r"40(\.00)?\s+จาก 618(\.00)? ครัวเรือน"))
    # fiscal year 2565 is over with 6 percent done: far behind
    expect(target.locator(".badge.text-bg-danger")).to_have_text("ล่าช้ากว่าแผนมาก")

    # and the target's page gives Mueang Phayao's figure as entered and the province's as rolled up
    target.get_by_role("link", name=TARGET).click()
    expect(page.locator("main .border.rounded").first).to_contain_text("รวมยอดจากพื้นที่ย่อย")
    row = page.locator("tbody tr", has=page.get_by_role("rowheader", name=mueang.display_name))
    expect(row).to_contain_text("40")
    expect(row).to_contain_text("บันทึกที่พื้นที่นี้")

    # and the district is offered no correction of the locked quarter
    page.context.clear_cookies()
    log_in(page, district_coordinator)
    page.goto(plan_url.rstrip("/") + "/approvals/")
    expect(page.locator("main table")).to_contain_text("ซ่อมแซมบ้านแล้ว 40 หลัง")
    expect(page.get_by_role("link", name="แก้ไข", exact=True)).to_have_count(0)
    assert Plan.objects.get().title == PLAN
