"""A coordinator picks an organisation by typing part of its Thai name, with the keyboard only, and saves."""

import re

import pytest
from playwright.sync_api import expect

from sanphalang.directory.models import Organisation
from sanphalang.directory.services import organisation_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_types_part_of_a_thai_name_chooses_the_suggestion_and_saves(page, cast, log_in):
    # given the provincial office, a centre with no parent yet, and Phayao's office, outside the coordinator's areas
    by = cast.chiangrai_coordinator
    office = organisation_create(
        by=by, kind="agency", area_code="57", name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"
    )
    centre = organisation_create(by=by, kind="other", area_code="5701", name_th="ศูนย์ประสานงานองค์กรชุมชน")
    organisation_create(
        by=cast.admin, kind="agency", area_code="56", name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา"
    )
    log_in(page, by)
    page.goto(f"/directory/organisations/{centre.pk}/edit/")

    # when they tab through the pickers (the field's own box, then the partners'), no suggestions are left open
    search = page.get_by_label("องค์กรต้นสังกัด")
    suggestions = page.locator(".autocomplete-light-box:not([hidden])")
    search.focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("ภาคี")).to_be_focused()
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    expect(suggestions).to_have_count(0)

    # when they type the office's abbreviation into it
    search.fill("พมจ.")
    # then the office of their province is suggested, and Phayao's is not
    expect(suggestions.locator("[data-value]")).to_have_count(1)
    expect(suggestions).to_contain_text("เชียงราย")

    # when they choose it with the arrow key and Enter, the choice is shown and the focus goes to its remove button
    search.press("ArrowDown")
    expect(search).to_have_attribute("aria-activedescendant", re.compile("."))
    search.press("Enter")
    expect(page.locator("#id_parent")).to_have_value(str(office.pk))
    remove = page.get_by_role("button", name=re.compile("องค์กรต้นสังกัด: สำนักงานพัฒนาสังคม"))
    expect(remove).to_be_focused()

    # and removing it with the keyboard brings the search box back
    remove.press("Enter")
    expect(search).to_be_focused()
    expect(page.locator("#id_parent")).not_to_have_value(str(office.pk))

    # when they type part of the name instead, choose again and save
    search.fill("ความมั่นคง")
    expect(suggestions.locator("[data-value]")).to_have_count(1)
    search.press("ArrowDown")
    search.press("Enter")
    page.locator("main form button[type=submit]").last.click()

    # then the centre's page names its parent, and the parent is saved
    expect(page.locator("h1")).to_contain_text("ศูนย์ประสานงานองค์กรชุมชน")
    expect(page.locator("main")).to_contain_text(office.name_th)
    assert Organisation.objects.get(pk=centre.pk).parent_id == office.pk
