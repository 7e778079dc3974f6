"""Import files of a plan: its projects, its targets and their split over areas, and the progress of its targets.

Each record is found by its external id (a target's split and an entry by their target's id, area and period), so
a re-import updates what it finds, through the same services and versions as the pages, and never duplicates; a
row that changes nothing writes nothing. The columns of each file are the headings of its export from the plan's
pages: an exported file imported back changes nothing, and an edited cell changes exactly its record. A column
left out of a file keeps what the records hold.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.areas.models import Area
from sanphalang.imports.importers import (
    Column,
    Importer,
    RowProblem,
    choice_value,
    date_value,
    find_organisation,
)
from sanphalang.thai.dates import ThaiDateError, be_year_to_ce, format_be_date, parse_thai_date
from sanphalang.thai.digits import parse_number, to_arabic_digits
from sanphalang.thai.names import clean_text, compact
from sanphalang.web.listing import Column as ExportColumn

from .access import can_change_plan, plan_covers
from .errors import PlanError
from .models import BudgetSource, EntryStatus, Indicator, Measure, ProgressEntry, Project, ProjectStatus, Unit
from .periods import Period, PeriodKind, period_containing, periods_of
from .selectors.plans import plan_list
from .services.progress import period_is_locked, progress_correct, progress_submit
from .services.projects import budget_line_add, budget_line_update, project_create, project_update
from .services.targets import indicator_create, indicator_update, target_splits_set

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

    from .models import Plan

# Words people write for the choices, beside their codes and their labels in Thai and English.
STATUS_WORDS = {
    ProjectStatus.PLANNED: ("วางแผนไว้", "วางแผน", "ยังไม่เริ่ม", "ยังไม่ดำเนินการ"),
    ProjectStatus.RUNNING: ("กำลังดำเนินการ", "ดำเนินการ", "อยู่ระหว่างดำเนินการ", "running"),
    ProjectStatus.DONE: ("เสร็จสิ้น", "แล้วเสร็จ", "ดำเนินการแล้วเสร็จ", "เสร็จแล้ว", "completed"),
    ProjectStatus.SUSPENDED: ("ระงับ", "ชะลอ", "พักไว้", "หยุดชั่วคราว"),
    ProjectStatus.CANCELLED: ("ยกเลิก",),
}
UNIT_WORDS = {
    Unit.HOUSEHOLDS: ("ครัวเรือน", "หลังคาเรือน"),
    Unit.PEOPLE: ("คน", "ราย", "บุคคล"),
    Unit.SUBDISTRICTS: ("ตำบล",),
    Unit.VILLAGES: ("หมู่บ้าน", "ชุมชน"),
    Unit.ORGANISATIONS: ("องค์กร", "หน่วยงาน"),
    Unit.FUNDS: ("กองทุน",),
    Unit.GROUPS: ("กลุ่ม",),
    Unit.PROJECTS: ("โครงการ",),
    Unit.TIMES: ("ครั้ง",),
    Unit.RAI: ("ไร่",),
    Unit.BAHT: ("บาท",),
    Unit.PERCENT: ("ร้อยละ", "เปอร์เซ็นต์", "%"),
}
SOURCE_WORDS = {
    BudgetSource.CODI: ("พอช.", "พอช", "สถาบันพัฒนาองค์กรชุมชน"),
    BudgetSource.PROVINCIAL_ADMINISTRATION: ("อบจ.", "อบจ", "องค์การบริหารส่วนจังหวัด"),
    BudgetSource.LOCAL_GOVERNMENT: ("อปท.", "อปท", "ท้องถิ่น", "องค์กรปกครองส่วนท้องถิ่น"),
    BudgetSource.GOVERNMENT_AGENCY: ("หน่วยงานรัฐ", "ส่วนราชการ"),
    BudgetSource.PROVINCE: ("งบจังหวัด", "จังหวัด"),
    BudgetSource.HEALTH_FUND: ("สสส.", "กองทุนสุขภาพตำบล", "กองทุนหลักประกันสุขภาพ"),
    BudgetSource.COMMUNITY: ("ชุมชน", "ชุมชนสมทบ", "เงินชุมชน"),
    BudgetSource.PRIVATE: ("เอกชน", "csr", "ผู้บริจาค"),
    BudgetSource.OTHER: ("อื่น ๆ", "อื่นๆ", "อื่น"),
}
YES_WORDS = {"ใช่", "สะสม", "นับสะสม", "yes", "y", "true", "1", "✓", "ถูก"}
NO_WORDS = {"ไม่ใช่", "ไม่", "ไม่สะสม", "no", "n", "false", "0", "✗"}
AREA_PREFIXES = ("จังหวัด", "อำเภอ", "เขต", "ตำบล", "แขวง", "จ.", "อ.", "ต.")

EXTERNAL_ID = Column("external_id", "รหัสอ้างอิง", "External id", ("external id", "externalid", "id"), True)
AREA = Column("area", "พื้นที่", "Area", ("รหัสพื้นที่", "area code", "ชื่อพื้นที่"))
TARGET_ID = Column(
    "indicator",
    "รหัสอ้างอิงเป้าหมาย",
    "Target external id",
    ("รหัสเป้าหมาย", "รหัสตัวชี้วัด", "target id", "indicator id"),
    True,
)


# ---- reading the cells


def external_id(values: dict, key: str = "external_id") -> str:
    """An external id as written, with Thai digits read as digits; a required one may not be empty."""
    text = to_arabic_digits(clean_text(values.get(key, "")))
    if not text:
        raise RowProblem(key, PlanError.EXTERNAL_ID_NEEDED.message())
    return text


def number_value(values: dict, key: str) -> Decimal | None:
    raw = values.get(key, "")
    text = parse_number(raw).removesuffix("บาท").removesuffix("%").strip()
    if not text or text in {"-", "–"}:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise RowProblem(key, PlanError.NOT_A_NUMBER.message(value=raw))
    return number


def choice_of(values: dict, key: str, choices, words: dict) -> str | None:
    text = values.get(key, "")
    if not text:
        return None
    value = choice_value(choices, words, text)
    if value is None:
        labels = ", ".join(str(label) for _value, label in choices.choices)
        raise RowProblem(key, PlanError.UNKNOWN_CHOICE.message(value=text, choices=labels))
    return value


def yes_or_no(values: dict, key: str) -> bool | None:
    text = values.get(key, "")
    if not text:
        return None
    wanted = compact(text).casefold()
    if wanted in {compact(word) for word in YES_WORDS} or wanted == compact(_("Yes")).casefold():
        return True
    if wanted in {compact(word) for word in NO_WORDS} or wanted == compact(_("No")).casefold():
        return False
    raise RowProblem(key, PlanError.NOT_YES_OR_NO.message(value=text))


def plan_area(plan: Plan, values: dict, key: str) -> str | None:
    """The code of an area of the plan written as its code or its Thai or English name; None when empty."""
    text = clean_text(values.get(key, ""))
    if not text:
        return None
    code = parse_number(text)
    if code.isdigit():
        if plan_covers(plan, code) and Area.objects.filter(code=code).exists():
            return code
        raise RowProblem(key, PlanError.NO_SUCH_PLAN_AREA.message(value=text))
    name = text
    for prefix in AREA_PREFIXES:
        name = name.removeprefix(prefix).strip()
    found = [
        area.code
        for area in Area.objects.filter(name_th=name) | Area.objects.filter(name_en__iexact=name)
        if plan_covers(plan, area.code)
    ]
    if not found:
        raise RowProblem(key, PlanError.NO_SUCH_PLAN_AREA.message(value=text))
    if len(found) > 1:
        raise RowProblem(key, PlanError.PLAN_AREA_NAME_AMBIGUOUS.message(value=text))
    return found[0]


def required_area(plan: Plan, values: dict, key: str = "area") -> str:
    code = plan_area(plan, values, key)
    if code is None:
        raise RowProblem(key, PlanError.ROW_AREA_NEEDED.message())
    return code


def required_value(values: dict, key: str = "value") -> Decimal:
    value = number_value(values, key)
    if value is None:
        raise RowProblem(key, PlanError.VALUE_NEEDED.message())
    return value


_QUARTER = re.compile(r"^(?:ไตรมาส(?:ที่)?|quarter|q)\s*(\d{1,2})\s*/\s*(\d{2}|\d{4})$", re.IGNORECASE)
_HALF = re.compile(r"^(?:ครึ่งปี(?:ที่)?|ครึ่ง|half|h)\s*(\d)\s*/\s*(\d{2}|\d{4})$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:ปีงบประมาณ|ปี|year|fy)?\s*(?:พ\.ศ\.)?\s*(\d{4})$", re.IGNORECASE)


def _be(year: int) -> int:
    return be_year_to_ce(year) + 543


def plan_period(plan: Plan, values: dict, key: str = "period") -> Period:
    """A period of the plan written as its label (ไตรมาส 1/2568, Q1/2568, ครึ่งปี 2/2568, ปี 2568, ตุลาคม 2567)
    or a day in it (its first day, BE or ISO)."""
    raw = values.get(key, "")
    text = re.sub(r"\s+", " ", to_arabic_digits(raw).strip())
    if not text:
        raise RowProblem(key, PlanError.PERIOD_UNKNOWN.message())
    periods = periods_of(plan.period_kind, plan.year_kind, plan.year_be)
    labelled = [(PeriodKind.QUARTER, _QUARTER.match(text)), (PeriodKind.HALF, _HALF.match(text))]
    for kind, match in labelled:
        if match:
            number, year = int(match[1]), _be(int(match[2]))
            return _one_of(periods, raw, key, kind=kind, number=number, year_be=year)
    if match := _YEAR.match(text):
        return _one_of(periods, raw, key, kind=PeriodKind.YEAR, number=1, year_be=_be(int(match[1])))
    day = None
    for written in (text, f"1 {text}"):  # a month is written without its day: ตุลาคม 2567
        try:
            day = parse_thai_date(written)
        except ThaiDateError:
            continue
        break
    if day is None:
        raise RowProblem(key, PlanError.PERIOD_NOT_READ.message(value=raw))
    found = period_containing(plan.period_kind, plan.year_kind, plan.year_be, day)
    if found is None:
        raise _outside(periods, key)
    return found


def _one_of(periods: list[Period], raw: str, key: str, **wanted) -> Period:
    if periods and periods[0].kind != wanted["kind"]:
        raise RowProblem(key, PlanError.PERIOD_NOT_READ.message(value=raw))
    found = next(
        (p for p in periods if p.number == wanted["number"] and p.year_be == wanted["year_be"]), None
    )
    if found is None:
        raise _outside(periods, key)
    return found


def _outside(periods: list[Period], key: str) -> RowProblem:
    return RowProblem(
        key,
        PlanError.PERIOD_OUTSIDE_TARGET.message(
            start=format_be_date(periods[0].starts_on, style="short"),
            end=format_be_date(periods[-1].ends_on, style="short"),
        ),
    )


class Cells:
    """Reads a row's cells, keeping every cell's problem so that a row reports all of them at once."""

    def __init__(self):
        self.problems: list[tuple[str, str]] = []

    def read(self, reader, *args, **kwargs):
        try:
            return reader(*args, **kwargs)
        except RowProblem as problem:
            self.problems.extend(problem.problems)
            return None

    def check(self) -> None:
        if self.problems:
            raise RowProblem(problems=self.problems)


def changed_fields(record, wanted: dict, current: dict | None = None) -> dict:
    """The fields whose wanted value differs from the record's (current gives values not read as attributes)."""
    current = current or {}
    return {
        name: value
        for name, value in wanted.items()
        if (current[name] if name in current else getattr(record, name)) != value
    }


