"""Progress of targets rolled up the area tree: village → subdistrict → district → province → region.

One roll-up reads any number of targets for one area (a province, a district… or a region) and gives, per target,
the figure of the whole and of each area one level below. Each figure says where it comes from: entered on the
area itself, rolled up from the areas below, or counted from records. Only approved entries count; waiting ones
are shown apart. A percentage is entered as its parts and rolled up as sum(parts) / sum(wholes), never as a sum
of percentages. A target whose entries are standings (not amounts done in a period) takes each area's latest
approved entry. The reads are the same few grouped queries however many areas and targets are covered.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanphalang.accounts.models import User
from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel
from sanphalang.areas.scoping import require_write

from ..access import plan_covers, plan_read_q, require_plan_write, scope_provinces
from ..counting import counted_rows
from ..errors import PlanError
from ..models import EntryStatus, Indicator, Plan, ProgressEntry, TargetSplit, Unit
from ..periods import Period, elapsed_share, period_at, periods_of

# The length of an area's code at each level; villages and urban communities are grouped by their whole code.
LEVEL_LENGTHS = {
    AreaLevel.PROVINCE: 2,
    AreaLevel.DISTRICT: 4,
    AreaLevel.SUBDISTRICT: 6,
    AreaLevel.VILLAGE: None,
}
CHILD_LEVEL = {
    COUNTRY_CODE: AreaLevel.PROVINCE,
    AreaLevel.PROVINCE: AreaLevel.DISTRICT,
    AreaLevel.DISTRICT: AreaLevel.SUBDISTRICT,
    AreaLevel.SUBDISTRICT: AreaLevel.VILLAGE,
}
HUNDRED = Decimal(100)

# How far behind the time elapsed progress may be and still be on track (green), or behind (amber); below, red.
ON_TRACK_MARGIN = 0.10
BEHIND_MARGIN = 0.25


class Standing:
    """The red/amber/green status: progress compared with the share of the year elapsed."""

    REACHED = "reached"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    FAR_BEHIND = "far_behind"
    NOT_STARTED = "not_started"
    NO_TARGET = "no_target"

    LABELS = {
        REACHED: _("Target reached"),
        ON_TRACK: _("On track"),
        BEHIND: _("Behind"),
        FAR_BEHIND: _("Far behind"),
        NOT_STARTED: _("Not started yet"),
        NO_TARGET: _("No target"),
    }
    COLOURS = {
        REACHED: "success",
        ON_TRACK: "success",
        BEHIND: "warning",
        FAR_BEHIND: "danger",
        NOT_STARTED: "secondary",
        NO_TARGET: "secondary",
    }


def standing_of(share: float | None, elapsed: float) -> str:
    if share is None:
        return Standing.NO_TARGET
    if share >= 1:
        return Standing.REACHED
    if elapsed <= 0:
        return Standing.NOT_STARTED
    if share >= elapsed - ON_TRACK_MARGIN:
        return Standing.ON_TRACK
    if share >= elapsed - BEHIND_MARGIN:
        return Standing.BEHIND
    return Standing.FAR_BEHIND


class Source:
    """Where a figure comes from."""

    ENTERED = "entered"
    ROLLED_UP = "rolled_up"
    BOTH = "both"
    COUNTED = "counted"
    NONE = "none"

    LABELS = {
        ENTERED: _("entered for this area"),
        ROLLED_UP: _("rolled up from the areas below"),
        BOTH: _("entered for this area and rolled up from the areas below"),
        COUNTED: _("counted from records"),
        NONE: _("nothing reported yet"),
    }


@dataclass
class Figure:
    """One area's figure for one target."""

    code: str
    name: str
    is_percent: bool
    target: Decimal | None = None
    target_source: str = Source.NONE  # entered (split to this area), rolled_up (sum of splits below), or none
    actual: Decimal = Decimal(0)  # approved or counted; for a percentage, the parts
    denominator: Decimal = Decimal(0)
    pending: Decimal = Decimal(0)  # waiting for approval
    pending_denominator: Decimal = Decimal(0)
    entries: int = 0
    entered: bool = False
    rolled_up: bool = False
    counted: bool = False
    baseline: Decimal | None = None
    elapsed: float = 0.0

    @property
    def source(self) -> str:
        if self.counted:
            return Source.COUNTED
        if self.entered and self.rolled_up:
            return Source.BOTH
        if self.entered:
            return Source.ENTERED
        if self.rolled_up:
            return Source.ROLLED_UP
        return Source.NONE

    @property
    def source_label(self) -> str:
        return str(Source.LABELS[self.source])

    @property
    def value(self) -> Decimal | None:
        """The figure as read: the amount, or the percentage computed from its parts (None without parts)."""
        if self.is_percent:
            return (
                (self.actual * HUNDRED / self.denominator).quantize(Decimal("0.01"))
                if self.denominator
                else None
            )
        return self.actual

    @property
    def share(self) -> float | None:
        """Progress towards the target, 0 at the baseline (or zero), 1 at the target."""
        if not self.target:
            return None
        value = self.value
        if value is None:
            return 0.0
        start = self.baseline if (self.is_percent and self.baseline is not None) else Decimal(0)
        if self.target == start:
            return 1.0 if value >= self.target else 0.0
        return max(0.0, float((value - start) / (self.target - start)))

    @property
    def percent_done(self) -> int | None:
        share = self.share
        return None if share is None else round(min(share, 1.0) * 100)

    @property
    def standing(self) -> str:
        return standing_of(self.share, self.elapsed)

    @property
    def standing_label(self) -> str:
        return str(Standing.LABELS[self.standing])

    @property
    def standing_colour(self) -> str:
        return Standing.COLOURS[self.standing]


