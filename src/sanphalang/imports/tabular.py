"""Read and write the tables users bring: CSV (UTF-8 or TIS-620) and Excel XLSX, as rows with line numbers."""

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

TABLE_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


class TableError(ValueError):
    """The file as a whole cannot be read; the message says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(str(message))
        self.message = str(message)


@dataclass
class Table:
    """Headings as written in the file (a two-row heading combined), and the data rows with the line each came from."""

    headings: list[str]
    rows: list[tuple[int, list[str]]]


def normalise_heading(text: str) -> str:
    """The form in which headings are compared: no case, spaces, underscores or required-marks."""
    return "".join(ch for ch in str(text or "").casefold() if not ch.isspace() and ch not in "_*-")


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        # Excel stores typed numbers as floats: village 3 is 3.0 and an ID is 1234567890123.0.
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _decode(data: bytes) -> str:
    if b"\x00" in data:
        raise TableError(_("The file is not a CSV text file: choose a .csv or .xlsx file."))
    for encoding in ("utf-8-sig", "cp874"):
        # cp874 is Windows' superset of TIS-620, the encoding older Thai Excel saves CSV in.
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(_("The file's text encoding is not UTF-8 or TIS-620: save it again as CSV UTF-8."))


def _csv_records(data: bytes) -> list[list[str]]:
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[cell.strip() for cell in record] for record in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise TableError(_("The CSV file is malformed: %(reason)s") % {"reason": exc}) from None


# Below this size a workbook is opened in full (not read-only) mode, the only mode in which openpyxl
# reports merged cells; larger workbooks are streamed and their heading band is read without merges.
MERGE_AWARE_MAX_BYTES = 5 * 1024 * 1024

# A merged range as (first row, first column, last row, last column), all 1-based as in the spreadsheet.
Merge = tuple[int, int, int, int]


def _xlsx_records(data: bytes) -> tuple[list[list[str]], list[Merge]]:
    read_only = len(data) >= MERGE_AWARE_MAX_BYTES
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=read_only, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, key errors) for a damaged file
        raise TableError(
            _(
                "The file could not be read as an Excel workbook (.xlsx): it may be damaged, "
                "or in the old .xls format. Save it again as .xlsx or CSV."
            )
        ) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return [], []
        merges = (
            []
            if read_only
            else [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
        )
        records = []
        limit = settings.IMPORT_MAX_ROWS + 2
        # min_row=1 so that records[i] is spreadsheet row i + 1 even when the top rows are empty.
        for values in sheet.iter_rows(min_row=1, values_only=True):
            records.append([_cell_text(value) for value in values])
            if len(records) > limit:
                break
        return records, merges
    except Exception:
        raise TableError(_("The Excel workbook could not be read: it may be damaged.")) from None
    finally:
        workbook.close()


def _filled(record: list[str]) -> int:
    return sum(1 for cell in record if cell)


def _cell(record: list[str], index: int) -> str:
    return record[index] if index < len(record) else ""


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))  # float() reads Thai digits too
    except ValueError:
        return False
    return True


def _is_merged_title(line: int, record: list[str], merges: list[Merge]) -> bool:
    """A row whose one value sits in a cell merged across several columns, as report titles are."""
    columns = [index + 1 for index, cell in enumerate(record) if cell]
    return len(columns) == 1 and any(
        top == line == bottom and left == columns[0] and right > left for top, left, bottom, right in merges
    )


def _find_heading(numbered: list[tuple[int, list[str]]], merges: list[Merge]) -> int:
    """The index in `numbered` of the heading row (see read_table for the rule)."""
    for index, (_line, record) in enumerate(numbered):
        if _filled(record) >= 2:
            return index
    # A one-column table: its first row, after any titles merged across columns.
    for index, (line, record) in enumerate(numbered):
        if not _is_merged_title(line, record, merges):
            return index
    return len(numbered) - 1  # titles only: the last is taken as the heading, with nothing under it


def _group_spans(line: int, top: list[str], width: int, merges: list[Merge]) -> list[tuple[int, int]] | None:
    """Columns (first, last; 0-based) under each group heading of the heading row, or None if it has none.

    With merge information (an XLSX file with headings merged across columns within the heading row) a group is
    such a merged heading. Otherwise (CSV, a large XLSX, or blanks left instead of merging) a group is a label
    followed by blank heading cells, which it spans up to the next label."""
    spans = [
        (left - 1, right - 1)
        for first, left, last, right in merges
        if first == last == line and right > left and _cell(top, left - 1)
    ]
    if spans:
        return spans
    spans, start = [], None
    for column in range(width):
        if _cell(top, column):
            if start is not None and column - 1 > start:
                spans.append((start, column - 1))
            start = column
    if start is not None and width - 1 > start:
        spans.append((start, width - 1))
    return spans or None


def _two_row_heading(line: int, top: list[str], sub: list[str], merges: list[Merge]) -> list[str] | None:
    """The combined headings if `top` and `sub` form a two-row heading band, else None.

    They do when the top row has group headings, the row below has text (not numbers) under at least one group
    and nothing under the columns whose heading is a single, ungrouped one (those headings span both rows,
    merged or not). A group's columns are then headed "group sub" ("จำนวนสมาชิก รวม"), the rest keep theirs."""
    width = max(len(top), len(sub))
    spans = _group_spans(line, top, width, merges)
    if not spans:
        return None
    group_of = {column: top[first] for first, last in spans for column in range(first, last + 1)}
    sub_cells = [(column, cell) for column, cell in enumerate(sub) if cell]
    if not any(column in group_of for column, _cell_value in sub_cells):
        return None
    for column, cell in sub_cells:
        if _is_number(cell) or (column not in group_of and _cell(top, column)):
            return None
    headings = []
    for column in range(width):
        above = group_of.get(column) or _cell(top, column)
        below = _cell(sub, column)
        headings.append(" ".join(part for part in (above, below) if part))
    return headings


