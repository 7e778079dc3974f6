"""Housing works: registering a household in a programme (under a project the writer reads), grants in satang, and
the moves from planned to completed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sanphalang.care.models import HousingProgramme, HousingStatus
from sanphalang.care.services.housing import housing_work_create, housing_work_move, housing_work_update
from sanphalang.errors import AccessDenied
from sanphalang.plans.services.projects import project_create
from tests.plans.progress_data import make_plan

from .people import household_in

pytestmark = pytest.mark.django_db


def test_a_household_is_registered_under_a_project_of_its_province(cast):
    # given
    plan = make_plan(cast.chiangrai_coordinator)
    project = project_create(by=cast.chiangrai_coordinator, name="บ้านพอเพียงชนบท 2568", plan=plan)
    household = household_in("570101")
    # when
    work = housing_work_create(
        by=cast.mueang_coordinator,
        household=household,
        programme=HousingProgramme.RURAL_REPAIR,
        project=project,
        grant=Decimal("18000.50"),
    )
    # then
    work.refresh_from_db()
    assert (work.status, work.area_id, work.grant) == (HousingStatus.PLANNED, "570101", Decimal("18000.50"))


def test_a_project_of_another_province_is_refused(cast):
    plan = make_plan(cast.phayao_coordinator, area_code="56", title="แผนพะเยา")
    project = project_create(by=cast.phayao_coordinator, name="บ้านพอเพียงพะเยา", plan=plan)
    with pytest.raises(ValidationError) as raised:
        housing_work_create(
            by=cast.mueang_coordinator,
            household=household_in("570101"),
            programme=HousingProgramme.RURAL_REPAIR,
            project=project,
        )
    assert "project" in raised.value.message_dict


@pytest.mark.parametrize("who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner"])
def test_it_refuses_those_who_may_not_change_the_household(cast, who):
    with pytest.raises(AccessDenied):
        housing_work_create(
            by=getattr(cast, who), household=household_in("570101"), programme=HousingProgramme.SECURE_HOUSING
        )


def test_a_negative_grant_is_refused(cast):
    work = housing_work_create(
        by=cast.mueang_coordinator, household=household_in("570101"), programme=HousingProgramme.RURAL_REPAIR
    )
    with pytest.raises(ValidationError):
        housing_work_update(by=cast.mueang_coordinator, housing=work, grant=Decimal("-1"))


def test_a_work_moves_from_planned_to_under_way_to_completed_and_back(cast):
    user = cast.mueang_coordinator
    work = housing_work_create(
        by=user, household=household_in("570101"), programme=HousingProgramme.RURAL_REPAIR
    )
    housing_work_move(by=user, housing=work, status=HousingStatus.UNDER_WAY, on=dt.date(2025, 1, 5))
    assert work.started_on == dt.date(2025, 1, 5)
    housing_work_move(by=user, housing=work, status=HousingStatus.COMPLETED, on=dt.date(2025, 2, 5))
    assert work.completed_on == dt.date(2025, 2, 5)
    with pytest.raises(ValidationError) as raised:
        housing_work_move(by=user, housing=work, status=HousingStatus.CANCELLED)
    assert "status" in raised.value.message_dict
    housing_work_move(by=user, housing=work, status=HousingStatus.UNDER_WAY)
    work.refresh_from_db()
    assert (work.status, work.completed_on) == (HousingStatus.UNDER_WAY, None)


def test_completion_cannot_come_before_the_start(cast):
    user = cast.mueang_coordinator
    work = housing_work_create(
        by=user,
        household=household_in("570101"),
        programme=HousingProgramme.RURAL_REPAIR,
        started_on=dt.date(2025, 3, 1),
    )
    with pytest.raises(ValidationError):
        housing_work_move(by=user, housing=work, status=HousingStatus.COMPLETED, on=dt.date(2025, 2, 1))
