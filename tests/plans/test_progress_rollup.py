"""The roll-up against totals worked out by hand (progress_data.py): sums up the area tree, areas with no entries,
corrected, waiting and returned entries, percentages from their parts, standings, counted targets, and the reads
staying the same however many areas are covered."""

import datetime as dt
from decimal import Decimal

import pytest

from sanphalang.plans.models import Charter, CharterStage, CountedBy, StageEvent
from sanphalang.plans.selectors.progress import (
    Source,
    Standing,
    area_parent,
    indicator_rollup,
    indicator_series,
    plan_progress,
    province_rollup,
    rollup,
)

from .progress_data import MID_YEAR, Q1, Q2, build, entry, make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture(cast):
    return build(cast)


def _row(rolled, code):
    return next(row for row in rolled.rows if row.code == code)


def test_households_roll_up_from_villages_subdistricts_districts_and_the_province(cast, fixture):
    _plan, households, _villages, _members = fixture
    rolled = indicator_rollup(user=cast.chiangrai_coordinator, indicator=households, today=MID_YEAR)
    # 12 (570101 Q1, corrected) + 5 (570101 Q2) + 7 (570102) + 3 (5701 itself) + 2 (the province itself)
    assert rolled.whole.actual == Decimal(29)
    assert rolled.whole.pending == Decimal(8)  # Mae Sai's waiting entry; the returned one is neither
    assert rolled.whole.target == Decimal(100)
    assert rolled.whole.source == Source.BOTH  # entered on the province and rolled up from below
    mueang = _row(rolled, "5701")
    assert (mueang.actual, mueang.target, mueang.target_source) == (Decimal(27), Decimal(60), Source.ENTERED)
    assert mueang.source == Source.BOTH
    maesai = _row(rolled, "5709")
    assert (maesai.actual, maesai.pending, maesai.source) == (Decimal(0), Decimal(8), Source.ENTERED)
    mae_chan = _row(rolled, "5702")  # only a returned entry: nothing counts, nothing waits
    assert (mae_chan.actual, mae_chan.pending, mae_chan.target) == (Decimal(0), Decimal(0), None)
    assert len(rolled.rows) == 18  # every district of Chiang Rai, those with no entries too
    untouched = _row(rolled, "5703")
    assert (untouched.actual, untouched.entries, untouched.source) == (Decimal(0), 0, Source.NONE)


def test_a_district_rolls_up_its_subdistricts(cast, fixture):
    _plan, households, _villages, _members = fixture
    rolled = indicator_rollup(
        user=cast.mueang_coordinator, indicator=households, area_code="5701", today=MID_YEAR
    )
    assert rolled.whole.actual == Decimal(27)
    assert rolled.whole.target == Decimal(60)
    assert _row(rolled, "570101").actual == Decimal(17)
    assert _row(rolled, "570101").target == Decimal(20)
    assert _row(rolled, "570102").actual == Decimal(7)
    assert _row(rolled, "570102").target is None


def test_a_percentage_is_computed_from_its_parts_never_averaged(cast, fixture):
    _plan, _households, villages, _members = fixture
    rolled = indicator_rollup(user=cast.chiangrai_coordinator, indicator=villages, today=MID_YEAR)
    # (6 + 9) / (10 + 12) = 68.18 %; averaging 60 % and 75 % would give 67.5 %.
    assert (rolled.whole.actual, rolled.whole.denominator) == (Decimal(15), Decimal(22))
    assert rolled.whole.value == Decimal("68.18")
    assert _row(rolled, "5701").value == Decimal("60.00")
    assert _row(rolled, "5709").value == Decimal("75.00")
    assert _row(rolled, "5709").pending == Decimal(10)
    assert _row(rolled, "5709").target == Decimal(
        80
    )  # a district without a split aims at the whole's percent


def test_standings_take_each_areas_latest_approved_entry(cast, fixture):
    _plan, _households, _villages, members = fixture
    rolled = indicator_rollup(user=cast.chiangrai_coordinator, indicator=members, today=MID_YEAR)
    assert rolled.whole.actual == Decimal(170)  # 120 (Mueang's latest) + 50, not 100 + 120 + 50


def test_cumulative_up_to_a_period_and_a_period_alone(cast, fixture):
    _plan, households, villages, _members = fixture
    user = cast.chiangrai_coordinator
    assert indicator_rollup(user=user, indicator=households, upto=Q1).whole.actual == Decimal(19)  # 12 + 7
    assert indicator_rollup(user=user, indicator=households, period=Q2).whole.actual == Decimal(8)  # 5 + 3
    # A standing at the end of the first quarter: 3 of 10 and 9 of 12.
    assert indicator_rollup(user=user, indicator=villages, upto=Q1).whole.value == Decimal("54.55")
    series = indicator_series(user=user, indicator=households)
    assert [figure.figure.actual for figure in series] == [Decimal(19), Decimal(8), Decimal(2), Decimal(0)]
    assert [figure.cumulative.actual for figure in series] == [
        Decimal(19),
        Decimal(27),
        Decimal(29),
        Decimal(29),
    ]


