"""In a real browser, with the Content-Security-Policy on: the behaviours that were inline scripts still work
from site.js, and the browser reports nothing the policy blocked."""

import pytest
from playwright.sync_api import expect

from sanphalang.directory.models import Position
from sanphalang.directory.services import organisation_create, person_create, position_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def blocked_by_the_policy(page) -> list[str]:
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    return messages


def test_the_area_box_and_a_confirmation_work_and_nothing_is_blocked(page, cast, log_in):
    # given a person holding a position in Mueang Chiang Rai
    person = person_create(by=cast.admin, first_name="สมศรี", last_name="ใจงาม", area_code="570101")
    organisation = organisation_create(
        by=cast.admin, kind="community_organisation", name_th="กลุ่มออมทรัพย์บ้านป่าซาง", area_code="570101"
    )
    position_create(by=cast.admin, person=person, organisation=organisation, title="ประธาน")
    console = blocked_by_the_policy(page)
    log_in(page, cast.chiangrai_coordinator)
    # when the coordinator types a district's name into the area box of a new organisation
    page.goto("/directory/organisations/new/")
    page.fill("#id_area_code", "แม่สาย")
    # then HTMX fills its suggestions (wired by site.js, no inline script)
    expect(page.locator("#area-options option").first).to_be_attached()
    # when they remove the position but say no to the question
    page.goto(f"/directory/people/{person.pk}/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("form[data-confirm] button[type=submit]").first.click()
    # then nothing was removed
    page.wait_for_timeout(300)
    assert Position.objects.filter(person=person).exists()
    # and the browser reported nothing the policy refused
    assert [text for text in console if "Content Security Policy" in text] == []
