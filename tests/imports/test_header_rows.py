"""read_table finds the heading row below titles and combines two-row (merged) headings."""

import io

import pytest
from django.utils.translation import gettext
from openpyxl import Workbook

from sanphalang.imports.tabular import TableError, read_table

from .files import csv_bytes

NO_DATA = "The file has headings but no rows of data."
TITLE = "รายชื่อกองทุนสวัสดิการชุมชน จังหวัดเชียงราย ปี 2562"


def _xlsx(rows: list[list], merges: tuple[str, ...] = ()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_table(path.read_bytes(), name)


def test_title_and_blank_rows_before_the_headings_are_skipped(tmp_path):
    data = _xlsx(
        [
            [TITLE],
            [],
            ["ชื่อกองทุน", "ตำบล", "อำเภอ"],
            ["กองทุน ก", "ป่าซาง", "เมือง"],
            [],
            ["กองทุน ข", "ริมกก", "เมือง"],
        ],
        merges=("A1:C1",),
    )
    table = _read(tmp_path, "funds.xlsx", data)
    assert table.headings == ["ชื่อกองทุน", "ตำบล", "อำเภอ"]
    assert table.rows == [(4, ["กองทุน ก", "ป่าซาง", "เมือง"]), (6, ["กองทุน ข", "ริมกก", "เมือง"])]


def test_title_rows_before_csv_headings_are_skipped(tmp_path):
    data = csv_bytes([[TITLE, "", ""], ["", "", ""], ["ชื่อ", "นามสกุล", "โทรศัพท์"], ["สมชาย", "ใจดี", "081"]])
    table = _read(tmp_path, "people.csv", data)
    assert table.headings == ["ชื่อ", "นามสกุล", "โทรศัพท์"]
    assert table.rows == [(4, ["สมชาย", "ใจดี", "081"])]


def test_two_row_merged_heading_band_is_combined(tmp_path):
    rows = [
        [TITLE],
        [],
        ["ชื่อกองทุน", "ที่ตั้ง", None, "จำนวนสมาชิก", None, None],
        [None, "ตำบล", "อำเภอ", "ชาย", "หญิง", "รวม"],
        ["กองทุน ก", "ป่าซาง", "เมือง", 10, 12, 22],
        ["กองทุน ข", "ริมกก", "เมือง", "๕", "๖", "๑๑"],
    ]
    data = _xlsx(rows, merges=("A1:F1", "A3:A4", "B3:C3", "D3:F3"))
    table = _read(tmp_path, "funds.xlsx", data)
    assert table.headings == [
        "ชื่อกองทุน",
        "ที่ตั้ง ตำบล",
        "ที่ตั้ง อำเภอ",
        "จำนวนสมาชิก ชาย",
        "จำนวนสมาชิก หญิง",
        "จำนวนสมาชิก รวม",
    ]
    assert [line for line, _values in table.rows] == [5, 6]
    assert table.rows[0][1] == ["กองทุน ก", "ป่าซาง", "เมือง", "10", "12", "22"]


def test_merged_heading_band_at_the_top_of_the_sheet(tmp_path):
    rows = [["ชื่อกองทุน", "ที่ตั้ง", None], [None, "ตำบล", "อำเภอ"], ["กองทุน ก", "ป่าซาง", "เมือง"]]
    table = _read(tmp_path, "funds.xlsx", _xlsx(rows, merges=("A1:A2", "B1:C1")))
    assert table.headings == ["ชื่อกองทุน", "ที่ตั้ง ตำบล", "ที่ตั้ง อำเภอ"]
    assert table.rows == [(3, ["กองทุน ก", "ป่าซาง", "เมือง"])]


def test_csv_two_row_heading_is_combined(tmp_path):
    data = csv_bytes(
        [
            ["ชื่อกองทุน", "ที่ตั้ง", "", "จำนวนสมาชิก", "", ""],
            ["", "ตำบล", "อำเภอ", "ชาย", "หญิง", "รวม"],
            ["กองทุน ก", "ป่าซาง", "เมือง", "10", "12", "22"],
            ["", "", "", "", "", ""],
            ["กองทุน ข", "ริมกก", "เมือง", "5", "6", "11"],
        ]
    )
    table = _read(tmp_path, "funds.csv", data)
    assert table.headings == [
        "ชื่อกองทุน",
        "ที่ตั้ง ตำบล",
        "ที่ตั้ง อำเภอ",
        "จำนวนสมาชิก ชาย",
        "จำนวนสมาชิก หญิง",
        "จำนวนสมาชิก รวม",
    ]
    assert [line for line, _values in table.rows] == [3, 5]


def test_data_under_a_blank_heading_is_not_taken_for_sub_headings(tmp_path):
    # "หมายเหตุ" followed by a blank heading, but the next row is data (it fills the ungrouped columns).
    data = csv_bytes([["ชื่อ", "โทรศัพท์", "หมายเหตุ", ""], ["สมชาย", "081", "", "ย้ายแล้ว"]])
    table = _read(tmp_path, "people.csv", data)
    assert table.headings == ["ชื่อ", "โทรศัพท์", "หมายเหตุ", ""]
    assert table.rows == [(2, ["สมชาย", "081", "", "ย้ายแล้ว"])]


def test_numbers_under_a_group_are_data_not_sub_headings(tmp_path):
    data = csv_bytes([["ชื่อ", "จำนวนสมาชิก", ""], ["", "10", "12"]])
    table = _read(tmp_path, "counts.csv", data)
    assert table.headings == ["ชื่อ", "จำนวนสมาชิก", ""]
    assert table.rows == [(2, ["", "10", "12"])]


def test_simple_one_row_heading_is_unchanged(tmp_path):
    data = csv_bytes([["ชื่อ", "นามสกุล"], ["สมชาย", "ใจดี"], ["", ""], ["สมหญิง", "รักดี"]])
    table = _read(tmp_path, "people.csv", data)
    assert table.headings == ["ชื่อ", "นามสกุล"]
    assert table.rows == [(2, ["สมชาย", "ใจดี"]), (4, ["สมหญิง", "รักดี"])]


def test_one_column_table_keeps_its_first_row_as_heading(tmp_path):
    table = _read(tmp_path, "agenda.csv", csv_bytes([["เรื่อง"], ["รับรองรายงานการประชุม"]]))
    assert table.headings == ["เรื่อง"]
    assert table.rows == [(2, ["รับรองรายงานการประชุม"])]


@pytest.mark.parametrize(
    "name, data",
    [
        ("titles.xlsx", _xlsx([[TITLE], [], ["สำนักงานจังหวัดเชียงราย"]], merges=("A1:D1", "A3:D3"))),
        ("titles.csv", csv_bytes([[TITLE], [], []])),
    ],
)
def test_a_file_of_titles_only_is_a_clear_error(tmp_path, name, data):
    with pytest.raises(TableError) as caught:
        _read(tmp_path, name, data)
    assert caught.value.message == gettext(NO_DATA)


def test_headings_below_a_title_with_no_data_is_a_clear_error(tmp_path):
    data = _xlsx([[TITLE], [], ["ชื่อกองทุน", "ตำบล"]], merges=("A1:B1",))
    with pytest.raises(TableError) as caught:
        _read(tmp_path, "funds.xlsx", data)
    assert caught.value.message == gettext(NO_DATA)
