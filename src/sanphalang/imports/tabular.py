"""Read and write the tables users bring: CSV (UTF-8 or TIS-620) and Excel XLSX, as rows with line numbers."""

import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from sanphalang.thai.encoding import decode_thai_text

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
    text = decode_thai_text(data)
    if text is not None:
        return text
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


# openpyxl is loaded only to read a workbook the fast reader below leaves to it: a third of a second at start-up.
SHEET_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROW_TAG = f"{{{SHEET_MAIN_NS}}}row"
MERGE_TAG = f"{{{SHEET_MAIN_NS}}}mergeCell"


def _sheet_elements(source) -> Iterator[tuple[str, object]]:
    """The sheet's <row> and <mergeCell> elements, each complete, streamed in constant memory.

    Every other element, and each of these once used, is dropped from the tree as it ends, so a sheet of a
    million empty rows or styled stray elements never piles up in memory."""
    from openpyxl.xml.functions import iterparse

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
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import WorkSheetParser

    records: list[list[str]] = []
    merges: list[Merge] = []
    merges_seen = 0
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
            if line < 1:
                raise ValueError("row number below 1")
            _place_row(records, line, filled)
    return records, merges


def _place_row(records: list[list[str]], line: int, filled: list[tuple[int, str]]) -> None:
    """Put a row's filled cells (column, text) at its line, within the row and column limits."""
    if line > _line_limit():
        raise _too_many_rows()
    width = max(column for column, _text in filled)
    if width > settings.IMPORT_MAX_COLUMNS:
        raise _too_many_columns()
    record = [""] * width
    for column, text in filled:
        record[column - 1] = text
    records.extend([] for _blank in range(len(records), line - 1))
    if line <= len(records):  # rows out of order or repeated: the later one is kept
        records[line - 1] = record
    else:
        records.append(record)


def _xlsx_records(data: bytes) -> tuple[list[list[str]], list[Merge]]:
    _check_archive(data)
    try:
        return _fast_xlsx_records(data)
    except TableError:
        raise
    except Exception:  # anything the fast reader does not know: openpyxl reads it, or says why it cannot
        pass
    from openpyxl import load_workbook

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


# --- the fast path: the first sheet streamed through expat --------------------------------------------------------
#
# openpyxl builds a cell object, and several dicts, for every cell; a 9,000-row sheet takes seconds. This reader
# streams the sheet's XML through expat, keeping only the text of each filled cell, for the workbooks offices and
# spreadsheet programs write. Whatever it does not know (a document type, another namespace, a time of day, a
# duration format, a part missing) ends it, and openpyxl reads the file instead.

_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = SHEET_MAIN_NS + " "
_BUILTIN_DATE_IDS = frozenset(range(14, 23)) | frozenset(range(45, 48))
_BUILTIN_TIME_IDS = frozenset({18, 19, 20, 21, 45, 46, 47})


class _NotFastReadable(Exception):
    """The workbook uses something the fast reader leaves to openpyxl."""


def _expat(handlers: dict):
    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse(*_args):
        raise _NotFastReadable("document type")  # spreadsheets have none; entity tricks live there

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    for name, handler in handlers.items():
        setattr(parser, name, handler)
    return parser


def _parse_part(archive: zipfile.ZipFile, name: str, handlers: dict) -> None:
    with archive.open(name) as part:
        _expat(handlers).ParseFile(part)


def _first_sheet_part(archive: zipfile.ZipFile) -> tuple[str, bool]:
    """The path of the workbook's first sheet, and whether its dates count from 1904."""
    sheets: list[str] = []
    flags = {"1904": False}

    def workbook_start(tag, attrs):
        if tag == _NS + "sheet":
            sheets.append(attrs.get(_RELATIONSHIPS_NS + " id", ""))
        elif tag == _NS + "workbookPr":
            flags["1904"] = attrs.get("date1904", "").lower() in ("1", "true")

    _parse_part(archive, "xl/workbook.xml", {"StartElementHandler": workbook_start})
    targets: dict[str, str] = {}

    def relationship_start(tag, attrs):
        if tag == _PACKAGE_RELATIONSHIPS_NS + " Relationship":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    _parse_part(archive, "xl/_rels/workbook.xml.rels", {"StartElementHandler": relationship_start})
    if not sheets or not targets.get(sheets[0]):
        raise _NotFastReadable("no sheet")
    target = targets[sheets[0]]
    return (target.lstrip("/") if target.startswith("/") else "xl/" + target), flags["1904"]


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    strings: list[str] = []
    state = {"parts": None, "in_t": False, "skip": 0}

    def start(tag, _attrs):
        if tag == _NS + "si":
            state["parts"] = []
        elif tag == _NS + "rPh":
            state["skip"] += 1  # phonetic guides are not the cell's text
        elif tag == _NS + "t" and not state["skip"]:
            state["in_t"] = True

    def end(tag):
        if tag == _NS + "si":
            strings.append("".join(state["parts"]))
            state["parts"] = None
        elif tag == _NS + "rPh":
            state["skip"] -= 1
        elif tag == _NS + "t":
            state["in_t"] = False

    def text(data):
        if state["in_t"] and state["parts"] is not None:
            state["parts"].append(data)

    _parse_part(
        archive,
        "xl/sharedStrings.xml",
        {"StartElementHandler": start, "EndElementHandler": end, "CharacterDataHandler": text},
    )
    return strings


