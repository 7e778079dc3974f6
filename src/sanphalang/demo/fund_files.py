"""The generated welfare-fund sources as the files offices send: the program's export as .xlsx, the matching list
and the network survey as .csv, each with its own headings and its own way of writing a date.

The benchmarks and the tests of the reconcile command and of the web import read these files, so every one of
them meets the sources as a user gives them, not as records already in memory."""

import random
from pathlib import Path

from sanphalang.imports.tabular import write_table
from sanphalang.thai.dates import format_be_date
from sanphalang.welfare.linkage.scoring import FundRecord

# The headings each source's office writes; the national offices' matching list uses the welfare-organisation
# register's words.
SOURCE_HEADINGS = {
    "program": (
        ("fund_code", "รหัสกองทุน"),
        ("fund_name", "ชื่อกองทุน"),
        ("tambon", "ตำบล"),
        ("district", "อำเภอ"),
        ("province", "จังหวัด"),
        ("members", "จำนวนสมาชิก"),
        ("status", "สถานะ"),
        ("founded", "วันที่ก่อตั้ง"),
    ),
    "matching": (
        ("fund_name", "ชื่อองค์กรสวัสดิการชุมชน"),
        ("tambon", "ตำบล"),
        ("district", "อำเภอ"),
        ("province", "จังหวัด"),
        ("fund_code", "รหัสกองทุน"),
        ("members", "จำนวนสมาชิก"),
        ("status", "สถานะการดำเนินงาน"),
        ("founded", "วันที่จัดตั้ง"),
    ),
    "survey": (
        ("fund_name", "ชื่อกองทุน"),
        ("location", "ที่ตั้ง"),
        ("members", "สมาชิก"),
        ("status", "สถานะ"),
    ),
}
SOURCE_FORMATS = {"program": "xlsx", "matching": "csv", "survey": "csv"}
DATE_STYLES = ("numeric", "short", "long")


def _cell(record: FundRecord, field: str, rng: random.Random):
    value = getattr(record, field)
    if value is None or value == "":
        return ""
    if field == "founded":
        return format_be_date(value, style=rng.choice(DATE_STYLES))
    return value


def source_table(name: str, records: list[FundRecord], *, seed: int = 0) -> tuple[list[str], list[list]]:
    """The headings and rows of one source's file, in the order of its records (row n is data row n)."""
    rng = random.Random(f"{seed}:{name}")
    columns = SOURCE_HEADINGS[name]
    rows = [[_cell(record, field, rng) for field, _heading in columns] for record in records]
    return [heading for _field, heading in columns], rows


def write_source_files(
    sources: dict[str, list[FundRecord]], directory: Path, *, seed: int = 0
) -> dict[str, Path]:
    """Each source as the file its office sends, in directory; returns source name → path."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, records in sources.items():
        fmt = SOURCE_FORMATS[name]
        headings, rows = source_table(name, records, seed=seed)
        path = directory / f"{name}.{fmt}"
        path.write_bytes(write_table(headings, rows, fmt=fmt))
        paths[name] = path
    return paths
