"""A coordinator records the 50 participants of S1 (meeting 3/2558 of the Chiang Rai citizens' council) from a
pasted list of agency names in under a minute and under 10 clicks, and ticks a council's members from its roster.
Every click, choice and tick in the browser is counted."""

import time

import pytest
from playwright.sync_api import Locator, Page, expect

from sanphalang.meetings.models import Attendance
from tests.meetings.attendance_data import NEW_AGENCIES, SHEET, s1_with_directory, s1_with_members

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COUNTED = ("click", "dblclick", "check", "uncheck", "select_option", "tap")


@pytest.fixture
def clicks(monkeypatch):
    """How many times the test clicked, ticked or chose in the page (after the counter is started)."""
    counter = {"clicks": 0, "on": False}

    def counting(original):
        def wrapper(*args, **kwargs):
            if counter["on"]:
                counter["clicks"] += 1
            return original(*args, **kwargs)

        return wrapper

    for cls in (Page, Locator):
        for name in COUNTED:
            monkeypatch.setattr(cls, name, counting(getattr(cls, name)))
    return counter


def test_the_50_participants_of_s1_are_recorded_from_a_pasted_list(page, cast, log_in, clicks):
    # given meeting 3/2558 and the ten agencies the directory holds; the sheet names forty more
    meeting = s1_with_directory(cast)
    log_in(page, cast.chiangrai_coordinator)
    sheet = "\n".join(f"{number}. {name}" for number, name in enumerate(SHEET, start=1))
    # when the coordinator pastes the sign-in sheet on the meeting's page, creates the agencies not found,
    # and confirms
    started, clicks["on"] = time.monotonic(), True
    page.goto(f"/meetings/{meeting.pk}/")
    paste = page.locator("details:has(form[action$='/attendance/list/'])")
    paste.locator("summary").click()
    paste.locator("textarea").fill(sheet)
    paste.locator("button[type=submit]").click()
    expect(page.locator("select[name^='review-choice_']")).to_have_count(50)
    page.locator("#id_review-unmatched").select_option("new-organisation")
    page.locator("form[action$='/attendance/list/confirm/'] button[type=submit]").click()
    expect(page.locator("section[aria-labelledby=attendance] > .table-responsive tbody tr")).to_have_count(50)
    elapsed = time.monotonic() - started
    # then the 50 attended, the forty new agencies are in the directory as agencies, in under 10 clicks and a minute
    assert Attendance.objects.filter(meeting=meeting).count() == 50
    assert Attendance.objects.filter(meeting=meeting, organisation__name_th__in=NEW_AGENCIES).count() == 40
    assert clicks["clicks"] < 10, clicks
    assert elapsed < 60, elapsed
    print(f"\n50 attendances from a pasted list: {clicks['clicks']} clicks, {elapsed:.1f} s")


def test_the_members_of_the_council_and_its_working_group_are_ticked_all_at_once(page, cast, log_in, clicks):
    # given the council with three members, its working group with two, and a member who had left
    meeting, members, former = s1_with_members(cast)
    log_in(page, cast.chiangrai_coordinator)
    clicks["on"] = True
    page.goto(f"/meetings/{meeting.pk}/")
    roster = page.locator("#attendance-roster")
    roster.locator("summary").click()
    boxes = roster.locator("input[name='roster-attendees']")
    expect(boxes).to_have_count(5)
    # when they tick none, then all, and record
    roster.locator("button[data-ticks=none]").click()
    for box in boxes.all():
        expect(box).not_to_be_checked()
    roster.locator("button[data-ticks=all]").click()
    for box in boxes.all():
        expect(box).to_be_checked()
    roster.locator("button[type=submit]").click()
    # then the five members are recorded, none as a guest, and the roster shows them recorded
    expect(page.locator("section[aria-labelledby=attendance] > .table-responsive tbody tr")).to_have_count(5)
    lines = Attendance.objects.filter(meeting=meeting)
    assert {line.organisation for line in lines} == set(members)
    assert not lines.filter(is_guest=True).exists()
    page.locator("#attendance-roster summary").click()
    expect(page.locator("#attendance-roster input[name='roster-attendees']")).to_have_count(0)
    expect(page.locator("#attendance-roster input:checked:disabled")).to_have_count(5)
    assert clicks["clicks"] == 5