def export_number(value: Decimal | None):
    """A figure as a number cell: whole numbers without decimals (618, not 618.00)."""
    if value is None:
        return ""
    return int(value) if value == value.to_integral_value() else float(value)


def yes_no_label(value: bool) -> str:
    return _("Yes") if value else _("No")


# ---- the importers


class PlanRowsImporter(Importer):
    """Rows that all go into one plan, chosen when the file is uploaded."""

    needs_plan = True
    plan: Plan | None = None
    # Projects and targets are changed by those who may change the plan; progress by those who write an area.
    changes_plan = True
    # key -> how an exported row gives the cell
    exported: dict = {}

    def for_plan(self, *, by: User, plan_id: int | None) -> PlanRowsImporter:
        if not plan_id:
            raise PlanError.IMPORT_PLAN_NEEDED.error("plan")
        plan = plan_list(user=by).filter(pk=plan_id).prefetch_related("region__provinces").first()
        if plan is None:
            raise PlanError.PLAN_NOT_VISIBLE.error("plan")
        if self.changes_plan and not can_change_plan(by, plan):
            raise PlanError.IMPORT_PLAN_READ_ONLY.error("plan")
        bound = copy(self)
        bound.plan = plan
        bound.seen = {}  # what earlier rows of this file said, for rows that must agree
        return bound

    def _indicator(self, values: dict) -> Indicator:
        code = external_id(values, "indicator")
        indicator = Indicator.objects.filter(plan=self.plan, external_id=code).first()
        if indicator is None:
            raise RowProblem("indicator", PlanError.NO_SUCH_TARGET_EXTERNAL_ID.message(value=code))
        indicator.plan = self.plan
        return indicator

    def export_columns(self) -> list[ExportColumn]:
        """The export's columns: the import's Thai headings, in its order."""
        return [ExportColumn(column.key, column.th, self.exported[column.key]) for column in self.columns]