def read_table(data: bytes, filename: str = "") -> Table:
    """Read a CSV or XLSX file into a Table, or raise TableError with one clear message.

    Offices' files often open with a title ("รายชื่อกองทุนสวัสดิการชุมชน จังหวัดเชียงราย ปี 2562") and blank rows
    before the table. The heading row is therefore the first row with at least two filled cells; the rows above
    it are titles and are skipped. (A one-column table has no such row: its first row, after any titles merged
    across columns, is its heading.) The heading may be a two-row band, a group heading over sub-headings
    ("จำนวนสมาชิก" over "ชาย" | "หญิง" | "รวม"), merged in Excel or followed by blanks in either format: see
    _two_row_heading. Its columns are then headed "จำนวนสมาชิก ชาย"…, while headings spanning both rows stay
    as they are. The rows after the heading are the data, each with its real line in the file, so that
    messages point at the row the user sees.
    """
    if len(data) > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise TableError(too_large_message())
    if not data.strip():
        raise TableError(_("The file is empty."))
    name = filename.lower()
    is_zip = data[:4] == b"PK\x03\x04" and zipfile.is_zipfile(io.BytesIO(data))
    merges: list[Merge] = []
    if name.endswith(".xlsx") or name.endswith(".xlsm") or (is_zip and not name.endswith(".csv")):
        records, merges = _xlsx_records(data)
    elif name.endswith(".xls"):
        raise TableError(_("The old Excel format (.xls) cannot be read: save the file as .xlsx or CSV."))
    else:
        records = _csv_records(data)
    numbered = [
        (line, record) for line, record in enumerate(records, start=1) if any(cell for cell in record)
    ]
    if not numbered:
        raise TableError(_("The file is empty."))
    # Line numbers stay as the spreadsheet shows them, blank lines included.
    start = _find_heading(numbered, merges)
    line, headings = numbered[start]
    rows = numbered[start + 1 :]
    if rows:
        combined = _two_row_heading(line, headings, rows[0][1], merges)
        if combined is not None:
            headings, rows = combined, rows[1:]
    if not rows:
        raise TableError(_("The file has headings but no rows of data."))
    if len(rows) > settings.IMPORT_MAX_ROWS:
        raise TableError(
            _("The file has more than %(max)s rows: split it into smaller files.")
            % {"max": f"{settings.IMPORT_MAX_ROWS:,}"}
        )
    return Table(headings=headings, rows=rows)


def too_large_message() -> str:
    megabytes = settings.IMPORT_MAX_UPLOAD_BYTES / (1024 * 1024)
    return _("The file is larger than %(size)s MB: split it into smaller files.") % {"size": f"{megabytes:g}"}


def write_table(headings: list[str], rows, *, fmt: str, sheet_title: str = "data") -> bytes:
    """A table as CSV (UTF-8 with BOM, so Excel reads Thai) or XLSX bytes."""
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(headings)
        writer.writerows(rows)
        return buffer.getvalue().encode("utf-8")
    if fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=sheet_title[:31])
        sheet.append(headings)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
    raise ValueError(f"unknown table format {fmt!r}")
