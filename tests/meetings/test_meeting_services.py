import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.services import person_create
from sanphalang.errors import AccessDenied
from sanphalang.meetings.models import ActionItem, Meeting
from sanphalang.meetings.services import (
    action_item_create,
    action_item_set_status,
    action_items_roll_over,
    attendance_record,
    meeting_create,
    membership_add,
    resolution_add,
)

from .factories import council, meeting_3_2558, msdhs


def test_meetings_are_numbered_within_the_buddhist_era_year(cast):
    body = council(cast)
    first = meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 12, 20))
    second = meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2016, 1, 10))
    assert (first.number, first.year_be) == (1, 2558)
    assert (second.number, second.year_be) == (1, 2559)


def test_the_third_meeting_of_2558_is_3_2558(cast):
    meeting = meeting_3_2558(cast)
    assert f"{meeting.number}/{meeting.year_be}" == "3/2558"


def test_a_duplicate_meeting_number_is_refused_at_the_number(cast):
    body = council(cast)
    meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 7, 20), number=3)
    with pytest.raises(ValidationError) as error:
        meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 8, 20), number=3)
    assert "number" in error.value.message_dict
    assert Meeting.objects.count() == 1


def test_a_district_coordinator_cannot_hold_the_provinces_meeting(cast):
    body = council(cast)
    with pytest.raises(AccessDenied):
        meeting_create(by=cast.mueang_coordinator, body=body, held_on=dt.date(2015, 7, 20))
    assert not Meeting.objects.exists()


def test_a_person_who_is_not_a_member_is_recorded_as_a_guest(cast):
    meeting = meeting_3_2558(cast)
    member = person_create(by=cast.chiangrai_coordinator, first_name="วิรุณ", last_name="คำภิโล", area_code="57")
    visitor = person_create(by=cast.chiangrai_coordinator, first_name="สมชาย", last_name="ใจดี", area_code="57")
    membership_add(by=cast.chiangrai_coordinator, body=meeting.body, person=member, started_on=dt.date(2015, 1, 1))
    assert attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, person=member).is_guest is False
    assert attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, person=visitor).is_guest is True


def test_an_action_item_cannot_be_due_before_its_meeting(cast):
    meeting = meeting_3_2558(cast)
    with pytest.raises(ValidationError) as error:
        action_item_create(by=cast.chiangrai_coordinator, meeting=meeting, title="รายงานผู้ว่าฯ",
                           due_on=dt.date(2015, 7, 1))
    assert "due_on" in error.value.message_dict


def _quarterly_report(cast, **extra):
    meeting = meeting_3_2558(cast)
    resolution = resolution_add(by=cast.chiangrai_coordinator, meeting=meeting,
                                text="ให้เครือข่ายรายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัดอย่างน้อย 3 เดือนต่อครั้ง")
    return action_item_create(by=cast.chiangrai_coordinator, resolution=resolution, owner_organisation=msdhs(cast),
                              title="รายงานความก้าวหน้าต่อผู้ว่าราชการจังหวัด", due_on=dt.date(2015, 10, 20),
                              recurrence_months=3, **extra)


def test_closing_a_quarterly_item_creates_the_next_one_three_months_later(cast):
    item = _quarterly_report(cast)
    following = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done",
                                       done_on=dt.date(2015, 10, 19))
    assert following.due_on == dt.date(2016, 1, 20)
    assert (following.series_id, following.sequence) == (item.pk, 2)
    assert following.owner_organisation == item.owner_organisation
    # closing it again makes nothing more
    again = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done")
    assert again == following
    assert ActionItem.objects.count() == 2


def test_an_item_that_falls_due_open_makes_its_successor_once(cast):
    item = _quarterly_report(cast)
    created = action_items_roll_over(today=dt.date(2015, 10, 21))
    assert [c.due_on for c in created] == [dt.date(2016, 1, 20)]
    assert action_items_roll_over(today=dt.date(2015, 10, 22)) == []
    item.refresh_from_db()
    assert item.status == "open"  # still overdue: it stays on the list until someone closes it


def test_a_series_stops_at_its_end_date(cast):
    item = _quarterly_report(cast, recurrence_until=dt.date(2016, 1, 31))
    second = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done")
    assert second is not None
    assert action_item_set_status(by=cast.chiangrai_coordinator, item=second, status="done") is None


def test_cancelling_an_occurrence_ends_the_series(cast):
    item = _quarterly_report(cast)
    second = action_item_set_status(by=cast.chiangrai_coordinator, item=item, status="done")
    action_item_set_status(by=cast.chiangrai_coordinator, item=second, status="cancelled")
    assert action_items_roll_over(today=dt.date(2030, 1, 1)) == []