@dataclass
class TargetRollup:
    indicator: Indicator
    whole: Figure
    rows: list[Figure] = field(default_factory=list)

    @property
    def rows_with_figures(self) -> list[Figure]:
        return [row for row in self.rows if row.entries or row.target is not None or row.actual]


@dataclass(frozen=True)
class Parent:
    """The area a roll-up is read for: its code (or a region's slug), name, the code prefixes it covers, and the
    areas one level below with their names."""

    code: str
    name: str
    prefixes: tuple[str, ...] | None  # None: all of Thailand
    child_length: int | None  # None: children grouped by their whole code
    children: tuple[tuple[str, str], ...]


def area_parent(code: str) -> Parent:
    """An area and the areas one level below it."""
    if code == COUNTRY_CODE:
        children = Area.objects.filter(level=AreaLevel.PROVINCE).order_by("sort_key")
        return Parent(
            COUNTRY_CODE, str(_("Thailand")), None, 2, tuple((a.code, a.display_name) for a in children)
        )
    area = Area.objects.filter(code=code).first()
    if area is None or area.level not in CHILD_LEVEL:
        raise PlanError.ROLLUP_LEVEL_UNKNOWN.error("level")
    level = CHILD_LEVEL[area.level]
    children = Area.objects.filter(parent=area).order_by("sort_key")
    return Parent(
        area.code,
        area.display_name,
        (area.code,),
        LEVEL_LENGTHS[level],
        tuple((a.code, a.display_name) for a in children),
    )


def region_parent(region) -> Parent:
    provinces = sorted(region.provinces.all(), key=lambda a: a.sort_key)
    codes = tuple(p.code for p in provinces)
    return Parent(region.slug, str(region), codes, 2, tuple((p.code, p.display_name) for p in provinces))


def plan_parent(plan: Plan) -> Parent:
    return region_parent(plan.region) if plan.region_id else area_parent(plan.area_id)


def _prefix_q(field: str, prefixes: tuple[str, ...] | None) -> Q:
    if prefixes is None:
        return Q()
    # A prefix lookup cannot follow a foreign key's "_id" column; its target's pk reads the same column.
    lookup = f"{field[:-3]}__pk" if field.endswith("_id") else field
    q = Q(pk__in=[])
    for prefix in prefixes:
        q |= Q(**{f"{lookup}__startswith": prefix})
    return q


def _group_code(code: str, length: int | None) -> str:
    return code if length is None else code[:length]


