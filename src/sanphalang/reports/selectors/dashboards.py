"""A dashboard: the key figures of an area (the country, a region, a province, a district or a tambon) for a
quarter, with the change since the quarter before, each figure over the last two years, the values of the areas
one level below for the map, the targets of the province's plans and the overdue action items. Figures count only
the user's own areas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel, Region
from sanphalang.plans.periods import Period, PeriodKind, YearKind, periods_of, year_of
from sanphalang.thai.digits import to_thai_digits

from ..access import can_open_dashboard, figures_q
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
    year_kind: str = YearKind.FISCAL

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
        if not any(can_open_dashboard(user, province) for province in provinces):
            raise Http404
        return Place(region.slug, region.name_th, provinces, 2, region=region)
    if not can_open_dashboard(user, area.code):
        raise Http404
    prefixes = () if area.code == COUNTRY_CODE else (area.code,)
    return Place(area.code, area.name_th, prefixes, child_length(area.code), area=area, parent=area.parent)


def quarter_of(day: dt.date, year_kind: str = YearKind.FISCAL) -> Period:
    """The quarter (of a fiscal or calendar year) holding the day."""
    year_be = year_of(year_kind, day)
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
    board = Dashboard(place, period, periods, counted, children, layout, year_kind=year_kind)
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


# --- what else a dashboard shows -------------------------------------------------------------------------------


def home_code(*, user) -> str | None:
    """The dashboard a user lands on: the country for national users, a region for those assigned one, else their
    first area (None for a user with no area yet)."""
    from sanphalang.areas.scoping import scope_for

    scope = scope_for(user)
    if scope.national:
        return COUNTRY_CODE
    assignments = user.area_assignments.select_related("region").order_by("pk")
    first = next(iter(assignments), None)
    if first is None:
        return scope.prefixes[0] if scope.prefixes else None
    return first.region.slug if first.region_id else first.area_id


def user_regions(*, user) -> list[Region]:
    """The regions the user is assigned, for the way across to their dashboards."""
    return [
        assignment.region
        for assignment in user.area_assignments.filter(region__isnull=False).select_related("region")
    ]


def breadcrumb(place: Place) -> list[tuple[str, str]]:
    """(code, name) of the areas above the place, the country first; one query."""
    from sanphalang.areas.models import ancestor_codes

    if place.is_region or place.area is None or place.code == COUNTRY_CODE:
        if place.code == COUNTRY_CODE:
            return []
        country = Area.objects.filter(code=COUNTRY_CODE).values_list("name_th", flat=True).first()
        return [(COUNTRY_CODE, country or COUNTRY_CODE)]
    codes = ancestor_codes(place.code)
    names = dict(Area.objects.filter(code__in=codes).values_list("code", "name_th"))
    return [(code, names[code]) for code in codes if code in names]


def _prefixes_q(field: str, prefixes: tuple[str, ...]) -> Q:
    lookup = f"{field[:-3]}__pk" if field.endswith("_id") else field
    q = Q()
    for prefix in prefixes:
        q |= Q(**{f"{lookup}__startswith": prefix})
    return q


@dataclass
class OverdueItems:
    items: list
    total: int


def overdue_items(*, user, board: Dashboard, limit: int = 10, today: dt.date | None = None) -> OverdueItems:
    """The action items overdue today within the dashboard's place and the user's own areas (as its figures),
    the longest overdue first."""
    from sanphalang.meetings.selectors.action_items import action_item_list

    items = action_item_list(user=user, overdue=True, today=today or timezone.localdate()).filter(
        figures_q(user, "body__area_id")
    )
    if board.place.prefixes:
        items = items.filter(_prefixes_q("body__area_id", board.place.prefixes))
    items = items.order_by("due_on", "pk")
    shown = list(items[:limit])
    return OverdueItems(shown, len(shown) if len(shown) < limit else items.count())


class _Standings:
    by_standing: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_standing.values())

    def standings(self) -> list[tuple[str, str, str, int, int]]:
        """(standing, label, colour, count, percent of all), in the order of Standing.LABELS, those with targets."""
        from sanphalang.plans.selectors.progress import Standing

        total = self.total or 1
        return [
            (
                key,
                str(label),
                Standing.COLOURS[key],
                self.by_standing[key],
                round(100 * self.by_standing[key] / total),
            )
            for key, label in Standing.LABELS.items()
            if self.by_standing.get(key)
        ]


@dataclass
class ProvinceTargets(_Standings):
    code: str
    name: str
    by_standing: dict[str, int]


@dataclass
class DashboardTargets(_Standings):
    """Targets of the plans that cover the dashboard's quarter. A province or an area below it: each target of its
    province's plans for that area (rollups); the country or a region: how many targets stand where, in all and per
    province."""

    rollups: list = field(
        default_factory=list
    )  # plans.selectors.progress.TargetRollup, for a province or below
    by_standing: dict[str, int] = field(default_factory=dict)
    provinces: list[ProvinceTargets] = field(default_factory=list)


def dashboard_targets(*, user, board: Dashboard, today: dt.date | None = None) -> DashboardTargets:
    """The targets part of a dashboard, in the same few grouped queries as a plan's roll-up (per group of plans
    sharing a year), however many provinces."""
    from sanphalang.plans.access import scope_provinces
    from sanphalang.plans.models import Indicator, Plan
    from sanphalang.plans.selectors.progress import Parent, area_parent, rollup

    today = min(today or timezone.localdate(), board.quarter.ends_on)
    readable = scope_provinces(user)
    place = board.place
    if place.is_region or place.code == COUNTRY_CODE:
        provinces = set(place.prefixes) if place.prefixes else None
    else:
        provinces = {place.code[:2]}
    if readable is not None:
        provinces = set(readable) if provinces is None else provinces & set(readable)
    if provinces is not None and not provinces:
        return DashboardTargets()
    plans = Plan.objects.filter(
        area__level=AreaLevel.PROVINCE, year_be__in=_years_around(board.quarter.ends_on)
    )
    if provinces is not None:
        plans = plans.filter(area_id__in=sorted(provinces))
    covering = [p for p in plans if p.starts_on <= board.quarter.ends_on <= p.ends_on]
    if not covering:
        return DashboardTargets()
    indicators = list(
        Indicator.objects.filter(plan__in=covering)
        .select_related("plan__area")
        .order_by("plan", "order", "pk")
    )
    if place.is_region or place.code == COUNTRY_CODE:
        children = tuple(sorted({(p.area_id, p.area.display_name) for p in covering}))
        parent = Parent(place.code, place.name, None, 2, children)
    else:
        parent = area_parent(place.code)
    rolled = []
    for group in _by_year(indicators):
        rolled += rollup(group, parent, upto=_period_upto(group[0].plan, board.quarter.ends_on), today=today)
    if not (place.is_region or place.code == COUNTRY_CODE):
        result = DashboardTargets(rollups=rolled)
        for target in rolled:
            result.by_standing[target.whole.standing] = result.by_standing.get(target.whole.standing, 0) + 1
        return result
    return _summary(rolled, dict(children))


def _years_around(day: dt.date) -> list[int]:
    return sorted({year_of(kind, day) for kind in YearKind})


def _by_year(indicators) -> list[list]:
    groups: dict[tuple, list] = {}
    for indicator in indicators:
        plan = indicator.plan
        groups.setdefault((plan.period_kind, plan.year_kind, plan.year_be), []).append(indicator)
    return list(groups.values())


def _period_upto(plan, day: dt.date) -> dt.date | None:
    """The first day of the plan's period holding the day: progress counts up to that period's end."""
    from sanphalang.plans.periods import period_containing

    found = period_containing(plan.period_kind, plan.year_kind, plan.year_be, day)
    return found.starts_on if found else None


def _summary(rolled, names: dict[str, str]) -> DashboardTargets:
    """A province's plan's target stands as its province's row of the roll-up, against the plan's own target (the
    country's roll-up has no split for it)."""
    from dataclasses import replace

    from sanphalang.plans.selectors.progress import Source

    result = DashboardTargets()
    per_province: dict[str, dict[str, int]] = {}
    for target in rolled:
        code = target.indicator.plan.area_id
        row = next((r for r in target.rows if r.code == code), None)
        if row is None:
            continue
        standing = replace(row, target=target.indicator.target, target_source=Source.ENTERED).standing
        result.by_standing[standing] = result.by_standing.get(standing, 0) + 1
        counts = per_province.setdefault(code, {})
        counts[standing] = counts.get(standing, 0) + 1
    result.provinces = [
        ProvinceTargets(code, names[code], counts) for code, counts in sorted(per_province.items())
    ]
    return result


def figure_chart(board: Dashboard, key: str) -> dict:
    """One figure of the dashboard over its quarters, as the page draws it and the downloads render it."""
    from sanphalang.thai.preferences import prefers_thai_digits

    from ..charts import format_number, series_chart

    counted = board.counted[key]
    figure = counted.figure
    thai = prefers_thai_digits()
    labels = [f"{p.number}/{p.year_be % 100:02d}" for p in board.quarters]
    full = [str(p.label) for p in board.quarters]
    if thai:
        labels, full = [to_thai_digits(t) for t in labels], [to_thai_digits(t) for t in full]
    values = counted.series()
    return series_chart(
        title=str(figure.label),
        unit=str(figure.unit),
        labels=labels,
        full_labels=full,
        values=values,
        shown=[format_number(value, money=figure.money) for value in values],
        kind="bar" if figure.kind == Kind.FLOW else "line",
        height=160,
    )


def chart_rows(board: Dashboard, key: str) -> list[tuple[str, Decimal]]:
    """The data behind figure_chart: (quarter, value), oldest first."""
    return list(zip([str(p.label) for p in board.quarters], board.counted[key].series(), strict=True))
