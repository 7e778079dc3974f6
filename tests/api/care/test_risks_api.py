"""The API of disaster-risk areas (S6): the watch list, incidents with the households they hit (no name to those
who may not see it), and the risk calendar; the same rules as the pages."""

import datetime as dt

import pytest

from sanphalang.care.models import AffectedHousehold, Hazard, Incident, RiskArea
from tests.care.people import household_in

pytestmark = pytest.mark.django_db


def test_a_coordinator_lists_an_area_with_a_season_over_the_new_year(cast, api_for):
    api = api_for(cast.mueang_coordinator)
    response = api.post(
        "/api/care/risk-areas",
        {
            "area_code": "570101",
            "hazard": "forest_fire",
            "season_starts": 12,
            "season_ends": 3,
            "listed_on": "1/1/2566",
        },
    )
    assert response.status_code == 201, response.json()
    assert response.json()["listed_on"] == "2023-01-01"
    january = api.get("/api/care/risk-areas", {"in_season_now": "true"})
    assert january.status_code == 200
    entry = RiskArea.objects.get()
    assert (entry.in_season(dt.date.today().month)) == (january.json()["count"] == 1)


def test_another_district_may_not_list_nor_read_the_area(cast, api_for):
    entry = RiskArea.objects.create(
        area_id="570101", hazard=Hazard.FLOOD, season_starts=8, season_ends=10, listed_on=dt.date(2020, 1, 1)
    )
    api = api_for(cast.maesai_coordinator)
    refused = api.post(
        "/api/care/risk-areas",
        {
            "area_code": "570101",
            "hazard": "flood",
            "season_starts": 8,
            "season_ends": 10,
            "listed_on": "2020-01-01",
        },
    )
    assert refused.status_code == 403
    assert api.get(f"/api/care/risk-areas/{entry.pk}").status_code == 404
    assert api.get("/api/care/risk-areas").json()["count"] == 0


def test_the_incident_names_only_the_households_the_reader_sees(cast, api_for):
    incident = Incident.objects.create(
        area_id="570101", hazard=Hazard.FLOOD, occurred_on=dt.date(2024, 9, 1), description="น้ำท่วม"
    )
    AffectedHousehold.objects.create(incident=incident, household=household_in("570101", head="บุญมี"))
    AffectedHousehold.objects.create(incident=incident, household=household_in("570901", head="แสงเดือน"))
    mine = api_for(cast.mueang_coordinator).get(f"/api/care/incidents/{incident.pk}").json()
    assert mine["affected_count"] == 2
    assert [row["head_name"] for row in mine["affected_households"]] == ["นางบุญมี ใจดี"]
    viewer = api_for(cast.chiangrai_viewer).get(f"/api/care/incidents/{incident.pk}").json()
    assert viewer["affected_count"] == 2 and viewer["affected_households"] == []
    assert "บุญมี" not in str(viewer)


def test_a_household_is_added_to_an_incident_and_one_outside_is_refused(cast, api_for):
    incident = Incident.objects.create(
        area_id="570101", hazard=Hazard.FLOOD, occurred_on=dt.date(2024, 9, 1), description="น้ำท่วม"
    )
    api = api_for(cast.mueang_coordinator)
    ours, theirs = household_in("570101"), household_in("570901")
    added = api.post(
        f"/api/care/incidents/{incident.pk}/households", {"household_id": ours.pk, "damage": "รั้วพัง"}
    )
    assert added.status_code == 201
    refused = api.post(f"/api/care/incidents/{incident.pk}/households", {"household_id": theirs.pk})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "household"
    assert api.delete(f"/api/care/affected-households/{added.json()['id']}").status_code == 204


def test_the_risk_calendar_has_twelve_months(cast, api_for):
    RiskArea.objects.create(
        area_id="570101", hazard=Hazard.FLOOD, season_starts=8, season_ends=10, listed_on=dt.date(2020, 1, 1)
    )
    rows = api_for(cast.chiangrai_viewer).get("/api/care/risk-calendar/57").json()
    assert [(row["hazard"], row["months"]) for row in rows] == [
        ("flood", [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0])
    ]
    assert api_for(cast.chiangrai_viewer).get("/api/care/risk-calendar/5").status_code == 422
