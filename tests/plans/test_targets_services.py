"""Targets and their split over areas (S7): the check that a split adds up, by hand-computed cases, and the
services that write targets and replace a split whole."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied, VersionConflict
from sanphalang.plans.models import EntryStatus, Indicator, Measure, ProgressEntry, TargetSplit, Unit
from sanphalang.plans.services.targets import (
    indicator_create,
    indicator_delete,
    indicator_update,
    split_check,
    target_splits_set,
)

from .projects_data import HOUSING_SPLIT, housing_split, phayao_districts, phayao_plan  # noqa: F401


def _target(value, unit=Unit.HOUSEHOLDS):
    return SimpleNamespace(target=Decimal(value), is_percent=unit == Unit.PERCENT)


D = Decimal

# ---- split_check, without the database


def test_a_split_that_adds_up_has_no_flag():
    check = split_check(_target(618), {"5601": D(318), "5602": D(300)})
    assert check.adds_up and check.summed and check.total == 618 and check.flags == []


def test_a_split_short_of_the_whole_names_the_difference():
    check = split_check(_target(618), {"5601": D(300), "5602": D(300)})
    assert not check.adds_up
    [flag] = check.flags
    assert flag.area_code is None and flag.total == 600 and flag.whole == 618
    assert "600" in flag.message and "618" in flag.message


def test_each_level_is_checked_against_the_level_above():
    # given 618 over two districts (adds up), the first split over three tambons short by 8
    splits = {"5601": D(318), "5602": D(300), "560101": D(100), "560102": D(110), "560103": D(100)}
    check = split_check(_target(618), splits, {"5601": "เมืองพะเยา"})
    # then the top level adds up, the district does not: 310 of 318
    assert check.total == 618
    [flag] = check.flags
    assert flag.area_code == "5601" and (flag.total, flag.whole) == (310, 318)
    assert "เมืองพะเยา" in flag.message
    assert check.parents["560101"] == "5601" and check.parents["5601"] is None


def test_an_area_under_no_split_area_counts_at_the_top():
    # a tambon of a district that has no part of its own stands for itself at the top level
    check = split_check(_target(50), {"5601": D(20), "560201": D(30)})
    assert check.adds_up and check.total == 50


def test_both_levels_can_be_flagged_at_once():
    check = split_check(_target(100), {"5601": D(40), "5602": D(40), "560101": D(50)})
    assert [(f.area_code, f.total, f.whole) for f in check.flags] == [(None, 80, 100), ("5601", 50, 40)]


def test_percentages_are_never_added_up():
    check = split_check(_target(80, Unit.PERCENT), {"5601": D(80), "5602": D(90), "5603": D(70)})
    assert check.adds_up and not check.summed and check.total is None


def test_a_percentage_above_100_is_flagged():
    check = split_check(_target(80, Unit.PERCENT), {"5601": D(80), "5602": D(120)})
    assert [flag.area_code for flag in check.flags] == ["5602"]


def test_no_split_no_flag():
    assert split_check(_target(618), {}).adds_up


# ---- the services


@pytest.fixture
def housing(cast, phayao_plan):  # noqa: F811
    return indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ครัวเรือนที่ได้รับการซ่อมแซมบ้าน", target=D(618)
    )


def test_the_phayao_housing_target_is_split_over_its_nine_districts(cast, housing):
    # when the province splits 618 households over its 9 districts
    splits = target_splits_set(
        by=cast.phayao_coordinator, indicator=housing, splits=housing_split(), version=1
    )
    # then each district has its part, they add up, and the target moved on one version
    assert len(splits) == 9 == len(phayao_districts())
    assert sum(split.target for split in splits) == 618 == sum(HOUSING_SPLIT)
    housing.refresh_from_db()
    assert housing.version == 2


def test_a_split_is_replaced_whole(cast, housing):
    target_splits_set(by=cast.phayao_coordinator, indicator=housing, splits=housing_split())
    first, second = phayao_districts()[:2]
    target_splits_set(by=cast.phayao_coordinator, indicator=housing, splits={first: D(600), second: None})
    assert dict(TargetSplit.objects.filter(indicator=housing).values_list("area_id", "target")) == {
        first: 600
    }


def test_a_split_built_on_an_old_version_is_refused(cast, housing):
    target_splits_set(by=cast.phayao_coordinator, indicator=housing, splits=housing_split(), version=1)
    with pytest.raises(VersionConflict):
        target_splits_set(by=cast.phayao_coordinator, indicator=housing, splits={"5601": D(1)}, version=1)
    assert TargetSplit.objects.filter(indicator=housing).count() == 9


def test_a_split_outside_the_plan_is_refused(cast, housing):
    with pytest.raises(ValidationError) as refused:
        target_splits_set(by=cast.phayao_coordinator, indicator=housing, splits={"5701": D(10)})
    assert refused.value.error_dict["splits"][0].code == "split_area_outside_plan"
    assert not TargetSplit.objects.exists()


def test_a_percentage_split_above_100_is_refused(cast, phayao_plan):  # noqa: F811
    share = indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ร้อยละครัวเรือน", target=D(80), unit=Unit.PERCENT
    )
    with pytest.raises(ValidationError):
        target_splits_set(by=cast.phayao_coordinator, indicator=share, splits={"5601": D(101)})


def test_another_province_cannot_split_or_change_the_target(cast, housing):
    with pytest.raises(AccessDenied):
        target_splits_set(by=cast.chiangrai_coordinator, indicator=housing, splits={"5601": D(1)})
    with pytest.raises(AccessDenied):
        indicator_update(by=cast.chiangrai_coordinator, indicator=housing, name="อื่น")


def test_a_target_needs_a_value_above_zero_and_a_percentage_at_most_100(cast, phayao_plan):  # noqa: F811
    with pytest.raises(ValidationError):
        indicator_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ศูนย์", target=D(0))
    with pytest.raises(ValidationError):
        indicator_create(
            by=cast.phayao_coordinator, plan=phayao_plan, name="เกิน", target=D(120), unit="percent"
        )


def test_an_external_id_is_unique_per_plan(cast, phayao_plan):  # noqa: F811
    indicator_create(by=cast.phayao_coordinator, plan=phayao_plan, name="ก", target=D(1), external_id="T-1")
    with pytest.raises(ValidationError) as refused:
        indicator_create(
            by=cast.phayao_coordinator, plan=phayao_plan, name="ข", target=D(1), external_id="T-1"
        )
    assert [error.code for error in refused.value.error_dict["__all__"]] == ["external_id_taken"]


def test_a_target_on_a_counted_measure_inherits_its_counting(cast, phayao_plan):  # noqa: F811
    measure = Measure.objects.create(
        slug="charters-test", name_th="ตำบลที่มีธรรมนูญ", unit=Unit.SUBDISTRICTS, counted_by="charters_enacted"
    )
    indicator = indicator_create(
        by=cast.phayao_coordinator, plan=phayao_plan, name="ธรรมนูญตำบล", target=D(11), measure=measure
    )
    assert indicator.counted_by == "charters_enacted" and indicator.unit == Unit.SUBDISTRICTS


def test_a_target_with_approved_progress_cannot_be_deleted(cast, housing):
    ProgressEntry.objects.create(
        indicator=housing, area_id="5601", period_start="2021-10-01", value=5, status=EntryStatus.APPROVED
    )
    with pytest.raises(ValidationError) as refused:
        indicator_delete(by=cast.phayao_coordinator, indicator=housing)
    assert refused.value.code == "indicator_has_approved_progress"
    assert Indicator.objects.filter(pk=housing.pk).exists()


def test_a_target_without_approved_progress_is_deleted_with_its_split(cast, housing):
    target_splits_set(by=cast.phayao_coordinator, indicator=housing, splits=housing_split())
    ProgressEntry.objects.create(indicator=housing, area_id="5601", period_start="2021-10-01", value=5)
    indicator_delete(by=cast.phayao_coordinator, indicator=housing)
    assert not Indicator.objects.exists() and not TargetSplit.objects.exists()
