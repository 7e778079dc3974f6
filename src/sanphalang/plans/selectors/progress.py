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

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanphalang.accounts.models import User
from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel
from sanphalang.areas.scoping import require_write, scope_for

from ..access import (
    plan_covers,
    plan_province_codes,
    plan_read_q,
    plan_readable,
    require_plan_write,
    scope_provinces,
)
from ..counting import counted_rows, counts_by_project
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


@dataclass(slots=True)
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
    last_year: "TargetRollup | None" = None  # the same measure a year before, when asked for

    @property
    def rows_reporting(self) -> list[Figure]:
        """The areas below with entries (or counted records); a target alone is not a report, and a percentage's
        target is given to every area."""
        return [row for row in self.rows if row.entries]


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
    children = Area.objects.filter(parent=area).only("code", "name_th", "name_en").order_by("sort_key")
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
    """The rows of a roll-up by area code, built once (kept off the dataclass's fields: it is an index)."""
    index = getattr(rollup_, "_index", None)
    if index is None:
        index = rollup_._index = {row.code: row for row in rollup_.rows}
    return index


# The splits of the roll-up's targets, summed per target, area one level below and depth of the split's area code
# (hand-written for the same reason as ENTRY_SUMS below).
SPLIT_SUMS = """
SELECT s.indicator_id, {group}, LENGTH(s.area_id), SUM(s.target)
FROM {split} s
WHERE s.indicator_id IN ({ids}) AND ({prefixes})
GROUP BY 1, 2, 3
"""


