"""API shapes of the progress of targets: the roll-up of a target over the areas below an area, its period-by-period
series, a plan's and a province's roll-ups, a region's comparison of its provinces, and progress entries with their
approval and the approved (locked) periods."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, ConfigDict

from sanphalang.plans.models import EntryStatus
from sanphalang.plans.periods import period_at
from sanphalang.plans.selectors.progress import Source, Standing
from sanphalang.thai.digits import to_arabic_digits

from .pagination import PageQuery
from .thai_fields import RecordId, ThaiDate, ThaiDecimal, ThaiInt
from .versions import VersionIn, VersionOut

SourceCode = Literal[tuple(Source.LABELS)]
StandingCode = Literal[tuple(Standing.LABELS)]
# A figure as the database holds it: up to 14 digits before the point and 2 after.
EntryNumber = Annotated[ThaiDecimal, Field(max_digits=16, decimal_places=2)]


def _read_area_code(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return to_arabic_digits(value.strip()) or None


AreaCode = Annotated[str, BeforeValidator(_read_area_code), Field(max_length=20)]


def _text(value: Any) -> Any:
    """Null for an optional text is taken as empty."""
    return "" if value is None else value


OptionalText = Annotated[str, BeforeValidator(_text)]


def period_label(plan, starts_on: dt.date) -> str:
    found = period_at(plan.period_kind, plan.year_kind, plan.year_be, starts_on)
    return found.label if found is not None else starts_on.isoformat()


# ---- figures and roll-ups


class FigureOut(Schema):
    """One area's figure for one target."""

    code: str = Field(description="The area's code, or the region's short name")
    name: str
    value: Decimal | None = Field(
        None,
        description="The figure as read: the amount, or for a percentage the percent computed from the parts "
        "(sum of parts / sum of wholes, never a sum of percents); null for a percentage with no parts yet",
    )
    actual: Decimal = Field(
        description="Approved (or counted) progress; for a percentage, the sum of the parts"
    )
    denominator: Decimal | None = Field(
        None, description="For a percentage, the sum of the wholes its parts are of; null otherwise"
    )
    pending: Decimal = Field(description="Progress submitted and waiting for approval: not counted yet")
    pending_denominator: Decimal | None = Field(
        None, description="For a percentage, the wholes still waiting"
    )
    target: Decimal | None = None
    target_source: SourceCode = Field(
        description="entered (the area's own split or the target itself), rolled_up (the sum of the splits "
        "below) or none"
    )
    target_source_label: str
    source: SourceCode = Field(
        description="Where the progress comes from: entered on this area, rolled_up from the areas below, both, "
        "counted from records, or none"
    )
    source_label: str
    share: float | None = Field(
        None, description="Progress towards the target: 0 at the start, 1 at the target"
    )
    percent_done: int | None = Field(None, description="The share as a percent, at most 100")
    standing: StandingCode = Field(description="Progress compared with the share of the year elapsed")
    standing_label: str
    entries: int = Field(description="Entries (approved or waiting) or counted records behind the figure")

    @staticmethod
    def resolve_denominator(obj) -> Decimal | None:
        return obj.denominator if obj.is_percent else None

    @staticmethod
    def resolve_pending_denominator(obj) -> Decimal | None:
        return obj.pending_denominator if obj.is_percent else None

    @staticmethod
    def resolve_target_source_label(obj) -> str:
        return str(Source.LABELS[obj.target_source])


class TargetOut(Schema):
    id: int
    plan_id: int
    project_id: int | None = None
    name: str
    unit: str
    unit_name: str
    is_percent: bool
    takes_latest: bool = Field(
        description="Each entry is a standing at the end of its period and the latest approved one counts; "
        "otherwise entries are what was done in their period and add up"
    )
    counted_by: str = Field(description="The records that count the target's progress; empty: typed entries")
    baseline: Decimal | None = None
    target: Decimal


class TargetProgressOut(Schema):
    """A target's figure for an area (whole) and for each area one level below it (rows)."""

    target: TargetOut
    whole: FigureOut
    rows: list[FigureOut]

    @staticmethod
    def resolve_target(obj):
        return obj.indicator


class RollupQuery(Schema):
    area: AreaCode | None = Field(
        None,
        description="An area of the target's plan (default: the plan's own); its areas below are the rows",
    )
    upto: ThaiDate | None = Field(
        None, description="Cumulative up to the end of the period starting this day (default: the whole year)"
    )
    period: ThaiDate | None = Field(
        None,
        description="The period starting this day alone (for a target of standings, the standing at its end)",
    )


class SeriesQuery(Schema):
    area: AreaCode | None = Field(None, description="An area of the target's plan (default: the plan's own)")


class SeriesPeriodOut(Schema):
    key: dt.date = Field(description="The period's first day, as entries name it")
    label: str
    starts_on: dt.date
    ends_on: dt.date
    locked: bool = Field(description="Approved by the province and locked")
    figure: FigureOut = Field(description="What the period added, or the standing at its end")
    cumulative: FigureOut = Field(description="From the start of the year to the end of the period")

    @staticmethod
    def resolve_key(obj) -> dt.date:
        return obj.period.starts_on

    @staticmethod
    def resolve_label(obj) -> str:
        return obj.period.label

    @staticmethod
    def resolve_starts_on(obj) -> dt.date:
        return obj.period.starts_on

    @staticmethod
    def resolve_ends_on(obj) -> dt.date:
        return obj.period.ends_on


