"""The import framework: rows through the services, per-row errors with line and column, all or nothing."""

import pytest
from django.utils import translation

from sanphalang.areas.models import Area
from sanphalang.directory.models import NOTE_MAX_LENGTH, Organisation, Person, Position
from sanphalang.directory.services import organisation_create
from sanphalang.imports.services import run_import
from sanphalang.imports.tabular import read_table

from .files import (
    BAD_ID,
    GOOD_ORGANISATIONS,
    ID_1,
    ID_2,
    ORGANISATION_HEADINGS_EN,
    ORGANISATION_HEADINGS_TH,
    PEOPLE_HEADINGS_TH,
    csv_bytes,
    xlsx_bytes,
)


def run(entity, data, filename, by, **kwargs):
    with translation.override("en"):
        return run_import(entity=entity, table=read_table(data, filename), by=by, **kwargs)


@pytest.mark.parametrize("make, filename", [(csv_bytes, "orgs.csv"), (xlsx_bytes, "orgs.xlsx")])
@pytest.mark.parametrize("headings", [ORGANISATION_HEADINGS_TH, ORGANISATION_HEADINGS_EN])
def test_it_imports_organisations_with_thai_or_english_headings(cast, make, filename, headings):
    # given a valid file
    data = make([headings, *GOOD_ORGANISATIONS])
    # when the provincial coordinator imports it
    result = run("organisations", data, filename, cast.chiangrai_coordinator, commit=True)
    # then every row is written, with kinds, abbreviations and issue areas read
    assert result.errors == []
    assert result.written and result.created == 3
    network = Organisation.objects.get(abbreviation="คอช.")
    assert network.kind == "network"
    assert sorted(network.issue_areas.values_list("slug", flat=True)) == ["baan-mankong", "baan-por-piang"]
    assert Organisation.objects.get(name_th="กลุ่มออมทรัพย์บ้านป่าซาง").kind == "community_organisation"


def test_a_preview_writes_nothing_and_counts_the_good_rows(cast):
    data = csv_bytes([ORGANISATION_HEADINGS_TH, *GOOD_ORGANISATIONS])
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=False)
    assert result.good_rows == 3 and result.bad_rows == 0
    assert not result.written
    assert not Organisation.objects.exists()


def test_headings_match_without_case_or_spaces(cast):
    data = csv_bytes([["ชื่อ (ไทย)", "TYPE", "area_code"], ["กลุ่มทดสอบ", "เครือข่าย", "5701"]])
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True)
    assert result.errors == [] and Organisation.objects.get().kind == "network"


def test_a_missing_column_is_one_clear_error(cast):
    from sanphalang.imports.tabular import TableError

    data = csv_bytes([["ชื่อองค์กร", "ประเภท"], ["กลุ่มทดสอบ", "เครือข่าย"]])
    with pytest.raises(TableError, match="รหัสพื้นที่"):
        run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=False)


@pytest.mark.parametrize(
    "bad_row, column, reason",
    [
        (["กลุ่มที่ไม่มีพื้นที่", "", "องค์กรชุมชน", "999999", "", ""], "รหัสพื้นที่", "No area has the code 999999"),
        (["กลุ่มประเภทแปลก", "", "ดาวอังคาร", "570101", "", ""], "ประเภท", "Unknown kind"),
        (
            ["กลุ่มประเด็นแปลก", "", "องค์กรชุมชน", "570101", "no-such-issue", ""],
            "ประเด็นงาน",
            "Unknown issue area",
        ),
        (["กลุ่มออมทรัพย์บ้านป่าซาง", "", "องค์กรชุมชน", "570101", "", ""], "ชื่อองค์กร", "repeats line 2"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_column_and_nothing_is_written(cast, bad_row, column, reason):
    # given a file whose fourth line is bad
    data = csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], GOOD_ORGANISATIONS[1], bad_row])
    # when it is imported for real
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True)
    # then the error names line 4 and the column, and nothing was written
    assert len(result.errors) == 1
    error = result.errors[0]
    assert (error.line, error.column) == (4, column)
    assert reason in error.message
    assert not result.written and result.created == 0
    assert not Organisation.objects.exists()