def _apply_splits(by_id: dict[int, TargetRollup], ids: list[int], parent: Parent) -> None:
    """Targets: the whole's own (the target itself when the parent is the plan's area, else its split or the sum of
    its areas' targets), and per area below, its own split or else the splits nearest the top below it (a district's
    split already holds its subdistricts'). Percentages are never summed: an area without its own split aims at the
    whole's percentage. One grouped read: per target, area below and depth, the sum of the splits."""
    length = parent.child_length
    prefixes = list(parent.prefixes) if parent.prefixes is not None else None
    sql = SPLIT_SUMS.format(
        group=f"SUBSTR(s.area_id, 1, {int(length)})" if length else "s.area_id",
        split=TargetSplit._meta.db_table,
        ids=", ".join(["%s"] * len(ids)),
        prefixes=" OR ".join(["s.area_id LIKE %s"] * len(prefixes)) if prefixes is not None else "1 = 1",
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids, *[f"{prefix}%" for prefix in prefixes or ()]])
        rows = cursor.fetchall()
    depths: dict[int, dict[str, dict[int, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for indicator_id, code, code_length, total in rows:
        depths[indicator_id][code][code_length] = _money(total)
    for indicator_id, rollup_ in by_id.items():
        indicator = rollup_.indicator
        whole = rollup_.whole
        groups = depths.get(indicator_id, {})
        own = groups.get(parent.code, {}).get(len(parent.code))
        for row in rollup_.rows:
            found = groups.get(row.code)
            if not found:
                continue
            if len(row.code) in found:
                row.target, row.target_source = found[len(row.code)], Source.ENTERED
            elif not indicator.is_percent:
                row.target, row.target_source = found[min(found)], Source.ROLLED_UP
        if _is_plan_owner(indicator.plan, parent):
            whole.target, whole.target_source = indicator.target, Source.ENTERED
        elif own is not None:
            whole.target, whole.target_source = own, Source.ENTERED
        elif indicator.is_percent:
            whole.target, whole.target_source = indicator.target, Source.ROLLED_UP
        elif any(row.target is not None for row in rollup_.rows):
            whole.target = sum((row.target for row in rollup_.rows if row.target is not None), Decimal(0))
            whole.target_source = Source.ROLLED_UP
        if indicator.is_percent:
            for row in rollup_.rows:
                if row.target is None:
                    row.target, row.target_source = whole.target, Source.ROLLED_UP


def _is_plan_owner(plan: Plan, parent: Parent) -> bool:
    return parent.code == (plan.region.slug if plan.region_id else plan.area_id)


# The one grouped read of the roll-up's entries, written by hand because it is the hot path of every roll-up page
# (bench/bench_plans_rollup.py): per target and area one level below, the approved and the waiting sums, how many
# entries, and whether the area has entries of its own (its code as long as the level's) or of areas below it.
# A target of standings (and every percentage) counts each area's latest entry: approved, or waiting when no
# approved one is later.
ENTRY_SUMS = """
SELECT e.indicator_id, {group},
  SUM(CASE WHEN e.status = %s THEN e.value END), SUM(CASE WHEN e.status = %s THEN e.denominator END),
  SUM(CASE WHEN e.status = %s THEN e.value END), SUM(CASE WHEN e.status = %s THEN e.denominator END),
  COUNT(*), MAX({own}), MIN({own})
FROM {entry} e JOIN {indicator} i ON i.id = e.indicator_id
WHERE ({frames}) AND ({prefixes}) AND e.status IN (%s, %s)
  AND ((i.accumulates AND i.unit <> %s)
    OR (e.status = %s AND NOT EXISTS (SELECT 1 FROM {entry} l WHERE l.indicator_id = e.indicator_id
        AND l.area_id = e.area_id AND l.period_start > e.period_start {upto} AND l.status = %s))
    OR (e.status = %s AND NOT EXISTS (SELECT 1 FROM {entry} l WHERE l.indicator_id = e.indicator_id
        AND l.area_id = e.area_id AND l.period_start > e.period_start {upto} AND l.status IN (%s, %s))))
GROUP BY 1, 2
"""


def _money(value) -> Decimal:
    """A sum as the database gives it (SQLite: a number, PostgreSQL: a Decimal), in baht and satang."""
    if value is None:
        return Decimal(0)
    if isinstance(value, float):
        return Decimal(str(round(value, 2)))
    return Decimal(value)


def _apply_entries(by_id, indicators: list[Indicator], parent: Parent, frames) -> None:
    length = parent.child_length
    by_frame = defaultdict(list)
    for indicator in indicators:
        by_frame[frames[indicator.pk]].append(indicator.pk)
    frame_sql, frame_params = [], []
    for (start, end), ids in by_frame.items():
        frame_sql.append(
            f"(e.indicator_id IN ({', '.join(['%s'] * len(ids))}) AND e.period_start BETWEEN %s AND %s)"
        )
        frame_params += [*ids, start, end]
    upto_limits = {end for _start, end in frames.values()}
    upto = max(upto_limits) if len(upto_limits) == 1 else None
    prefixes = list(parent.prefixes) if parent.prefixes is not None else None
    approved, waiting = EntryStatus.APPROVED.value, EntryStatus.SUBMITTED.value
    sql = ENTRY_SUMS.format(
        group=f"SUBSTR(e.area_id, 1, {int(length)})" if length else "e.area_id",
        own=f"CASE WHEN LENGTH(e.area_id) = {int(length)} THEN 1 ELSE 0 END" if length else "1",
        entry=ProgressEntry._meta.db_table,
        indicator=Indicator._meta.db_table,
        frames=" OR ".join(frame_sql),
        prefixes=" OR ".join(["e.area_id LIKE %s"] * len(prefixes)) if prefixes is not None else "1 = 1",
        upto="AND l.period_start <= %s" if upto else "",
    )
    limit = [upto] if upto else []
    params = [
        approved,
        approved,
        waiting,
        waiting,
        *frame_params,
        *[f"{prefix}%" for prefix in prefixes or ()],
        approved,
        waiting,
        Unit.PERCENT.value,
        approved,
        *limit,
        approved,
        waiting,
        *limit,
        approved,
        waiting,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for indicator_id, code, total, wholes, pending, pending_wholes, count, own, below in rows:
        rollup_ = by_id[indicator_id]
        child = _rows_by_code(rollup_).get(code)
        sums = (_money(total), _money(wholes), _money(pending), _money(pending_wholes), count)
        _add(rollup_.whole, sums)
        # An entry on the parent itself (or above the level below) is the parent's own; one at a deeper code
        # than the child's is rolled up into that child.
        if child is None:
            rollup_.whole.entered = True
        else:
            rollup_.whole.rolled_up = True
            _add(child, sums)
            child.entered |= bool(own)
            child.rolled_up |= not below


def _add(figure: Figure, sums: tuple) -> None:
    total, wholes, waiting, waiting_wholes, count = sums
    figure.entries += count
    figure.actual += total
    figure.denominator += wholes
    figure.pending += waiting
    figure.pending_denominator += waiting_wholes


def _apply_counts(by_id, indicators: list[Indicator], parent: Parent, frames) -> None:
    """Counted targets: one read per source and time frame, grouped here as entries are."""
    cache: dict[tuple, list] = {}
    for indicator in indicators:
        start, end = frames[indicator.pk]
        project_id = indicator.project_id if counts_by_project(indicator.counted_by) else None
        key = (indicator.counted_by, start, end, project_id)
        if key not in cache:
            cache[key] = counted_rows(
                indicator.counted_by,
                prefixes=list(parent.prefixes) if parent.prefixes is not None else None,
                starts_on=start,
                ends_on=end,
                project_id=project_id,
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


# Reads for the pages and the API: each takes the user and reads only plans they may read; one given a plan or a
# target the user may not read answers 404, as fetching it would.


def _require_readable(user: User, plan: Plan) -> None:
    if not plan_readable(user, plan):
        raise Http404


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
    _require_readable(user, plan)
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
    # The province is one the user reads (checked above): its plans' targets need no per-plan rule's joins.
    indicators = list(
        Indicator.objects.filter(plan__area_id=province_code, plan__year_be=year_be)
        .select_related("plan")
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
    _require_readable(user, indicator.plan)
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
    _require_readable(user, indicator.plan)
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


def previous_year(*, user: User, plan: Plan, today: dt.date | None = None) -> dict[int, TargetRollup]:
    """For each target of the plan with a common measure, the same measure in the plan of the same area (or region)
    a year before, rolled up for the whole year: {this year's indicator id: last year's roll-up}. A few grouped
    reads however many targets."""
    _require_readable(user, plan)
    current = list(Indicator.objects.filter(plan=plan, measure__isnull=False).values_list("pk", "measure_id"))
    if not current:
        return {}
    owner = {"plan__region_id": plan.region_id} if plan.region_id else {"plan__area_id": plan.area_id}
    earlier = {}
    for indicator in (
        _indicators(user)
        .filter(measure_id__in={m for _pk, m in current}, plan__year_be=plan.year_be - 1, **owner)
        .order_by("pk")
    ):
        earlier.setdefault(indicator.measure_id, indicator)
    if not earlier:
        return {}
    rolled = {
        r.indicator.measure_id: r for r in rollup(list(earlier.values()), plan_parent(plan), today=today)
    }
    return {pk: rolled[measure_id] for pk, measure_id in current if measure_id in rolled}


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
    _require_readable(user, plan)
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


def entry_area_choices(*, user: User, plan: Plan) -> list[tuple[str, str]]:
    """The areas of the plan the user may report for: the plan's area and those below it down to subdistricts,
    within the user's areas; listed by code so that each district is followed by its subdistricts."""
    _require_readable(user, plan)
    scope = scope_for(user)
    covered = plan_province_codes(plan) if plan.region_id else [plan.area_id]
    areas = Area.objects.filter(
        _prefix_q("code", tuple(covered)),
        level__in=[AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.SUBDISTRICT],
    ).filter(scope.subtree_q("code"))
    return [(area.code, area.display_path) for area in areas.order_by("code")]


def evidence_meeting_choices(*, user: User, plan: Plan) -> list[tuple[int, str]]:
    """Recent meetings of the plan's areas the user reads, to give as evidence."""
    _require_readable(user, plan)
    from sanphalang.meetings.selectors.meetings import meeting_list
    from sanphalang.thai.dates import format_be_date

    covered = plan_province_codes(plan) if plan.region_id else [plan.area_id[:2]]
    meetings = meeting_list(user=user).filter(_prefix_q("body__area_id", tuple(covered)))[:200]
    return [
        (m.pk, f"{m.body} {m.number}/{m.year_be} ({format_be_date(m.held_on, style='short')})")
        for m in meetings
    ]


@dataclass
class PeriodState:
    period: Period
    waiting: int
    approved: int
    returned: int
    lock: object | None  # the active PeriodLock

    @property
    def locked(self) -> bool:
        return self.lock is not None


def plan_periods(*, user: User, plan: Plan) -> list[PeriodState]:
    """The plan's periods with how many entries wait, are approved or returned, and the active lock of each."""
    _require_readable(user, plan)
    counts = defaultdict(lambda: defaultdict(int))
    for row in (
        ProgressEntry.objects.filter(indicator__plan=plan)
        .values("period_start", "status")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[row["period_start"]][row["status"]] = row["n"]
    locks = {
        lock.period_start: lock
        for lock in plan.locks.filter(reopened_at__isnull=True).select_related("locked_by")
    }
    return [
        PeriodState(
            period_,
            counts[period_.starts_on][EntryStatus.SUBMITTED],
            counts[period_.starts_on][EntryStatus.APPROVED],
            counts[period_.starts_on][EntryStatus.RETURNED],
            locks.get(period_.starts_on),
        )
        for period_ in periods_of(plan.period_kind, plan.year_kind, plan.year_be)
    ]


def lock_history(*, user: User, plan: Plan) -> QuerySet:
    """Every approval of a period of the plan, with its reopening if any: the record of who locked and reopened."""
    _require_readable(user, plan)
    return plan.locks.select_related("locked_by", "reopened_by").order_by("-locked_at")
