"""What a row of a fund source holds: our fields, the headings offices give them, and their values as we read them.

The web import, the reconcile command and the registry all read rows through here, so they agree on every file.
"""

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy

from sanphalang.imports.services import RowError
from sanphalang.imports.tabular import Table, normalise_heading
from sanphalang.thai.dates import parse_thai_date
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text

from ..errors import WelfareError
from ..models import FundStatus, Source
from .normalise import ResolvedArea, normalise_fund_name, parse_location, resolve_area
from .scoring import FundRecord

RECORD_FIELDS = (
    "fund_name",
    "tambon",
    "district",
    "province",
    "location",
    "members",
    "status",
    "founded",
    "fund_code",
)
FIELD_LABELS = {
    "fund_name": gettext_lazy("Fund name"),
    "tambon": gettext_lazy("Subdistrict"),
    "district": gettext_lazy("District"),
    "province": gettext_lazy("Province"),
    "location": gettext_lazy("Location"),
    "members": gettext_lazy("Members"),
    "status": gettext_lazy("Status"),
    "founded": gettext_lazy("Founded"),
    "fund_code": gettext_lazy("Fund code"),
}
# Headings the offices write, Thai and English; compared in normalise_heading's form.
HEADING_ALIASES = {
    "fund_name": (
        "ชื่อกองทุน",
        "ชื่อกองทุนสวัสดิการ",
        "ชื่อกองทุนสวัสดิการชุมชน",
        "ชื่อองค์กรสวัสดิการชุมชน",
        "ชื่อองค์กร",
        "กองทุน",
        "ชื่อ",
        "fund name",
        "fund",
        "name",
    ),
    "tambon": ("ตำบล", "ต.", "ตำบล/เทศบาล", "tambon", "subdistrict", "sub-district"),
    "district": ("อำเภอ", "อ.", "district", "amphoe"),
    "province": ("จังหวัด", "จ.", "province", "changwat"),
    "location": ("ที่ตั้ง", "ที่อยู่", "ที่ตั้งกองทุน", "พื้นที่", "location", "address", "area"),
    "members": ("จำนวนสมาชิก", "สมาชิก", "จำนวนสมาชิก(คน)", "members", "member count", "number of members"),
    "status": ("สถานะ", "สถานะกองทุน", "สถานะการดำเนินงาน", "การดำเนินงาน", "status"),
    "founded": (
        "วันที่ก่อตั้ง",
        "ก่อตั้ง",
        "วันก่อตั้ง",
        "ปีที่ก่อตั้ง",
        "วันที่จัดตั้ง",
        "จัดตั้ง",
        "ปีที่จัดตั้ง",
        "founded",
        "founded on",
        "date founded",
    ),
    "fund_code": ("รหัสกองทุน", "รหัส", "fund code", "code"),
}
# Checked in this order, and as patterns: "หยุดดำเนินการ" is paused although it holds the active word "ดำเนินการ",
# and "เปิด" (open) holds "ปิด" (closed).
STATUS_PATTERNS = (
    (FundStatus.DISSOLVED, re.compile(r"ยุบ|เลิก|(?<!เ)ปิด|dissolved|closed")),
    (FundStatus.PAUSED, re.compile(r"หยุด|พัก|ชะลอ|ชะงัก|ไม่เคลื่อนไหว|ไม่(?:ได้)?ดำเนิน|paused|inactive|dormant")),
    (FundStatus.ACTIVE, re.compile(r"ดำเนินการ|ดำเนินงาน|ปกติ|เปิด|active")),
)


# --- which column holds which field -----------------------------------------------------------------------------


def recognise_mapping(headings: list[str]) -> dict[str, str]:
    """Our field names mapped to the file's headings, for the headings we know."""
    by_form = {normalise_heading(h): h for h in headings if h}
    mapping = {}
    for name, aliases in HEADING_ALIASES.items():
        for alias in aliases:
            heading = by_form.get(normalise_heading(alias))
            if heading and heading not in mapping.values():
                mapping[name] = heading
                break
    return mapping


def _fits(mapping: dict[str, str], present: dict[str, str]) -> bool:
    return bool(mapping) and all(normalise_heading(h) in present for h in mapping.values())


def suggest_mapping(source: Source | None, headings: list[str], *, others=()) -> dict[str, str]:
    """The mapping to offer for a file: the source's remembered one where its headings are still in the file, else
    the remembered mapping of another source (`others`) whose headings the file has, recognition for the rest.

    So a layout is mapped once: the next file of that layout gets its mapping, whichever source it is for.
    """
    present = {normalise_heading(h): h for h in headings if h}
    suggested = recognise_mapping(headings)
    remembered = (source.column_mapping if source else None) or {}
    if not _fits(remembered, present):
        same_layout = [other.column_mapping for other in others if _fits(other.column_mapping or {}, present)]
        remembered = max(same_layout, key=len) if same_layout else remembered
    for name, heading in remembered.items():
        if normalise_heading(heading) in present:
            suggested[name] = present[normalise_heading(heading)]
    return suggested