def test_skip_bad_rows_writes_the_good_ones(cast):
    bad = ["กลุ่มที่ไม่มีพื้นที่", "", "องค์กรชุมชน", "999999", "", ""]
    data = csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], bad, GOOD_ORGANISATIONS[2]])
    result = run(
        "organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True, skip_bad_rows=True
    )
    assert result.written and result.created == 2 and result.bad_rows == 1
    assert Organisation.objects.count() == 2


def test_a_row_that_repeats_an_organisation_already_registered_is_refused(cast):
    organisation_create(
        by=cast.admin, name_th="กลุ่มออมทรัพย์บ้านป่าซาง", kind="community_organisation", area_code="570101"
    )
    data = csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0]])
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=False)
    assert [(e.line, e.column) for e in result.errors] == [(2, "ชื่อองค์กร")]


def test_it_refuses_a_row_outside_the_importers_areas(cast):
    # given a Mueang coordinator's file with an organisation in Mae Sai
    data = csv_bytes(
        [ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[0], ["กลุ่มแม่สาย", "", "องค์กรชุมชน", "570901", "", ""]]
    )
    result = run("organisations", data, "orgs.csv", cast.mueang_coordinator, commit=True)
    # then line 3 is refused on its area, and nothing is written
    assert [(e.line, e.column) for e in result.errors] == [(3, "รหัสพื้นที่")]
    assert "areas you are assigned to" in result.errors[0].message
    assert not Organisation.objects.exists()


def test_the_parent_is_found_by_name_even_when_the_same_file_adds_it(cast):
    data = csv_bytes(
        [
            ["ชื่อองค์กร", "ประเภท", "รหัสพื้นที่", "องค์กรต้นสังกัด"],
            ["เครือข่ายองค์กรชุมชนเชียงราย", "เครือข่าย", "57", ""],
            ["กลุ่มเยาวชนเวียง", "องค์กรชุมชน", "570101", "เครือข่ายองค์กรชุมชนเชียงราย"],
        ]
    )
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True)
    assert result.errors == []
    assert Organisation.objects.get(name_th="กลุ่มเยาวชนเวียง").parent.name_th == "เครือข่ายองค์กรชุมชนเชียงราย"


def test_a_tis620_csv_is_read(cast):
    data = csv_bytes([ORGANISATION_HEADINGS_TH, GOOD_ORGANISATIONS[2]], encoding="cp874")
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True)
    assert result.errors == [] and Organisation.objects.get().name_th == "สภาองค์กรชุมชนตำบลเวียง"


def _network(cast):
    return organisation_create(by=cast.admin, name_th="เครือข่ายที่อยู่อาศัยเชียงราย", kind="network", area_code="57")


def test_it_imports_people_with_positions_and_be_dates(cast):
    _network(cast)
    data = xlsx_bytes(
        [
            PEOPLE_HEADINGS_TH,
            [
                "นางสาว",
                "รัชนี",
                "ตรัยตรึงศ์โกศล",
                "570101",
                ID_1,
                "เครือข่ายที่อยู่อาศัยเชียงราย",
                "ประธานเครือข่าย",
                "ประธาน",
                "20/7/2558",
            ],
            ["นาย", "สมชาย", "ใจดี", "5701", ID_2, "", "", "", ""],
        ]
    )
    result = run("people", data, "people.xlsx", cast.chiangrai_coordinator, commit=True)
    assert result.errors == [] and result.created == 2
    position = Position.objects.get()
    assert position.person.first_name == "รัชนี" and position.role == "chair"
    assert position.started_on.isoformat() == "2015-07-20"


def test_a_full_name_column_is_split_into_title_first_and_last_name(cast):
    data = csv_bytes([["Full name", "Area code"], ["นางสาวรัชนี ตรัยตรึงศ์โกศล", "570101"]])
    result = run("people", data, "people.csv", cast.chiangrai_coordinator, commit=True)
    assert result.errors == []
    person = Person.objects.get()
    assert (person.title, person.first_name, person.last_name) == ("นางสาว", "รัชนี", "ตรัยตรึงศ์โกศล")


