"""Workbooks built to exhaust the server are refused with one clear message, in bounded memory."""

import re
import tracemalloc

import pytest
from django.utils import translation

from sanphalang.imports.tabular import TableError, read_table

from .malformed.workbooks import (
    SHEET,
    billion_laughs,
    lying_dimension,
    many_entries,
    rewrite_part,
    stray_cell,
    zip_bomb,
)

# A table of 50,000 rows takes some tens of MB to read; each of these must take far less.
MEMORY_BOUND = 40 * 1024 * 1024


def _read_bounded(data: bytes):
    """read_table's table or TableError, having checked that reading stayed under MEMORY_BOUND."""
    tracemalloc.start()
    try:
        with translation.override("th"):
            try:
                outcome = read_table(data, "hostile.xlsx")
            except TableError as error:
                outcome = error
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"peak {peak / 2**20:.1f} MB"
    return outcome


def _refusal(data: bytes) -> str:
    outcome = _read_bounded(data)
    assert isinstance(outcome, TableError), outcome
    return outcome.message


@pytest.mark.parametrize("coordinate", ["CV1048576", "ALL1048576", "XFD1048576", "A1048576"])
def test_a_stray_cell_far_below_or_right_is_refused_from_the_declared_dimension(coordinate):
    message = _refusal(stray_cell(coordinate))
    assert "50,000 แถว" in message or "200 คอลัมน์" in message


@pytest.mark.parametrize("declared", [None, "A1:B2"])
@pytest.mark.parametrize("coordinate", ["XFD1048576", "A1048576", "XFD3"])
def test_a_sheet_whose_dimension_lies_is_still_read_bounded(coordinate, declared):
    message = _refusal(lying_dimension(coordinate, declared))
    assert "50,000 แถว" in message or "200 คอลัมน์" in message


def test_a_stray_cell_within_the_limits_is_read_as_a_row():
    table = read_table(lying_dimension("B40", "A1:B2"), "t.xlsx")
    assert [line for line, _row in table.rows] == [2, 40]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 8 * 1024 * 1024
    assert "แตกไฟล์" in _refusal(zip_bomb(16 * 1024 * 1024))


def test_a_zip_of_thousands_of_entries_is_refused():
    assert "แตกไฟล์" in _refusal(many_entries(1500))


def test_an_xml_entity_bomb_in_the_sheet_is_refused():
    assert "Excel" in _refusal(billion_laughs())


@pytest.mark.parametrize("part", ["xl/sharedStrings.xml", "xl/workbook.xml"])
def test_an_xml_entity_bomb_in_another_part_is_never_expanded(part):
    outcome = _read_bounded(billion_laughs(part))
    # the part is refused, or read with its entities left unresolved
    assert isinstance(outcome, TableError) or not any(
        "lollol" in cell for _l, row in outcome.rows for cell in row
    )


def test_a_rich_text_cell_is_read_whole():
    # given a heading written as inline rich text in two runs, as some programs save it
    rich = "<is><r><t>ชื่อ</t></r><r><rPr><b/></rPr><t>องค์กร</t></r></is>"
    rows = (
        f'<row r="1"><c r="A1" t="inlineStr">{rich}</c><c r="B1" t="inlineStr"><is><t>รหัสพื้นที่</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>กลุ่ม</t></is></c><c r="B2"><v>570101</v></c></row>'
    )
    data = rewrite_part(
        stray_cell("C3"),
        SHEET,
        lambda text: re.sub(r"<sheetData>.*</sheetData>", f"<sheetData>{rows}</sheetData>", text),
    )
    # then its runs are joined
    assert read_table(data, "rich.xlsx").headings == ["ชื่อองค์กร", "รหัสพื้นที่"]