@dataclass(frozen=True)
class ProjectRow:
    """A project on one line of its export: with the budget of one source, or none."""

    project: Project
    source: str = ""
    amount: Decimal | None = None


def _be_day(day) -> str:
    return format_be_date(day, style="numeric") if day else ""


class PlanProjectImporter(PlanRowsImporter):
    entity = "plan_projects"
    label = gettext_lazy("Projects of a plan")
    columns = (
        EXTERNAL_ID,
        Column("name", "ชื่อโครงการ", "Name of the project", ("โครงการ", "project", "name"), True),
        AREA,
        Column("owner", "หน่วยงานเจ้าของโครงการ", "Owner", ("เจ้าของโครงการ", "ผู้รับผิดชอบ", "owner organisation")),
        Column("status", "สถานะ", "Status", ("สถานะโครงการ",)),
        Column("starts_on", "วันที่เริ่ม", "Starts on", ("วันเริ่มต้น", "start date", "start")),
        Column("ends_on", "วันที่สิ้นสุด", "Ends on", ("วันสิ้นสุด", "end date", "end")),
        Column("budget_source", "แหล่งงบประมาณ", "Budget source", ("แหล่งงบ", "source")),
        Column(
            "budget_amount", "งบประมาณ (บาท)", "Budget (baht)", ("งบประมาณ", "จำนวนเงิน", "amount", "budget")
        ),
    )
    main_column = "name"
    area_column = "area"
    field_columns = {"area_code": "area", "amount": "budget_amount", "source": "budget_source"}
    exported = {
        "external_id": lambda row: row.project.external_id,
        "name": lambda row: row.project.name,
        "area": lambda row: row.project.area_id,
        "owner": lambda row: row.project.owner.name_th if row.project.owner else "",
        "status": lambda row: row.project.get_status_display(),
        "starts_on": lambda row: _be_day(row.project.starts_on),
        "ends_on": lambda row: _be_day(row.project.ends_on),
        "budget_source": lambda row: BudgetSource(row.source).label if row.source else "",
        "budget_amount": lambda row: export_number(row.amount),
    }

    def duplicate_keys(self, values):
        code = to_arabic_digits(clean_text(values.get("external_id", "")))
        source = compact(values.get("budget_source", ""))
        return [("external_id", ("project", code, source))] if code else []

    def _fields(self, by: User, values: dict) -> tuple[dict, tuple[str, Decimal] | None]:
        cells, fields = Cells(), {}
        if "name" in values:
            fields["name"] = clean_text(values["name"])
        if "area" in values:
            fields["area_code"] = cells.read(plan_area, self.plan, values, "area")
        if "owner" in values:
            name = values["owner"]
            near = fields.get("area_code") or self.plan.area_id or ""
            fields["owner"] = (
                cells.read(find_organisation, by=by, name=name, near_code=near, column="owner")
                if name
                else None
            )
        if "status" in values:
            fields["status"] = (
                cells.read(choice_of, values, "status", ProjectStatus, STATUS_WORDS) or ProjectStatus.PLANNED
            )
        for key in ("starts_on", "ends_on"):
            if key in values:
                fields[key] = cells.read(date_value, values, key)
        budget = cells.read(self._budget, values)
        cells.check()
        return fields, budget

    def _budget(self, values: dict) -> tuple[str, Decimal] | None:
        source = choice_of(values, "budget_source", BudgetSource, SOURCE_WORDS)
        amount = number_value(values, "budget_amount")
        if source is None and amount is None:
            return None
        if source is None or amount is None:
            column = "budget_source" if source is None else "budget_amount"
            raise RowProblem(column, PlanError.BUDGET_NEEDS_SOURCE_AND_AMOUNT.message())
        return source, amount

    def create(self, *, by, values):
        code = external_id(values)
        fields, budget = self._fields(by, values)
        # A project with budgets from several sources takes a row for each: the first one sets its details.
        details = tuple(sorted((key, text) for key, text in values.items() if not key.startswith("budget_")))
        earlier = self.seen.setdefault(code, details)
        if earlier != details:
            raise RowProblem("name", PlanError.PROJECT_ROWS_DIFFER.message())
        project = Project.objects.filter(plan=self.plan, external_id=code).first()
        if project is None:
            project = project_create(by=by, plan=self.plan, external_id=code, **fields)
        else:
            project.plan = self.plan
            wanted = dict(fields)
            current = {"area_code": project.area_id}
            if "area_code" in wanted:
                wanted["area_code"] = wanted["area_code"] or self.plan.area_id
            changed = changed_fields(project, wanted, current)
            if changed:
                project = project_update(by=by, project=project, version=project.version, **changed)
        if budget:
            self._set_budget(by, project, *budget)

    def _set_budget(self, by: User, project: Project, source: str, amount: Decimal) -> None:
        lines = list(project.budget_lines.filter(source=source))
        if not lines:
            budget_line_add(by=by, project=project, source=source, amount=amount)
        elif sum(line.amount for line in lines) == amount:
            return
        elif len(lines) == 1:
            budget_line_update(by=by, line=lines[0], version=lines[0].version, amount=amount)
        else:
            raise RowProblem("budget_amount", PlanError.BUDGET_SOURCE_SHARED.message())

    def export_records(self, projects) -> list[ProjectRow]:
        """A line per project and budget source (the sum of its lines of that source); one without a budget on
        one line."""
        rows = []
        for project in projects:
            by_source: dict[str, Decimal] = {}
            for line in project.budget_lines.all():
                by_source[line.source] = by_source.get(line.source, Decimal(0)) + line.amount
            rows.extend(ProjectRow(project, source, amount) for source, amount in sorted(by_source.items()))
            if not by_source:
                rows.append(ProjectRow(project))
        return rows


