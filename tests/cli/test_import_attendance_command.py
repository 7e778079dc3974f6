"""sanphalang import attendance --meeting 3/2558 FILE: the meeting found by its number and BE year (and --body
when several bodies have one), not by the id in its page's address."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import meeting_create
from tests.imports.files import csv_bytes
from tests.meetings.attendance_data import KNOWN_AGENCIES, s1_with_directory


def _import(tmp_path, *args, **options):
    path = tmp_path / "attendance.csv"
    path.write_bytes(csv_bytes([["องค์กร"], *[[name] for name in KNOWN_AGENCIES[:3]]]))
    out = io.StringIO()
    with translation.override("en"):
        call_command("import", "attendance", str(path), *args, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_the_meeting_is_named_by_its_number_and_be_year_in_thai_digits_too(cast, tmp_path):
    meeting = s1_with_directory(cast)
    out = _import(tmp_path, meeting="๓/๒๕๕๘", user="cr_coord")
    assert "Imported 3 records" in out
    assert meeting.attendances.count() == 3


def test_several_bodies_with_a_meeting_3_2558_are_told_apart_by_body(cast, tmp_path):
    # given the welfare network's own meeting 3/2558
    meeting = s1_with_directory(cast)
    network = body_create(
        by=cast.chiangrai_coordinator, name_th="เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย", area_code="57", kind="board"
    )
    for month in (1, 2, 3):
        other = meeting_create(
            by=cast.chiangrai_coordinator, body=network, held_on=meeting.held_on.replace(month=month)
        )
    assert (other.number, other.year_be) == (3, 2558)
    # when the meeting is named without its body, the command says which bodies have one
    with pytest.raises(CommandError) as refused:
        _import(tmp_path, meeting="3/2558", user="cr_coord")
    assert "--body" in str(refused.value) and "เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย" in str(refused.value)
    assert not meeting.attendances.exists()
    # and with it, the rows go into the council's
    _import(tmp_path, meeting="3/2558", body="สภาพลเมือง", user="cr_coord")
    assert meeting.attendances.count() == 3
    assert not other.attendances.exists()


@pytest.mark.parametrize(
    ("options", "told"),
    [
        ({"meeting": "9/2558"}, "No meeting 9/2558 is in your areas."),
        ({"meeting": "3/2558", "body": "คณะกรรมการอื่น"}, "No body named คณะกรรมการอื่น has a meeting 3/2558"),
        ({"meeting": "การประชุมครั้งที่สาม"}, "such as 3/2558"),
    ],
)
def test_a_meeting_not_found_is_a_clear_error(cast, tmp_path, options, told):
    s1_with_directory(cast)
    with pytest.raises(CommandError) as refused:
        _import(tmp_path, user="cr_coord", **options)
    assert told in str(refused.value)


def test_a_meeting_of_another_province_is_not_found(cast, tmp_path):
    s1_with_directory(cast)
    with pytest.raises(CommandError) as refused:
        _import(tmp_path, meeting="3/2558", user="py_coord")
    assert "No meeting 3/2558 is in your areas." in str(refused.value)


def test_the_meeting_id_still_works(cast, tmp_path):
    meeting = s1_with_directory(cast)
    _import(tmp_path, meeting=str(meeting.pk), user="cr_coord")
    assert meeting.attendances.count() == 3
