"""API shapes of the reports: the catalogue of figures, a dashboard's figures for a quarter, one figure by child
area, and a region's comparison of its provinces year on year. Names start with Report, unique in the API."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import AfterValidator

from sanphalang.reports.selectors.comparisons import YEAR_RANGE

from .schemas_plans_progress import MeasureComparisonOut
from .thai_fields import ThaiDate, ThaiInt

EARLIEST, LATEST = dt.date(1950, 1, 1), dt.date(2200, 12, 31)
YearKindCode = Literal["fiscal", "calendar"]


def _in_range(day: dt.date | None) -> dt.date | None:
    if day is not None and not EARLIEST <= day <= LATEST:
        raise ValueError(f"Give a day between {EARLIEST.isoformat()} and {LATEST.isoformat()}.")
    return day


QuarterDay = Annotated[ThaiDate, AfterValidator(_in_range)]


class ReportFigureOut(Schema):
    key: str
    label: str
    unit: str
    work_area: str
    work_area_label: str
    kind: Literal["flow", "stock", "yearly"] = Field(
        description="flow: what happened in the period; stock: what stood at its end; yearly: reported once a year"
    )
    money: bool
    description: str


class ReportQuarterQuery(Schema):
    quarter: QuarterDay | None = Field(None, description="Any day of the quarter (default: today)")
    year_kind: YearKindCode = Field(
        "fiscal", description="How quarters are numbered: fiscal or calendar year"
    )


class ReportFigureQuery(ReportQuarterQuery):
    area: str = Field(
        "TH", max_length=20, description="The area's code (TH: the whole country) or a region's short name"
    )


class ReportPointOut(Schema):
    period: str = Field(description="The quarter, as its label reads (ไตรมาส 1/2568)")
    starts_on: dt.date
    value: Decimal


class ReportAreaValueOut(Schema):
    code: str
    name: str
    value: Decimal


class ReportDashboardFigureOut(Schema):
    key: str
    label: str
    unit: str
    work_area: str
    value: Decimal
    previous: Decimal = Field(description="The quarter before")
    change: Decimal
    series: list[ReportPointOut] = Field(description="The last eight quarters, oldest first")
    by_area: list[ReportAreaValueOut] = Field(description="The quarter's value of each area one level below")


class ReportDashboardOut(Schema):
    code: str
    name: str
    year_kind: YearKindCode
    quarter: str
    quarter_starts_on: dt.date
    figures: list[ReportDashboardFigureOut]


class ReportFigureByAreaOut(Schema):
    figure: ReportFigureOut
    code: str
    name: str
    year_kind: YearKindCode
    quarter: str
    quarter_starts_on: dt.date
    value: Decimal
    by_area: list[ReportAreaValueOut]


class ReportComparisonQuery(Schema):
    year_kind: YearKindCode = "fiscal"
    year: ThaiInt | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="BE year compared with the one before (default: this year)",
    )


class ReportProvinceValueOut(Schema):
    code: str
    name: str
    readable: bool = Field(description="False: outside the caller's areas, shown without figures")
    this_year: Decimal | None = None
    last_year: Decimal | None = None
    change: Decimal | None = None


class ReportFigureComparisonOut(Schema):
    key: str
    label: str
    unit: str
    provinces: list[ReportProvinceValueOut]
    total_this_year: Decimal
    total_last_year: Decimal
    total_change: Decimal


class ReportWorkAreaComparisonOut(Schema):
    work_area: str
    label: str
    figures: list[ReportFigureComparisonOut]


class ReportComparisonOut(Schema):
    region: str
    year_kind: YearKindCode
    year_be: int
    work_areas: list[ReportWorkAreaComparisonOut]
    targets: list[MeasureComparisonOut]
