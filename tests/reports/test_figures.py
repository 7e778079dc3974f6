"""The figures counted by area and quarter: each kind's rule checked on records counted by hand (a flow within
its quarter, a stock at the quarter's end, a yearly figure in its year, a date-time on its local day), scoped to
the reader's areas, with the records of the parent area itself; and every figure checked against a count made
row by row in Python over the tiny synthetic data."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.utils import timezone

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.areas.scoping import scope_for
from sanphalang.care.models import Household, Incident
from sanphalang.demo.synth import synthesize
from sanphalang.meetings.models import ActionItem, ActionStatus, Body, BodyKind, Meeting, MeetingStatus
from sanphalang.reports.figures import (
    FIGURES,
    Kind,
    count,
    quarter_end,
    quarter_start,
    quarters_ending,
)
from sanphalang.welfare.models import Fund, FundYear

BANGKOK = ZoneInfo("Asia/Bangkok")
Q2, Q3, Q4 = dt.date(2026, 4, 1), dt.date(2026, 7, 1), dt.date(2026, 10, 1)
QUARTERS = [dt.date(2025, 10, 1), dt.date(2026, 1, 1), Q2, Q3]


def _user(username, role, areas):
    return user_create(username=username, password="figures-password-long-42", role=role, area_codes=areas)


@pytest.fixture
def admin(db):
    return _user("figures-admin", Role.ADMINISTRATOR, [])


def _count(key, user, *, within=("57",), child_length=4, quarters=QUARTERS):
    return count(FIGURES[key], user=user, within=within, child_length=child_length, quarters=quarters)


def _values(counted) -> dict[str, list[int]]:
    """Each child's values as whole numbers, the children with nothing left out."""
    return {code: [int(v) for v in values] for code, values in counted.by_child.items() if any(values)}


def _incident(area: str, day: dt.date) -> Incident:
    return Incident.objects.create(area_id=area, hazard="flood", occurred_on=day, description="น้ำท่วม")


def test_a_flow_counts_what_happened_within_each_quarter_from_its_first_day_to_its_last(admin):
    for day in (dt.date(2026, 3, 31), Q2, dt.date(2026, 6, 30), Q3, dt.date(2026, 9, 30), Q4):
        _incident("570101", day)
    _incident("570901", dt.date(2026, 8, 15))
    _incident("560101", dt.date(2026, 8, 15))  # another province
    counted = _count("incidents", admin)
    assert _values(counted) == {"5701": [0, 1, 2, 2], "5709": [0, 0, 0, 1]}
    assert counted.series() == [0, 1, 2, 3] and counted.total() == 3 and counted.total(-2) == 2


def test_a_flow_over_quarters_a_year_apart_counts_each_quarter_alone(admin):
    for day in (dt.date(2025, 8, 1), dt.date(2026, 1, 15), dt.date(2026, 8, 1), dt.date(2026, 9, 30)):
        _incident("570101", day)
    assert _values(_count("incidents", admin, quarters=[dt.date(2025, 7, 1), Q3])) == {"5701": [1, 2]}


@pytest.fixture
def body(db):
    return Body.objects.create(kind=BodyKind.BOARD, name_th="คณะกรรมการเครือข่ายอำเภอ", area_id="5701")


def _item(body, due_on, done_on=None, status=ActionStatus.OPEN):
    return ActionItem.objects.create(
        body=body, title="ส่งรายงาน", due_on=due_on, done_on=done_on, status=status
    )


def test_a_stock_counts_the_rows_standing_at_each_quarters_end(admin, body):
    _item(body, dt.date(2025, 12, 1))  # overdue from the first quarter on
    _item(
        body, dt.date(2026, 2, 10), dt.date(2026, 8, 1), ActionStatus.DONE
    )  # overdue at the ends of Q1 and Q2
    _item(body, dt.date(2026, 6, 30), dt.date(2026, 7, 2), ActionStatus.DONE)  # due on Q2's last day
    _item(
        body, dt.date(2026, 9, 1), dt.date(2026, 9, 20), ActionStatus.DONE
    )  # done within the quarter it fell due
    _item(body, dt.date(2026, 10, 5))  # not yet due at the last quarter's end
    _item(body, dt.date(2025, 11, 1), status=ActionStatus.CANCELLED)
    assert _values(_count("action_items_overdue", admin)) == {"5701": [1, 2, 3, 1]}


def test_a_row_that_ends_before_it_starts_never_stands(admin, body):
    # Done in May, before the day it fell due: never overdue, in no quarter.
    _item(body, dt.date(2026, 8, 15), dt.date(2026, 5, 1), ActionStatus.DONE)
    _item(body, dt.date(2025, 10, 20), dt.date(2025, 10, 2), ActionStatus.DONE)
    # Fell due in May and done in August: overdue at the end of Q2 only.
    _item(body, dt.date(2026, 5, 1), dt.date(2026, 8, 15), ActionStatus.DONE)
    assert _values(_count("action_items_overdue", admin)) == {"5701": [0, 0, 1, 0]}


def test_a_yearly_figure_shows_in_each_quarter_the_year_it_falls_in(admin):
    fund = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลทดสอบ", area_id="570101")
    other = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลอื่น", area_id="570102")
    FundYear.objects.create(fund=fund, year_be=2568, members=100)
    FundYear.objects.create(fund=fund, year_be=2569, members=120)
    FundYear.objects.create(fund=other, year_be=2569, members=30)
    FundYear.objects.create(fund=other, year_be=2567, members=999)  # before every quarter shown
    # The first quarter (October 2025) lies in 2568, the others in 2569.
    assert _values(_count("welfare_members", admin)) == {"5701": [100, 150, 150, 150]}
    assert _values(_count("welfare_funds", admin)) == {"5701": [1, 2, 2, 2]}