def _date_styles(archive: zipfile.ZipFile) -> tuple[frozenset, frozenset]:
    """The indices of the cell styles that show a number as a date, and of those that show a time or duration."""
    if "xl/styles.xml" not in archive.namelist():
        return frozenset(), frozenset()
    custom: dict[int, str] = {}
    styles: list[int] = []
    state = {"in_xfs": False}

    def start(tag, attrs):
        if tag == _NS + "numFmt":
            custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif tag == _NS + "cellXfs":
            state["in_xfs"] = True
        elif tag == _NS + "xf" and state["in_xfs"]:
            styles.append(int(attrs.get("numFmtId", "0")))

    def end(tag):
        if tag == _NS + "cellXfs":
            state["in_xfs"] = False

    _parse_part(archive, "xl/styles.xml", {"StartElementHandler": start, "EndElementHandler": end})
    if custom:
        from openpyxl.styles.numbers import is_date_format, is_timedelta_format
    dates, times = set(), set()
    for index, format_id in enumerate(styles):
        code = custom.get(format_id, "")
        if format_id in custom:
            if is_timedelta_format(code):
                times.add(index)
            elif is_date_format(code):
                dates.add(index)
        elif format_id in _BUILTIN_DATE_IDS:
            (times if format_id in _BUILTIN_TIME_IDS else dates).add(index)
    return frozenset(dates), frozenset(times)


def _column_number(reference: str) -> int:
    number = 0
    for ch in reference:
        if "A" <= ch <= "Z":
            number = number * 26 + ord(ch) - 64
        elif ch.isdigit():
            break
        else:
            raise _NotFastReadable("cell reference")
    return number


_RANGE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})(?::([A-Z]{1,3})([0-9]{1,7}))?")


def _range_boundaries(reference: str) -> tuple[int, int, int, int]:
    """ "B2:D3" → (2, 2, 4, 3), "C5" → (3, 5, 3, 5): left, top, right, bottom, as openpyxl's range_boundaries."""
    found = _RANGE.fullmatch(reference.replace("$", ""))
    if not found:
        raise _NotFastReadable("range")
    left, top = _column_number(found[1]), int(found[2])
    right, bottom = (_column_number(found[3]), int(found[4])) if found[3] else (left, top)
    return left, top, right, bottom


def _number_text(value: str) -> str:
    """A stored number as openpyxl's value would print through _cell_text: 3 for "3" and "3.0", 2.5 for "2.5"."""
    if "." in value or "E" in value or "e" in value:
        return _cell_text(float(value))
    return str(int(value))


