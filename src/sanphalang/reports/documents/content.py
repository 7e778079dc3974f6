"""What the printed quarterly report says, worked out once from its frozen content so the PDF and the Word file say
the same thing: the section titles, BE dates and numbers in the digits the reader chose.

Like the minutes (meetings/documents/content.py), the wording is the fixed wording of a Thai official report: the
document is Thai whatever language the reader's screen is in, so it is data here, not a translation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sanphalang.meetings.documents.content import safe_file_name
from sanphalang.thai.dates import format_be_date
from sanphalang.thai.digits import to_arabic_digits, to_thai_digits

TITLE = "รายงานผลการดำเนินงานต่อผู้ว่าราชการจังหวัด{province} รายไตรมาส"
YEAR_KINDS = {"fiscal": "ปีงบประมาณ พ.ศ. {year}", "calendar": "ปี พ.ศ. {year}"}
GENERAL_GROUP = "งานของเครือข่ายโดยรวม"
DRAFT = "ฉบับร่าง (ยังไม่ออกรายงาน)"

# The sections in the order they are printed; the tests read them back from the PDF in this order.
SUMMARY = "๑. สรุปผลการดำเนินงาน"
GROUPS = "๒. ผลการดำเนินงานรายคณะทำงานประเด็น"
TARGETS = "๓. ผลการดำเนินงานเทียบกับเป้าหมาย"
STAGES = "๔. ความเคลื่อนไหวของธรรมนูญตำบลและการขึ้นทะเบียน"
WELFARE = "๕. กองทุนสวัสดิการชุมชน"
CARE = "๖. การช่วยเหลือผู้ยากลำบาก"
PROBLEMS = "๗. ปัญหาอุปสรรคและข้อเสนอ"
SECTIONS = (SUMMARY, GROUPS, TARGETS, STAGES, WELFARE, CARE, PROBLEMS)

GROUP_PARTS = {
    "meetings": "การประชุม",
    "resolutions": "มติที่ประชุม",
    "actions_done": "งานที่ต้องดำเนินการที่แล้วเสร็จในไตรมาส",
    "actions_overdue": "งานที่ต้องดำเนินการที่เกินกำหนดแล้วเสร็จ ณ สิ้นไตรมาส",
    "letters_answered": "หนังสือส่งที่ได้รับคำตอบในไตรมาส",
    "letters_waiting": "หนังสือส่งที่รอคำตอบ ณ สิ้นไตรมาส",
}
NOTE_PARTS = {"work_done": "ผลการดำเนินงาน", "problems": "ปัญหาอุปสรรค", "requests": "ข้อเสนอ"}
NOTHING = "ไม่มี"
STAGE_KINDS = {"charter": "ธรรมนูญตำบล", "registration": "การขึ้นทะเบียน"}
STANDING_MARKS = {"reached": "●", "on_track": "●", "behind": "◐", "far_behind": "○"}


@dataclass
class Table:
    headings: list[str]
    rows: list[list[str]]
    widths: list[int] = field(default_factory=list)  # percent of the page's width, one per column


@dataclass
class Part:
    """A titled piece of a working group: a table, or paragraphs, or "ไม่มี"."""

    title: str
    table: Table | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Group:
    heading: str  # "๒.๑ คณะทำงานประเด็น…"
    bodies: str
    parts: list[Part]


@dataclass
class ReportDocument:
    thai_digits: bool
    title: str
    period: str  # "ไตรมาส 4/2558 ปีงบประมาณ พ.ศ. 2558"
    span: str  # "1 กรกฎาคม 2558 ถึง 30 กันยายน 2558"
    edition: str  # "ฉบับที่ 1 ออกเมื่อวันที่ …" or the draft's line
    summary: list[str]
    key_figures: Table
    charts: list[dict]  # {"title", "unit", "labels", "values"} as frozen, drawn by the renderer
    groups: list[Group]
    targets: Table
    stages: Table
    welfare: Table
    care: Table
    problems: list[str]
    requests: list[str]

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(digits(title, self.thai_digits) for title in SECTIONS)


def digits(text: str, thai_digits: bool) -> str:
    if not text:
        return ""
    return to_thai_digits(text) if thai_digits else to_arabic_digits(text)


def amount(value: str, *, money: bool = False) -> str:
    """A frozen number as printed: thousands separated, money to the satang."""
    if value in ("", None):
        return "–"
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if money:
        return f"{number:,.2f}"
    return f"{number:,.0f}" if number == number.to_integral() else f"{number:,}"


def _date(value: str, thai_digits: bool, style: str = "long") -> str:
    return format_be_date(dt.date.fromisoformat(value), style=style, thai_digits=thai_digits) if value else ""


def _paragraphs(text: str, thai_digits: bool) -> list[str]:
    return [digits(line.strip(), thai_digits) for line in (text or "").split("\n") if line.strip()]


def _change(row: dict) -> str:
    change = row.get("change", "")
    if change in ("", None):
        return "–"
    shown = amount(change, money=row.get("money", False))
    return f"+{shown}" if Decimal(change) > 0 else shown


def build_report_document(
    content: dict, *, thai_digits: bool, number: int | None = None, issued_at: dt.datetime | None = None
) -> ReportDocument:
    def d(text: str) -> str:
        return digits(text, thai_digits)

    def date(value: str, style: str = "short") -> str:
        return _date(value, thai_digits, style)

    province = content["province"]["name"]
    year = YEAR_KINDS[content["year_kind"]].format(year=content["year_be"])
    if number is not None:
        when = format_be_date(issued_at, thai_digits=thai_digits) if issued_at else ""
        edition = d(f"ฉบับที่ {number} ออกเมื่อวันที่ {when}".strip())
    else:
        edition = DRAFT + " " + d("ข้อมูล ณ วันที่ ") + date(content["built_on"], "long")
    key_figures = Table(
        ["ตัวชี้วัด", "ไตรมาสนี้", "ไตรมาสก่อน", "เปลี่ยนแปลง", "หน่วย"],
        [
            [
                row["label"],
                d(amount(row["value"], money=row["money"])),
                d(amount(row.get("previous", ""), money=row["money"])),
                d(_change(row)),
                row["unit"],
            ]
            for row in content["key_figures"]
        ],
        [40, 15, 15, 15, 15],
    )
    groups = [_group(index, group, d, date) for index, group in enumerate(content["groups"], start=1)]
    targets = Table(
        ["แผน / ตัวชี้วัด", "เป้าหมาย", "ผล", "ร้อยละ", "สถานะ"],
        [
            [
                d(f"{row['name']} ({row['plan']})"),
                d(f"{amount(row['target'])} {row['unit']}") if row["target"] else "–",
                d(amount(row["value"])),
                d(row["percent"] or "–"),
                f"{STANDING_MARKS.get(row['standing'], '')} {row['standing_label']}".strip(),
            ]
            for row in content["targets"]
        ],
        [44, 16, 12, 10, 18],
    )
    stages = Table(
        ["เรื่อง", "พื้นที่", "ขั้นตอนที่ถึง", "วันที่"],
        [
            [
                d(f"{STAGE_KINDS[row['kind']]} {row['title']}"),
                d(row["area"]),
                row["stage"],
                date(row["happened_on"]),
            ]
            for row in content["stages"]
        ],
        [42, 20, 22, 16],
    )
    return ReportDocument(
        thai_digits=thai_digits,
        title=TITLE.format(province=province),
        period=d(f"{content['period']} {year}"),
        span=date(content["starts_on"], "long") + " ถึง " + date(content["ends_on"], "long"),
        edition=edition,
        summary=_paragraphs(content["summary"], thai_digits),
        key_figures=key_figures,
        charts=content["charts"],
        groups=groups,
        targets=targets,
        stages=stages,
        welfare=_figure_table(content["welfare"], d),
        care=_figure_table(content["care"], d),
        problems=_paragraphs(content["problems"], thai_digits),
        requests=_paragraphs(content["requests"], thai_digits),
    )


def _figure_table(rows: list[dict], d) -> Table:
    return Table(
        ["รายการ", "จำนวน", "หน่วย"],
        [[row["label"], d(amount(row["value"], money=row["money"])), row["unit"]] for row in rows],
        [60, 22, 18],
    )


def _group(index: int, group: dict, d, date) -> Group:
    name = group["name"] or GENERAL_GROUP
    tables = {
        "meetings": Table(
            ["คณะ", "ครั้งที่", "วันที่", "เรื่อง"],
            [[d(m["body"]), d(m["number"]), date(m["held_on"]), d(m["title"])] for m in group["meetings"]],
            [34, 16, 16, 34],
        ),
        "resolutions": Table(
            ["การประชุม", "มติ"],
            [[d(r["meeting"]), d(f"มติที่ {r['number']} {r['text']}")] for r in group["resolutions"]],
            [20, 80],
        ),
        "actions_done": Table(
            ["งาน", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ", "แล้วเสร็จเมื่อ"],
            [
                [d(a["title"]), d(a["owner"] or "–"), date(a["due_on"]), date(a["done_on"])]
                for a in group["actions_done"]
            ],
            [44, 24, 16, 16],
        ),
        "actions_overdue": Table(
            ["งาน", "ผู้รับผิดชอบ", "กำหนดแล้วเสร็จ"],
            [[d(a["title"]), d(a["owner"] or "–"), date(a["due_on"])] for a in group["actions_overdue"]],
            [56, 28, 16],
        ),
    }
    for key in ("letters_answered", "letters_waiting"):
        tables[key] = Table(
            ["เลขที่", "เรื่อง", "ถึง", "ลงวันที่"],
            [
                [d(letter["number"] or "–"), d(letter["subject"]), d(letter["to"]), date(letter["dated_on"])]
                for letter in group[key]
            ],
            [18, 42, 24, 16],
        )
    parts = []
    for key, title in GROUP_PARTS.items():
        if not group[key]:
            parts.append(Part(title, paragraphs=[NOTHING]))
            continue
        part = Part(title, table=tables[key])
        total = group.get(f"{key}_count", len(group[key]))
        if total > len(group[key]):
            part.paragraphs = [d(f"แสดง {len(group[key])} รายการแรกจากทั้งหมด {total} รายการ")]
        parts.append(part)
    for key, title in NOTE_PARTS.items():
        paragraphs = [d(line.strip()) for line in group.get(key, "").split("\n") if line.strip()]
        parts.append(Part(title, paragraphs=paragraphs or [NOTHING]))
    return Group(
        heading=d(f"2.{index} {name}"),
        bodies=d("คณะที่ดำเนินงาน " + ", ".join(group["bodies"])),
        parts=parts,
    )


def file_names(content: dict, extension: str, number: int | None) -> tuple[str, str]:
    """The Thai file name and a plain ASCII one for clients that cannot read the Thai one."""
    stem = f"{content['quarter']}-{content['year_be']}"
    edition = f"ฉบับที่ {number}" if number else "ฉบับร่าง"
    thai = f"รายงานต่อผู้ว่าราชการจังหวัด{content['province']['name']} ไตรมาส {stem} {edition}.{extension}"
    ascii_name = f"governor-report-{content['province']['code']}-{stem}-{number or 'draft'}.{extension}"
    return safe_file_name(thai), ascii_name
