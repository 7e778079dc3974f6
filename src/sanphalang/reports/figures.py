"""The figures the dashboards, maps, exports, the API and the governor's report show: each is counted from the
records of its own app, within the user's areas, and rolled up the area hierarchy by code prefix.

A figure is one of three kinds:
- a flow counts what happened within a period (meetings held, help given);
- a stock counts what stood at the period's end (cases open, overdue action items): rows that started on or before
  it and had not yet ended;
- a yearly figure is reported once a year (a welfare fund's members): a period shows the year it falls in.

Every figure is computed by one grouped query per date column, over (child area, quarter); totals, the change
since the last quarter, the series over quarters and the values by child area are all read from that one result.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from django.db.models import Count, F, Func, IntegerField, Q, QuerySet, Sum
from django.db.models.functions import Greatest, Substr, TruncDate
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sanphalang.areas.scoping import scope_for

from .access import figures_q


class Kind(StrEnum):
    FLOW = "flow"
    STOCK = "stock"
    YEARLY = "yearly"


class WorkArea(StrEnum):
    """The work areas a dashboard groups its figures by, and the comparison compares."""

    MEETINGS = "meetings"
    PLANS = "plans"
    WELFARE = "welfare"
    CARE = "care"


WORK_AREA_LABELS = {
    WorkArea.MEETINGS: _("Meetings and follow-up"),
    WorkArea.PLANS: _("Plans, charters and registrations"),
    WorkArea.WELFARE: _("Community welfare funds"),
    WorkArea.CARE: _("Care for people in hardship"),
}


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise
    unit: Promise
    work: WorkArea
    kind: Kind
    rows: Callable[[], QuerySet]  # the records counted, before the user's areas and the period
    area: str  # the lookup holding the record's area code
    date: str = ""  # flow: when it happened; stock: when it started; yearly: the BE year's field
    ends: str = ""  # stock: when it stopped counting (empty: never)
    total: str = ""  # the field summed; empty: the rows are counted
    timestamps: bool = False  # date and ends are date-times: each counts on its local day
    money: bool = False
    description: Promise | str = ""

    def aggregate(self):
        # COUNT(*), not of the key: a count that reads no other column is read from the index alone
        return Sum(self.total) if self.total else Count("*")

    def day(self, name: str):
        """The expression of a date column, a date-time cut to its local day."""
        return TruncDate(name) if self.timestamps else F(name)


FIGURES: dict[str, Figure] = {}


def register(figure: Figure) -> Figure:
    if figure.key in FIGURES:
        raise ValueError(f"Figure {figure.key} is registered twice")
    FIGURES[figure.key] = figure
    return figure


def figure_of(key: str) -> Figure | None:
    return FIGURES.get(key)


def figures_of(work: WorkArea | None = None) -> list[Figure]:
    return [f for f in FIGURES.values() if work is None or f.work == work]


# --- the quarters ---------------------------------------------------------------------------------------------


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def quarter_end(start: dt.date) -> dt.date:
    following = shift_quarters(start, 1)
    return following - dt.timedelta(days=1)


def shift_quarters(start: dt.date, count: int) -> dt.date:
    index = start.year * 4 + (start.month - 1) // 3 + count
    return dt.date(index // 4, index % 4 * 3 + 1, 1)


def quarters_ending(last: dt.date, count: int) -> list[dt.date]:
    """The first days of `count` quarters, oldest first, the last being the quarter that holds `last`."""
    end = quarter_start(last)
    return [shift_quarters(end, -offset) for offset in range(count - 1, -1, -1)]


# --- counting -------------------------------------------------------------------------------------------------


@dataclass
class Counted:
    """One figure counted over a set of quarters for the areas below one area, grouped by child area."""

    figure: Figure
    quarters: list[dt.date]
    # child code → value per quarter (the quarters' order); a yearly figure repeats its year's value
    by_child: dict[str, list[Decimal]] = field(default_factory=dict)

    def at(self, index: int = -1) -> dict[str, Decimal]:
        return {code: values[index] for code, values in self.by_child.items()}

    def series(self) -> list[Decimal]:
        totals = [Decimal(0)] * len(self.quarters)
        for values in self.by_child.values():
            totals = [a + b for a, b in zip(totals, values, strict=True)]
        return totals

    def total(self, index: int = -1) -> Decimal:
        return self.series()[index] if self.quarters else Decimal(0)


def _within(figure: Figure, user, within: tuple[str, ...]) -> QuerySet:
    lookup = (
        f"{figure.area}__startswith"
        if not figure.area.endswith("_id")
        else f"{figure.area[:-3]}__pk__startswith"
    )
    rows = figure.rows()
    if within and within != ("TH",):
        area_q = Q()
        for prefix in within:
            area_q |= Q(**{lookup: prefix})
        rows = rows.filter(area_q)
        if all(scope_for(user).covers(prefix) for prefix in within):
            return rows  # the prefixes lie within the user's areas: the user's filter would repeat them
    return rows.filter(figures_q(user, figure.area))


def _bounds(figure: Figure, quarters: list[dt.date]) -> list:
    """Where each quarter stops: the first day of the next (a date-time column: its local midnight)."""
    following = [shift_quarters(start, 1) for start in quarters]
    if not figure.timestamps:
        return following
    zone = timezone.get_current_timezone()
    return [dt.datetime.combine(day, dt.time.min, tzinfo=zone) for day in following]


class _QuarterOf(Func):
    """The position of the first quarter that ends after a row's date (and, given starts, begins on or before
    it), by comparisons with the quarters' bounds: plain SQL on every database (SQLite's date functions are Python
    called per row) that reads a date-time on its local day with no conversion, comparing the column's own values
    as its index holds them. Written out as one CASE: a When per quarter costs the ORM more than the query."""

    output_field = IntegerField()

    def __init__(self, column: str, ends: list, starts: list | None = None):
        super().__init__(F(column))
        self.ends, self.starts = ends, starts

    def as_sql(self, compiler, connection, **extra_context):
        source = self.get_source_expressions()[0]
        column, column_params = compiler.compile(source)
        field = source.output_field
        whens, params = [], []
        for i, end in enumerate(self.ends):
            if self.starts:
                whens.append(f"WHEN {column} >= %s AND {column} < %s THEN {i}")
                params += [*column_params, field.get_db_prep_value(self.starts[i], connection)]
            else:
                whens.append(f"WHEN {column} < %s THEN {i}")
            params += [*column_params, field.get_db_prep_value(end, connection)]
        return f"CASE {' '.join(whens)} ELSE NULL END", params


def count(
    figure: Figure,
    *,
    user,
    within: tuple[str, ...],
    child_length: int,
    quarters: list[dt.date],
) -> Counted:
    """The figure for each child area (codes cut to child_length) in each quarter, within the given prefixes."""
    rows = _within(figure, user, within)
    aggregate = figure.aggregate()
    counted = Counted(figure=figure, quarters=quarters)
    if not quarters:
        return counted

    def grouped(queryset: QuerySet, when) -> list:
        return list(
            queryset.annotate(_child=Substr(F(figure.area), 1, child_length), _when=when)
            .values("_child", "_when")
            .annotate(_value=aggregate)
            .values_list("_child", "_when", "_value")
            .order_by()
        )

    def slot(code: str) -> list[Decimal]:
        return counted.by_child.setdefault(code, [Decimal(0)] * len(quarters))

    if figure.kind == Kind.FLOW:
        begins = _bounds(figure, [shift_quarters(start, -1) for start in quarters])
        ends = _bounds(figure, quarters)
        in_range = rows.filter(**{f"{figure.date}__gte": begins[0], f"{figure.date}__lt": ends[-1]})
        # Quarters one after another need only their ends; a gap between two needs each one's start too.
        gaps = any(begin != end for begin, end in zip(begins[1:], ends[:-1], strict=True))
        for code, position, value in grouped(
            in_range, _QuarterOf(figure.date, ends, begins if gaps else None)
        ):
            if position is not None:
                slot(code)[position] += Decimal(value or 0)
    elif figure.kind == Kind.STOCK:
        # A row counts from the quarter it starts in until the quarter it ends in; the rows that started before
        # the first quarter are all in its position.
        bounds = _bounds(figure, quarters)
        changes: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * len(quarters))
        started = rows.filter(**{f"{figure.date}__lt": bounds[-1]})
        starts = _QuarterOf(figure.date, bounds)
        for code, position, value in grouped(started, starts):
            changes[code][position] += Decimal(value or 0)
        if figure.ends:
            # A row cannot stop counting before it starts (an action item done before it fell due): it stops in
            # the later of the two quarters.
            ended = started.filter(**{f"{figure.ends}__lt": bounds[-1]})
            for code, position, value in grouped(ended, Greatest(starts, _QuarterOf(figure.ends, bounds))):
                changes[code][position] -= Decimal(value or 0)
        for code, by_quarter in changes.items():
            values = slot(code)
            running = Decimal(0)
            for i, change in enumerate(by_quarter):
                running += change
                values[i] = running
    else:
        from sanphalang.thai.dates import BE_OFFSET

        years = {start: start.year + BE_OFFSET for start in quarters}
        in_years = rows.filter(**{f"{figure.date}__in": sorted(set(years.values()))})
        for code, year, value in grouped(in_years, F(figure.date)):
            values = slot(code)
            for i, start in enumerate(quarters):
                if years[start] == year:
                    values[i] += Decimal(value or 0)
    return counted


# --- the figures ----------------------------------------------------------------------------------------------


def _meetings():
    from sanphalang.meetings.models import Meeting, MeetingStatus

    return Meeting.objects.filter(status=MeetingStatus.HELD)


def _resolutions():
    from sanphalang.meetings.models import MeetingStatus, Resolution

    return Resolution.objects.filter(meeting__status=MeetingStatus.HELD)


def _action_items():
    from sanphalang.meetings.models import ActionItem, ActionStatus

    return ActionItem.objects.exclude(status=ActionStatus.CANCELLED)


def _done_action_items():
    from sanphalang.meetings.models import ActionStatus

    return _action_items().filter(status=ActionStatus.DONE)


def _letters_sent():
    from sanphalang.meetings.models import Letter, LetterDirection, LetterStatus

    return Letter.objects.filter(direction=LetterDirection.OUTGOING).exclude(status=LetterStatus.DRAFT)


def _stage_events(kind: str, stage: str):
    def rows():
        from sanphalang.plans.models import StageEvent

        return StageEvent.objects.filter(**{f"{kind}__isnull": False, "stage": stage})

    return rows


def _progress_entries():
    from sanphalang.plans.models import EntryStatus, ProgressEntry

    return ProgressEntry.objects.filter(status=EntryStatus.APPROVED)


def _fund_years():
    from sanphalang.welfare.models import FundYear

    return FundYear.objects.all()


def _model(path: str):
    def rows():
        from django.apps import apps

        return apps.get_model(path).objects.all()

    return rows


def _cases():
    from sanphalang.care.models import Case

    return Case.objects.all()


def _housing_completed():
    from sanphalang.care.models import HousingStatus, HousingWork

    return HousingWork.objects.filter(status=HousingStatus.COMPLETED)


register(
    Figure(
        "meetings_held",
        _("Meetings held"),
        _("meetings"),
        WorkArea.MEETINGS,
        Kind.FLOW,
        _meetings,
        "body__area_id",
        "held_on",
    )
)
register(
    Figure(
        "resolutions",
        _("Resolutions passed"),
        _("resolutions"),
        WorkArea.MEETINGS,
        Kind.FLOW,
        _resolutions,
        "meeting__body__area_id",
        "meeting__held_on",
    )
)
register(
    Figure(
        "action_items_done",
        _("Action items done"),
        _("items"),
        WorkArea.MEETINGS,
        Kind.FLOW,
        _done_action_items,
        "body__area_id",
        "done_on",
    )
)
register(
    Figure(
        "action_items_overdue",
        _("Action items overdue"),
        _("items"),
        WorkArea.MEETINGS,
        Kind.STOCK,
        _action_items,
        "body__area_id",
        "due_on",
        ends="done_on",
        description=_("Past their due date and not yet done at the end of the quarter"),
    )
)
register(
    Figure(
        "letters_sent",
        _("Letters sent"),
        _("letters"),
        WorkArea.MEETINGS,
        Kind.FLOW,
        _letters_sent,
        "body__area_id",
        "dated_on",
    )
)
register(
    Figure(
        "charters_enacted",
        _("Charters enacted"),
        _("charters"),
        WorkArea.PLANS,
        Kind.FLOW,
        _stage_events("charter", "enacted"),
        "charter__area_id",
        "happened_on",
    )
)
register(
    Figure(
        "registrations_done",
        _("Registrations completed"),
        _("registrations"),
        WorkArea.PLANS,
        Kind.FLOW,
        _stage_events("registration", "registered"),
        "registration__area_id",
        "happened_on",
    )
)
register(
    Figure(
        "progress_reported",
        _("Progress reports approved"),
        _("reports"),
        WorkArea.PLANS,
        Kind.FLOW,
        _progress_entries,
        "area_id",
        "period_start",
    )
)
register(
    Figure(
        "welfare_funds",
        _("Welfare funds reporting"),
        _("funds"),
        WorkArea.WELFARE,
        Kind.YEARLY,
        _fund_years,
        "fund__area_id",
        "year_be",
    )
)
register(
    Figure(
        "welfare_members",
        _("Welfare fund members"),
        _("people"),
        WorkArea.WELFARE,
        Kind.YEARLY,
        _fund_years,
        "fund__area_id",
        "year_be",
        total="members",
    )
)
register(
    Figure(
        "welfare_balance",
        _("Welfare fund balance"),
        _("baht"),
        WorkArea.WELFARE,
        Kind.YEARLY,
        _fund_years,
        "fund__area_id",
        "year_be",
        total="balance",
        money=True,
    )
)
register(
    Figure(
        "households",
        _("Households registered for care"),
        _("households"),
        WorkArea.CARE,
        Kind.STOCK,
        _model("care.Household"),
        "area_id",
        "registered_at",
        ends="anonymised_at",
        timestamps=True,
    )
)
register(
    Figure(
        "cases_opened",
        _("Cases opened"),
        _("cases"),
        WorkArea.CARE,
        Kind.FLOW,
        _cases,
        "area_id",
        "opened_on",
    )
)
register(
    Figure(
        "cases_open",
        _("Cases open"),
        _("cases"),
        WorkArea.CARE,
        Kind.STOCK,
        _cases,
        "area_id",
        "opened_on",
        ends="closed_on",
        description=_("Opened and not yet closed at the end of the quarter"),
    )
)
register(
    Figure(
        "help_given",
        _("Help given"),
        _("times"),
        WorkArea.CARE,
        Kind.FLOW,
        _model("care.Help"),
        "case__area_id",
        "given_on",
    )
)
register(
    Figure(
        "help_value",
        _("Value of help given"),
        _("baht"),
        WorkArea.CARE,
        Kind.FLOW,
        _model("care.Help"),
        "case__area_id",
        "given_on",
        total="amount",
        money=True,
    )
)
register(
    Figure(
        "referrals_sent",
        _("Referrals to agencies"),
        _("referrals"),
        WorkArea.CARE,
        Kind.FLOW,
        _model("care.Referral"),
        "case__area_id",
        "sent_on",
    )
)
register(
    Figure(
        "housing_completed",
        _("Homes repaired or built"),
        _("homes"),
        WorkArea.CARE,
        Kind.FLOW,
        _housing_completed,
        "area_id",
        "completed_on",
    )
)
register(
    Figure(
        "incidents",
        _("Disasters and incidents"),
        _("incidents"),
        WorkArea.CARE,
        Kind.FLOW,
        _model("care.Incident"),
        "area_id",
        "occurred_on",
    )
)
