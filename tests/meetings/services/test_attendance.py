"""Attendance in bulk (services/attendance.py): many lines in one transaction, the rules of one line for each."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.models import Organisation, Person
from sanphalang.errors import AccessDenied
from sanphalang.meetings.models import Attendance
from sanphalang.meetings.services.attendance import (
    AttendanceEntry,
    NewOrganisation,
    NewPerson,
    attendance_record_many,
)
from sanphalang.meetings.services.meetings import attendance_record
from tests.meetings.attendance_data import KNOWN_AGENCIES, NEW_AGENCIES, s1_with_directory, s1_with_members
from tests.meetings.factories import person


def _organisation(name):
    return Organisation.objects.get(name_th=name)


def test_it_records_every_line_at_once_creating_the_organisations_the_directory_lacks(cast):
    # given meeting 3/2558 and the agencies the directory holds
    meeting = s1_with_directory(cast)
    entries = [AttendanceEntry(organisation=_organisation(name)) for name in KNOWN_AGENCIES]
    entries += [
        AttendanceEntry(organisation=NewOrganisation(name, kind="agency")) for name in NEW_AGENCIES[:3]
    ]
    # when they are recorded in bulk
    batch = attendance_record_many(by=cast.chiangrai_coordinator, meeting=meeting, entries=entries)
    # then each is one attendance line, the new agencies in the directory in the council's area
    assert len(batch.recorded) == meeting.attendances.count() == len(KNOWN_AGENCIES) + 3
    created = Organisation.objects.get(name_th=NEW_AGENCIES[0])
    assert (created.kind, created.area_id) == ("agency", "57")
    assert [record.pk for record in batch.created] == [_organisation(name).pk for name in NEW_AGENCIES[:3]]


def test_it_does_not_record_twice_who_is_recorded_already_or_named_on_two_lines(cast):
    # given an agency recorded before
    meeting = s1_with_directory(cast)
    labour = _organisation(KNOWN_AGENCIES[2])
    attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, organisation=labour)
    # when the list names it again, and another agency twice
    forest = _organisation(KNOWN_AGENCIES[0])
    batch = attendance_record_many(
        by=cast.chiangrai_coordinator,
        meeting=meeting,
        entries=[AttendanceEntry(organisation=o) for o in (labour, forest, forest)],
    )
    # then each is recorded once
    assert [line.organisation for line in batch.recorded] == [forest]
    assert len(batch.already) == 2
    assert meeting.attendances.count() == 2


def test_a_guest_is_marked_quietly_and_a_member_of_a_working_group_is_not_a_guest(cast):
    # given a council whose working group has members
    meeting, members, former = s1_with_members(cast)
    # when a member of its working group, a former member and a newcomer are recorded
    attendance_record_many(
        by=cast.chiangrai_coordinator,
        meeting=meeting,
        entries=[
            AttendanceEntry(organisation=members[4]),
            AttendanceEntry(organisation=former),
            AttendanceEntry(person=NewPerson("นางสาวรัชนี ตรัยตรึงศ์โกศล")),
        ],
    )
    # then only those who were not members that day are guests
    flags = {
        str(line.person or line.organisation): line.is_guest
        for line in Attendance.objects.filter(meeting=meeting).select_related("person", "organisation")
    }
    assert flags == {members[4].name_th: False, former.name_th: True, "รัชนี ตรัยตรึงศ์โกศล": True}
    newcomer = Person.objects.get(first_name="รัชนี")
    assert (newcomer.title, newcomer.last_name, newcomer.area_id) == ("นางสาว", "ตรัยตรึงศ์โกศล", "57")


def test_the_unnamed_are_counted_in_the_participants_which_never_fall_below_those_recorded(cast):
    # given a meeting whose number of participants is not known
    meeting = s1_with_directory(cast)
    meeting.head_count = None
    meeting.save()
    # when two agencies are recorded and three more counted
    entries = [AttendanceEntry(organisation=_organisation(name)) for name in KNOWN_AGENCIES[:2]]
    batch = attendance_record_many(by=cast.chiangrai_coordinator, meeting=meeting, entries=entries, unnamed=3)
    # then the meeting had five participants
    meeting.refresh_from_db()
    assert batch.head_count == meeting.head_count == 5
    # and a known number that covers everyone is kept
    attendance_record_many(by=cast.chiangrai_coordinator, meeting=meeting, entries=[], unnamed=0)
    meeting.refresh_from_db()
    assert meeting.head_count == 5


def test_a_known_number_of_participants_that_covers_the_recorded_stays(cast):
    # given meeting 3/2558 with its 50 participants
    meeting = s1_with_directory(cast)
    # when nine are recorded
    entries = [AttendanceEntry(organisation=_organisation(name)) for name in KNOWN_AGENCIES]
    attendance_record_many(by=cast.chiangrai_coordinator, meeting=meeting, entries=entries, unnamed=2)
    # then the number stays 50
    meeting.refresh_from_db()
    assert meeting.head_count == 50


def test_a_bad_line_records_nothing_and_is_named_by_its_place(cast):
    # given a list whose third line names nobody and whose fourth is a new organisation without a name
    meeting = s1_with_directory(cast)
    entries = [
        AttendanceEntry(organisation=_organisation(KNOWN_AGENCIES[0])),
        AttendanceEntry(organisation=NewOrganisation(NEW_AGENCIES[0], kind="agency")),
        AttendanceEntry(),
        AttendanceEntry(organisation=NewOrganisation("  ", kind="agency")),
    ]
    # when it is recorded
    with pytest.raises(ValidationError) as refused:
        attendance_record_many(by=cast.chiangrai_coordinator, meeting=meeting, entries=entries)
    # then both lines are named, and nothing was written, not even the new organisation
    assert set(refused.value.message_dict) == {"entries.2.person", "entries.3.organisation"}
    assert not meeting.attendances.exists()
    assert not Organisation.objects.filter(name_th=NEW_AGENCIES[0]).exists()


def test_a_negative_count_is_refused(cast):
    meeting = s1_with_directory(cast)
    with pytest.raises(ValidationError) as refused:
        attendance_record_many(by=cast.chiangrai_coordinator, meeting=meeting, entries=[], unnamed=-1)
    assert "unnamed" in refused.value.message_dict


@pytest.mark.parametrize("user", ["phayao_coordinator", "chiangrai_viewer", "mueang_coordinator"])
def test_it_refuses_who_may_not_change_the_council(cast, user):
    # given the provincial council's meeting
    meeting = s1_with_directory(cast)
    # when a coordinator of another province, a viewer or a district's coordinator records attendance
    with pytest.raises(AccessDenied):
        attendance_record_many(
            by=getattr(cast, user),
            meeting=meeting,
            entries=[AttendanceEntry(organisation=NewOrganisation("สำนักงานใหม่", kind="agency"))],
        )
    # then nothing was written
    assert not meeting.attendances.exists()
    assert not Organisation.objects.filter(name_th="สำนักงานใหม่").exists()


def test_a_person_the_recorder_may_not_read_is_refused(cast):
    # given a person of Phayao
    meeting = s1_with_directory(cast)
    outsider = person(cast, area_code="57")
    outsider.area_id = "56"
    outsider.save()
    # when a Chiang Rai coordinator records them
    with pytest.raises(AccessDenied):
        attendance_record_many(
            by=cast.chiangrai_coordinator, meeting=meeting, entries=[AttendanceEntry(person=outsider)]
        )
    assert not meeting.attendances.exists()
