"""Importing households with their members, one row per member grouped by a household key: every bad row with
its line and reason, IDs repeated in the file or registered already, nothing written unless all are good, Thai or
English headings, and the command line."""

import io

import pytest
from django.core.management import CommandError, call_command

from sanphalang.care.models import Household, Member
from sanphalang.imports.services import run_import
from sanphalang.imports.tabular import read_table
from tests.imports.files import csv_bytes, xlsx_bytes

from .households_data import national_id, register

pytestmark = pytest.mark.django_db

HEADINGS_TH = [
    "รหัสครัวเรือน",
    "รหัสพื้นที่",
    "บ้านเลขที่",
    "ที่อยู่",
    "วัตถุประสงค์ในการเก็บข้อมูล",
    "วันที่ให้ความยินยอม",
    "คำนำหน้าชื่อ",
    "ชื่อ",
    "นามสกุล",
    "ความสัมพันธ์",
    "ปีเกิด (พ.ศ.)",
    "เพศ",
    "เลขประจำตัวประชาชน",
    "เหตุที่ไม่มีเลขประจำตัวประชาชน",
    "ติดเตียง",
    "ผู้สูงอายุอยู่ลำพัง",
]
HEADINGS_EN = [
    "Household key",
    "Area code",
    "House number",
    "Address",
    "Purpose of processing",
    "Consent given on",
    "Title",
    "First name",
    "Last name",
    "Relationship",
    "Year of birth (BE)",
    "Sex",
    "National ID",
    "Why there is no national ID",
    "Bedridden",
    "Elderly, living alone",
]
A = national_id("310170020111")
B = national_id("310170020222")


def rows() -> list[list[str]]:
    return [
        [
            "H1",
            "570101",
            "12/3",
            "หมู่ 4",
            "ดูแลผู้สูงอายุ",
            "1/5/2567",
            "นาง",
            "บัวผัน",
            "ศรีสุข",
            "หัวหน้าครัวเรือน",
            "๒๔๙๐",
            "หญิง",
            A,
            "",
            "",
            "ใช่",
        ],
        ["H1", "", "", "", "", "", "ด.ช.", "ต้น", "ศรีสุข", "หลาน", "2560", "ชาย", "", "ยังไม่แจ้งเกิด", "", ""],
        [
            "H2",
            "570101",
            "8",
            "หมู่ 2",
            "ดูแลผู้ป่วยติดเตียง",
            "2/5/2567",
            "นาย",
            "ประยูร",
            "ทองดี",
            "",
            "2480",
            "ชาย",
            B,
            "",
            "ใช่",
            "",
        ],
    ]


def run(table_rows, by, *, headings=HEADINGS_TH, xlsx=False, commit=True):
    data = (xlsx_bytes if xlsx else csv_bytes)([headings, *table_rows])
    table = read_table(data, "households.xlsx" if xlsx else "households.csv")
    return run_import(entity="care_households", table=table, by=by, commit=commit)


def errors_of(result) -> list[tuple]:
    return [(error.line, error.column, error.message) for error in result.errors]


def test_it_imports_households_with_their_members_grouped_by_key(cast):
    result = run(rows(), cast.mueang_coordinator)
    assert result.written and not result.errors
    assert Household.objects.count() == 2
    first = Household.objects.get(house_number="12/3")
    head, grandchild = first.members.order_by("pk")
    assert (head.relationship, head.birth_year, head.elderly_alone) == ("head", 1947, True)
    assert (grandchild.relationship, grandchild.no_national_id_reason) == ("grandchild", "not_yet_registered")
    assert Member.objects.get(first_name="ประยูร").bedridden


def test_english_headings_and_excel_work_too(cast):
    result = run(rows(), cast.mueang_coordinator, headings=HEADINGS_EN, xlsx=True)
    assert result.written and Member.objects.count() == 3


def test_every_bad_row_is_reported_and_nothing_is_written(cast):
    bad = rows()
    bad[0][12] = A[:-1] + str((int(A[-1]) + 1) % 10)  # a wrong check digit
    bad[2][10] = "1990"  # a CE year
    result = run(bad, cast.mueang_coordinator)
    assert not result.written
    found = errors_of(result)
    assert (2, "เลขประจำตัวประชาชน") in [line_column[:2] for line_column in found]
    assert (4, "ปีเกิด (พ.ศ.)") in [line_column[:2] for line_column in found]
    # the other member of the household that failed is reported too
    assert 3 in [line for line, _column, _message in found]
    assert not Household.objects.exists() and not Member.objects.exists()


def test_an_id_repeated_in_the_file_or_registered_already_is_reported_at_its_row(cast):
    repeated = rows()
    repeated[2][12] = A
    result = run(repeated, cast.mueang_coordinator)
    assert (4, "เลขประจำตัวประชาชน") in [e[:2] for e in errors_of(result)]
    assert "2" in errors_of(result)[0][2]
    # registered already in Mae Sai
    register(
        cast.maesai_coordinator,
        area_code="570901",
        members=[{"first_name": "อื่น", "relationship": "head", "national_id": B}],
    )
    result = run(rows(), cast.mueang_coordinator)
    assert (4, "เลขประจำตัวประชาชน") in [e[:2] for e in errors_of(result)]
    assert Household.objects.count() == 1


def test_a_possible_duplicate_needs_the_reason_column(cast):
    register(
        cast.mueang_coordinator,
        members=[
            {
                "first_name": "บัวผัน",
                "last_name": "ศรีสุข",
                "relationship": "head",
                "no_national_id_reason": "not_known",
            }
        ],
    )
    result = run(rows(), cast.mueang_coordinator)
    assert [e[:2] for e in errors_of(result)][0] == (2, "เหตุผลที่ไม่ใช่ครัวเรือนซ้ำ")
    with_reason = [row + [""] for row in rows()]
    with_reason[0][-1] = "คนละคนกัน ชื่อซ้ำ"
    result = run(with_reason, cast.mueang_coordinator, headings=[*HEADINGS_TH, "เหตุผลที่ไม่ใช่ครัวเรือนซ้ำ"])
    assert result.written, errors_of(result)


def test_a_household_outside_the_users_areas_is_refused(cast):
    result = run(rows(), cast.maesai_coordinator)
    assert not result.written and errors_of(result)[0][:2] == (2, "รหัสพื้นที่")


def test_the_command_imports_a_file(cast, tmp_path):
    path = tmp_path / "households.csv"
    path.write_bytes(csv_bytes([HEADINGS_TH, *rows()]))
    out = io.StringIO()
    call_command("import", "care_households", str(path), user="mueang_coord", stdout=out)
    assert Member.objects.count() == 3
    bad = rows()
    bad[0][7] = ""
    path.write_bytes(csv_bytes([HEADINGS_TH, *bad]))
    with pytest.raises(CommandError):
        call_command("import", "care_households", str(path), user="mueang_coord", stdout=io.StringIO())
