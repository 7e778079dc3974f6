"""Sources for the registry tests: small tables in the layouts offices send, built as users would upload them."""

import re

from sanphalang.imports.tabular import Table
from sanphalang.welfare.models import Fund
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.sources import source_import

THAI_HEADINGS = ["ลำดับ", "ชื่อกองทุน", "ตำบล", "อำเภอ", "จังหวัด", "จำนวนสมาชิก", "สถานะ", "รหัสกองทุน"]


def table(headings, rows) -> Table:
    return Table(headings=list(headings), rows=[(line, list(row)) for line, row in enumerate(rows, start=2)])


def program_rows():
    return [
        ["1", "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "1,200", "ดำเนินการ", "F001"],
        ["2", "กองทุนสวัสดิการชุมชนตำบลริมกก", "ริมกก", "เมืองเชียงราย", "เชียงราย", "850", "ดำเนินการ", "F002"],
        ["3", "กองทุนสวัสดิการชุมชนตำบลแม่สาย", "แม่สาย", "แม่สาย", "เชียงราย", "640", "ดำเนินการ", "F003"],
    ]


def matching_rows():
    return [
        ["1", "กองทุนสวัสดิการ ต.แม่ยาว", "ต.แม่ยาว", "อ.เมือง", "จ.เชียงราย", "๑๓๐๐", "ดำเนินการ", "F001"],
        ["2", "กองทุนสวัสดิการชุมชน ต.ริมกก", "ริมกก", "เมือง", "เชียงราย", "850", "หยุดดำเนินการ", "F002"],
    ]


def import_source(by, name, rows, headings=THAI_HEADINGS, **kwargs):
    return source_import(by=by, source_name=name, area_code="57", table=table(headings, rows), **kwargs)


def reconciled_fund(cast):
    """Two sources of Chiang Rai imported and reconciled: the fund of Mae Yao (F001), which both list."""
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Fund.objects.get(fund_code="F001")


def page_choice(queries: list[str]) -> str:
    """Of a list page's queries, the one (or the subquery) that picks the page's fund ids with LIMIT/OFFSET."""
    [chosen] = [
        match
        for sql in queries
        if "welfare_fund" in sql
        for match in re.findall(r"(?:^|\()(SELECT (?:(?!\(SELECT).)*? LIMIT \d+(?: OFFSET \d+)?)", sql)
    ]
    return chosen
