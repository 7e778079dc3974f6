"""The main journeys of a new user, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from sanphalang.directory.services import organisation_create, person_create

# The live server reads only committed data.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_user_logs_in_and_sees_thai_even_when_the_browser_asks_for_english(page, cast, log_in):
    # given a browser whose language is English
    # when the Chiang Rai coordinator logs in
    log_in(page, cast.chiangrai_coordinator)
    # then the page is in Thai
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.locator("nav")).to_contain_text("องค์กร")


def test_a_user_finds_an_area_by_typing_part_of_its_name(page, cast, log_in):
    log_in(page, cast.chiangrai_viewer)
    page.goto("/areas/")
    # when they type a subdistrict's name with its prefix, results appear as they type
    page.get_by_role("searchbox").first.fill("ต.แม่สาย")
    result = page.locator("#area-result-list a", has_text="แม่สาย").first
    expect(result).to_be_visible()
    result.click()
    # then they reach the area's page with its official code and path
    expect(page).to_have_url(re.compile(r"/areas/57"))
    expect(page.locator("main")).to_contain_text("เชียงราย")


def test_a_coordinator_adds_an_organisation_and_finds_it_by_its_abbreviation(page, cast, log_in):
    log_in(page, cast.chiangrai_coordinator)
    page.goto("/directory/organisations/new/")
    page.select_option("#id_kind", "agency")
    page.fill("#id_name_th", "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย")
    page.fill("#id_abbreviation", "พมจ.เชียงราย")
    page.fill("#id_area_code", "57")
    page.fill("#id_founded_on", "๑ ต.ค. ๒๕๕๗")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("h1")).to_contain_text("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย")
    # and the list finds it by its abbreviation
    page.goto("/directory/organisations/?q=" + "พมจ.")
    expect(page.locator("main table")).to_contain_text("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย")


def test_a_bad_value_in_a_form_is_shown_at_its_field_and_nothing_is_saved(page, cast, log_in):
    log_in(page, cast.chiangrai_coordinator)
    page.goto("/directory/people/new/")
    page.fill("#id_first_name", "สมชาย")
    page.fill("#id_area_code", "57")
    page.fill("#id_national_id", "1234567890123")
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("#id_national_id")).to_have_attribute("aria-invalid", "true")
    from sanphalang.directory.models import Person

    assert not Person.objects.exists()


def test_a_user_switches_the_language_to_english_and_back(page, cast, log_in):
    log_in(page, cast.chiangrai_viewer)
    page.goto("/areas/57/")
    page.select_option("#language-select", "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Chiang Rai")
    page.select_option("#language-select", "th")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.locator("h1")).to_contain_text("เชียงราย")


def test_a_district_coordinator_cannot_open_another_districts_record(page, cast, log_in):
    # given a person registered in Mae Sai district
    person = person_create(by=cast.admin, first_name="สมศรี", last_name="ใจงาม", area_code="570901")
    organisation = organisation_create(
        by=cast.admin, kind="welfare_fund", name_th="กองทุนสวัสดิการชุมชนตำบลแม่สาย", area_code="570901"
    )
    # when the Mueang Chiang Rai coordinator opens the record's address
    log_in(page, cast.mueang_coordinator)
    response = page.goto(f"/directory/people/{person.pk}/")
    # then they are refused and see nothing of it
    assert response.status == 404
    expect(page.locator("main")).not_to_contain_text("สมศรี")
    response = page.goto(f"/directory/organisations/{organisation.pk}/")
    assert response.status == 404


def test_the_pages_work_on_a_phone_screen(phone_page, cast, log_in):
    log_in(phone_page, cast.chiangrai_coordinator)
    phone_page.goto("/directory/organisations/")
    # the menu folds behind a button that opens it
    toggle = phone_page.locator("button.navbar-toggler")
    expect(toggle).to_be_visible()
    toggle.click()
    expect(phone_page.locator("#main-nav")).to_be_visible()
    # and nothing is wider than the screen
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1


def test_an_import_with_a_bad_row_shows_the_row_and_writes_nothing(page, cast, log_in, tmp_path):
    # given a CSV of organisations with Thai headings whose third line names an unknown area
    upload = tmp_path / "องค์กร.csv"
    upload.write_text(
        "ชื่อองค์กร,ประเภท,รหัสพื้นที่\n"
        "เครือข่ายสวัสดิการชุมชนอำเภอเมืองเชียงราย,เครือข่าย,5701\n"
        "กองทุนสวัสดิการชุมชนตำบลไม่มีจริง,กองทุนสวัสดิการชุมชน,579999\n",
        encoding="utf-8-sig",
    )
    log_in(page, cast.chiangrai_coordinator)
    page.goto("/import/")
    page.select_option("#id_entity", "organisations")
    page.set_input_files("#id_file", str(upload))
    page.locator("main form button[type=submit]").click()
    # then the preview names line 3, its area column and the reason
    errors = page.locator("#row-errors tbody tr")
    expect(errors).to_have_count(1)
    expect(errors.first).to_contain_text("3")
    expect(errors.first).to_contain_text("รหัสพื้นที่")
    expect(errors.first).to_contain_text("579999")
    # and nothing was written
    from sanphalang.directory.models import Organisation

    assert not Organisation.objects.exists()
