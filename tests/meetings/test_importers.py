"""Agenda and attendance of one meeting from a file: matched to the directory, previewed, all or nothing."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from sanphalang.directory.services import person_create
from sanphalang.imports.models import ImportBatch, ImportStatus
from sanphalang.imports.services import run_import
from sanphalang.imports.tabular import read_table
from sanphalang.meetings.models import AgendaItem, Attendance
from sanphalang.meetings.services.bodies import body_create, membership_add
from sanphalang.meetings.services.meetings import meeting_create
from tests.imports.files import csv_bytes, xlsx_bytes
from tests.meetings.factories import meeting_3_2558, msdhs

ATTENDANCE_HEADINGS = ["ชื่อ-นามสกุล", "องค์กร", "บทบาท"]
AGENDA_HEADINGS = ["ลำดับ", "เรื่อง", "รายละเอียด", "คณะทำงาน"]


@pytest.fixture
def s1(cast):
    """Meeting 3/2558 of the council, a member and a non-member in the directory, and a working group."""
    meeting = meeting_3_2558(cast)
    by = cast.chiangrai_coordinator
    member = person_create(by=by, title="นาง", first_name="สมศรี", last_name="มีสุข", area_code="5701")
    guest = person_create(by=by, first_name="สมชาย", last_name="ใจดี", area_code="5709")
    membership_add(by=by, body=meeting.body, person=member)
    land = body_create(
        by=by, name_th="คณะทำงานด้านที่ดิน", area_code="57", kind="working_group", parent=meeting.body
    )
    return {"meeting": meeting, "member": member, "guest": guest, "office": msdhs(cast), "land": land}


def run(entity, rows, by, meeting, *, make=csv_bytes, filename="rows.csv", **kwargs):
    with translation.override("en"):
        return run_import(
            entity=entity,
            table=read_table(make(rows), filename),
            by=by,
            meeting_id=meeting.pk if meeting else None,
            **kwargs,
        )


# ---- attendance


def test_a_valid_attendance_file_records_everyone_and_flags_the_guests(cast, s1):
    # given a sheet with a member (written with another title), a guest and an agency by its abbreviation
    rows = [
        ATTENDANCE_HEADINGS,
        ["นางสาวสมศรี มีสุข", "", "กรรมการ"],
        ["นายสมชาย  ใจดี", "", "ผู้สังเกตการณ์"],
        ["", "พมจ.เชียงราย", "หน่วยงานภาคี"],
    ]
    # when the provincial coordinator imports it into meeting 3/2558
    result = run(
        "attendance",
        rows,
        cast.chiangrai_coordinator,
        s1["meeting"],
        make=xlsx_bytes,
        filename="attendance.xlsx",
        commit=True,
    )
    # then all three are recorded, the member as a member and the others as guests
    assert result.errors == [] and result.written and result.created == 3
    recorded = {
        (a.person_id, a.organisation_id): (a.role, a.is_guest) for a in s1["meeting"].attendances.all()
    }
    assert recorded == {
        (s1["member"].pk, None): ("กรรมการ", False),
        (s1["guest"].pk, None): ("ผู้สังเกตการณ์", True),
        (None, s1["office"].pk): ("หน่วยงานภาคี", True),
    }


def test_an_unknown_person_is_reported_at_its_line_and_column_and_nothing_is_written(cast, s1):
    rows = [ATTENDANCE_HEADINGS, ["สมศรี มีสุข", "", ""], ["นายไม่มี ในทะเบียน", "", ""]]
    result = run("attendance", rows, cast.chiangrai_coordinator, s1["meeting"], commit=True)
    assert [(e.line, e.column) for e in result.errors] == [(3, "ชื่อ-นามสกุล")]
    assert "ไม่มี ในทะเบียน" in result.errors[0].message
    assert not result.written and result.created == 0
    assert not Attendance.objects.exists()


def test_skipping_bad_rows_records_the_good_ones(cast, s1):
    rows = [ATTENDANCE_HEADINGS, ["สมศรี มีสุข", "", ""], ["ไม่มี ในทะเบียน", "องค์กรที่ไม่มี", ""]]
    result = run(
        "attendance", rows, cast.chiangrai_coordinator, s1["meeting"], commit=True, skip_bad_rows=True
    )
    # both cells of the bad row are reported
    assert sorted((e.line, e.column) for e in result.errors) == [(3, "ชื่อ-นามสกุล"), (3, "องค์กร")]
    assert result.written and result.created == 1
    assert list(Attendance.objects.values_list("person_id", flat=True)) == [s1["member"].pk]


def test_a_person_outside_the_users_areas_is_unknown(cast, s1):
    # the Mae Sai person is not among the Mueang coordinator's people, even on a meeting they may change
    group = body_create(by=cast.mueang_coordinator, name_th="เครือข่ายเมืองเชียงราย", area_code="5701")
    meeting = meeting_create(by=cast.mueang_coordinator, body=group, held_on=s1["meeting"].held_on)
    result = run(
        "attendance",
        [ATTENDANCE_HEADINGS, ["สมชาย ใจดี", "", ""]],
        cast.mueang_coordinator,
        meeting,
        commit=True,
    )
    assert [(e.line, e.column) for e in result.errors] == [(2, "ชื่อ-นามสกุล")]
    assert not Attendance.objects.exists()


def test_a_repeated_person_is_reported_at_the_second_line(cast, s1):
    rows = [ATTENDANCE_HEADINGS, ["สมศรี มีสุข", "", ""], ["นางสมศรี มีสุข", "", ""]]
    result = run("attendance", rows, cast.chiangrai_coordinator, s1["meeting"], commit=False)
    assert [(e.line, e.column) for e in result.errors] == [(3, "ชื่อ-นามสกุล")]


def test_english_headings_are_read(cast, s1):
    rows = [["Full name", "Organisation", "Role"], ["สมศรี มีสุข", "", "member"]]
    result = run("attendance", rows, cast.chiangrai_coordinator, s1["meeting"], commit=True)
    assert result.errors == [] and Attendance.objects.get().role == "member"


# ---- agenda


def test_an_agenda_file_adds_items_in_order_with_their_working_group(cast, s1):
    rows = [
        AGENDA_HEADINGS,
        ["๑", "เรื่องที่ประธานแจ้งให้ทราบ", "", ""],
        ["2", "รายงานคณะทำงาน", "ความคืบหน้าการแก้ปัญหาที่ดิน", "คณะทำงานด้านที่ดิน"],
        ["", "เรื่องอื่นๆ", "", ""],
    ]
    result = run("agenda", rows, cast.chiangrai_coordinator, s1["meeting"], commit=True)
    assert result.errors == [] and result.created == 3
    assert [(a.order, a.title, a.working_group_id) for a in s1["meeting"].agenda_items.all()] == [
        (1, "เรื่องที่ประธานแจ้งให้ทราบ", None),
        (2, "รายงานคณะทำงาน", s1["land"].pk),
        (3, "เรื่องอื่นๆ", None),
    ]


def test_agenda_errors_name_their_line_and_column_and_nothing_is_written(cast, s1):
    rows = [
        AGENDA_HEADINGS,
        ["1", "เรื่องแจ้ง", "", ""],
        ["หนึ่ง", "เรื่องรับรอง", "", ""],
        ["3", "", "", ""],
        ["4", "รายงาน", "", "คณะทำงานที่ไม่มี"],
        ["1", "ซ้ำ", "", ""],
    ]
    result = run("agenda", rows, cast.chiangrai_coordinator, s1["meeting"], commit=True)
    assert [(e.line, e.column) for e in result.errors] == [
        (3, "ลำดับ"),
        (4, "เรื่อง"),
        (5, "คณะทำงาน"),
        (6, "ลำดับ"),
    ]
    assert not result.written
    assert not AgendaItem.objects.exists()


# ---- the meeting the rows go into


def test_without_a_meeting_or_with_one_the_user_cannot_change_nothing_is_imported(cast, s1):
    rows = [AGENDA_HEADINGS, ["1", "เรื่องแจ้ง", "", ""]]
    for by, meeting in (
        (cast.chiangrai_coordinator, None),
        (cast.mueang_coordinator, s1["meeting"]),
        (cast.phayao_coordinator, s1["meeting"]),
    ):
        with pytest.raises(ValidationError) as error:
            run("agenda", rows, by, meeting, commit=True)
        assert "meeting" in error.value.message_dict
    assert not AgendaItem.objects.exists()


def test_the_web_import_previews_and_confirms_into_the_meeting(cast, client_for, s1):
    client = client_for(cast.chiangrai_coordinator)
    data = csv_bytes([ATTENDANCE_HEADINGS, ["สมศรี มีสุข", "", ""], ["สมชาย ใจดี", "", ""]])
    # when the file is uploaded for the meeting
    response = client.post(
        reverse("imports:index"),
        {
            "entity": "attendance",
            "meeting": s1["meeting"].pk,
            "file": SimpleUploadedFile("attendance.csv", data),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = ImportBatch.objects.get()
    assert batch.meeting_id == s1["meeting"].pk
    # then the preview writes nothing
    preview = client.get(reverse("imports:preview", args=[batch.pk]))
    assert preview.status_code == 200 and "3/2558" in preview.content.decode()
    assert not Attendance.objects.exists()
    # and the confirmation records both, the non-member as a guest
    assert client.post(reverse("imports:confirm", args=[batch.pk])).status_code == 302
    batch.refresh_from_db()
    assert (batch.status, batch.created_count) == (ImportStatus.IMPORTED, 2)
    assert sorted(Attendance.objects.values_list("is_guest", flat=True)) == [False, True]


def test_the_web_import_asks_for_the_meeting(cast, client_for, s1):
    upload = SimpleUploadedFile("agenda.csv", csv_bytes([AGENDA_HEADINGS, ["1", "เรื่องแจ้ง", "", ""]]))
    response = client_for(cast.mueang_coordinator).post(
        reverse("imports:index"), {"entity": "agenda", "file": upload}
    )
    assert response.status_code == 400
    assert "meeting" in response.context["form"].errors
    assert not ImportBatch.objects.exists()


def test_the_command_imports_into_the_meeting_given(cast, s1, tmp_path):
    path = tmp_path / "agenda.xlsx"
    path.write_bytes(xlsx_bytes([AGENDA_HEADINGS, ["1", "เรื่องแจ้ง", "", ""]]))
    out = io.StringIO()
    with translation.override("en"):
        call_command("import", "agenda", str(path), user="cr_coord", meeting=s1["meeting"].pk, stdout=out)
        assert "Imported 1 record" in out.getvalue()
        with pytest.raises(CommandError, match="Choose the meeting"):
            call_command("import", "agenda", str(path), user="cr_coord", stdout=io.StringIO())
    assert AgendaItem.objects.count() == 1
