"""Correcting a meeting's record through the services: what changes, what is refused, the guest flag kept right,
and history rows that name who changed or removed what."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from sanphalang.accounts.models import AccessLog
from sanphalang.errors import AccessDenied
from sanphalang.meetings.models import (
    ActionItem,
    AgendaItem,
    Attachment,
    Attendance,
    Invitation,
    Membership,
    Resolution,
)
from sanphalang.meetings.services import body_update, letter_create, meeting_update, membership_add
from sanphalang.meetings.services_edits import (
    action_item_remove,
    action_item_update,
    agenda_item_remove,
    agenda_item_update,
    attachment_remove,
    attendance_remove,
    attendance_update,
    invitation_remove,
    invitation_update,
    membership_remove,
    membership_update,
    resolution_remove,
    resolution_update,
)
from sanphalang.meetings.services_pages import attachment_add

from .corrections_data import MEETING_DAY, other_agency, recorded_meeting, snapshot


@pytest.fixture
def s1(cast):
    return recorded_meeting(cast)


def _agenda(meeting) -> list[tuple[int, str]]:
    return list(meeting.agenda_items.order_by("order", "id").values_list("order", "title"))


def _deleted_by(model, pk):
    return model.history.filter(id=pk, history_type="-").get().history_user


class TestAgendaItems:
    def test_the_coordinator_corrects_a_typo_and_the_history_names_them(self, cast, s1):
        # given agenda item 2 with a typo
        item = s1.agenda[1]
        # when the coordinator corrects it and names the reporting working group
        agenda_item_update(by=cast.chiangrai_coordinator, item=item, title="  รายงานความก้าวหน้าคณะทำงาน ๗ คณะ (แก้ไข) ",
                           working_group=s1.group, report="ซ่อมบ้าน 618 หลัง")
        # then the item is saved, cleaned, and its last history row names the coordinator
        item.refresh_from_db()
        assert (item.title, item.working_group, item.report) == (
            "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ (แก้ไข)", s1.group, "ซ่อมบ้าน 618 หลัง")
        latest = item.history.latest()
        assert (latest.history_type, latest.history_user) == ("~", cast.chiangrai_coordinator)

    def test_a_new_order_moves_the_item_and_the_agenda_is_numbered_again(self, cast, s1):
        # when the last item is moved to the first place
        agenda_item_update(by=cast.chiangrai_coordinator, item=s1.agenda[2], order=1)
        # then it is first and the others moved down one place, numbered 1 to 3
        assert _agenda(s1.meeting) == [(1, "เรื่องอื่น ๆ"), (2, "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"),
                                       (3, "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ")]

    def test_an_order_past_the_end_puts_the_item_last(self, cast, s1):
        agenda_item_update(by=cast.chiangrai_coordinator, item=s1.agenda[0], order=9)
        assert [order for order, _title in _agenda(s1.meeting)] == [1, 2, 3]
        assert _agenda(s1.meeting)[-1][1] == "เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ"

    def test_removing_an_item_closes_the_gap_and_keeps_who_removed_it(self, cast, s1):
        pk = s1.agenda[0].pk
        agenda_item_remove(by=cast.chiangrai_coordinator, item=s1.agenda[0])
        assert _agenda(s1.meeting) == [(1, "รายงานความก้าวหน้าคณะทำงาน ๗ คณะ"), (2, "เรื่องอื่น ๆ")]
        assert _deleted_by(AgendaItem, pk) == cast.chiangrai_coordinator

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
        assert _deleted_by(Attendance, pk) == cast.chiangrai_coordinator

    def test_the_viewer_cannot_remove_a_line(self, cast, s1):
        with pytest.raises(AccessDenied):
            attendance_remove(by=cast.chiangrai_viewer, attendance=s1.visitor_line)
        assert Attendance.objects.count() == 2


class TestResolutions:
    def test_text_and_number_are_corrected(self, cast, s1):
        resolution_update(by=cast.chiangrai_coordinator, resolution=s1.bare_resolution, number=5,
                          text=" รับทราบรายงานของคณะทำงาน ")
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
        assert _deleted_by(Resolution, pk) == cast.chiangrai_coordinator


class TestActionItems:
    def test_title_due_date_owners_and_outcome_are_corrected(self, cast, s1):
        agency = other_agency(cast)
        action_item_update(by=cast.chiangrai_coordinator, item=s1.single_item, title="ส่งรายงานการประชุมให้ อบจ.",
                           due_on=dt.date(2015, 8, 15), owner_organisation=agency, owner_person=s1.member,
                           outcome="ส่งแล้วทางอีเมล")
        item = ActionItem.objects.get(pk=s1.single_item.pk)
        assert (item.title, item.due_on, item.owner_organisation, item.owner_person, item.outcome) == (
            "ส่งรายงานการประชุมให้ อบจ.", dt.date(2015, 8, 15), agency, s1.member, "ส่งแล้วทางอีเมล")
        assert item.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_due_date_before_the_meeting_is_a_field_error(self, cast, s1):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            action_item_update(by=cast.chiangrai_coordinator, item=s1.single_item,
                               due_on=MEETING_DAY - dt.timedelta(days=1))
        assert "due_on" in error.value.message_dict
        assert snapshot() == before

    def test_the_status_is_not_changed_here(self, cast, s1):
        with pytest.raises(ValidationError) as error:
            action_item_update(by=cast.chiangrai_coordinator, item=s1.single_item, status="done")
        assert "status" in error.value.message_dict

    def test_an_item_of_a_series_with_other_occurrences_is_not_removed(self, cast, s1):
        ActionItem.objects.create(body=s1.body, meeting=s1.meeting, resolution=s1.resolution, title="รายงานผู้ว่าฯ",
                                  due_on=dt.date(2016, 1, 20), recurrence_months=3, series=s1.item, sequence=2)
        with pytest.raises(ValidationError) as error:
            action_item_remove(by=cast.chiangrai_coordinator, item=s1.item)
        assert error.value.code == "in_series"
        assert ActionItem.objects.filter(series=s1.item).count() == 2

    def test_an_item_letters_refer_to_is_not_removed(self, cast, s1):
        letter_create(by=cast.chiangrai_coordinator, body=s1.body, direction="out", dated_on=dt.date(2015, 7, 25),
                      subject="ส่งรายงานการประชุม", counterpart=s1.office, action_item=s1.single_item)
        with pytest.raises(ValidationError) as error:
            action_item_remove(by=cast.chiangrai_coordinator, item=s1.single_item)
        assert error.value.code == "has_letters"
        assert ActionItem.objects.filter(pk=s1.single_item.pk).exists()

    def test_an_item_recorded_by_mistake_is_removed_with_history(self, cast, s1):
        pk = s1.single_item.pk
        action_item_remove(by=cast.chiangrai_coordinator, item=s1.single_item)
        assert not ActionItem.objects.filter(pk=pk).exists()
        assert _deleted_by(ActionItem, pk) == cast.chiangrai_coordinator


class TestMembershipsAndTheGuestFlag:
    def test_ending_a_membership_before_the_meeting_makes_the_member_a_guest_there(self, cast, s1):
        # given a member who attended meeting 3/2558 as a member
        assert s1.member_line.is_guest is False
        # when their membership is ended before the meeting
        membership_update(by=cast.chiangrai_coordinator, membership=s1.membership, ended_on=dt.date(2015, 6, 30))
        # then their attendance line there is a guest's, and its history names the coordinator
        line = Attendance.objects.get(pk=s1.member_line.pk)
        assert line.is_guest is True
        assert line.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_start_date_after_the_meeting_makes_the_member_a_guest_and_back(self, cast, s1):
        membership_update(by=cast.chiangrai_coordinator, membership=s1.membership, started_on=dt.date(2015, 8, 1))
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is True
        membership_update(by=cast.chiangrai_coordinator, membership=s1.membership, started_on=dt.date(2015, 7, 20))
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is False

    def test_an_end_date_after_the_meeting_keeps_the_member(self, cast, s1):
        membership_update(by=cast.chiangrai_coordinator, membership=s1.membership, ended_on=MEETING_DAY,
                          role="chair", title="ประธาน")
        membership = Membership.objects.get(pk=s1.membership.pk)
        assert (membership.role, membership.title, membership.ended_on) == ("chair", "ประธาน", MEETING_DAY)
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is False
        assert membership.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_membership_ending_before_it_starts_is_a_field_error(self, cast, s1):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            membership_update(by=cast.chiangrai_coordinator, membership=s1.membership, ended_on=dt.date(2014, 1, 1))
        assert "ended_on" in error.value.message_dict
        assert snapshot() == before

    def test_removing_a_membership_makes_the_member_a_guest_and_keeps_who_removed_it(self, cast, s1):
        pk = s1.membership.pk
        membership_remove(by=cast.chiangrai_coordinator, membership=s1.membership)
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is True
        assert _deleted_by(Membership, pk) == cast.chiangrai_coordinator

    def test_another_membership_still_covering_the_day_keeps_the_member(self, cast, s1):
        membership_add(by=cast.chiangrai_coordinator, body=s1.group, person=s1.member)
        membership_remove(by=cast.chiangrai_coordinator, membership=s1.membership)
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is False

    def test_a_working_group_membership_recorded_late_makes_the_visitor_a_member_at_the_council(self, cast, s1):
        # given the visitor, recorded as a guest at the council's meeting
        assert s1.visitor_line.is_guest is True
        # when their membership of the council's working group since 2557 is recorded
        membership = membership_add(by=cast.chiangrai_coordinator, body=s1.group, person=s1.visitor,
                                    started_on=dt.date(2014, 1, 1))
        # then they were a member at the meeting; removing the membership makes them a guest again
        assert Attendance.objects.get(pk=s1.visitor_line.pk).is_guest is False
        membership_remove(by=cast.chiangrai_coordinator, membership=membership)
        assert Attendance.objects.get(pk=s1.visitor_line.pk).is_guest is True

    def test_moving_the_meeting_before_the_membership_started_makes_the_member_a_guest(self, cast, s1):
        meeting_update(by=cast.chiangrai_coordinator, meeting=s1.meeting, held_on=dt.date(2014, 12, 20))
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is True

    def test_moving_a_working_group_away_makes_its_members_guests_at_the_council(self, cast, s1):
        membership_add(by=cast.chiangrai_coordinator, body=s1.group, person=s1.visitor)
        assert Attendance.objects.get(pk=s1.visitor_line.pk).is_guest is False
        body_update(by=cast.chiangrai_coordinator, body=s1.group, parent=None)
        assert Attendance.objects.get(pk=s1.visitor_line.pk).is_guest is True

    def test_the_viewer_cannot_end_a_membership(self, cast, s1):
        before = snapshot()
        with pytest.raises(AccessDenied):
            membership_update(by=cast.chiangrai_viewer, membership=s1.membership, ended_on=dt.date(2015, 6, 30))
        assert snapshot() == before


class TestInvitationsAndAttachments:
    def test_the_answer_is_corrected_and_a_wrong_invitation_removed(self, cast, s1):
        invitation_update(by=cast.chiangrai_coordinator, invitation=s1.invitation, response="delegated")
        s1.invitation.refresh_from_db()
        assert s1.invitation.response == "delegated"
        assert s1.invitation.history.latest().history_user == cast.chiangrai_coordinator
        pk = s1.invitation.pk
        invitation_remove(by=cast.chiangrai_coordinator, invitation=s1.invitation)
        assert not s1.meeting.invitations.exists()
        assert _deleted_by(Invitation, pk) == cast.chiangrai_coordinator

    def test_an_unknown_answer_is_a_field_error(self, cast, s1):
        with pytest.raises(ValidationError) as error:
            invitation_update(by=cast.chiangrai_coordinator, invitation=s1.invitation, response="maybe")
        assert "response" in error.value.message_dict

    def test_removing_an_attachment_logs_who_and_deletes_the_file(self, cast, s1, settings, tmp_path,
                                                                  django_capture_on_commit_callbacks):
        settings.MEDIA_ROOT = tmp_path
        attachment = attachment_add(by=cast.chiangrai_coordinator, meeting=s1.meeting,
                                    file=ContentFile(b"signed minutes", name="minutes.txt"))
        stored, pk = attachment.file.path, attachment.pk
        assert (tmp_path / stored).exists()
        with django_capture_on_commit_callbacks(execute=True):
            attachment_remove(by=cast.chiangrai_coordinator, attachment=attachment)
        assert not Attachment.objects.exists()
        log = AccessLog.objects.get(model="meetings.attachment", object_id=str(pk))
        assert (log.action, log.user) == ("delete", cast.chiangrai_coordinator)
        assert not (tmp_path / stored).exists()

    def test_the_viewer_cannot_remove_an_attachment(self, cast, s1, settings, tmp_path):
        settings.MEDIA_ROOT = tmp_path
        attachment = attachment_add(by=cast.chiangrai_coordinator, meeting=s1.meeting,
                                    file=ContentFile(b"x", name="x.txt"))
        with pytest.raises(AccessDenied):
            attachment_remove(by=cast.chiangrai_viewer, attachment=attachment)
        assert Attachment.objects.filter(pk=attachment.pk).exists()
        assert not AccessLog.objects.filter(model="meetings.attachment").exists()