def _latest_only_q(upto: dt.date | None) -> Q:
    """Rows that count: every entry of a target that adds up; for one of standings, the area's latest approved entry
    (as approved), or its latest entry waiting (as waiting) when none approved is later."""
    later = ProgressEntry.objects.filter(
        indicator_id=OuterRef("indicator_id"),
        area_id=OuterRef("area_id"),
        period_start__gt=OuterRef("period_start"),
    )
    if upto is not None:
        later = later.filter(period_start__lte=upto)
    adds_up = Q(indicator__accumulates=True) & ~Q(indicator__unit=Unit.PERCENT)
    latest_approved = Q(status=EntryStatus.APPROVED) & ~Exists(later.filter(status=EntryStatus.APPROVED))
    latest_waiting = Q(status=EntryStatus.SUBMITTED) & ~Exists(
        later.filter(status__in=[EntryStatus.APPROVED, EntryStatus.SUBMITTED])
    )
    return adds_up | latest_approved | latest_waiting


def _time_frame(
    indicator: Indicator, upto: dt.date | None, period: dt.date | None
) -> tuple[dt.date, dt.date]:
    plan = indicator.plan
    if period is not None and indicator.takes_latest:
        upto, period = period, None  # a standing at the period's end is the latest entry up to it
    if period is not None:
        found = period_at(plan.period_kind, plan.year_kind, plan.year_be, period)
        if found is None:
            raise PlanError.PERIOD_UNKNOWN.error("period")
        return found.starts_on, found.ends_on
    if upto is not None:
        found = period_at(plan.period_kind, plan.year_kind, plan.year_be, upto)
        if found is None:
            raise PlanError.PERIOD_UNKNOWN.error("period")
        return plan.starts_on, found.ends_on
    return plan.starts_on, plan.ends_on


def rollup(
    indicators: list[Indicator],
    parent: Parent,
    *,
    upto: dt.date | None = None,
    period: dt.date | None = None,
    today: dt.date | None = None,
) -> list[TargetRollup]:
    """The figures of the targets for the parent area and each area below it.

    upto: cumulative up to the end of the period starting that day (default: the whole year); period: that period
    alone (for a target of standings, the standing at its end). indicators carry their plan (select_related).
    """
    today = today or timezone.localdate()
    if not indicators:
        return []
    ids = [indicator.pk for indicator in indicators]
    by_id = {
        indicator.pk: TargetRollup(indicator, _figure(indicator, parent.code, parent.name))
        for indicator in indicators
    }
    for rollup_ in by_id.values():
        rollup_.rows = [_figure(rollup_.indicator, code, name) for code, name in parent.children]

    frames = {indicator.pk: _time_frame(indicator, upto, period) for indicator in indicators}
    for indicator in indicators:
        start, end = frames[indicator.pk]
        by_id[indicator.pk].whole.elapsed = elapsed_share(
            indicator.plan.starts_on, indicator.plan.ends_on, today
        )
        for row in by_id[indicator.pk].rows:
            row.elapsed = by_id[indicator.pk].whole.elapsed

    _apply_splits(by_id, ids, parent)
    typed = [i for i in indicators if not i.is_counted]
    if typed:
        _apply_entries(by_id, typed, parent, frames)
    counted = [i for i in indicators if i.is_counted]
    if counted:
        _apply_counts(by_id, counted, parent, frames)
    return [by_id[indicator.pk] for indicator in indicators]


def _figure(indicator: Indicator, code: str, name: str) -> Figure:
    return Figure(code=code, name=name, is_percent=indicator.is_percent, baseline=indicator.baseline)


def _rows_by_code(rollup_: TargetRollup) -> dict[str, Figure]:
    return {row.code: row for row in rollup_.rows}


def _apply_splits(by_id: dict[int, TargetRollup], ids: list[int], parent: Parent) -> None:
    """Targets: the whole's own (the target itself when the parent is the plan's area, else its split or the sum of
    the splits below it), and per area below, its split or the sum of the splits below it. Percentages are never
    summed: an area without its own split aims at the whole's percentage."""
    splits = defaultdict(list)
    for indicator_id, code, target in TargetSplit.objects.filter(
        _prefix_q("area_id", parent.prefixes), indicator_id__in=ids
    ).values_list("indicator_id", "area_id", "target"):
        splits[indicator_id].append((code, target))
    for indicator_id, rollup_ in by_id.items():
        indicator = rollup_.indicator
        whole = rollup_.whole
        own = [target for code, target in splits[indicator_id] if code == parent.code]
        below = [(code, target) for code, target in splits[indicator_id] if code != parent.code]
        if _is_plan_owner(indicator.plan, parent):
            whole.target, whole.target_source = indicator.target, Source.ENTERED
        elif own:
            whole.target, whole.target_source = own[0], Source.ENTERED
        elif below and not indicator.is_percent:
            whole.target, whole.target_source = _sum_highest(below), Source.ROLLED_UP
        elif indicator.is_percent:
            whole.target, whole.target_source = indicator.target, Source.ROLLED_UP
        rows = _rows_by_code(rollup_)
        per_row = defaultdict(list)
        for code, target in below:
            per_row[_group_code(code, parent.child_length)].append((code, target))
        for code, row in rows.items():
            found = per_row.get(code, [])
            exact = [target for split_code, target in found if split_code == code]
            if exact:
                row.target, row.target_source = exact[0], Source.ENTERED
            elif found and not indicator.is_percent:
                row.target, row.target_source = _sum_highest(found), Source.ROLLED_UP
            elif indicator.is_percent:
                row.target, row.target_source = whole.target, Source.ROLLED_UP


