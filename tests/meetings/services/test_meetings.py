"""Writes to meetings and what is recorded at them: numbering in the BE year, guests, and the corrections of
agenda items, attendance lines, resolutions and invitations (what changes, what is refused, who is named)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.services import person_create
from sanphalang.errors import AccessDenied
from sanphalang.meetings.models import (
    AgendaItem,
    Attendance,
    Invitation,
    Meeting,
    Resolution,
)
from sanphalang.meetings.services.bodies import membership_add
from sanphalang.meetings.services.meetings import (
    agenda_item_remove,
    agenda_item_update,
    attendance_record,
    attendance_remove,
    attendance_update,
    invitation_remove,
    invitation_update,
    meeting_create,
    resolution_remove,
    resolution_update,
)
from tests.meetings.corrections_data import agenda_of, deleted_by, snapshot
from tests.meetings.factories import council, meeting_3_2558


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
    visitor = person_create(
        by=cast.chiangrai_coordinator, first_name="สมชาย", last_name="ใจดี", area_code="57"
    )
    membership_add(
        by=cast.chiangrai_coordinator, body=meeting.body, person=member, started_on=dt.date(2015, 1, 1)
    )
    assert attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, person=member).is_guest is False
    assert attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, person=visitor).is_guest is True


class TestAgendaItems:
    def test_the_coordinator_corrects_a_typo_and_the_history_names_them(self, cast, s1):
        # given agenda item 2 with a typo
        item = s1.agenda[1]
        # when the coordinator corrects it and names the reporting working group
        agenda_item_update(
            by=cast.chiangrai_coordinator,
            item=item,
            title="  รายงานความก้าวหน้าคณะทำงาน ๗ คณะ (แก้ไข) ",
            working_group=s1.group,
            report="ซ่อมบ้าน 618 หลัง",
        )
        # then the item is saved, cleaned, and its last history row names the coordinator
        item.refresh_from_db()
        assert (item.title, item.working_group, item.report) == (
            "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ (แก้ไข)",
            s1.group,
            "ซ่อมบ้าน 618 หลัง",
        )
        latest = item.history.latest()
        assert (latest.history_type, latest.history_user) == ("~", cast.chiangrai_coordinator)

    def test_a_new_order_moves_the_item_and_the_agenda_is_numbered_again(self, cast, s1):
        # when the last item is moved to the first place
        agenda_item_update(by=cast.chiangrai_coordinator, item=s1.agenda[2], order=1)
        # then it is first and the others moved down one place, numbered 1 to 3
        assert agenda_of(s1.meeting) == [
            (1, "เรื่องอื่น ๆ"),
            (2, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
            (3, "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ"),
        ]

    def test_an_order_past_the_end_puts_the_item_last(self, cast, s1):
        agenda_item_update(by=cast.chiangrai_coordinator, item=s1.agenda[0], order=9)
        assert [order for order, _title in agenda_of(s1.meeting)] == [1, 2, 3]
        assert agenda_of(s1.meeting)[-1][1] == "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"

    def test_removing_an_item_closes_the_gap_and_keeps_who_removed_it(self, cast, s1):
        pk = s1.agenda[0].pk
        agenda_item_remove(by=cast.chiangrai_coordinator, item=s1.agenda[0])
        assert agenda_of(s1.meeting) == [(1, "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ"), (2, "เรื่องอื่น ๆ")]
        assert deleted_by(AgendaItem, pk) == cast.chiangrai_coordinator

    @pytest.mark.parametrize("order", [0, None])
    def test_an_order_below_1_is_a_field_error(self, cast, s1, order):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            agenda_item_update(by=cast.chiangrai_coordinator, item=s1.agenda[1], order=order)
        assert "order" in error.value.message_dict
        assert snapshot() == before

    def test_an_unknown_field_is_refused_at_the_field(self, cast, s1):
        with pytest.raises(ValidationError) as error:
            agenda_item_update(by=cast.chiangrai_coordinator, item=s1.agenda[1], meeting=None)
        assert "meeting" in error.value.message_dict

    def test_the_district_coordinator_and_the_viewer_are_refused(self, cast, s1):
        before = snapshot()
        for user in (cast.mueang_coordinator, cast.chiangrai_viewer, cast.phayao_coordinator):
            with pytest.raises(AccessDenied):
                agenda_item_update(by=user, item=s1.agenda[1], title="x")
            with pytest.raises(AccessDenied):
                agenda_item_remove(by=user, item=s1.agenda[1])
        assert snapshot() == before


class TestAttendance:
    def test_the_role_is_corrected(self, cast, s1):
        attendance_update(by=cast.chiangrai_coordinator, attendance=s1.visitor_line, role="ผู้แทน พอช.")
        s1.visitor_line.refresh_from_db()
        assert s1.visitor_line.role == "ผู้แทน พอช."
        assert s1.visitor_line.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_line_recorded_by_mistake_is_removed_with_history(self, cast, s1):
        pk = s1.visitor_line.pk
        attendance_remove(by=cast.chiangrai_coordinator, attendance=s1.visitor_line)
        assert list(s1.meeting.attendances.all()) == [s1.member_line]
        assert deleted_by(Attendance, pk) == cast.chiangrai_coordinator

    def test_the_viewer_cannot_remove_a_line(self, cast, s1):
        with pytest.raises(AccessDenied):
            attendance_remove(by=cast.chiangrai_viewer, attendance=s1.visitor_line)
        assert Attendance.objects.count() == 2


class TestResolutions:
    def test_text_and_number_are_corrected(self, cast, s1):
        resolution_update(
            by=cast.chiangrai_coordinator,
            resolution=s1.bare_resolution,
            number=5,
            text=" รับทราบรายงานของคณะทำงาน ",
        )
        s1.bare_resolution.refresh_from_db()
        assert (s1.bare_resolution.number, s1.bare_resolution.text) == (5, "รับทราบรายงานของคณะทำงาน")
        assert s1.bare_resolution.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_number_another_resolution_has_is_a_field_error(self, cast, s1):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            resolution_update(by=cast.chiangrai_coordinator, resolution=s1.bare_resolution, number=1)
        assert "number" in error.value.message_dict
        assert snapshot() == before

    def test_an_empty_text_is_a_field_error(self, cast, s1):
        with pytest.raises(ValidationError) as error:
            resolution_update(by=cast.chiangrai_coordinator, resolution=s1.bare_resolution, text="  ")
        assert "text" in error.value.message_dict

    def test_a_resolution_with_action_items_is_not_removed(self, cast, s1):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            resolution_remove(by=cast.chiangrai_coordinator, resolution=s1.resolution)
        assert error.value.code == "has_action_items"
        assert snapshot() == before

    def test_a_resolution_without_action_items_is_removed_and_the_others_keep_their_numbers(self, cast, s1):
        pk = s1.bare_resolution.pk
        resolution_remove(by=cast.chiangrai_coordinator, resolution=s1.bare_resolution)
        assert list(s1.meeting.resolutions.values_list("number", flat=True)) == [1]
        assert deleted_by(Resolution, pk) == cast.chiangrai_coordinator


class TestInvitations:
    def test_the_answer_is_corrected_and_a_wrong_invitation_removed(self, cast, s1):
        invitation_update(by=cast.chiangrai_coordinator, invitation=s1.invitation, response="delegated")
        s1.invitation.refresh_from_db()
        assert s1.invitation.response == "delegated"
        assert s1.invitation.history.latest().history_user == cast.chiangrai_coordinator
        pk = s1.invitation.pk
        invitation_remove(by=cast.chiangrai_coordinator, invitation=s1.invitation)
        assert not s1.meeting.invitations.exists()
        assert deleted_by(Invitation, pk) == cast.chiangrai_coordinator

    def test_an_unknown_answer_is_a_field_error(self, cast, s1):
        with pytest.raises(ValidationError) as error:
            invitation_update(by=cast.chiangrai_coordinator, invitation=s1.invitation, response="maybe")
        assert "response" in error.value.message_dict
