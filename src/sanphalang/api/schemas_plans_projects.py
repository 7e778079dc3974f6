"""API shapes of projects, their budget lines, targets (indicators) and the split of a target over areas."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from sanphalang.plans.models import BudgetSource, CountedBy, ProjectStatus, Unit

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiDecimal, ThaiInt
from .versions import VersionIn, VersionOut

# ---- projects


class BudgetLineOut(VersionOut):
    id: int
    project_id: int
    source: str
    funder_id: int | None = None
    year_be: int | None = None
    amount: Decimal
    note: str


class BudgetLineIn(Schema):
    source: BudgetSource
    amount: ThaiDecimal = Field(description='Baht above zero, such as "250000" or "๒๕๐,๐๐๐"')
    funder: ThaiInt | None = Field(None, description="The id of the organisation that gives the money")
    year_be: ThaiInt | None = None
    note: str = ""


class BudgetLinePatch(VersionIn):
    source: BudgetSource | None = None
    amount: ThaiDecimal | None = None
    funder: ThaiInt | None = None
    year_be: ThaiInt | None = None
    note: str | None = None


class BudgetBySourceOut(Schema):
    source: str
    amount: Decimal


class ProjectOut(VersionOut):
    id: int
    plan_id: int | None = None
    agreement_id: int | None = None
    main_work_id: int | None = None
    area_code: str
    external_id: str
    name: str
    description: str
    owner_id: int | None = None
    partner_ids: list[int]
    area_codes: list[str] = Field(description="Where the project works")
    issue_areas: list[str] = Field(description="Slugs of the project's issue areas")
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    status: str

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_partner_ids(obj) -> list[int]:
        return [partner.pk for partner in obj.partners.all()]

    @staticmethod
    def resolve_area_codes(obj) -> list[str]:
        return [area.code for area in obj.areas.all()]

    @staticmethod
    def resolve_issue_areas(obj) -> list[str]:
        return [issue.slug for issue in obj.issue_areas.all()]


class ProjectDetailOut(ProjectOut):
    budget_lines: list[BudgetLineOut]
    budget_by_source: list[BudgetBySourceOut] = Field(description="The budget lines added up by source")
    budget_total: Decimal
    indicator_ids: list[int]

    @staticmethod
    def resolve_budget_lines(obj) -> list:
        return list(obj.budget_lines.all())

    @staticmethod
    def resolve_indicator_ids(obj) -> list[int]:
        return [indicator.pk for indicator in obj.indicators.all()]


class ProjectQuery(PageQuery):
    q: str = Field("", description="A name, or an external id")


class ProjectIn(Schema):
    name: str
    external_id: str = ""
    main_work: ThaiInt | None = Field(None, description="The id of one of the plan's main works")
    area_code: str | None = Field(
        None, description="The plan's area (the default) or a district or tambon of it"
    )
    description: str = ""
    owner: ThaiInt | None = Field(None, description="The id of the organisation that owns the project")
    partners: list[ThaiInt] = Field([], description="Ids of the partner organisations")
    areas: list[str] = Field([], description="Codes of the areas where it works")
    issue_areas: list[str | int] = Field([], description="Issue areas by slug or id")
    starts_on: ThaiDate | None = None
    ends_on: ThaiDate | None = None
    status: ProjectStatus = ProjectStatus.PLANNED


class ProjectPatch(VersionIn):
    name: str | None = None
    external_id: str | None = None
    main_work: ThaiInt | None = None
    area_code: str | None = None
    description: str | None = None
    owner: ThaiInt | None = None
    partners: list[ThaiInt] | None = None
    areas: list[str] | None = None
    issue_areas: list[str | int] | None = None
    starts_on: ThaiDate | None = None
    ends_on: ThaiDate | None = None
    status: ProjectStatus | None = None


# ---- targets


class IndicatorOut(VersionOut):
    id: int
    plan_id: int
    project_id: int | None = None
    main_work_id: int | None = None
    external_id: str
    name: str
    measure: str | None = Field(None, description="The slug of the common measure")
    unit: str
    unit_label: str
    accumulates: bool
    baseline: Decimal | None = None
    target: Decimal
    counted_by: str = Field(description="Empty when the areas type progress; else the records that count it")
    order: int

    @staticmethod
    def resolve_measure(obj) -> str | None:
        return obj.measure.slug if obj.measure_id else None


class IndicatorIn(Schema):
    name: str
    target: ThaiDecimal = Field(description="Above zero; a percentage at most 100")
    external_id: str = ""
    project: ThaiInt | None = Field(None, description="The id of one of the plan's projects")
    main_work: ThaiInt | None = Field(None, description="The id of one of the plan's main works")
    measure: str | None = Field(
        None, description="The slug of a common measure: its unit and counting follow"
    )
    unit: Unit = Unit.HOUSEHOLDS
    unit_label: str = ""
    accumulates: bool = True
    baseline: ThaiDecimal | None = None
    counted_by: CountedBy = CountedBy.TYPED
    order: ThaiInt = Field(0, ge=0, le=32767)


class IndicatorPatch(VersionIn):
    name: str | None = None
    target: ThaiDecimal | None = None
    external_id: str | None = None
    project: ThaiInt | None = None
    main_work: ThaiInt | None = None
    measure: str | None = None
    unit: Unit | None = None
    unit_label: str | None = None
    accumulates: bool | None = None
    baseline: ThaiDecimal | None = None
    counted_by: CountedBy | None = None
    order: ThaiInt | None = Field(None, ge=0, le=32767)


class SplitLineOut(Schema):
    area_code: str
    area_name_th: str
    parent_code: str | None = Field(None, description="The split area this one lies in, if any")
    target: Decimal


class SplitFlagOut(Schema):
    area_code: str | None = Field(None, description="Empty for the target as a whole")
    code: str
    message: str
    total: Decimal | None = None
    whole: Decimal | None = None


class SplitsOut(VersionOut):
    """A target's split; its version (and ETag) is the target's."""

    indicator_id: int
    target: Decimal
    unit: str
    summed: bool = Field(description="False for a percentage, whose parts are never added")
    adds_up: bool
    total: Decimal | None = None
    flags: list[SplitFlagOut]
    splits: list[SplitLineOut]


class SplitLineIn(Schema):
    area_code: str
    target: ThaiDecimal = Field(ge=0)


class SplitsIn(VersionIn):
    splits: list[SplitLineIn] = Field(description="The whole split: areas left out have no part")