class PlanTargetImporter(PlanRowsImporter):
    entity = "plan_targets"
    label = gettext_lazy("Targets of a plan")
    columns = (
        EXTERNAL_ID,
        Column("project", "รหัสอ้างอิงโครงการ", "Project external id", ("รหัสโครงการ", "project id")),
        Column("name", "ตัวชี้วัด", "Indicator", ("ชื่อตัวชี้วัด", "ชื่อเป้าหมาย", "name"), True),
        Column("unit", "หน่วยนับ", "Unit", ("หน่วย",)),
        Column("baseline", "ค่าฐาน", "Baseline", ("ข้อมูลฐาน", "ค่าเริ่มต้น")),
        Column("target", "ค่าเป้าหมาย", "Target", ("เป้าหมาย", "target value"), True),
        Column("accumulates", "นับสะสม", "Accumulates", ("สะสม", "entries add up")),
        Column("measure", "ตัวชี้วัดร่วม", "Common measure", ("รหัสตัวชี้วัดร่วม", "measure")),
    )
    main_column = "name"
    area_column = "name"
    field_columns = {"unit_label": "unit", "counted_by": "measure"}
    exported = {
        "external_id": lambda indicator: indicator.external_id,
        "project": lambda indicator: indicator.project.external_id if indicator.project else "",
        "name": lambda indicator: indicator.name,
        "unit": lambda indicator: indicator.unit_name,
        "baseline": lambda indicator: export_number(indicator.baseline),
        "target": lambda indicator: export_number(indicator.target),
        "accumulates": lambda indicator: yes_no_label(indicator.accumulates),
        "measure": lambda indicator: indicator.measure.slug if indicator.measure else "",
    }

    def duplicate_keys(self, values):
        code = to_arabic_digits(clean_text(values.get("external_id", "")))
        return [("external_id", ("target", code))] if code else []

    def _project(self, values: dict) -> Project | None:
        code = to_arabic_digits(clean_text(values.get("project", "")))
        if not code:
            return None
        project = Project.objects.filter(plan=self.plan, external_id=code).first()
        if project is None:
            raise RowProblem("project", PlanError.NO_SUCH_PROJECT_EXTERNAL_ID.message(value=code))
        return project

    def _unit(self, values: dict) -> tuple[str, str] | None:
        text = clean_text(values.get("unit", ""))
        if not text:
            return None
        unit = choice_value(Unit, UNIT_WORDS, text)
        return (unit, "") if unit and unit != Unit.OTHER else (Unit.OTHER, "" if unit else text)

    def _measure(self, values: dict) -> Measure | None:
        slug = clean_text(values.get("measure", ""))
        if not slug:
            return None
        measure = Measure.objects.filter(slug=slug).first()
        if measure is None:
            raise RowProblem("measure", PlanError.NO_SUCH_MEASURE.message(value=slug))
        return measure

    def _fields(self, values: dict) -> dict:
        cells, fields = Cells(), {}
        if "name" in values:
            fields["name"] = clean_text(values["name"])
        if "project" in values:
            fields["project"] = cells.read(self._project, values)
        unit = self._unit(values)
        if unit:
            fields["unit"], fields["unit_label"] = unit
        for key in ("baseline", "target"):
            if key in values:
                fields[key] = cells.read(number_value, values, key)
        if "accumulates" in values:
            accumulates = cells.read(yes_or_no, values, "accumulates")
            if accumulates is not None:
                fields["accumulates"] = accumulates
        if "measure" in values:
            fields["measure"] = cells.read(self._measure, values)
        cells.check()
        if fields.get("target") is None and "target" in values:
            raise RowProblem("target", PlanError.TARGET_NOT_POSITIVE.message())
        return fields

    def create(self, *, by, values):
        code = external_id(values)
        fields = self._fields(values)
        indicator = Indicator.objects.filter(plan=self.plan, external_id=code).first()
        if indicator is None:
            indicator_create(by=by, plan=self.plan, external_id=code, **fields)
            return
        indicator.plan = self.plan
        measure = fields.get("measure", indicator.measure)
        if measure is not None:  # a common measure sets the unit: the file's unit is not compared
            fields.pop("unit", None)
            fields.pop("unit_label", None)
        elif fields.get("unit") is not None and fields["unit"] != Unit.OTHER:
            fields.pop("unit_label")
        changed = changed_fields(indicator, fields)
        if changed:
            indicator_update(by=by, indicator=indicator, version=indicator.version, **changed)


