"""Reads for attendance in bulk (selectors/attendance.py): the body's roster, and pasted lines matched as the
pickers search the directory."""

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.selectors.attendance import (
    attendance_lines_match,
    attendance_roster,
    kind_proposed_for,
    pasted_lines,
)
from sanphalang.meetings.services.bodies import membership_add
from sanphalang.meetings.services.meetings import attendance_record
from tests.meetings.attendance_data import KNOWN_AGENCIES, MSDHS, s1_with_directory, s1_with_members
from tests.meetings.factories import person


def test_a_pasted_list_loses_its_numbering_bullets_and_blank_lines():
    text = "๑. สำนักงานแรงงานจังหวัดเชียงราย\n\n2) องค์การบริหารส่วนจังหวัดเชียงราย\n• มหาวิทยาลัยแม่ฟ้าหลวง\n  \n"
    assert pasted_lines(text) == [
        "สำนักงานแรงงานจังหวัดเชียงราย",
        "องค์การบริหารส่วนจังหวัดเชียงราย",
        "มหาวิทยาลัยแม่ฟ้าหลวง",
    ]


def test_a_name_with_a_number_in_it_keeps_it():
    assert pasted_lines("สำนักงานจัดการทรัพยากรป่าไม้ที่ 2 (เชียงราย)") == ["สำนักงานจัดการทรัพยากรป่าไม้ที่ 2 (เชียงราย)"]


def test_the_kind_of_a_new_organisation_is_proposed_from_its_name():
    assert kind_proposed_for("สำนักงานเกษตรจังหวัดเชียงราย") == "agency"
    assert kind_proposed_for("เทศบาลนครเชียงราย") == "local_government"
    assert kind_proposed_for("มหาวิทยาลัยแม่ฟ้าหลวง") == "university"
    assert kind_proposed_for("บริษัท ตัวอย่าง จำกัด") == "other"


def test_lines_are_matched_exactly_by_abbreviation_or_not_at_all(cast):
    # given the directory's agencies
    meeting = s1_with_directory(cast)
    labour = KNOWN_AGENCIES[2]
    # when a list is matched
    matches = attendance_lines_match(
        user=cast.chiangrai_coordinator,
        meeting=meeting,
        lines=[labour, "พมจ.เชียงราย", "สำนักงานเกษตรจังหวัดเชียงราย"],
    )
    # then the first two find their agency; the third is not matched to the farmers' fund, whose name holds its
    # words apart, but the fund is suggested
    assert [m.status for m in matches] == ["matched", "matched", "unmatched"]
    assert str(matches[0].match.record) == labour
    assert matches[1].match.record.name_th == MSDHS
    assert [c.record.name_th for c in matches[2].candidates] == [KNOWN_AGENCIES[1]]


def test_a_line_several_records_answer_is_ambiguous_and_shows_what_is_recorded(cast):
    # given two offices whose names both hold the line's words
    meeting = s1_with_directory(cast)
    organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        name_th="สำนักงานแรงงานจังหวัดเชียงราย สาขาแม่สาย",
        area_code="57",
    )
    first = organisation_create(
        by=cast.chiangrai_coordinator, kind="agency", name_th="สำนักงานแรงงานอำเภอเชียงของ", area_code="57"
    )
    attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, organisation=first)
    # when a vague line and an exact one are matched
    vague, exact = attendance_lines_match(
        user=cast.chiangrai_coordinator, meeting=meeting, lines=["แรงงาน", KNOWN_AGENCIES[2]]
    )
    # then the vague one offers all three, saying which is recorded; the exact one picks its own
    assert vague.status == "ambiguous"
    assert len(vague.candidates) == 3
    assert [c.recorded for c in vague.candidates if c.record == first] == [True]
    assert exact.status == "matched"
    assert exact.match.record.name_th == KNOWN_AGENCIES[2]


def test_a_line_finds_nothing_outside_the_users_areas(cast):
    # given an office of Phayao
    meeting = s1_with_directory(cast)
    organisation_create(by=cast.admin, kind="agency", name_th="สำนักงานแรงงานจังหวัดพะเยา", area_code="56")
    # when a Chiang Rai coordinator pastes its name
    (match,) = attendance_lines_match(
        user=cast.chiangrai_coordinator, meeting=meeting, lines=["สำนักงานแรงงานจังหวัดพะเยา"]
    )
    # then it is not found
    assert match.status == "unmatched"


def test_the_roster_holds_the_members_of_the_body_and_its_working_groups_on_the_day(cast):
    # given a council of three, its working group of two and a member who left before the meeting
    meeting, members, former = s1_with_members(cast)
    attendance_record(by=cast.chiangrai_coordinator, meeting=meeting, organisation=members[1])
    # when its roster is read
    roster = attendance_roster(user=cast.chiangrai_coordinator, meeting=meeting)
    # then the five members are on it, the council's own first, one recorded already
    assert {line.organisation for line in roster[:3]} == set(members[:3])
    assert {line.organisation for line in roster} == set(members)
    assert [line.recorded for line in roster if line.organisation == members[1]] == [True]
    assert former not in {line.organisation for line in roster}


def test_a_member_the_reader_may_not_open_is_left_off_the_roster(cast):
    # given a member of the council registered in Mae Sai
    meeting, _members, _former = s1_with_members(cast)
    member = person(cast, first_name="สมศรี", area_code="570901")
    membership_add(by=cast.chiangrai_coordinator, body=meeting.body, person=member)
    # when the province's and Mueang's coordinators read the roster
    province = attendance_roster(user=cast.chiangrai_coordinator, meeting=meeting)
    mueang = attendance_roster(user=cast.mueang_coordinator, meeting=meeting)
    # then only the province sees the person; both see the organisations
    assert member in {line.person for line in province}
    assert member not in {line.person for line in mueang}
    assert {line.organisation for line in mueang} == {line.organisation for line in province} - {None}
