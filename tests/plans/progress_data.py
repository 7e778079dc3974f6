"""A multi-level fixture for the roll-up: a Chiang Rai plan of fiscal year 2568 with targets that add up, a
percentage, a target of standings and a counted one, and entries approved, waiting, returned and corrected at the
village, subdistrict, district and province levels. The totals the tests expect are worked out by hand beside it."""

import datetime as dt
from decimal import Decimal

from sanphalang.plans.models import Indicator, Plan, TargetSplit
from sanphalang.plans.services.progress import (
    progress_approve,
    progress_correct,
    progress_return,
    progress_submit,
)

Q1, Q2, Q3, Q4 = dt.date(2024, 10, 1), dt.date(2025, 1, 1), dt.date(2025, 4, 1), dt.date(2025, 7, 1)
# Half of the plan's year has passed on this day (1 Oct 2024 – 30 Sep 2025).
MID_YEAR = dt.date(2025, 3, 31)


def make_plan(by, *, area_code="57", year_be=2568, title="แผนขับเคลื่อนเชียงราย 2568") -> Plan:
    plan = Plan(title=title, area_id=area_code, year_be=year_be)
    plan._history_user = by
    plan.save()
    return plan


def make_indicator(plan, by, *, name, target, unit="households", accumulates=True, counted_by="", **fields):
    indicator = Indicator(
        plan=plan,
        name=name,
        target=Decimal(target),
        unit=unit,
        accumulates=accumulates,
        counted_by=counted_by,
        **fields,
    )
    indicator._history_user = by
    indicator.save()
    return indicator


def split(indicator, area_code, target) -> None:
    TargetSplit.objects.create(indicator=indicator, area_id=area_code, target=Decimal(target))


def entry(by, indicator, area_code, period, value, denominator=None, *, approve_by=None):
    made = progress_submit(
        by=by,
        indicator=indicator,
        area_code=area_code,
        period_start=period,
        value=Decimal(value),
        denominator=None if denominator is None else Decimal(denominator),
    )
    if approve_by is not None:
        made = progress_approve(by=approve_by, entry=made)
    return made


def build(cast):
    """The plan and its targets; returns (plan, households, villages_percent, members)."""
    province = cast.chiangrai_coordinator
    mueang = cast.mueang_coordinator
    maesai = cast.maesai_coordinator
    plan = make_plan(province)

    households = make_indicator(plan, province, name="ครัวเรือนที่ได้รับการซ่อมบ้าน", target=100)
    split(households, "5701", 60)
    split(households, "5709", 30)  # 60 + 30 = 90 of the whole's 100: a split that does not add up
    split(households, "570101", 20)  # a subdistrict's part inside Mueang's 60
    first = entry(mueang, households, "570101", Q1, 10, approve_by=province)
    entry(mueang, households, "570101", Q2, 5, approve_by=province)
    entry(mueang, households, "570102", Q1, 7, approve_by=province)  # a subdistrict with no split of its own
    entry(mueang, households, "5701", Q2, 3, approve_by=province)  # entered on the district itself
    entry(maesai, households, "5709", Q1, 8)  # waiting: does not count
    returned = entry(province, households, "5702", Q1, 4)
    progress_return(by=province, entry=returned, reason="ไม่มีหลักฐาน")  # returned: does not count
    entry(province, households, "57", Q3, 2, approve_by=province)  # entered on the province itself
    # Corrected after approval: the period was open, so it waits again, and is approved as corrected.
    corrected = progress_correct(by=mueang, entry=first, value=Decimal(12), note="นับซ้ำแก้ไข")
    progress_approve(by=province, entry=corrected)

    villages = make_indicator(
        plan, province, name="หมู่บ้านที่มีแผนรับมือภัยพิบัติ", target=80, unit="percent", accumulates=False
    )
    entry(mueang, villages, "5701", Q1, 3, 10, approve_by=province)
    entry(mueang, villages, "5701", Q2, 6, 10, approve_by=province)  # the latest standing counts: 6 of 10
    entry(maesai, villages, "5709", Q1, 9, 12, approve_by=province)
    entry(maesai, villages, "5709", Q2, 10, 12)  # waiting: Mae Sai stays at 9 of 12

    members = make_indicator(
        plan, province, name="สมาชิกกองทุนสวัสดิการ", target=400, unit="people", accumulates=False
    )
    entry(mueang, members, "5701", Q1, 100, approve_by=province)
    entry(mueang, members, "5701", Q2, 120, approve_by=province)
    entry(maesai, members, "5709", Q1, 50, approve_by=province)
    return plan, households, villages, members