@pytest.mark.parametrize(
    "cells, column, reason",
    [
        (["นาย", "สมศักดิ์", "ดีใจ", "570101", BAD_ID, "", "", "", ""], "เลขประจำตัวประชาชน", "check digit"),
        (
            ["นาย", "สมศักดิ์", "ดีใจ", "570101", "", "เครือข่ายที่อยู่อาศัยเชียงราย", "", "", "31/2/2558"],
            "วันที่เริ่ม",
            "not a date",
        ),
        (["นาย", "สมศักดิ์", "ดีใจ", "570101", ID_1, "", "", "", ""], "เลขประจำตัวประชาชน", "repeats line 2"),
        (["นาย", "สมศักดิ์", "ดีใจ", "570101", "", "องค์กรที่ไม่มี", "", "", ""], "องค์กร", "No organisation"),
    ],
)
def test_a_bad_person_row_is_reported_and_nothing_is_written(cast, cells, column, reason):
    _network(cast)
    data = csv_bytes([PEOPLE_HEADINGS_TH, ["นาย", "สมชาย", "ใจดี", "5701", ID_1, "", "", "", ""], cells])
    result = run("people", data, "people.csv", cast.chiangrai_coordinator, commit=True)
    assert [(e.line, e.column) for e in result.errors] == [(3, column)]
    assert reason in result.errors[0].message
    assert not Person.objects.exists()


def test_it_imports_villages(cast):
    data = csv_bytes(
        [
            ["รหัสตำบล", "หมู่ที่", "ชื่อหมู่บ้าน", "ประเภท"],
            ["570101", "3", "บ้านป่าซาง", ""],
            ["570101", "", "ชุมชนหลังวัด", "ชุมชน"],
            ["570101", "๔", "บ้านดอย", "หมู่บ้าน"],
        ]
    )
    result = run("villages", data, "villages.csv", cast.mueang_coordinator, commit=True)
    assert result.errors == []
    assert Area.objects.get(code="57010103").name_th == "บ้านป่าซาง"
    assert Area.objects.get(code="57010104").moo == 4
    assert Area.objects.get(code="570101C001").level == "community"


def test_a_village_number_twice_in_one_file_is_reported_on_the_second_line(cast):
    data = csv_bytes(
        [
            ["Subdistrict code", "Moo", "Name (Thai)"],
            ["570101", "3", "บ้านป่าซาง"],
            ["570101", "3", "บ้านป่าซางใหม่"],
        ]
    )
    result = run("villages", data, "villages.csv", cast.mueang_coordinator, commit=True)
    assert [(e.line, e.column) for e in result.errors] == [(3, "Moo")]
    assert not Area.objects.filter(code="57010103").exists()


def test_a_note_longer_than_the_api_takes_is_refused_at_its_column(cast):
    # given a file whose note is longer than the note of the model (the length the API keeps to)
    data = csv_bytes(
        [["ชื่อองค์กร", "ประเภท", "รหัสพื้นที่", "หมายเหตุ"], ["กลุ่มออมทรัพย์", "องค์กรชุมชน", "570101", "ก" * 100_000]]
    )
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True)
    # then the row is refused at the note, and nothing is written
    assert [(e.line, e.column) for e in result.errors] == [(2, "หมายเหตุ")]
    assert str(NOTE_MAX_LENGTH) in result.errors[0].message.replace(",", "")
    assert not Organisation.objects.exists()


def test_control_and_direction_override_characters_are_not_imported_in_names(cast):
    data = csv_bytes([["ชื่อองค์กร", "ประเภท", "รหัสพื้นที่"], ["กลุ่ม\u202eออม\u2066ทรัพย์", "องค์กรชุมชน", "570101"]])
    result = run("organisations", data, "orgs.csv", cast.chiangrai_coordinator, commit=True)
    assert result.errors == [] and Organisation.objects.get().name_th == "กลุ่มออมทรัพย์"