class SeriesOut(Schema):
    target: TargetOut
    area_code: str
    periods: list[SeriesPeriodOut]


class PlanProgressQuery(Schema):
    upto: ThaiDate | None = Field(
        None, description="Cumulative up to the end of the period starting this day (default: the whole year)"
    )


class PlanProgressOut(Schema):
    plan_id: int
    title: str
    year_be: int
    area_code: str = Field(description="The plan's area code, or its region's short name")
    targets: list[TargetProgressOut]


class ProvinceRollupQuery(Schema):
    year: ThaiInt | None = Field(
        None, ge=2500, le=2700, description="BE year (default: the latest the province has plans for)"
    )


class ProvinceRollupOut(Schema):
    province_code: str
    year_be: int | None = None
    targets: list[TargetProgressOut]


class ComparisonQuery(Schema):
    year: ThaiInt | None = Field(
        None,
        ge=2500,
        le=2700,
        description="BE year, compared with the year before (default: the latest the region has plans for)",
    )


class MeasureOut(Schema):
    slug: str
    name: str
    unit: str

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj)


class ProvinceComparisonOut(Schema):
    code: str
    name: str
    this_year: FigureOut | None = None
    last_year: FigureOut | None = None


class MeasureComparisonOut(Schema):
    measure: MeasureOut
    rows: list[ProvinceComparisonOut]


class ComparisonOut(Schema):
    region: str = Field(description="The region's short name")
    year_be: int | None = None
    measures: list[MeasureComparisonOut]


# ---- entries, their approval and approved periods


class EntryOut(VersionOut):
    id: int
    target_id: int
    target_name: str
    plan_id: int
    area_code: str
    area_name: str
    period: dt.date = Field(description="The period's first day")
    period_label: str
    value: Decimal
    denominator: Decimal | None = Field(None, description="For a percentage: the whole the value is part of")
    status: EntryStatus
    status_label: str
    note: str
    evidence_link: str
    evidence_meeting_id: int | None = None
    has_evidence_file: bool = Field(description="A file is attached (attached on the entry's page only)")
    submitted_by: str | None = Field(None, description="The username of who submitted it last")
    submitted_at: dt.datetime | None = None
    decided_by: str | None = Field(None, description="The username of who approved or returned it")
    decided_at: dt.datetime | None = None
    return_reason: str

    @staticmethod
    def resolve_target_id(obj) -> int:
        return obj.indicator_id

    @staticmethod
    def resolve_target_name(obj) -> str:
        return obj.indicator.name

    @staticmethod
    def resolve_plan_id(obj) -> int:
        return obj.indicator.plan_id

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_area_name(obj) -> str:
        return obj.area.display_name

    @staticmethod
    def resolve_period(obj) -> dt.date:
        return obj.period_start

    @staticmethod
    def resolve_period_label(obj) -> str:
        return period_label(obj.indicator.plan, obj.period_start)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_has_evidence_file(obj) -> bool:
        return bool(obj.evidence_file)

    @staticmethod
    def resolve_submitted_by(obj) -> str | None:
        return obj.submitted_by.username if obj.submitted_by_id else None

    @staticmethod
    def resolve_decided_by(obj) -> str | None:
        return obj.decided_by.username if obj.decided_by_id else None


class EntryQuery(PageQuery):
    period: ThaiDate | None = Field(None, description="Only the entries of the period starting this day")
    status: EntryStatus | None = None


class EntryIn(Schema):
    model_config = ConfigDict(extra="forbid")

    area_code: AreaCode = Field(description="The area the progress is of: the plan's area or one below it")
    period: ThaiDate = Field(description="The first day of a period of the plan's year (2024-10-01)")
    value: EntryNumber = Field(description="What was done in the period, or the standing at its end")
    denominator: EntryNumber | None = Field(
        None, description="For a percentage: the whole the value is part of (30 villages out of 40)"
    )
    note: OptionalText = Field("", description="What was done")
    evidence_link: OptionalText = Field(
        "", max_length=300, description="The address of a record that shows the work"
    )
    evidence_meeting: RecordId | None = Field(None, description="The id of a meeting that shows the work")


class EntryPatch(VersionIn):
    model_config = ConfigDict(extra="forbid")

    value: EntryNumber | None = None
    denominator: EntryNumber | None = None
    note: OptionalText | None = None
    evidence_link: OptionalText | None = Field(None, max_length=300)
    evidence_meeting: RecordId | None = Field(None, description="A meeting's id; null: none")


class DecisionIn(VersionIn):
    model_config = ConfigDict(extra="forbid")


class ReturnIn(VersionIn):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(max_length=2000, description="What the area should correct")


class ReopenIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(max_length=2000, description="Why the approved period is opened again (kept)")


class PeriodLockOut(Schema):
    plan_id: int
    period: dt.date
    period_label: str
    locked_by: str | None = None
    locked_at: dt.datetime
    reopened_by: str | None = None
    reopened_at: dt.datetime | None = None
    reopen_reason: str
    is_active: bool = Field(description="The period is locked (not reopened)")

    @staticmethod
    def resolve_period(obj) -> dt.date:
        return obj.period_start

    @staticmethod
    def resolve_period_label(obj) -> str:
        return period_label(obj.plan, obj.period_start)

    @staticmethod
    def resolve_locked_by(obj) -> str | None:
        return obj.locked_by.username if obj.locked_by_id else None

    @staticmethod
    def resolve_reopened_by(obj) -> str | None:
        return obj.reopened_by.username if obj.reopened_by_id else None