def _household(area: str, registered: dt.datetime, anonymised: dt.datetime | None = None) -> Household:
    home = Household.objects.create(area_id=area, purpose="ทดสอบ")
    Household.objects.filter(pk=home.pk).update(registered_at=registered, anonymised_at=anonymised)
    return home


def _local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BANGKOK)


def test_a_date_time_counts_on_its_local_day(admin):
    # 23:30 on Q2's last day in Bangkok is 16:30 UTC; 00:30 on Q3's first day is still 30 June in UTC.
    _household("570101", _local(dt.date(2026, 6, 30), 23, 30))
    _household("570101", _local(Q3, 0, 30))
    _household("570101", _local(dt.date(2026, 1, 5), 9), anonymised=_local(Q3, 0, 10))
    _household("570101", _local(dt.date(2026, 2, 5), 9), anonymised=_local(Q2, 0, 10))
    _household("570101", _local(Q4, 6).astimezone(dt.UTC))  # after the last quarter, in any zone's terms
    assert _values(_count("households", admin)) == {"5701": [0, 2, 2, 2]}


def test_the_figures_count_only_the_readers_areas(db, body):
    reader = _user("figures-mueang", Role.AREA_COORDINATOR, ["5701"])
    for area in ("570101", "5702", "5701"):
        _incident(area, dt.date(2026, 8, 1))
    assert _values(_count("incidents", reader)) == {"5701": [0, 0, 0, 2]}
    # The country's figures of a district's coordinator are that district's.
    assert _values(_count("incidents", reader, within=("TH",), child_length=2)) == {"57": [0, 0, 0, 2]}
    assert _values(_count("incidents", reader, within=("56",))) == {}


def test_the_records_of_the_area_itself_count_in_its_total_under_its_own_code(admin):
    council = Body.objects.create(kind=BodyKind.COUNCIL, name_th="สภาพลเมืองจังหวัด", area_id="57")
    district = Body.objects.create(kind=BodyKind.BOARD, name_th="คณะกรรมการอำเภอ", area_id="5701")
    for number, (held_by, day) in enumerate(
        [(council, dt.date(2026, 8, 1)), (council, dt.date(2026, 8, 20)), (district, dt.date(2026, 9, 1))], 1
    ):
        Meeting.objects.create(
            body=held_by, number=number, year_be=2569, held_on=day, status=MeetingStatus.HELD
        )
    Meeting.objects.create(body=district, number=9, year_be=2569, held_on=dt.date(2026, 9, 2))  # only planned
    counted = _count("meetings_held", admin)
    assert _values(counted) == {"57": [0, 0, 0, 2], "5701": [0, 0, 0, 1]}
    assert counted.total() == 3


# --- every figure against a count row by row ---------------------------------------------------------------


@pytest.fixture(scope="module")
def _tiny(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        synthesize(scale="tiny", seed=5)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def tiny(_tiny, db):
    return None


def _day(value, timestamps: bool):
    if value is None or not timestamps:
        return value
    return timezone.localtime(value).date()


def by_hand(figure, user, within: tuple[str, ...], child_length: int, quarters: list[dt.date]) -> dict:
    """The figure counted row by row, by the rule of its kind."""
    scope = scope_for(user)
    fields = [figure.area, figure.date, figure.ends or figure.date, figure.total or "pk"]
    values: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * len(quarters))
    for area, start, ends, amount in figure.rows().values_list(*fields):
        if not scope.covers(area) or (within != ("TH",) and not any(area.startswith(p) for p in within)):
            continue
        amount = Decimal(1) if not figure.total else Decimal(amount or 0)
        start = _day(start, figure.timestamps)
        ends = _day(ends, figure.timestamps) if figure.ends else None
        for i, first in enumerate(quarters):
            last = quarter_end(first)
            if figure.kind == Kind.FLOW:
                counts = start is not None and first <= start <= last
            elif figure.kind == Kind.STOCK:
                counts = start is not None and start <= last and (ends is None or max(start, ends) > last)
            else:
                counts = start == first.year + 543
            if counts:
                values[area[:child_length]][i] += amount
    return {code: [int(v) for v in row] for code, row in values.items() if any(row)}


@pytest.mark.parametrize("key", sorted(FIGURES))
def test_every_figure_counts_as_its_kinds_rule_over_the_synthetic_data(tiny, key):
    figure = FIGURES[key]
    quarters = quarters_ending(dt.date(2026, 9, 30), 8)
    province = _user("figures-p57", Role.PROVINCIAL_COORDINATOR, ["57"])
    national = _user("figures-all", Role.ADMINISTRATOR, [])
    district = _user("figures-d5701", Role.AREA_COORDINATOR, ["5701"])
    seen = False
    for user, within, child_length in [
        (national, ("TH",), 2),
        (province, ("TH",), 2),
        (national, ("57",), 4),
        (district, ("57",), 4),
        (province, ("5701",), 6),
        (national, ("56", "57"), 2),
    ]:
        expected = by_hand(figure, user, within, child_length, quarters)
        got = _values(count(figure, user=user, within=within, child_length=child_length, quarters=quarters))
        assert got == expected, (key, user.username, within)
        seen = seen or bool(expected)
    assert seen, f"the synthetic data holds nothing for {key}"
    assert quarter_start(quarters[-1]) == dt.date(2026, 7, 1)
