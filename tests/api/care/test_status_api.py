"""The API of legal status cases (S8): open, record steps and documents' metadata; days at the step; refused to
partners, viewers and other districts; where cases are stuck for counts-only roles."""

import datetime as dt

import pytest

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import StatusStep
from tests.care.people import head_of, household_in
from tests.care.status_data import open_case

pytestmark = pytest.mark.django_db


def test_a_case_is_opened_moved_and_documented(cast, api_for):
    api = api_for(cast.mueang_coordinator)
    member = head_of(household_in("570101", head="หน่อแก้ว"))
    opened = api.post(
        "/api/care/status-cases",
        {"member_id": member.pk, "status_sought": "thai_nationality", "opened_on": "10/1/2567"},
    )
    assert opened.status_code == 201, opened.json()
    case_id = opened.json()["id"]
    step = api.post(
        f"/api/care/status-cases/{case_id}/events", {"step": "filed", "happened_on": "2024-03-01"}
    )
    assert step.status_code == 201
    early = api.post(
        f"/api/care/status-cases/{case_id}/events", {"step": "district_review", "happened_on": "2024-01-01"}
    )
    assert early.status_code == 422
    document = api.post(f"/api/care/status-cases/{case_id}/documents", {"kind": "school_record"})
    assert document.status_code == 201 and document.json()["has_file"] is False
    detail = api.get(f"/api/care/status-cases/{case_id}").json()
    assert (detail["step"], detail["person_name"], len(detail["events"])) == ("filed", "นางหน่อแก้ว ใจดี", 2)
    assert AccessLog.objects.filter(model="care.legalstatuscase", channel="api", action="read").exists()


def test_the_list_is_ordered_by_days_at_the_step(cast, api_for):
    user = cast.mueang_coordinator
    recent = open_case(user, steps=[(StatusStep.FILED, dt.date(2024, 6, 1))])
    stuck = open_case(user, steps=[(StatusStep.FILED, dt.date(2024, 2, 1))])
    items = api_for(user).get("/api/care/status-cases").json()["items"]
    assert [item["id"] for item in items] == [stuck.pk, recent.pk]
    assert items[0]["days_at_step"] - items[1]["days_at_step"] == 121


@pytest.mark.parametrize("who", ["chiangrai_partner", "chiangrai_viewer", "maesai_coordinator"])
def test_legal_status_is_refused(cast, api_for, who):
    case = open_case(cast.mueang_coordinator)
    api = api_for(getattr(cast, who))
    assert api.get("/api/care/status-cases").json()["count"] == 0
    assert api.get(f"/api/care/status-cases/{case.pk}").status_code == 404
    assert api.get(f"/api/care/status-cases/{case.pk}/documents").status_code == 404
    stuck = {row["step"]: row["count"] for row in api.get("/api/care/status-cases/stuck").json()}
    assert stuck["facts_gathered"] == (0 if who == "maesai_coordinator" else 1)
