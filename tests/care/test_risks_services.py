"""The watch list and incidents (S6): who writes them, how an incident finds its watch-list entry, and which
households may be added to it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import Hazard, RiskArea
from sanphalang.care.services.risks import (
    affected_household_add,
    incident_create,
    incident_update,
    risk_area_create,
    risk_area_update,
)
from sanphalang.errors import AccessDenied

from .people import household_in

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def flood_watch(cast, area_code="570101", **fields):
    values = {
        "area_code": area_code,
        "hazard": Hazard.FLOOD,
        "season_starts": 8,
        "season_ends": 10,
        "listed_on": dt.date(2020, 5, 1),
        "households_at_risk": 40,
    }
    values.update(fields)
    return risk_area_create(by=cast.mueang_coordinator, **values)


def test_a_coordinator_lists_a_subdistrict_of_their_district(cast):
    # when
    entry = flood_watch(cast)
    # then
    assert entry.area_id == "570101" and entry.in_season(9) and not entry.in_season(11)


def test_a_season_may_wrap_over_the_new_year(cast):
    entry = flood_watch(cast, hazard=Hazard.FOREST_FIRE, season_starts=11, season_ends=2)
    assert [month for month in range(1, 13) if entry.in_season(month)] == [1, 2, 11, 12]


def test_it_refuses_a_coordinator_of_another_district(cast):
    with pytest.raises(AccessDenied):
        flood_watch(cast, area_code="570901")
    assert not RiskArea.objects.exists()


def test_it_refuses_a_viewer(cast):
    with pytest.raises(AccessDenied):
        risk_area_create(
            by=cast.chiangrai_viewer,
            area_code="570101",
            hazard=Hazard.FLOOD,
            season_starts=8,
            season_ends=10,
            listed_on=dt.date(2020, 5, 1),
        )


def test_a_district_is_not_a_risk_area(cast):
    with pytest.raises(ValidationError) as raised:
        flood_watch(cast, area_code="5701")
    assert "area" in raised.value.message_dict


def test_an_area_is_listed_once_per_hazard(cast):
    flood_watch(cast)
    with pytest.raises(ValidationError):
        flood_watch(cast)


def test_an_update_changes_the_season(cast):
    entry = flood_watch(cast)
    risk_area_update(by=cast.mueang_coordinator, risk_area=entry, season_starts=7, is_active=False)
    entry.refresh_from_db()
    assert (entry.season_starts, entry.is_active) == (7, False)


def test_an_incident_finds_the_watch_list_entry_of_its_area_and_hazard(cast):
    # given
    entry = flood_watch(cast)
    # when
    incident = incident_create(
        by=cast.mueang_coordinator,
        area_code="570101",
        hazard=Hazard.FLOOD,
        occurred_on=dt.date(2024, 9, 2),
        description="น้ำป่าไหลหลากเข้าหมู่บ้าน",
    )
    other = incident_create(
        by=cast.mueang_coordinator,
        area_code="570101",
        hazard=Hazard.DROUGHT,
        occurred_on=dt.date(2024, 3, 2),
        description="ภัยแล้ง",
    )
    # then
    assert incident.risk_area == entry and other.risk_area is None


def test_listing_an_area_later_links_its_earlier_incidents(cast):
    incident = incident_create(
        by=cast.mueang_coordinator,
        area_code="570101",
        hazard=Hazard.FLOOD,
        occurred_on=dt.date(2024, 9, 2),
        description="น้ำท่วม",
    )
    entry = flood_watch(cast)
    incident.refresh_from_db()
    assert incident.risk_area == entry


def test_an_incident_cannot_be_in_the_future_nor_end_before_it_starts(cast):
    with pytest.raises(ValidationError):
        incident_create(
            by=cast.mueang_coordinator,
            area_code="570101",
            hazard=Hazard.FLOOD,
            occurred_on=TODAY + dt.timedelta(days=1),
            description="x",
        )
    incident = incident_create(
        by=cast.mueang_coordinator,
        area_code="570101",
        hazard=Hazard.FLOOD,
        occurred_on=dt.date(2024, 9, 2),
        description="x",
    )
    with pytest.raises(ValidationError):
        incident_update(by=cast.mueang_coordinator, incident=incident, ended_on=dt.date(2024, 9, 1))


def test_an_affected_household_is_one_the_writer_sees(cast):
    # given an incident of Mueang and households of Mueang and Mae Sai
    incident = incident_create(
        by=cast.mueang_coordinator,
        area_code="570101",
        hazard=Hazard.FLOOD,
        occurred_on=dt.date(2024, 9, 2),
        description="x",
    )
    ours, theirs = household_in("570101"), household_in("570901")
    # when
    affected = affected_household_add(
        by=cast.mueang_coordinator, incident=incident, household_pk=ours.pk, damage="หลังคาพัง"
    )
    # then the household of Mae Sai is refused as if it did not exist, and a household is added once
    assert affected.damage == "หลังคาพัง"
    assert AccessLog.objects.filter(model="care.household", object_id=str(ours.pk)).exists()
    with pytest.raises(ValidationError) as raised:
        affected_household_add(by=cast.mueang_coordinator, incident=incident, household_pk=theirs.pk)
    assert raised.value.message_dict["household"]
    with pytest.raises(ValidationError):
        affected_household_add(by=cast.mueang_coordinator, incident=incident, household_pk=ours.pk)
