"""A region's provinces side by side, this year against last, per work area (S14): every figure per province for
a fiscal or calendar year and the year before (flows summed over the year's quarters, stocks at the year's end),
the change, the region's totals, and the targets of the provinces' plans compared (plans' region_comparison).
Figures count only the user's own areas; a province outside them is listed without figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils import timezone

from sanphalang.areas.models import Area, Region
from sanphalang.plans.periods import PeriodKind, YearKind, periods_of, year_of
from sanphalang.plans.selectors.overview import region_for
from sanphalang.plans.selectors.progress import MeasureComparison, region_comparison

from ..access import can_open_dashboard
from ..errors import ComparisonError
from ..figures import FIGURES, WORK_AREA_LABELS, Figure, WorkArea, count
from .dashboards import year_value

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

YEAR_RANGE = (2500, 2700)


@dataclass
class ProvinceFigure:
    code: str
    name: str
    this_year: Decimal | None  # None: outside the user's areas
    last_year: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return None if self.this_year is None or self.last_year is None else self.this_year - self.last_year


@dataclass
class FigureComparison:
    figure: Figure
    rows: list[ProvinceFigure]

    @property
    def total_this_year(self) -> Decimal:
        return sum((r.this_year for r in self.rows if r.this_year is not None), Decimal(0))

    @property
    def total_last_year(self) -> Decimal:
        return sum((r.last_year for r in self.rows if r.last_year is not None), Decimal(0))

    @property
    def total_change(self) -> Decimal:
        return self.total_this_year - self.total_last_year


@dataclass
class WorkAreaComparison:
    work: WorkArea
    label: str
    figures: list[FigureComparison] = field(default_factory=list)


@dataclass
class Comparison:
    region: Region
    year_kind: str
    year_be: int
    provinces: list[Area]
    readable: set[str]  # the provinces whose figures the user reads
    work_areas: list[WorkAreaComparison]
    targets: list[MeasureComparison]


def current_year(year_kind: str, today=None) -> int:
    today = today or timezone.localdate()
    return year_of(year_kind, today)


def check_year(year_be: int | None) -> None:
    if year_be is not None and not YEAR_RANGE[0] <= year_be <= YEAR_RANGE[1]:
        raise ComparisonError.BAD_YEAR.error("year")


def comparison(
    *,
    user: User,
    region: str,
    year_kind: str = YearKind.FISCAL,
    year_be: int | None = None,
    work: WorkArea | None = None,
) -> Comparison:
    """The region's comparison for the BE year (of the kind) and the one before; 404 for a region none of whose
    provinces the user works in."""
    found = region_for(user=user, slug=region)
    if year_kind not in YearKind.values:
        raise ValidationError({"year_kind": ValidationError(YearKind.FISCAL.label, code="invalid")})
    check_year(year_be)
    year = year_be or current_year(year_kind)
    provinces = sorted(found.provinces.all(), key=lambda area: area.code)
    readable = {p.code for p in provinces if can_open_dashboard(user, p.code)}
    quarters = [p.starts_on for y in (year - 1, year) for p in periods_of(PeriodKind.QUARTER, year_kind, y)]
    last, this = [0, 1, 2, 3], [4, 5, 6, 7]
    within = tuple(sorted(readable))
    work_areas = {w: WorkAreaComparison(w, str(WORK_AREA_LABELS[w])) for w in WorkArea if work in (None, w)}
    for figure in FIGURES.values():
        if figure.work not in work_areas:
            continue
        counted = (
            count(figure, user=user, within=within, child_length=2, quarters=quarters) if within else None
        )
        this_values = year_value(counted, this) if counted else {}
        last_values = year_value(counted, last) if counted else {}
        rows = [
            ProvinceFigure(
                p.code,
                p.name_th,
                this_values.get(p.code, Decimal(0)) if p.code in readable else None,
                last_values.get(p.code, Decimal(0)) if p.code in readable else None,
            )
            for p in provinces
        ]
        work_areas[figure.work].figures.append(FigureComparison(figure, rows))
    targets = region_comparison(user=user, region=found, year_be=year)
    return Comparison(found, year_kind, year, provinces, readable, list(work_areas.values()), targets)
