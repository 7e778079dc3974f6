"""The pages of the watch list and incidents (S6), as the owner, a viewer and an outsider."""

import datetime as dt

import pytest
from django.urls import reverse

from sanphalang.care.models import AffectedHousehold, Hazard, Incident, RiskArea

from .people import household_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def flood(cast):
    entry = RiskArea.objects.create(
        area_id="570101",
        hazard=Hazard.FLOOD,
        season_starts=8,
        season_ends=10,
        listed_on=dt.date(2020, 1, 1),
        households_at_risk=40,
    )
    incident = Incident.objects.create(
        risk_area=entry,
        area_id="570101",
        hazard=Hazard.FLOOD,
        occurred_on=dt.date(2024, 9, 1),
        description="น้ำท่วมหมู่ 4",
    )
    AffectedHousehold.objects.create(incident=incident, household=household_in("570101", head="บุญมี"))
    AffectedHousehold.objects.create(incident=incident, household=household_in("570901", head="แสงเดือน"))
    return entry, incident


def test_the_watch_list_filters_by_hazard(cast, client_for, flood, django_assert_max_num_queries):
    RiskArea.objects.create(
        area_id="570102", hazard=Hazard.DROUGHT, season_starts=3, season_ends=5, listed_on=dt.date(2020, 1, 1)
    )
    client = client_for(cast.mueang_coordinator)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("care:risk_area_list"), {"hazard": "flood"})
    assert page.status_code == 200
    assert list(page.context["listing"].page) == [flood[0]]


def test_a_coordinator_lists_an_area_through_the_form(cast, client_for):
    client = client_for(cast.mueang_coordinator)
    response = client.post(
        reverse("care:risk_area_create"),
        {
            "area_code": "570103",
            "hazard": "landslide",
            "season_starts": "7",
            "season_ends": "9",
            "listed_on": "1/6/2566",
            "is_active": "on",
        },
    )
    entry = RiskArea.objects.get(area_id="570103")
    assert response.status_code == 302 and entry.listed_on == dt.date(2023, 6, 1)


def test_the_incident_page_names_the_households_the_reader_sees_and_counts_the_others(
    cast, client_for, flood
):
    _entry, incident = flood
    page = client_for(cast.mueang_coordinator).get(reverse("care:incident_detail", args=[incident.pk]))
    text = page.content.decode()
    assert "บุญมี" in text and "แสงเดือน" not in text
    assert page.context["page"].hidden_count == 1


def test_a_viewer_reads_the_incident_without_any_name(cast, client_for, flood):
    _entry, incident = flood
    page = client_for(cast.chiangrai_viewer).get(reverse("care:incident_detail", args=[incident.pk]))
    assert page.status_code == 200
    assert "บุญมี" not in page.content.decode() and page.context["affected_form"] is None


def test_an_outsider_gets_no_incident_nor_entry(cast, client_for, flood):
    entry, incident = flood
    client = client_for(cast.phayao_coordinator)
    assert client.get(reverse("care:incident_detail", args=[incident.pk])).status_code == 404
    assert client.get(reverse("care:risk_area_detail", args=[entry.pk])).status_code == 404


def test_an_incident_off_the_watch_list_offers_to_list_its_area(cast, client_for):
    incident = Incident.objects.create(
        area_id="570102", hazard=Hazard.STORM, occurred_on=dt.date(2024, 5, 1), description="พายุ"
    )
    page = client_for(cast.mueang_coordinator).get(reverse("care:incident_detail", args=[incident.pk]))
    assert "area_code=570102" in page.context["watch_offer_url"]


def test_a_household_is_added_to_an_incident_by_its_number(cast, client_for, flood):
    _entry, incident = flood
    household = household_in("570102")
    client = client_for(cast.mueang_coordinator)
    response = client.post(
        reverse("care:affected_create", args=[incident.pk]),
        {"affected-household_pk": str(household.pk), "affected-damage": "น้ำเข้าบ้าน"},
    )
    assert response.status_code == 302
    assert incident.affected.filter(household=household, damage="น้ำเข้าบ้าน").exists()
    refused = client.post(
        reverse("care:affected_create", args=[incident.pk]), {"affected-household_pk": "999999"}
    )
    assert refused.status_code == 400


def test_the_risk_calendar_shows_twelve_months(cast, client_for, flood):
    page = client_for(cast.chiangrai_viewer).get(reverse("care:risk_calendar"), {"province": "57"})
    assert page.status_code == 200
    assert page.context["rows"][0].months[8] == 1
