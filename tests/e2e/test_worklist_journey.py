"""A coordinator works through the funds whose sources disagree: opens the worklist, narrows it to a district and a
field, settles a field from the list and comes back to the list without it."""

import re

import pytest
from playwright.sync_api import expect

from sanphalang.welfare.models import Fund, FundDisagreement, Settlement
from tests.welfare.registry_data import reconciled_fund

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_filters_the_worklist_settles_a_field_and_sees_it_leave(page, cast, log_in, pick):
    # given the program and the matching list of Chiang Rai, reconciled: Mae Yao's members differ (1,200 / 1,300)
    fund = reconciled_fund(cast)
    log_in(page, cast.chiangrai_coordinator)

    # when the coordinator opens the worklist, picks Mueang Chiang Rai by typing and the members field
    page.goto("/welfare/worklist/")
    expect(page.locator("tbody tr[data-field]")).not_to_have_count(0)
    pick(page.get_by_label(re.compile("^(District|อำเภอ/เขต)$")), "เมืองเชียงราย")
    page.get_by_label(re.compile("^(Field|ช่องข้อมูล)$")).select_option("members")
    page.locator("main form[role=search] button[type=submit]").click()

    # then only the members of Mueang's funds are listed, with the count per field
    rows = page.locator("tbody tr[data-field]")
    expect(rows.first).to_be_visible()
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.field)")) == {"members"}
    expect(page.locator("#worklist-field-counts [data-field=members]")).to_contain_text("1")
    row = page.locator(f"tbody tr[data-fund='{fund.pk}'][data-field=members]")
    expect(row).to_contain_text("1300")

    # when they settle Mae Yao's members from the row, taking the matching list's value
    row.get_by_role("link", name=re.compile("Settle|ยืนยันค่า")).click()
    box = page.locator("section[aria-labelledby=disagreements-heading] .card[data-field=members]")
    matching = fund.source_records.get(source__name="สมทบ")
    choice = box.get_by_label(re.compile("Take the value of|ใช้ค่าจาก"))
    expect(choice.locator(f"option[value='{matching.pk}']")).to_contain_text("1300")
    choice.select_option(str(matching.pk))
    box.get_by_label(re.compile("^(Reason|เหตุผล)$")).fill("ตรงกับทะเบียนสมาชิกล่าสุด")
    box.locator("button[type=submit]").last.click()

    # then they are back on the filtered worklist, and Mae Yao's members are no longer on it
    expect(page).to_have_url(re.compile(r"/welfare/worklist/\?.*field=members"))
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator(f"tbody tr[data-fund='{fund.pk}'][data-field=members]")).to_have_count(0)
    assert Fund.objects.get(pk=fund.pk).members == 1300
    assert Settlement.objects.get(fund=fund).source_name == "สมทบ"
    assert FundDisagreement.objects.get(fund=fund, field="members").settled_at is not None
