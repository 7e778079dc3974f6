"""Writes to memberships and the guest flag they decide at the body's meetings and its parent's."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.meetings.models import (
    Attendance,
    Membership,
)
from sanphalang.meetings.services.bodies import (
    body_update,
    membership_add,
    membership_remove,
    membership_update,
)
from sanphalang.meetings.services.meetings import meeting_update
from tests.meetings.corrections_data import MEETING_DAY, deleted_by, snapshot


class TestMembershipsAndTheGuestFlag:
    def test_ending_a_membership_before_the_meeting_makes_the_member_a_guest_there(self, cast, s1):
        # given a member who attended meeting 3/2558 as a member
        assert s1.member_line.is_guest is False
        # when their membership is ended before the meeting
        membership_update(
            by=cast.chiangrai_coordinator, membership=s1.membership, ended_on=dt.date(2015, 6, 30)
        )
        # then their attendance line there is a guest's, and its history names the coordinator
        line = Attendance.objects.get(pk=s1.member_line.pk)
        assert line.is_guest is True
        assert line.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_start_date_after_the_meeting_makes_the_member_a_guest_and_back(self, cast, s1):
        membership_update(
            by=cast.chiangrai_coordinator, membership=s1.membership, started_on=dt.date(2015, 8, 1)
        )
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is True
        membership_update(
            by=cast.chiangrai_coordinator, membership=s1.membership, started_on=dt.date(2015, 7, 20)
        )
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is False

    def test_an_end_date_after_the_meeting_keeps_the_member(self, cast, s1):
        membership_update(
            by=cast.chiangrai_coordinator,
            membership=s1.membership,
            ended_on=MEETING_DAY,
            role="chair",
            title="ประธาน",
        )
        membership = Membership.objects.get(pk=s1.membership.pk)
        assert (membership.role, membership.title, membership.ended_on) == ("chair", "ประธาน", MEETING_DAY)
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is False
        assert membership.history.latest().history_user == cast.chiangrai_coordinator

    def test_a_membership_ending_before_it_starts_is_a_field_error(self, cast, s1):
        before = snapshot()
        with pytest.raises(ValidationError) as error:
            membership_update(
                by=cast.chiangrai_coordinator, membership=s1.membership, ended_on=dt.date(2014, 1, 1)
            )
        assert "ended_on" in error.value.message_dict
        assert snapshot() == before

    def test_removing_a_membership_makes_the_member_a_guest_and_keeps_who_removed_it(self, cast, s1):
        pk = s1.membership.pk
        membership_remove(by=cast.chiangrai_coordinator, membership=s1.membership)
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is True
        assert deleted_by(Membership, pk) == cast.chiangrai_coordinator

    def test_another_membership_still_covering_the_day_keeps_the_member(self, cast, s1):
        membership_add(by=cast.chiangrai_coordinator, body=s1.group, person=s1.member)
        membership_remove(by=cast.chiangrai_coordinator, membership=s1.membership)
        assert Attendance.objects.get(pk=s1.member_line.pk).is_guest is False

    def test_a_working_group_membership_recorded_late_makes_the_visitor_a_member_at_the_council(
        self, cast, s1
    ):
        # given the visitor, recorded as a guest at the council's meeting
        assert s1.visitor_line.is_guest is True
        # when their membership of the council's working group since 2557 is recorded
        membership = membership_add(
            by=cast.chiangrai_coordinator, body=s1.group, person=s1.visitor, started_on=dt.date(2014, 1, 1)
        )
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
            membership_update(
                by=cast.chiangrai_viewer, membership=s1.membership, ended_on=dt.date(2015, 6, 30)
            )
        assert snapshot() == before
