"""Read and write the tables users bring: CSV (UTF-8 or TIS-620) and Excel XLSX, as rows with line numbers."""

import csv
import datetime as dt
import io
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

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
    text = str(value).strip()
    if text.startswith("'") and text[1:2] in FORMULA_TRIGGERS:
        return text[1:].strip()  # the apostrophe write_table puts before a formula trigger
    return text


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
        return [[_cell_text(cell) for cell in record] for record in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise TableError(_("The CSV file is malformed: %(reason)s") % {"reason": exc}) from None


# A merged range as (first row, first column, last row, last column), all 1-based as in the spreadsheet.
Merge = tuple[int, int, int, int]

# Lines a table may have above its data (titles, blank lines, a two-row heading) besides IMPORT_MAX_ROWS.
HEADING_LINES_ALLOWED = 100
# An XLSX file is a zip of a few dozen XML parts; thousands of entries are no spreadsheet.
XLSX_MAX_ENTRIES = 1000
# Merged ranges come after the rows; a heading's are among the first, the rest are never looked at.
XLSX_MAX_MERGES_READ = 10_000


def _line_limit() -> int:
    return settings.IMPORT_MAX_ROWS + HEADING_LINES_ALLOWED


def _too_many_rows() -> TableError:
    return TableError(
        _("The file has more than %(max)s rows: split it into smaller files.")
        % {"max": f"{settings.IMPORT_MAX_ROWS:,}"}
    )


def _too_many_columns() -> TableError:
    return TableError(
        _("The file has more than %(max)s columns: keep only the columns of the table.")
        % {"max": f"{settings.IMPORT_MAX_COLUMNS:,}"}
    )


def _unreadable_workbook() -> TableError:
    return TableError(
        _(
            "The file could not be read as an Excel workbook (.xlsx): it may be damaged, "
            "or in the old .xls format. Save it again as .xlsx or CSV."
        )
    )


def _check_archive(data: bytes) -> None:
    """Refuse a zip that would unpack to far more than a spreadsheet, before any of it is unpacked.

    zipfile never inflates an entry past the size its directory declares (it stops and fails the CRC check),
    so the declared sizes bound the work of every later step."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise _unreadable_workbook() from None
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > XLSX_MAX_ENTRIES or unpacked > settings.IMPORT_MAX_UNPACKED_BYTES:
        raise TableError(
            _(
                "The workbook unpacks to more than %(size)s MB, far more than a table of %(rows)s rows: "
                "save only the table, as .xlsx or CSV."
            )
            % {
                "size": f"{settings.IMPORT_MAX_UNPACKED_BYTES / (1024 * 1024):g}",
                "rows": f"{settings.IMPORT_MAX_ROWS:,}",
            }
        )


def _check_declared_size(sheet) -> None:
    """A sheet whose <dimension> reaches past the limits is refused before its rows are read."""
    if (sheet.max_row or 0) > _line_limit():
        raise _too_many_rows()
    if (sheet.max_column or 0) > settings.IMPORT_MAX_COLUMNS:
        raise _too_many_columns()


ROW_TAG = f"{{{SHEET_MAIN_NS}}}row"
MERGE_TAG = f"{{{SHEET_MAIN_NS}}}mergeCell"


def _sheet_elements(source) -> Iterator[tuple[str, object]]:
    """The sheet's <row> and <mergeCell> elements, each complete, streamed in constant memory.

    Every other element, and each of these once used, is dropped from the tree as it ends, so a sheet of a
    million empty rows or styled stray elements never piles up in memory."""
    stack, in_row = [], False
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":
            stack.append(element)
            in_row = in_row or element.tag == ROW_TAG
            continue
        stack.pop()
        if element.tag == ROW_TAG:
            in_row = False
            yield element.tag, element
        elif element.tag == MERGE_TAG:
            yield element.tag, element
        elif in_row:
            continue  # a cell, or a part of one, of a row still being read: its row uses it
        if stack:
            del stack[-1][-1]  # an element that has ended is its parent's last child


def _sheet_records(workbook, sheet) -> tuple[list[list[str]], list[Merge]]:
    """The rows of a read-only sheet, streamed, and the merged ranges of its heading lines.

    The sheet's declared dimension is not trusted to be complete (some writers leave it out or get it wrong):
    the XML is streamed row by row, rows missing from it are not made up, and a filled cell past the row or
    column limit stops the reading. openpyxl's row iterator would pad every row to the declared width, and
    its parser builds an object for every merged range of the sheet (seconds for a hundred thousand), so only
    its cell reading is used here."""
    records: list[list[str]] = []
    merges: list[Merge] = []
    merges_seen = 0
    line_limit, column_limit = _line_limit(), settings.IMPORT_MAX_COLUMNS
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            workbook.shared_strings,
            data_only=True,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for tag, element in _sheet_elements(source):
            if tag == MERGE_TAG:
                merges_seen += 1
                if merges_seen <= XLSX_MAX_MERGES_READ:
                    left, top, right, bottom = range_boundaries(element.get("ref", ""))
                    if top <= HEADING_LINES_ALLOWED:  # only a heading's merges are ever looked at
                        merges.append((top, left, bottom, right))
                continue
            line, cells = parser.parse_row(element)
            parser.row_dimensions.clear()
            filled = [(cell["column"], _cell_text(cell["value"])) for cell in cells]
            filled = [(column, text) for column, text in filled if text]
            if not filled:
                continue
            if line > line_limit:
                raise _too_many_rows()
            if line < 1:
                raise ValueError("row number below 1")
            width = max(column for column, _text in filled)
            if width > column_limit:
                raise _too_many_columns()
            record = [""] * width
            for column, text in filled:
                record[column - 1] = text
            records.extend([] for _blank in range(len(records), line - 1))
            if line <= len(records):  # rows out of order or repeated: the later one is kept
                records[line - 1] = record
            else:
                records.append(record)
    return records, merges


def _xlsx_records(data: bytes) -> tuple[list[list[str]], list[Merge]]:
    _check_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, key errors) for a damaged file
        raise _unreadable_workbook() from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return [], []
        _check_declared_size(sheet)
        return _sheet_records(workbook, sheet)
    except TableError:
        raise
    except Exception:
        raise TableError(_("The Excel workbook could not be read: it may be damaged.")) from None
    finally:
        workbook.close()


def _check_width(records: list[list[str]]) -> None:
    limit = settings.IMPORT_MAX_COLUMNS
    if any(len(record) > limit and any(record[limit:]) for record in records):
        raise _too_many_columns()


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
    such a merged heading. Otherwise (CSV, or blanks left instead of merging) a group is a label
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
        _check_width(records)
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
        raise _too_many_rows()
    return Table(headings=headings, rows=rows)


def too_large_message() -> str:
    megabytes = settings.IMPORT_MAX_UPLOAD_BYTES / (1024 * 1024)
    return _("The file is larger than %(size)s MB: split it into smaller files.") % {"size": f"{megabytes:g}"}


# OWASP's CSV-injection rule: a spreadsheet evaluates a cell whose text begins with one of these.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """Text that a spreadsheet shows as written: a leading apostrophe before a formula trigger."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _export_value(value):
    """A number typed as one by our code stays a number; anything else is text."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)):  # bool is an int: exported as True/False, never evaluated
        return value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_table(headings: list[str], rows, *, fmt: str, sheet_title: str = "data") -> bytes:
    """A table as CSV (UTF-8 with BOM, so Excel reads Thai) or XLSX bytes: the one writer of every export.

    No cell is ever a live formula. In CSV a text cell that begins with a formula trigger gets a leading
    apostrophe (read_table takes it off again); in XLSX every text cell is stored as a string, which Excel
    shows and never evaluates. Numbers given as numbers stay numbers in both, negative ones included."""
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        for row in itertools.chain([headings], rows):
            writer.writerow(
                [cell if not isinstance(cell, str) else neutralised(cell) for cell in map(_export_value, row)]
            )
        return buffer.getvalue().encode("utf-8")
    if fmt == "xlsx":
        return write_workbook([(sheet_title, headings, rows)])
    raise ValueError(f"unknown table format {fmt!r}")


def write_workbook(sheets) -> bytes:
    """XLSX bytes of several tables, each (sheet title, headings, rows), written as write_table writes one."""
    workbook = Workbook(write_only=True)
    for title, headings, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        for row in itertools.chain([headings], rows):
            sheet.append([_xlsx_cell(sheet, value) for value in map(_export_value, row)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would type "=…" as a formula
    return cell