class PlanTargetSplitImporter(PlanRowsImporter):
    entity = "plan_target_splits"
    label = gettext_lazy("Targets of areas (a target's split)")
    columns = (
        TARGET_ID,
        Column("area", "พื้นที่", "Area", ("รหัสพื้นที่", "area code", "ชื่อพื้นที่"), True),
        Column("split_target", "ค่าเป้าหมายของพื้นที่", "Target of the area", ("ค่าเป้าหมาย", "เป้าหมาย", "target")),
    )
    main_column = "split_target"
    area_column = "area"
    field_columns = {"splits": "split_target"}
    exported = {
        "indicator": lambda split: split.indicator.external_id,
        "area": lambda split: split.area_id,
        "split_target": lambda split: export_number(split.target),
    }

    def duplicate_keys(self, values):
        key = (
            to_arabic_digits(clean_text(values.get("indicator", ""))),
            parse_number(values.get("area", "")),
        )
        return [("area", ("split", *key))] if key[0] else []

    def create(self, *, by, values):
        cells = Cells()
        indicator = cells.read(self._indicator, values)
        code = cells.read(required_area, self.plan, values)
        value = cells.read(number_value, values, "split_target")
        cells.check()
        current = {split.area_id: split.target for split in indicator.splits.all()}
        if current.get(code) == value:
            return
        # An empty part takes the area out of the split; the other areas keep theirs.
        splits = {**current, code: value}
        target_splits_set(by=by, indicator=indicator, splits=splits, version=indicator.version)


