"""The API of housing works: register, move to completed, totals; the same rules as the pages."""

from decimal import Decimal

import pytest

from sanphalang.care.models import HousingWork
from tests.care.people import household_in

pytestmark = pytest.mark.django_db


def test_a_household_is_registered_and_completed_with_its_grant_in_satang(cast, api_for):
    api = api_for(cast.mueang_coordinator)
    household = household_in("570101")
    created = api.post(
        "/api/care/housing", {"household_id": household.pk, "programme": "rural_repair", "grant": "๑๘,๐๐๐.๕๐"}
    )
    assert created.status_code == 201, created.json()
    work_id = created.json()["id"]
    assert HousingWork.objects.get().grant == Decimal("18000.50")
    moved = api.post(f"/api/care/housing/{work_id}/status", {"status": "completed", "on": "5/1/2568"})
    assert moved.status_code == 200 and moved.json()["completed_on"] == "2025-01-05"
    refused = api.post(f"/api/care/housing/{work_id}/status", {"status": "cancelled"})
    assert refused.status_code == 422
    totals = api_for(cast.chiangrai_viewer).get("/api/care/housing/totals").json()
    assert totals == {"households": 1, "grants": "18000.50", "completed": 1}


def test_another_district_gets_nothing_and_may_not_register(cast, api_for):
    household = household_in("570101")
    api = api_for(cast.maesai_coordinator)
    assert (
        api.post("/api/care/housing", {"household_id": household.pk, "programme": "rural_repair"}).status_code
        == 404
    )
    assert api.get("/api/care/housing").json()["count"] == 0