def _sum_highest(splits: list[tuple[str, Decimal]]) -> Decimal:
    """The sum of the splits nearest the top: a district's split already holds its subdistricts' ones."""
    codes = [code for code, _target in splits]
    return sum(
        (
            target
            for code, target in splits
            if not any(code != other and code.startswith(other) for other in codes)
        ),
        Decimal(0),
    )


def _is_plan_owner(plan: Plan, parent: Parent) -> bool:
    return parent.code == (plan.region.slug if plan.region_id else plan.area_id)


def _apply_entries(by_id, indicators: list[Indicator], parent: Parent, frames) -> None:
    length = parent.child_length
    frame_q = Q(pk__in=[])
    for indicator in indicators:
        start, end = frames[indicator.pk]
        frame_q |= Q(indicator_id=indicator.pk, period_start__gte=start, period_start__lte=end)
    upto_limits = {end for _start, end in frames.values()}
    upto = max(upto_limits)
    group = Substr("area_id", 1, length) if length else "area_id"
    rows = (
        ProgressEntry.objects.filter(frame_q, _prefix_q("area_id", parent.prefixes))
        .filter(status__in=[EntryStatus.APPROVED, EntryStatus.SUBMITTED])
        .filter(_latest_only_q(upto if len(upto_limits) == 1 else None))
        .annotate(group=group, code_length=Length("area_id"))
        .values("indicator_id", "group", "code_length", "status")
        .annotate(total=Sum("value"), wholes=Sum("denominator"), count=Count("id"))
        .order_by()
    )
    for row in rows:
        rollup_ = by_id[row["indicator_id"]]
        approved = row["status"] == EntryStatus.APPROVED
        figures = [rollup_.whole]
        child = _rows_by_code(rollup_).get(row["group"])
        if child is not None:
            figures.append(child)
        for figure in figures:
            _add(figure, approved, row["total"], row["wholes"], row["count"])
        # An entry on the parent itself (or above the level below) is the parent's own; one at a deeper code
        # than the child's is rolled up into that child.
        on_parent = child is None
        rollup_.whole.entered |= on_parent
        rollup_.whole.rolled_up |= not on_parent
        if child is not None:
            is_child_itself = length is None or row["code_length"] == length
            child.entered |= is_child_itself
            child.rolled_up |= not is_child_itself


def _add(figure: Figure, approved: bool, total, wholes, count: int) -> None:
    figure.entries += count
    if approved:
        figure.actual += total or 0
        figure.denominator += wholes or 0
    else:
        figure.pending += total or 0
        figure.pending_denominator += wholes or 0


def _apply_counts(by_id, indicators: list[Indicator], parent: Parent, frames) -> None:
    """Counted targets: one read per source and time frame, grouped here as entries are."""
    cache: dict[tuple, list] = {}
    for indicator in indicators:
        start, end = frames[indicator.pk]
        key = (indicator.counted_by, start, end)
        if key not in cache:
            cache[key] = counted_rows(
                indicator.counted_by,
                prefixes=list(parent.prefixes) if parent.prefixes is not None else None,
                starts_on=start,
                ends_on=end,
            )
        rollup_ = by_id[indicator.pk]
        rows = _rows_by_code(rollup_)
        rollup_.whole.counted = True
        for row in rollup_.rows:
            row.counted = True
        for code, _day in cache[key]:
            rollup_.whole.actual += 1
            rollup_.whole.entries += 1
            child = rows.get(_group_code(code, parent.child_length))
            if child is not None:
                child.actual += 1
                child.entries += 1