class PlanProgressImporter(PlanRowsImporter):
    entity = "plan_progress"
    label = gettext_lazy("Progress of a plan's targets")
    changes_plan = False
    columns = (
        TARGET_ID,
        Column("area", "พื้นที่", "Area", ("รหัสพื้นที่", "area code", "ชื่อพื้นที่"), True),
        Column("period", "งวด", "Period", ("ไตรมาส", "ช่วงเวลา", "งวดรายงาน"), True),
        Column("value", "ผลการดำเนินงาน", "Progress", ("ความก้าวหน้า", "ผลงาน", "value"), True),
        Column("denominator", "จากทั้งหมด", "Out of", ("ตัวหาร", "denominator")),
        Column("note", "สิ่งที่ดำเนินการ", "What was done", ("หมายเหตุ", "รายละเอียด", "note")),
        # Written by the export for the reader; a file cannot change it.
        Column("status", "สถานะ", "Status", (), in_template=False),
    )
    main_column = "value"
    area_column = "area"
    field_columns = {"area_code": "area"}
    exported = {
        "indicator": lambda entry: entry.indicator.external_id,
        "area": lambda entry: entry.area_id,
        "period": lambda entry: _period_label(entry),
        "value": lambda entry: export_number(entry.value),
        "denominator": lambda entry: export_number(entry.denominator),
        "note": lambda entry: entry.note,
        "status": lambda entry: entry.get_status_display(),
    }

    def duplicate_keys(self, values):
        key = tuple(
            compact(to_arabic_digits(values.get(name, ""))) for name in ("indicator", "area", "period")
        )
        return [("period", ("entry", *key))] if key[0] else []

    def create(self, *, by, values):
        cells = Cells()
        indicator = cells.read(self._indicator, values)
        code = cells.read(required_area, self.plan, values)
        period = cells.read(plan_period, self.plan, values)
        value = cells.read(required_value, values)
        denominator = cells.read(number_value, values, "denominator")
        cells.check()
        note = clean_text(values.get("note", ""))
        entry = ProgressEntry.objects.filter(
            indicator=indicator, area_id=code, period_start=period.starts_on
        ).first()
        if entry is None:
            if period_is_locked(self.plan, period.starts_on):
                raise RowProblem("period", PlanError.PERIOD_LOCKED.message())
            progress_submit(
                by=by,
                indicator=indicator,
                area_code=code,
                period_start=period.starts_on,
                value=value,
                denominator=denominator,
                note=note,
            )
            return
        entry.indicator = indicator
        if "denominator" not in values:
            denominator = entry.denominator
        unchanged = (
            entry.value == value
            and (not indicator.is_percent or entry.denominator == denominator)
            and ("note" not in values or entry.note == note)
        )
        if unchanged:
            return
        if period_is_locked(self.plan, period.starts_on):
            raise RowProblem("period", PlanError.PERIOD_LOCKED.message())
        if entry.status == EntryStatus.APPROVED:
            raise RowProblem("value", PlanError.ENTRY_APPROVED_NOT_IMPORTED.message())
        evidence = {"note": note} if "note" in values else {}
        progress_correct(
            by=by, entry=entry, value=value, denominator=denominator, version=entry.version, **evidence
        )


def _period_label(entry: ProgressEntry) -> str:
    plan = entry.indicator.plan
    period = period_containing(plan.period_kind, plan.year_kind, plan.year_be, entry.period_start)
    return period.label if period else entry.period_start.isoformat()


def import_url(importer: PlanRowsImporter, plan: Plan) -> str:
    """The import page with this kind of file and this plan chosen."""
    return f"{reverse('imports:index')}?{urlencode({'entity': importer.entity, 'plan': plan.pk})}"


PLAN_PROJECTS = PlanProjectImporter()
PLAN_TARGETS = PlanTargetImporter()
PLAN_TARGET_SPLITS = PlanTargetSplitImporter()
PLAN_PROGRESS = PlanProgressImporter()
PLAN_IMPORTERS = (PLAN_PROJECTS, PLAN_TARGETS, PLAN_TARGET_SPLITS, PLAN_PROGRESS)
