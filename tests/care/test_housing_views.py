"""The pages of housing works: the list with its totals, registering a household, moving a work."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from sanphalang.care.models import HousingProgramme, HousingStatus, HousingWork

from .people import household_in

pytestmark = pytest.mark.django_db


def work(household, **fields):
    return HousingWork.objects.create(
        household=household, area_id=household.area_id, programme=HousingProgramme.RURAL_REPAIR, **fields
    )


@pytest.fixture
def works(cast):
    return [
        work(
            household_in("570101"),
            grant=Decimal("18000.00"),
            status=HousingStatus.COMPLETED,
            completed_on=dt.date(2025, 1, 5),
        ),
        work(household_in("570102"), grant=Decimal("17500.25")),
        work(household_in("570901"), grant=Decimal("20000")),
    ]


def test_the_list_shows_the_works_and_totals_of_the_district(
    cast, client_for, works, django_assert_max_num_queries
):
    client = client_for(cast.mueang_coordinator)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("care:housing_list"))
    assert len(page.context["rows"]) == 2
    totals = page.context["totals"]
    assert (totals.households, totals.grants, totals.completed) == (2, Decimal("35500.25"), 1)


def test_a_viewer_sees_the_totals_alone(cast, client_for, works):
    page = client_for(cast.chiangrai_viewer).get(reverse("care:housing_list"))
    assert page.context["rows"] == [] and page.context["totals"].households == 3
    assert (
        client_for(cast.chiangrai_viewer).get(reverse("care:housing_detail", args=[works[0].pk])).status_code
        == 404
    )


def test_a_household_is_registered_and_its_work_completed(cast, client_for):
    household = household_in("570103")
    client = client_for(cast.mueang_coordinator)
    response = client.post(
        reverse("care:housing_create"),
        {"household_pk": str(household.pk), "programme": "rural_repair", "grant": "๑๘,๐๐๐.๕๐"},
    )
    housing = HousingWork.objects.get(household=household)
    assert response.status_code == 302 and housing.grant == Decimal("18000.50")
    client.post(
        reverse("care:housing_move", args=[housing.pk]), {"move-status": "completed", "move-on": "5/1/2568"}
    )
    housing.refresh_from_db()
    assert (housing.status, housing.completed_on) == ("completed", dt.date(2025, 1, 5))


def test_a_household_of_another_district_cannot_be_registered(cast, client_for):
    household = household_in("570901")
    response = client_for(cast.mueang_coordinator).post(
        reverse("care:housing_create"), {"household_pk": str(household.pk), "programme": "rural_repair"}
    )
    assert response.status_code == 404 and not HousingWork.objects.exists()