def check_mapping(mapping: dict[str, str], headings: list[str]) -> dict[str, int]:
    """The column position of each mapped field; a ValidationError naming what does not fit the file."""
    unknown = sorted(set(mapping) - set(RECORD_FIELDS))
    if unknown:
        raise WelfareError.UNKNOWN_FIELD.error(None, fields=", ".join(unknown))
    positions = {normalise_heading(h): i for i, h in enumerate(headings) if h}
    missing = [heading for heading in mapping.values() if normalise_heading(heading) not in positions]
    if missing:
        raise WelfareError.MAPPING_STALE.error(None, columns=", ".join(f"“{m}”" for m in missing))
    if "fund_name" not in mapping:
        raise WelfareError.NO_FUND_NAME.error(None, headings=", ".join(h for h in headings if h))
    repeated = [h for h, n in Counter(normalise_heading(h) for h in mapping.values()).items() if n > 1]
    if repeated:
        raise WelfareError.MAPPING_REPEATS_COLUMN.error(
            None, column=next(h for h in mapping.values() if normalise_heading(h) == repeated[0])
        )
    return {name: positions[normalise_heading(heading)] for name, heading in mapping.items()}


def row_values(cells: list[str], positions: dict[str, int]) -> dict[str, str]:
    return {name: (cells[i] if i < len(cells) else "").strip() for name, i in positions.items()}


# --- values as the sources write them ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _members(text: str) -> int | None:
    try:
        return int(float(parse_number(text))) if text.strip() else None
    except (ValueError, TypeError):
        return None


def parse_members(text) -> int | None:
    return _members(str(text or ""))


def parse_status(text) -> str | None:
    return _status(str(text or ""))


# Sources repeat a few status words and dates thousands of times: each is read once.
@lru_cache(maxsize=4096)
def _status(text: str) -> str | None:
    value = clean_text(text).lower()
    if not value:
        return None
    for status, pattern in STATUS_PATTERNS:
        if pattern.search(value):
            return str(status)
    return str(FundStatus.UNKNOWN)


def parse_founded(text) -> dt.date | None:
    return _founded(str(text or "").strip())


@lru_cache(maxsize=65536)
def _founded(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return parse_thai_date(value)
    except (ValueError, TypeError):
        return None


def field_value(field_name: str, data: dict):
    """A record's value of one settleable field in the form the registry compares and stores."""
    return _read_field(field_name, str(data.get(field_name) or ""))


# A worklist refresh of the whole country reads every field of every record again; the same written values
# recur (statuses, years, counts), and reading Thai text is the costly part of comparing.
@lru_cache(maxsize=65536)
def _read_field(field_name: str, raw: str):
    if field_name == "members":
        return parse_members(raw)
    if field_name == "status":
        return parse_status(raw)
    if field_name == "founded":
        return parse_founded(raw)
    return clean_text(raw) or None


def row_problems(data: dict) -> list[tuple[str, str]]:
    """Why a row cannot be kept as a record, as (field, message): no name, or a value that cannot be read."""
    problems = []
    if not clean_text(data.get("fund_name", "")):
        problems.append(("fund_name", WelfareError.ROW_WITHOUT_NAME.message()))
    if data.get("members") and parse_members(data["members"]) is None:
        problems.append(("members", WelfareError.MEMBERS_UNREADABLE.message(value=data["members"])))
    if data.get("founded") and parse_founded(data["founded"]) is None:
        problems.append(("founded", WelfareError.FOUNDED_UNREADABLE.message(value=data["founded"])))
    return problems


def fund_record(source: str, row: int, data: dict) -> FundRecord:
    """The linkage engine's view of one row; the status is read as its meaning, so that "ดำเนินการ" and
    "ดำเนินงาน" do not count as a disagreement."""
    return FundRecord(
        source=source,
        row=row,
        fund_name=data.get("fund_name", ""),
        tambon=data.get("tambon", ""),
        district=data.get("district", ""),
        province=data.get("province", ""),
        location=data.get("location", ""),
        members=parse_members(data.get("members")),
        status=parse_status(data.get("status")) or "",
        founded=parse_founded(data.get("founded")),
        fund_code=data.get("fund_code", ""),
    )


def fund_identity(name: str) -> tuple:
    """What tells funds apart in a name: its key, and whether it is a municipality's or a village's fund."""
    parsed = normalise_fund_name(name)
    return parsed.key, parsed.is_municipality, parsed.village_number


def record_area(data: dict, *, province: str = "") -> ResolvedArea:
    """Where a row's fund is, from its tambon, district and province cells or its free-text location, with the
    fund's name standing in for a missing tambon; `province` is assumed when the row names none."""
    location = parse_location(data.get("location", ""))
    name = normalise_fund_name(data.get("fund_name", ""))
    return resolve_area(
        tambon=data.get("tambon") or location.tambon or name.tambon_hint,
        district=data.get("district") or location.district or name.district_hint,
        province=data.get("province") or location.province or name.province_hint or province,
        name_key=name.key,
    )


@dataclass
class CheckedRows:
    """A source file's rows as (row, values) under a mapping, and the errors of the rows left out."""

    rows: list[tuple[int, dict]]
    errors: list[RowError]


def source_rows(table: Table, mapping: dict[str, str]) -> CheckedRows:
    """Read the table's rows under the mapping; row is the record's 1-based data row (line - 1 below a heading)."""
    positions = check_mapping(mapping, table.headings)
    rows, errors = [], []
    for line, cells in table.rows:
        data = row_values(cells, positions)
        problems = row_problems(data)
        errors.extend(RowError(line, mapping[name], message) for name, message in problems)
        if not problems:
            rows.append((line - 1, data))
    return CheckedRows(rows=rows, errors=errors)
