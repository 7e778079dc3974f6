"""The streamed writer of every export: the same table as write_table, handed on in pieces as the rows come."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from sanphalang.imports.tabular import EXPORT_CHUNK_ROWS, stream_table, write_table, write_workbook


def _rows(n: int):
    for i in range(n):
        yield [f"กองทุนสวัสดิการชุมชนตำบล{i}", i, Decimal("12.50"), dt.date(2024, 1, 2)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_long_table_is_handed_on_in_pieces_and_reads_back_whole(fmt):
    # given many more rows than one piece holds (the zip's compressor sends its output in blocks of its own)
    n = EXPORT_CHUNK_ROWS * (3 if fmt == "csv" else 40) + 7
    # when the table is streamed
    pieces = list(stream_table(["ชื่อ", "ลำดับ", "เงิน", "วันที่"], _rows(n), fmt=fmt, sheet_title="funds"))
    data = b"".join(pieces)
    # then it came in several pieces, none of them the whole
    assert len([p for p in pieces if p]) > 3 and max(map(len, pieces)) < len(data) / 2
    # and it reads back as written, numbers as numbers
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) == n + 1 and rows[-1] == [
            f"กองทุนสวัสดิการชุมชนตำบล{n - 1}",
            str(n - 1),
            "12.50",
            "2024-01-02",
        ]
    else:
        sheet = load_workbook(io.BytesIO(data)).active
        assert sheet.title == "funds" and sheet.max_row == n + 1
        last = [cell.value for cell in sheet[n + 1]]
        assert last == [f"กองทุนสวัสดิการชุมชนตำบล{n - 1}", n - 1, 12.5, "2024-01-02"]
        assert [c.data_type for c in sheet[n + 1]] == ["s", "n", "n", "s"]


def test_the_streamed_workbook_is_the_one_write_table_writes():
    rows = [["a", 1], ["b", None]]
    assert b"".join(stream_table(["x", "y"], rows, fmt="xlsx")) == write_table(["x", "y"], rows, fmt="xlsx")


def test_text_a_workbook_cannot_hold_is_left_out_and_markup_kept_as_text():
    data = write_table(["ชื่อ"], [['a\x01b & <c> "d"'], [True]], fmt="xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A2"].value == 'ab & <c> "d"'
    assert sheet["A3"].value is True


def test_sheets_are_titled_as_a_workbook_allows_each_once():
    data = write_workbook([("a/b:c" * 10, ["x"], [[1]]), ("a/b:c" * 10, ["x"], [[2]])])
    titles = load_workbook(io.BytesIO(data)).sheetnames
    assert len(titles) == 2 and len(set(titles)) == 2
    assert all(len(t) <= 31 and "/" not in t and ":" not in t for t in titles)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError):
        stream_table(["x"], [], fmt="ods")