def test_status_compares_progress_with_the_time_elapsed(cast, fixture):
    _plan, households, villages, members = fixture
    user = cast.chiangrai_coordinator
    # Half the year gone (49.9 %): 29 % of households is behind (within 25 points), 170 of 400 (42.5 %) is on
    # track (within 10 points), 68.18 % of a target of 80 % (85 %) is on track.
    assert indicator_rollup(user=user, indicator=households, today=MID_YEAR).whole.standing == Standing.BEHIND
    assert indicator_rollup(user=user, indicator=members, today=MID_YEAR).whole.standing == Standing.ON_TRACK
    assert indicator_rollup(user=user, indicator=villages, today=MID_YEAR).whole.standing == Standing.ON_TRACK
    year_end = dt.date(2025, 9, 30)
    assert (
        indicator_rollup(user=user, indicator=households, today=year_end).whole.standing
        == Standing.FAR_BEHIND
    )
    before = dt.date(2024, 9, 1)
    assert (
        indicator_rollup(user=user, indicator=households, today=before).whole.standing == Standing.NOT_STARTED
    )


def test_a_counted_target_counts_subdistricts_with_an_enacted_charter(cast, fixture):
    plan, *_ = fixture
    province = cast.chiangrai_coordinator
    charters = make_indicator(
        plan,
        province,
        name="ตำบลที่มีธรรมนูญ",
        target=11,
        unit="subdistricts",
        counted_by=CountedBy.CHARTERS_ENACTED,
    )
    for code, stages in {
        "570101": [
            ("drafting", dt.date(2024, 11, 1)),
            ("hearing", dt.date(2024, 12, 1)),
            ("enacted", dt.date(2025, 1, 5)),
        ],
        "570102": [
            ("drafting", dt.date(2024, 11, 1)),
            ("hearing", dt.date(2025, 2, 1)),
        ],  # in hearing: not yet
        "570901": [("enacted", dt.date(2023, 5, 1))],  # enacted before the plan's year: not this year's
        "570902": [("enacted", dt.date(2025, 2, 1)), ("revised", dt.date(2025, 3, 1))],  # counts once
    }.items():
        charter = Charter.objects.create(area_id=code, title=f"ธรรมนูญ {code}", stage=stages[-1][0])
        for stage, day in stages:
            StageEvent.objects.create(charter=charter, stage=stage, happened_on=day)
    rolled = indicator_rollup(user=province, indicator=charters, today=MID_YEAR)
    assert rolled.whole.actual == Decimal(2)
    assert rolled.whole.source == Source.COUNTED
    assert _row(rolled, "5701").actual == Decimal(1)
    assert _row(rolled, "5709").actual == Decimal(1)
    assert CharterStage.ENACTED == "enacted"


def test_the_plan_and_province_roll_ups_agree(cast, fixture):
    plan, households, _villages, _members = fixture
    user = cast.chiangrai_viewer
    by_plan = {r.indicator.pk: r.whole.actual for r in plan_progress(user=user, plan=plan, today=MID_YEAR)}
    by_province = {r.indicator.pk: r.whole.actual for r in province_rollup(user=user, province_code="57")}
    assert by_plan == by_province
    assert by_plan[households.pk] == Decimal(29)


def test_the_reads_stay_the_same_however_many_areas_are_covered(cast, fixture, django_assert_num_queries):
    plan, households, villages, members = fixture
    indicators = [households, villages, members]
    for indicator in indicators:
        indicator.plan = plan
    with django_assert_num_queries(4) as few:
        rollup(indicators, area_parent("57"), today=MID_YEAR)
    # Entries in twelve more subdistricts across four more districts: the same reads.
    subdistricts = ["570301", "570302", "570401", "570402", "570501", "570502", "570601", "570602"]
    for code in subdistricts:
        entry(cast.chiangrai_coordinator, households, code, Q1, 1, approve_by=cast.chiangrai_coordinator)
    with django_assert_num_queries(len(few.captured_queries)):
        rolled = rollup(indicators, area_parent("57"), today=MID_YEAR)
    assert rolled[0].whole.actual == Decimal(29 + len(subdistricts))


def test_an_outsider_reads_no_roll_up(cast, fixture):
    from django.http import Http404

    with pytest.raises(Http404):
        province_rollup(user=cast.phayao_coordinator, province_code="57")
