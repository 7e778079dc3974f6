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
    """Headings as written in the file, and the data rows with the line each came from (the heading is line 1)."""

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


def _xlsx_records(data: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, key errors) for a damaged file
        raise TableError(_("The file could not be read as an Excel workbook (.xlsx): it may be damaged, "
                           "or in the old .xls format. Save it again as .xlsx or CSV.")) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return []
        records = []
        limit = settings.IMPORT_MAX_ROWS + 2
        for values in sheet.iter_rows(values_only=True):
            records.append([_cell_text(value) for value in values])
            if len(records) > limit:
                break
        return records
    except Exception:
        raise TableError(_("The Excel workbook could not be read: it may be damaged.")) from None
    finally:
        workbook.close()


def read_table(data: bytes, filename: str = "") -> Table:
    """Read a CSV or XLSX file into a Table, or raise TableError with one clear message."""
    if len(data) > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise TableError(too_large_message())
    if not data.strip():
        raise TableError(_("The file is empty."))
    name = filename.lower()
    is_zip = data[:4] == b"PK\x03\x04" and zipfile.is_zipfile(io.BytesIO(data))
    if name.endswith(".xlsx") or name.endswith(".xlsm") or (is_zip and not name.endswith(".csv")):
        records = _xlsx_records(data)
    elif name.endswith(".xls"):
        raise TableError(_("The old Excel format (.xls) cannot be read: save the file as .xlsx or CSV."))
    else:
        records = _csv_records(data)
    numbered = [(line, record) for line, record in enumerate(records, start=1) if any(cell for cell in record)]
    if not numbered:
        raise TableError(_("The file is empty."))
    # Line numbers stay as the spreadsheet shows them, blank lines included.
    headings = numbered[0][1]
    rows = numbered[1:]
    if not rows:
        raise TableError(_("The file has headings but no rows of data."))
    if len(rows) > settings.IMPORT_MAX_ROWS:
        raise TableError(_("The file has more than %(max)s rows: split it into smaller files.")
                         % {"max": f"{settings.IMPORT_MAX_ROWS:,}"})
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
