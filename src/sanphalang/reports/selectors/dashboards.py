"""A dashboard: the key figures of an area (the country, a region, a province, a district or a tambon) for a
quarter, with the change since the quarter before, each figure over the last two years, the values of the areas
one level below for the map, the targets of the province's plans and the overdue action items. Figures count only
the user's own areas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import Http404
from django.utils import timezone

from sanphalang.areas.models import COUNTRY_CODE, Area, Region
from sanphalang.plans.periods import Period, PeriodKind, YearKind, periods_of
from sanphalang.thai.dates import fiscal_year_be

from ..access import require_dashboard
from ..figures import FIGURES, Counted, Figure, Kind, WorkArea, count, quarter_start, quarters_ending
from ..maps import MapLayout, child_length, map_layout

SERIES_QUARTERS = 8  # two years of quarters on each chart


@dataclass(frozen=True)
class Place:
    """What a dashboard is about: an area, or a region (its provinces)."""

    code: str  # the area's code, or the region's slug
    name: str
    prefixes: tuple[str, ...]  # the code prefixes its figures count
    child_length: int
    area: Area | None = None
    region: Region | None = None
    parent: Area | None = None  # one level up, for the way back

    @property
    def is_region(self) -> bool:
        return self.region is not None


@dataclass
class KeyFigure:
    figure: Figure
    value: Decimal
    previous: Decimal

    @property
    def change(self) -> Decimal:
        return self.value - self.previous

    @property
    def change_share(self) -> Decimal | None:
        """The change as a share of the quarter before (None when there was nothing before)."""
        return None if not self.previous else (self.value - self.previous) / self.previous


@dataclass
class Dashboard:
    place: Place
    quarter: Period
    quarters: list[Period]  # the series, oldest first; the last is the dashboard's quarter
    counted: dict[str, Counted]
    children: list[Area]
    layout: MapLayout
    key_figures: dict[WorkArea, list[KeyFigure]] = field(default_factory=dict)

    def by_child(self, key: str) -> dict[str, Decimal]:
        return self.counted[key].at()


def place_of(*, user, code: str) -> Place:
    """The area (or region, by its slug) of a dashboard; 404 unless the user works in it or below it."""
    area = Area.objects.filter(code=code).select_related("parent").first()
    if area is None:
        region = Region.objects.filter(slug=code).prefetch_related("provinces").first()
        if region is None:
            raise Http404
        provinces = tuple(sorted(p.code for p in region.provinces.all()))
        if not any(_reads(user, province) for province in provinces):
            raise Http404
        return Place(region.slug, region.name_th, provinces, 2, region=region)
    if not _reads(user, area.code):
        raise Http404
    prefixes = () if area.code == COUNTRY_CODE else (area.code,)
    return Place(area.code, area.name_th, prefixes, child_length(area.code), area=area, parent=area.parent)


def _reads(user, code: str) -> bool:
    from sanphalang.errors import AccessDenied

    try:
        require_dashboard(user, code)
    except AccessDenied:
        return False
    return True


def quarter_of(day: dt.date, year_kind: str = YearKind.FISCAL) -> Period:
    """The quarter (of a fiscal or calendar year) holding the day."""
    year_be = fiscal_year_be(day) if year_kind == YearKind.FISCAL else day.year + 543
    start = quarter_start(day)
    return next(p for p in periods_of(PeriodKind.QUARTER, year_kind, year_be) if p.starts_on == start)


def dashboard(
    *,
    user,
    code: str,
    quarter: dt.date | None = None,
    year_kind: str = YearKind.FISCAL,
    figures: list[str] | None = None,
) -> Dashboard:
    """The dashboard of an area or region for the quarter holding `quarter` (default: today's)."""
    place = place_of(user=user, code=code)
    period = quarter_of(quarter or timezone.localdate(), year_kind)
    starts = quarters_ending(period.starts_on, SERIES_QUARTERS)
    periods = [quarter_of(start, year_kind) for start in starts]
    chosen = [FIGURES[key] for key in (figures or FIGURES) if key in FIGURES]
    counted = {
        figure.key: count(
            figure, user=user, within=place.prefixes, child_length=place.child_length, quarters=starts
        )
        for figure in chosen
    }
    if place.is_region:
        layout = map_layout(COUNTRY_CODE, provinces=list(place.prefixes))
        children = list(Area.objects.filter(code__in=place.prefixes).order_by("code"))
    else:
        layout = map_layout(place.code)
        children = list(Area.objects.filter(code__in=[c.code for c in layout.cells]).order_by("code"))
    board = Dashboard(place, period, periods, counted, children, layout)
    for figure in chosen:
        values = counted[figure.key]
        board.key_figures.setdefault(figure.work, []).append(
            KeyFigure(figure, values.total(-1), values.total(-2) if len(starts) > 1 else Decimal(0))
        )
    return board


def year_value(counted: Counted, indices: list[int]) -> dict[str, Decimal]:
    """A figure over several quarters (a year): flows add up, stocks and yearly figures stand at the last one."""
    if counted.figure.kind == Kind.FLOW:
        return {
            code: sum((values[i] for i in indices), Decimal(0)) for code, values in counted.by_child.items()
        }
    return {code: values[indices[-1]] for code, values in counted.by_child.items()}