# Reads for the pages and the API: each takes the user and reads only plans they may read.


def _indicators(user: User) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(plan_read_q(user, "plan__"))
        .distinct()
        .select_related("plan__area", "plan__region", "measure", "project", "main_work")
    )


def plan_progress(
    *, user: User, plan: Plan, upto: dt.date | None = None, today: dt.date | None = None
) -> list[TargetRollup]:
    """Every target of a plan the user reads (through plan_get), for the plan's area and the areas below it."""
    indicators = list(_indicators(user).filter(plan=plan).order_by("order", "pk"))
    return rollup(indicators, plan_parent(plan), upto=upto, today=today)


def province_rollup(
    *, user: User, province_code: str, year_be: int | None = None, today: dt.date | None = None
) -> list[TargetRollup]:
    """All targets of the province's own plans of a year (by default the latest year it has plans for), for the
    province and each of its districts."""
    provinces = scope_provinces(user)
    if provinces is not None and province_code[:2] not in provinces:
        raise Http404
    plans = Plan.objects.filter(area_id=province_code)
    if year_be is None:
        year_be = plans.order_by("-year_be").values_list("year_be", flat=True).first()
    indicators = list(
        _indicators(user)
        .filter(plan__area_id=province_code, plan__year_be=year_be)
        .order_by("plan", "order", "pk")
    )
    return rollup(indicators, area_parent(province_code), today=today)


def indicator_rollup(
    *,
    user: User,
    indicator: Indicator,
    area_code: str | None = None,
    upto: dt.date | None = None,
    period: dt.date | None = None,
    today: dt.date | None = None,
) -> TargetRollup:
    """One target for one area of its plan (default: the plan's own) and the areas one level below it."""
    parent = plan_parent(indicator.plan)
    if area_code and area_code != parent.code:
        if not plan_covers(indicator.plan, area_code):
            raise PlanError.AREA_OUTSIDE_OWNER.error("area")
        parent = area_parent(area_code)
    return rollup([indicator], parent, upto=upto, period=period, today=today)[0]


@dataclass
class PeriodFigure:
    period: Period
    figure: Figure
    cumulative: Figure
    locked: bool


def indicator_series(
    *, user: User, indicator: Indicator, area_code: str | None = None, today: dt.date | None = None
) -> list[PeriodFigure]:
    """The target period by period for one area: what the period added (or the standing at its end) and the
    cumulative figure, and whether the province has approved and locked it. Two grouped reads per period."""
    plan = indicator.plan
    locked = set(plan.locks.filter(reopened_at__isnull=True).values_list("period_start", flat=True))
    series = []
    for period_ in periods_of(plan.period_kind, plan.year_kind, plan.year_be):
        alone = indicator_rollup(
            user=user, indicator=indicator, area_code=area_code, period=period_.starts_on, today=today
        )
        so_far = indicator_rollup(
            user=user, indicator=indicator, area_code=area_code, upto=period_.starts_on, today=today
        )
        series.append(PeriodFigure(period_, alone.whole, so_far.whole, period_.starts_on in locked))
    return series


def previous_year_indicator(indicator: Indicator) -> Indicator | None:
    """The same common measure in the plan of the same area (or region) a year before."""
    if not indicator.measure_id:
        return None
    plan = indicator.plan
    owner = {"plan__region_id": plan.region_id} if plan.region_id else {"plan__area_id": plan.area_id}
    return (
        Indicator.objects.filter(measure_id=indicator.measure_id, plan__year_be=plan.year_be - 1, **owner)
        .select_related("plan__area", "plan__region")
        .order_by("pk")
        .first()
    )


@dataclass
class MeasureComparison:
    """A common measure per province of a region: this year's and last year's target and progress."""

    measure: object
    rows: list[dict]