def _fast_xlsx_records(data: bytes) -> tuple[list[list[str]], list[Merge]]:
    """What _sheet_records reads, for the first sheet, without openpyxl: see the note above."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "[Content_Types].xml" not in archive.namelist():
            raise _NotFastReadable("not a package")  # openpyxl refuses such a file, with its message
        sheet_part, is_1904 = _first_sheet_part(archive)
        shared = _shared_strings(archive)
        date_styles, time_styles = _date_styles(archive)
        line_limit, column_limit = _line_limit(), settings.IMPORT_MAX_COLUMNS
        records: list[list[str]] = []
        merges: list[Merge] = []
        state = {"line": 0, "column": 0, "type": "", "style": -1, "text": None, "in_value": False, "skip": 0}
        row: list[tuple[int, str]] = []
        merges_seen = [0]

        def close_row():
            line = state["line"]
            filled = [(column, text) for column, text in row if text]
            row.clear()
            if filled:
                _place_row(records, line, filled)

        def cell_text() -> str:
            value = "".join(state["text"]) if state["text"] is not None else ""
            kind = state["type"]
            if kind in ("inlineStr", "str", "e"):
                return _cell_text(value)
            if not value:
                return ""
            if kind == "s":
                return _cell_text(shared[int(value)])
            if kind == "b":
                return "1" if value.strip() in ("1", "true") else "0"
            if kind == "d":
                return _cell_text(dt.datetime.fromisoformat(value.strip()))
            if kind not in ("", "n"):
                raise _NotFastReadable("cell type")
            if state["style"] in time_styles:
                raise _NotFastReadable("time")
            if state["style"] in date_styles:
                from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

                moment = from_excel(float(value), CALENDAR_MAC_1904 if is_1904 else CALENDAR_WINDOWS_1900)
                if not isinstance(moment, (dt.date, dt.datetime)):
                    raise _NotFastReadable("time")
                return _cell_text(moment)
            return _number_text(value.strip())

        def start(tag, attrs):
            if not tag.startswith(_NS):
                if tag.endswith(" worksheet") or " " not in tag:
                    raise _NotFastReadable("namespace")  # another dialect of the format: openpyxl's to read
                return  # an extension of another namespace: nothing of the cells' values
            name = tag[len(_NS) :]
            if name == "c":
                reference = attrs.get("r")
                state["column"] = _column_number(reference) if reference else state["column"] + 1
                state["type"] = attrs.get("t", "")
                state["style"] = int(attrs.get("s", "-1"))
                state["text"] = None
            elif name == "v" or (name == "t" and not state["skip"]):
                state["in_value"] = True
                if state["text"] is None:
                    state["text"] = []
            elif name == "rPh":
                state["skip"] += 1
            elif name == "row":
                reference = attrs.get("r")
                state["line"] = int(reference) if reference else state["line"] + 1
                if state["line"] < 1:
                    raise ValueError("row number below 1")
                state["column"] = 0
            elif name == "dimension":
                left, top, right, bottom = _range_boundaries(attrs.get("ref", "A1"))
                if (bottom or 0) > line_limit:
                    raise _too_many_rows()
                if (right or 0) > column_limit:
                    raise _too_many_columns()
            elif name == "mergeCell":
                merges_seen[0] += 1
                if merges_seen[0] <= XLSX_MAX_MERGES_READ:
                    left, top, right, bottom = _range_boundaries(attrs.get("ref", ""))
                    if top <= HEADING_LINES_ALLOWED:  # only a heading's merges are ever looked at
                        merges.append((top, left, bottom, right))

        def end(tag):
            name = tag[len(_NS) :] if tag.startswith(_NS) else ""
            if name in ("v", "t"):
                state["in_value"] = False
            elif name == "rPh":
                state["skip"] -= 1
            elif name == "c":
                row.append((state["column"], cell_text()))
                state["text"] = None
            elif name == "row":
                close_row()

        def text(chunk):
            if state["in_value"] and state["text"] is not None:
                state["text"].append(chunk)

        _parse_part(
            archive,
            sheet_part,
            {"StartElementHandler": start, "EndElementHandler": end, "CharacterDataHandler": text},
        )
    return records, merges


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


EXPORT_CHUNK_ROWS = 500  # rows written before the bytes so far are handed on: the memory a stream holds


def write_table(headings: list[str], rows, *, fmt: str, sheet_title: str = "data") -> bytes:
    """A table as CSV (UTF-8 with BOM, so Excel reads Thai) or XLSX bytes: the one writer of every export.

    No cell is ever a live formula. In CSV a text cell that begins with a formula trigger gets a leading
    apostrophe (read_table takes it off again); in XLSX every text cell is stored as a string, which Excel
    shows and never evaluates. Numbers given as numbers stay numbers in both, negative ones included."""
    return b"".join(stream_table(headings, rows, fmt=fmt, sheet_title=sheet_title))


def stream_table(headings: list[str], rows, *, fmt: str, sheet_title: str = "data") -> Iterator[bytes]:
    """write_table's bytes in pieces, as the rows come: a response can send a long export while it is read from
    the database, holding only a few hundred rows at a time."""
    if fmt == "csv":
        return _stream_csv(headings, rows)
    if fmt == "xlsx":
        return stream_workbook([(sheet_title, headings, rows)])
    raise ValueError(f"unknown table format {fmt!r}")


def _stream_csv(headings: list[str], rows) -> Iterator[bytes]:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for count, row in enumerate(itertools.chain([headings], rows), start=1):
        writer.writerow(
            [cell if not isinstance(cell, str) else neutralised(cell) for cell in map(_export_value, row)]
        )
        if count % EXPORT_CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def write_workbook(sheets) -> bytes:
    """XLSX bytes of several tables, each (sheet title, headings, rows), written as write_table writes one."""
    return b"".join(stream_workbook(sheets))


class _Chunks:
    """The file a streamed zip is written to: it keeps what was written until the next piece is taken."""

    def __init__(self):
        self.parts: list[bytes] = []
        self.offset = 0

    def write(self, data) -> int:
        self.parts.append(bytes(data))
        self.offset += len(data)
        return len(data)

    def tell(self) -> int:
        return self.offset

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data, self.parts = b"".join(self.parts), []
        return data


# Characters XML 1.0 cannot hold; a spreadsheet could not open a file that had them.
_XML_ILLEGAL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", **_XML_ILLEGAL})
_XML_NEEDS_ESCAPING = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_text(text: str) -> str:
    # Most cells need nothing: a search is far cheaper than translating every character.
    return text.translate(_XML_ESCAPES) if _XML_NEEDS_ESCAPING.search(text) else text


_SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))

_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "{sheets}</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<sheets>{sheets}</sheets></workbook>"
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/>{sheets}</Relationships>'
    ),
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}
_SHEET_PARTS = {
    "[Content_Types].xml": (
        '<Override PartName="/xl/worksheets/sheet{n}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    ),
    "xl/workbook.xml": '<sheet name="{title}" sheetId="{n}" r:id="rId{n}"/>',
    "xl/_rels/workbook.xml.rels": (
        '<Relationship Id="rId{n}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet{n}.xml"/>'
    ),
}
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def _sheet_titles(sheets) -> list[str]:
    """Titles a workbook accepts: at most 31 characters, none of []:*?/\\, each once."""
    titles: list[str] = []
    for title, _headings, _rows in sheets:
        base = (str(title).translate(_SHEET_TITLE_FORBIDDEN).strip("'") or "data")[:31]
        candidate, n = base, 1
        while candidate.casefold() in {t.casefold() for t in titles}:
            n += 1
            candidate = f"{base[: 31 - len(str(n)) - 1]}-{n}"
        titles.append(candidate)
    return titles


def _xlsx_value_cell(value) -> str:
    """One cell's XML, without its reference (a reader counts cells along the row): text is an inline string,
    never a formula; a number typed as one stays a number."""
    if isinstance(value, bool):
        return f'<c t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, Decimal)) or (
        isinstance(value, float) and value == value and abs(value) != INF
    ):
        return f"<c><v>{value}</v></c>"
    if value == "":
        return "<c/>"
    return f'<c t="inlineStr"><is><t xml:space="preserve">{_xml_text(str(value))}</t></is></c>'


INF = float("inf")


def stream_workbook(sheets) -> Iterator[bytes]:
    """XLSX bytes in pieces: the zip is written as it goes, each sheet's XML row by row, so memory holds a few
    hundred rows whatever the length. Opens in Excel, LibreOffice and openpyxl."""
    sheets = list(sheets)
    titles = _sheet_titles(sheets)
    out = _Chunks()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, template in _XLSX_PARTS.items():
            parts = (
                "".join(
                    _SHEET_PARTS[name].format(n=n, title=title.translate(_XML_ESCAPES).replace('"', "&quot;"))
                    for n, title in enumerate(titles, start=1)
                )
                if name in _SHEET_PARTS
                else ""
            )
            archive.writestr(name, template.format(sheets=parts) if name in _SHEET_PARTS else template)
        yield out.take()
        for n, (_title, headings, rows) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as sheet:
                sheet.write(_SHEET_HEAD.encode())
                lines = []
                for count, row in enumerate(itertools.chain([headings], rows), start=1):
                    lines.append(f"<row>{''.join(_xlsx_value_cell(_export_value(v)) for v in row)}</row>")
                    if count % EXPORT_CHUNK_ROWS == 0:
                        sheet.write("".join(lines).encode())
                        lines.clear()
                        yield out.take()
                sheet.write(("".join(lines) + _SHEET_TAIL).encode())
            yield out.take()
    yield out.take()
