"""The demo's welfare funds: Chiang Rai's three disagreeing sources (S9), made by the tested generator, imported
and reconciled through the same services an officer uses."""

from django.db import transaction

from sanphalang.imports.tabular import Table
from sanphalang.welfare.generator import generate_sources
from sanphalang.welfare.models import Source
from sanphalang.welfare.services import reconcile, source_import

# The generator's field names are the registry's; each source gets the Thai headings its office writes.
SOURCE_NAMES = {
    "program": "ข้อมูลในระบบโปรแกรมบริหารกองทุน",
    "matching": "รายชื่อกองทุนที่ผ่านความเห็นชอบให้สมทบ",
    "survey": "ผลสำรวจสถานะการดำเนินงานของเครือข่าย 18 อำเภอ",
}
HEADINGS = {
    "fund_name": "ชื่อกองทุน", "tambon": "ตำบล", "district": "อำเภอ", "province": "จังหวัด", "location": "ที่ตั้ง",
    "members": "จำนวนสมาชิก", "status": "สถานะ", "founded": "วันที่ก่อตั้ง", "fund_code": "รหัสกองทุน",
}
DEMO_FUNDS = 150
SEED = 2562


def _cell(record, field: str) -> str:
    value = getattr(record, field)
    if value is None:
        return ""
    if hasattr(value, "year"):
        return f"{value.day}/{value.month}/{value.year + 543}"
    return str(value)


@transaction.atomic
def load_welfare(by) -> dict:
    """Import the three sources once (a second run leaves them as they are) and reconcile the province."""
    if Source.objects.filter(province_id="57", name__in=SOURCE_NAMES.values()).count() == len(SOURCE_NAMES):
        return {"sources": len(SOURCE_NAMES), "reconciled": False}
    sources, _truth = generate_sources(DEMO_FUNDS, seed=SEED, provinces=("57",))
    fields = list(HEADINGS)
    for key, records in sources.items():
        table = Table(headings=[HEADINGS[f] for f in fields],
                      rows=[(line, [_cell(r, f) for f in fields]) for line, r in enumerate(records, start=2)])
        source_import(by=by, source_name=SOURCE_NAMES[key], province_code="57", table=table,
                      column_mapping=HEADINGS)
    summary = reconcile(by=by, province_code="57")
    return {"sources": len(SOURCE_NAMES), "reconciled": True, **summary}
