"""Build import files in tests: CSV (UTF-8 with BOM, or TIS-620) and XLSX, from a heading row and data rows."""

import csv
import io

from openpyxl import Workbook


def csv_bytes(rows: list[list], *, encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ORGANISATION_HEADINGS_TH = ["ชื่อองค์กร", "ชื่อย่อ", "ประเภท", "รหัสพื้นที่", "ประเด็นงาน", "โทรศัพท์"]
ORGANISATION_HEADINGS_EN = ["Name (Thai)", "Abbreviation", "Kind", "Area code", "Issue areas", "Phone"]

GOOD_ORGANISATIONS = [
    ["กลุ่มออมทรัพย์บ้านป่าซาง", "", "องค์กรชุมชน", "570101", "community-welfare", "053-111111"],
    ["เครือข่ายที่อยู่อาศัยเชียงราย", "คอช.", "Network", "5701", "baan-mankong,baan-por-piang", ""],
    ["สภาองค์กรชุมชนตำบลเวียง", "", "council", "570101", "", ""],
]

PEOPLE_HEADINGS_TH = [
    "คำนำหน้า",
    "ชื่อ",
    "นามสกุล",
    "รหัสพื้นที่",
    "เลขประจำตัวประชาชน",
    "องค์กร",
    "ตำแหน่ง",
    "บทบาท",
    "วันที่เริ่ม",
]
# Valid national IDs (the check digit is right).
ID_1 = "1101700203450"
ID_2 = "3100600455509"
BAD_ID = "1101700203451"  # check digit wrong