def region_comparison(
    *, user: User, region, year_be: int, today: dt.date | None = None
) -> list[MeasureComparison]:
    """For each common measure the region's provinces track, per province: target and progress this year and the
    year before, side by side (S14). Reads the targets of the provinces' own plans, and the region's plan split by
    province, of both years; a handful of grouped reads per year however many provinces."""
    province_codes = sorted(p.code for p in region.provinces.all())
    provinces = scope_provinces(user)
    if provinces is not None and not set(province_codes) & set(provinces):
        raise Http404
    measured = (
        _indicators(user)
        .filter(measure__isnull=False, plan__year_be__in=[year_be - 1, year_be])
        .filter(Q(plan__area_id__in=province_codes) | Q(plan__region=region))
        .select_related("measure")
        .order_by("measure__slug", "plan__year_be", "pk")
    )
    by_year_owner = defaultdict(list)
    for indicator in measured:
        by_year_owner[(indicator.plan.year_be, indicator.plan.region_id or indicator.plan.area_id)].append(
            indicator
        )
    figures: dict[tuple, Figure] = {}  # (measure_id, year, province) → figure
    names = dict(Area.objects.filter(code__in=province_codes).values_list("code", "name_th"))
    for (year, owner), indicators in by_year_owner.items():
        if owner == region.pk:
            for rolled in rollup(indicators, region_parent(region), today=today):
                for row in rolled.rows:
                    _merge(figures, (rolled.indicator.measure_id, year, row.code), row)
        else:
            for rolled in rollup(indicators, area_parent(owner), today=today):
                _merge(figures, (rolled.indicator.measure_id, year, owner), rolled.whole)
    measures = {i.measure_id: i.measure for i in measured}
    comparisons = []
    for measure_id, measure in sorted(measures.items(), key=lambda item: item[1].slug):
        rows = []
        for code in province_codes:
            rows.append(
                {
                    "code": code,
                    "name": names.get(code, code),
                    "this_year": figures.get((measure_id, year_be, code)),
                    "last_year": figures.get((measure_id, year_be - 1, code)),
                }
            )
        comparisons.append(MeasureComparison(measure, rows))
    return comparisons


def _merge(figures: dict, key: tuple, figure: Figure) -> None:
    """Two targets of one measure for one province and year (a province's plan and the region's): added."""
    found = figures.get(key)
    if found is None:
        figures[key] = figure
        return
    if figure.target is not None:
        found.target = (found.target or 0) + figure.target if not found.is_percent else found.target
    found.actual += figure.actual
    found.denominator += figure.denominator
    found.pending += figure.pending
    found.entries += figure.entries


def entry_list(
    *, user: User, plan: Plan, period: dt.date | None = None, status: str | None = None
) -> QuerySet:
    """The progress entries of a plan the user reads, newest period first."""
    entries = ProgressEntry.objects.filter(indicator__plan=plan).select_related(
        "indicator", "area", "submitted_by", "decided_by", "evidence_meeting"
    )
    if period:
        entries = entries.filter(period_start=period)
    if status:
        entries = entries.filter(status=status)
    return entries.order_by("-period_start", "indicator__order", "indicator_id", "area__sort_key")


def entry_get(*, user: User, pk: int) -> ProgressEntry:
    try:
        return (
            ProgressEntry.objects.filter(plan_read_q(user, "indicator__plan__"))
            .distinct()
            .select_related("indicator__plan__area", "indicator__plan__region", "area", "evidence_meeting")
            .get(pk=pk)
        )
    except (ProgressEntry.DoesNotExist, ValueError):
        raise Http404 from None


def entry_get_for_change(*, user: User, pk: int) -> ProgressEntry:
    """An entry, if the user may write its area (to correct it)."""
    entry = entry_get(user=user, pk=pk)
    require_write(user, entry.area_id)
    return entry


def entry_get_for_decision(*, user: User, pk: int) -> ProgressEntry:
    """An entry, if the user may change its plan (to approve or return it)."""
    entry = entry_get(user=user, pk=pk)
    require_plan_write(user, entry.indicator.plan)
    return entry


# Reads for the API of progress.


def progress_indicator_get(*, user: User, pk: int) -> Indicator:
    """A target of a plan the user reads, with its plan."""
    try:
        return _indicators(user).prefetch_related("plan__region__provinces").get(pk=pk)
    except (Indicator.DoesNotExist, ValueError):
        raise Http404 from None


def region_latest_year(*, user: User, region) -> int | None:
    """The latest year of the plans of a region or of its provinces that the user reads: the year its comparison
    shows when none is asked for."""
    codes = [province.code for province in region.provinces.all()]
    return (
        Plan.objects.filter(plan_read_q(user))
        .filter(Q(region=region) | Q(area_id__in=codes))
        .order_by("-year_be")
        .values_list("year_be", flat=True)
        .first()
    )
