"""A partner agency closes its own task in the browser (S2): the provincial social development office's user finds
their organisation's items from the home page, records progress and closes the quarterly report, is refused the
other agency's item, and the coordinator then reads who did it, for which organisation, when (BE)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from sanphalang.errors import Access
from sanphalang.meetings.models import ActionStatus
from tests.meetings.partner_data import owned_items, partner_of

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _report(page, *, status: str, note: str, outcome: str = ""):
    form = page.locator("section[aria-labelledby=status-heading] form")
    form.locator("select[name=status]").select_option(status)
    form.locator("textarea[name=note]").fill(note)
    if outcome:
        form.locator("textarea[name=outcome]").fill(outcome)
    form.locator("button[type=submit]").click()


def test_a_partner_closes_their_organisations_item_and_the_coordinator_sees_who(page, cast, log_in):
    # given the council's quarterly report owned by the office, and another agency's item
    office, ours, theirs = owned_items(cast, ours_title="รายงานผู้ว่าฯ")
    partner = partner_of(cast, office)
    log_in(page, partner)
    # when the partner follows the home page to their organisation's items and opens the report
    page.goto("/")
    page.get_by_role("link", name="งานทั้งหมดขององค์กรของฉัน").click()
    expect(page.locator("main table tbody tr")).to_have_count(1)
    page.get_by_role("link", name="รายงานผู้ว่าฯ").click()
    # then the report form offers no cancelling, and a completion date of the (long past) due date
    status = page.locator("select[name=status] option")
    expect(status).to_have_count(3)
    expect(page.locator("input[name=done_on]")).to_have_value(re.compile("2558"))
    # when they record progress, then close it with its outcome
    _report(page, status=ActionStatus.IN_PROGRESS, note="ส่งร่างรายงานให้สำนักงานจังหวัดแล้ว")
    expect(page.locator("#progress-heading + ol li")).to_have_count(1)
    _report(page, status=ActionStatus.DONE, note="ส่งฉบับจริงแล้ว", outcome="ผู้ว่าฯ รับทราบผลการดำเนินงาน")
    expect(page.locator("#progress-heading + ol li")).to_have_count(2)
    ours.refresh_from_db()
    assert (ours.status, ours.done_on) == (ActionStatus.DONE, dt.date(2015, 10, 20))
    # and the other agency's item is refused with the one message, offering no form
    page.goto(f"/meetings/actions/{theirs.pk}/")
    expect(page.locator("section[aria-labelledby=status-heading]")).to_have_count(0)
    refused = page.request.post(
        f"/meetings/actions/{theirs.pk}/",
        form={"status": "done", "note": "ปิดให้"},
        headers={"X-CSRFToken": _csrf(page), "Referer": page.url},
    )
    assert refused.status == 403
    assert str(Access.NOT_THE_OWNER_ORGANISATION.message()) in refused.text()
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN
    # when the coordinator opens the item
    page.context.clear_cookies()
    log_in(page, cast.chiangrai_coordinator)
    page.goto(f"/meetings/actions/{ours.pk}/")
    # then each report names the partner and the office, dated in the Buddhist Era
    entries = page.locator("#progress-heading + ol li")
    expect(entries).to_have_count(2)
    expect(entries.last).to_contain_text(f"มาลี ศรีสุข ({office.name_th})")
    expect(entries.last).to_contain_text(str(dt.date.today().year + 543))
    expect(entries.last).to_contain_text("ผู้ว่าฯ รับทราบผลการดำเนินงาน")


def _csrf(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
