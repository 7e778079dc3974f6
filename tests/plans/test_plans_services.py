"""Writing plans and their main works: who may, what is refused, and the version a change is built on (S7)."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.areas.services import region_create
from sanphalang.errors import AccessDenied, VersionConflict
from sanphalang.plans.errors import PlanError
from sanphalang.plans.models import Plan
from sanphalang.plans.selectors.plans import plan_get, plan_get_for_change, plan_list
from sanphalang.plans.services.plans import (
    main_work_add,
    main_work_remove,
    main_work_update,
    plan_create,
    plan_delete,
    plan_update,
)

from .factories import VISION, province_plan, signed_agreement, with_main_works


def _codes(error) -> set[str]:
    return {e.code for errors in error.value.error_dict.values() for e in errors}


def test_a_province_records_its_agenda_with_five_main_works(cast):
    # when the provincial coordinator records the agenda and its main works
    plan = with_main_works(cast, province_plan(cast))
    # then the plan belongs to the province, for fiscal year 2565 (1 Oct 2564 to 30 Sep 2565)
    assert plan.area_id == "57" and plan.vision == VISION
    assert plan.starts_on.isoformat() == "2021-10-01" and plan.ends_on.isoformat() == "2022-09-30"
    assert list(plan.main_works.values_list("number", flat=True)) == [1, 2, 3, 4, 5]


def test_it_refuses_a_village_or_an_unknown_area(cast):
    with pytest.raises(ValidationError) as refused:
        province_plan(cast, area_code="99")
    assert PlanError.NOT_A_PROVINCE_OR_BELOW.code in _codes(refused)


def test_it_refuses_both_an_area_and_a_region(cast):
    with pytest.raises(ValidationError) as refused:
        province_plan(cast, region_slug="north")
    assert PlanError.PLAN_NEEDS_ONE_OWNER.code in _codes(refused)


def test_it_reads_thai_digits_in_the_area_code(cast):
    assert province_plan(cast, area_code="๕๗").area_id == "57"


def test_a_coordinator_of_another_province_cannot_write_or_read_it(cast):
    plan = province_plan(cast)
    with pytest.raises(AccessDenied):
        plan_create(by=cast.phayao_coordinator, title="วาระ", area_code="57", year_be=2565)
    with pytest.raises(AccessDenied):
        plan_update(by=cast.phayao_coordinator, plan=plan, title="อื่น")
    assert not plan_list(user=cast.phayao_coordinator).exists()


def test_a_district_reads_the_province_plan_but_cannot_change_it(cast):
    plan = province_plan(cast)
    assert plan_get(user=cast.mueang_coordinator, pk=plan.pk) == plan
    with pytest.raises(AccessDenied):
        plan_get_for_change(user=cast.mueang_coordinator, pk=plan.pk)
    with pytest.raises(AccessDenied):
        main_work_add(by=cast.mueang_coordinator, plan=plan, title="งานหลัก")


def test_a_district_writes_its_own_plan(cast):
    plan = plan_create(by=cast.mueang_coordinator, title="แผนอำเภอเมือง", area_code="5701", year_be=2566)
    assert plan.area_id == "5701"


def test_a_region_plan_is_written_only_by_one_who_writes_every_province(cast):
    # given a region of Chiang Rai and Phayao
    region = region_create(
        by=cast.admin, name_th="ภาคเหนือตอนบน", province_codes=["57", "56"], slug="upper-north"
    )
    # when Chiang Rai's coordinator records a plan for it, it is refused; the administrator may
    with pytest.raises(AccessDenied):
        plan_create(by=cast.chiangrai_coordinator, title="แผนภาค", region_slug=region.slug, year_be=2566)
    plan = plan_create(by=cast.admin, title="แผนภาค", region_slug=region.slug, year_be=2566)
    # then both provinces read it
    assert plan_get(user=cast.chiangrai_coordinator, pk=plan.pk) == plan
    assert plan_get(user=cast.phayao_coordinator, pk=plan.pk) == plan
    with pytest.raises(AccessDenied):
        plan_get_for_change(user=cast.phayao_coordinator, pk=plan.pk)


def test_an_unknown_region_is_refused_at_its_field(cast):
    with pytest.raises(ValidationError) as refused:
        plan_create(by=cast.admin, title="แผนภาค", region_slug="nowhere", year_be=2566)
    assert "region_slug" in refused.value.error_dict


def test_a_change_built_on_an_old_version_is_refused(cast):
    plan = province_plan(cast)
    plan_update(by=cast.chiangrai_coordinator, plan=Plan.objects.get(pk=plan.pk), version=1, summary="ก")
    with pytest.raises(VersionConflict):
        plan_update(by=cast.chiangrai_coordinator, plan=Plan.objects.get(pk=plan.pk), version=1, summary="ข")
    assert Plan.objects.get(pk=plan.pk).summary == "ก"


def test_a_plan_with_agreements_is_not_deleted(cast):
    plan = province_plan(cast)
    signed_agreement(cast, plan)
    with pytest.raises(ValidationError) as refused:
        plan_delete(by=cast.chiangrai_coordinator, plan=plan)
    assert refused.value.code == PlanError.PLAN_HAS_RECORDS.code
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_a_plan_with_main_works_only_is_deleted(cast):
    plan = with_main_works(cast, province_plan(cast), count=2)
    plan_delete(by=cast.chiangrai_coordinator, plan=plan)
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_a_main_work_number_is_unique_in_the_plan(cast):
    plan = with_main_works(cast, province_plan(cast), count=2)
    second = plan.main_works.get(number=2)
    with pytest.raises(ValidationError) as refused:
        main_work_update(by=cast.chiangrai_coordinator, main_work=second, number=1)
    assert PlanError.MAIN_WORK_NUMBER_TAKEN.code in _codes(refused)


def test_a_main_work_names_national_strategies_and_issue_areas_of_the_province(cast):
    from sanphalang.directory.services import issue_area_create
    from sanphalang.plans.models import NationalStrategy

    plan = province_plan(cast)
    phayao_issue = issue_area_create(
        by=cast.phayao_coordinator, province_code="56", name_th="ประเด็นพะเยา", slug="py"
    )
    strategy = NationalStrategy.objects.order_by("number").first()
    work = main_work_add(
        by=cast.chiangrai_coordinator, plan=plan, title="สังคมสูงวัย", strategy_ids=[strategy.pk]
    )
    assert list(work.strategies.all()) == [strategy]
    with pytest.raises(ValidationError) as refused:
        main_work_update(by=cast.chiangrai_coordinator, main_work=work, issue_area_ids=[phayao_issue.pk])
    assert "issue_area_ids" in refused.value.error_dict
    main_work_remove(by=cast.chiangrai_coordinator, main_work=work)
    assert not plan.main_works.exists()
