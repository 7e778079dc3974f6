"""A plans target counted from completed housing works: a household counts once, on its first completion, in the
plan's year; a target of a project counts that project's works; the roll-up per district equals the works."""

import datetime as dt
from decimal import Decimal

import pytest

from sanphalang.care.models import HousingProgramme, HousingStatus, HousingWork
from sanphalang.care.selectors.housing import housing_completed_rows
from sanphalang.plans.models import CountedBy, Project
from sanphalang.plans.selectors.progress import Source, indicator_rollup
from tests.plans.progress_data import MID_YEAR, make_indicator, make_plan, split

from .people import household_in

pytestmark = pytest.mark.django_db


def work(household, status=HousingStatus.COMPLETED, completed_on=None, project=None):
    return HousingWork.objects.create(
        household=household,
        area_id=household.area_id,
        programme=HousingProgramme.RURAL_REPAIR,
        status=status,
        completed_on=completed_on,
        project=project,
    )


@pytest.fixture
def works(cast):
    """Fiscal year 2568 (1 Oct 2024 – 30 Sep 2025) of Chiang Rai: completed works in Mueang and Mae Sai."""
    plan = make_plan(cast.chiangrai_coordinator)
    project = Project.objects.create(plan=plan, area_id="57", name="บ้านพอเพียงชนบท 2568")
    in_year = dt.date(2025, 1, 10)
    mueang = [household_in("570101"), household_in("570102"), household_in("570103")]
    work(mueang[0], completed_on=in_year, project=project)
    work(
        mueang[0], completed_on=dt.date(2025, 2, 1), project=project
    )  # a second work: the household counts once
    work(mueang[1], completed_on=in_year)  # not under the project
    work(mueang[2], status=HousingStatus.UNDER_WAY)  # not completed
    maesai = household_in("570901")
    work(maesai, completed_on=dt.date(2024, 12, 1), project=project)
    earlier = household_in("570902")
    work(earlier, completed_on=dt.date(2023, 5, 1), project=project)  # before the year
    work(
        earlier, completed_on=dt.date(2025, 1, 1), project=project
    )  # first completed earlier: not this year's
    work(household_in("560101"), completed_on=in_year, project=project)  # Phayao, outside the province
    return plan, project


def test_the_rows_give_each_household_once_on_its_first_completion(works):
    _plan, project = works
    rows = housing_completed_rows(
        area_prefixes=["57"], starts_on=dt.date(2024, 10, 1), ends_on=dt.date(2025, 9, 30)
    )
    assert sorted((row["area_id"], row["happened_on"]) for row in rows) == [
        ("570101", dt.date(2025, 1, 10)),
        ("570102", dt.date(2025, 1, 10)),
        ("570901", dt.date(2024, 12, 1)),
    ]
    of_project = housing_completed_rows(
        area_prefixes=["5701"],
        starts_on=dt.date(2024, 10, 1),
        ends_on=dt.date(2025, 9, 30),
        project_id=project.pk,
    )
    assert [row["area_id"] for row in of_project] == ["570101"]


def test_a_counted_housing_target_of_the_plan_rolls_up_the_completed_works_per_district(cast, works):
    # given a target of the plan counted from completed housing works, split over two districts
    plan, _project = works
    target = make_indicator(
        plan,
        cast.chiangrai_coordinator,
        name="ครัวเรือนที่ซ่อมบ้านเสร็จ",
        target=20,
        counted_by=CountedBy.HOUSING_COMPLETED,
    )
    split(target, "5701", 12)
    split(target, "5709", 8)
    # when
    rolled = indicator_rollup(user=cast.chiangrai_coordinator, indicator=target, today=MID_YEAR)
    # then each district's figure is its households with a completed work this year
    by_code = {row.code: row.actual for row in rolled.rows}
    assert rolled.whole.source == Source.COUNTED
    assert rolled.whole.actual == Decimal(3)
    assert (by_code["5701"], by_code["5709"], by_code["5702"]) == (Decimal(2), Decimal(1), Decimal(0))


def test_a_counted_target_of_a_project_counts_the_projects_works_only(cast, works):
    plan, project = works
    target = make_indicator(
        plan,
        cast.chiangrai_coordinator,
        name="ครัวเรือนบ้านพอเพียง",
        target=618,
        counted_by=CountedBy.HOUSING_COMPLETED,
        project=project,
    )
    rolled = indicator_rollup(user=cast.chiangrai_coordinator, indicator=target, today=MID_YEAR)
    by_code = {row.code: row.actual for row in rolled.rows}
    assert rolled.whole.actual == Decimal(2)
    assert (by_code["5701"], by_code["5709"]) == (Decimal(1), Decimal(1))
