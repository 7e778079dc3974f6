"""A provincial coordinator builds the fund registry in the browser: two sources, their columns mapped, reconciled,
a disagreement settled, a year's figures entered and seen rolled up by district."""

import re

import pytest
from playwright.sync_api import expect

from sanphalang.welfare.models import Fund, FundYear, Settlement

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROGRAM = (
    "ชื่อกองทุน,ตำบล,อำเภอ,จำนวนสมาชิก,รหัสกองทุน\n"
    "กองทุนสวัสดิการชุมชนตำบลแม่ยาว,แม่ยาว,เมืองเชียงราย,1200,F001\n"
    "กองทุนสวัสดิการชุมชนตำบลริมกก,ริมกก,เมืองเชียงราย,850,F002\n"
)
# The matching list's office writes its own headings and puts the whole address in one cell.
MATCHING = "ชื่อ กทส.,พื้นที่ตั้ง,คน\nกองทุนสวัสดิการ ต.แม่ยาว,ต.แม่ยาว อ.เมือง จ.เชียงราย,๑๓๐๐\n"


def _upload(page, tmp_path, source: str, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    page.goto("/welfare/sources/")
    page.fill("#id_source_name", source)
    page.select_option("#id_area_code", "57")
    page.set_input_files("#id_file", str(path))
    page.locator("main form[enctype] button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(source)


def test_a_coordinator_reconciles_two_sources_settles_and_reports_a_year(page, cast, log_in, tmp_path):
    log_in(page, cast.chiangrai_coordinator)

    # when the program's file is uploaded, its columns are recognised and it is imported
    _upload(page, tmp_path, "โปรแกรม", "program.csv", PROGRAM)
    expect(page.locator("#id_map_fund_name")).to_have_value("ชื่อกองทุน")
    page.locator("button[value=import]").click()
    expect(page.locator(".alert-success")).to_contain_text("2")

    # and the matching list's columns, which nothing recognises, are mapped by hand from its own headings
    _upload(page, tmp_path, "สมทบ", "matching.csv", MATCHING)
    expect(page.locator(".alert-danger")).to_be_visible()
    page.select_option("#id_map_fund_name", "ชื่อ กทส.")
    page.select_option("#id_map_location", "พื้นที่ตั้ง")
    page.select_option("#id_map_members", "คน")
    page.locator("button[value=preview]").click()
    expect(page.locator("section[aria-labelledby=check-heading] table").last).to_contain_text("ต.แม่ยาว")
    page.locator("button[value=import]").click()

    # and the province is reconciled
    page.locator("form[action$='/reconcile/'] button[type=submit]").click()
    fund = Fund.objects.get(fund_code="F001")
    assert fund.source_records.count() == 2

    # then the fund page shows the two member counts, and the coordinator settles on the matching list's
    page.goto(f"/welfare/funds/{fund.pk}/")
    disagreement = page.locator("section[aria-labelledby=disagreements-heading] .card", has_text="1300").first
    # the choice names the source with its area ("สมทบ (เชียงราย): 1300"): chosen by its record
    matching = fund.source_records.get(source__name="สมทบ")
    disagreement.get_by_label(re.compile("Take the value of|ใช้ค่าจาก")).select_option(str(matching.pk))
    disagreement.get_by_label(re.compile("Reason|เหตุผล")).fill("ตรงกับทะเบียนสมาชิกล่าสุด")
    disagreement.locator("button[type=submit]").click()
    expect(page.locator("section[aria-labelledby=settlements-heading]")).to_contain_text(
        "ตรงกับทะเบียนสมาชิกล่าสุด"
    )
    assert Settlement.objects.get(fund=fund).source_name == "สมทบ"

    # and enters the fund's figures of 2561 in Thai digits
    page.locator(f"a[href='/welfare/funds/{fund.pk}/years/new/']").click()
    page.fill("#id_year_be", "๒๕๖๑")
    page.fill("#id_members", "๑,๓๐๐")
    page.fill("#id_savings", "๔๕๐,๐๐๐")
    page.fill("#id_benefits_death", "15000")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("section[aria-labelledby=years-heading]")).to_contain_text("450,000.00")
    assert FundYear.objects.get(fund=fund).year_be == 2561

    # and sees the year rolled up for Mueang Chiang Rai
    page.goto("/welfare/rollup/?level=district")
    row = page.locator("tbody tr", has_text="5701")
    expect(row).to_contain_text("450,000.00")
    expect(row).to_contain_text("1,300")
