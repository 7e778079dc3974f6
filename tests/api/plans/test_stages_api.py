"""The API of area charters (S4) and registrations (S10): the same area rules, versions and stage rules as the
pages, through the one stage mechanism."""

import datetime as dt

import pytest

from sanphalang.plans.errors import PlanError
from sanphalang.plans.models import Charter, Registration, StageEvent
from sanphalang.plans.services.stages import charter_create, stage_record
from tests.plans.stages_data import CHUMPHON_TAMBONS

D = dt.date


@pytest.fixture
def chumphon_api(api_for, chumphon_coordinator):
    return api_for(chumphon_coordinator)


def test_a_charter_is_created_moved_through_its_stages_and_read(chumphon_api):
    # when Chumphon's coordinator adds a charter and records its hearing and enactment, BE dates accepted
    created = chumphon_api.post("/api/plans/charters", {"area_code": "860101", "title": "ธรรมนูญตำบลท่าตะเภา"})
    assert created.status_code == 201, created.content
    charter_id = created.json()["id"]
    heard = chumphon_api.post(
        f"/api/plans/charters/{charter_id}/events", {"stage": "hearing", "happened_on": "5/3/2567"}
    )
    assert heard.status_code == 201, heard.content
    assert heard.json()["happened_on"] == "2024-03-05" and heard.json()["has_document"] is False
    chumphon_api.post(
        f"/api/plans/charters/{charter_id}/events", {"stage": "enacted", "happened_on": "2024-04-01"}
    )
    # then the charter is enacted, with both stages in its timeline and its version as ETag
    answer = chumphon_api.get(f"/api/plans/charters/{charter_id}")
    body = answer.json()
    assert (body["stage"], body["stage_on"]) == ("enacted", "2024-04-01")
    assert [event["stage"] for event in body["events"]] == ["hearing", "enacted"]
    assert answer["ETag"] == f'W/"{body["version"]}"' and body["version"] == 3
    events = chumphon_api.get(f"/api/plans/charters/{charter_id}/events").json()
    assert [event["stage_label"] for event in events] and len(events) == 2


def test_the_stage_rules_answer_with_their_codes(chumphon_api):
    charter_id = chumphon_api.post("/api/plans/charters", {"area_code": "860101", "title": "ธรรมนูญ"}).json()[
        "id"
    ]
    url = f"/api/plans/charters/{charter_id}/events"
    unknown = chumphon_api.post(url, {"stage": "registered", "happened_on": "2024-01-01"}).json()
    assert unknown["errors"] == [{"field": "stage", "message": PlanError.STAGE_UNKNOWN.message()}]
    chumphon_api.post(url, {"stage": "hearing", "happened_on": "2024-03-05"})
    refused = chumphon_api.post(url, {"stage": "enacted", "happened_on": "2024-03-01"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "happened_on"
    assert refused.json()["detail"] == PlanError.STAGE_BEFORE_PREVIOUS.message(date="5 มี.ค. 2567")
    district = chumphon_api.post("/api/plans/charters", {"area_code": "8601", "title": "ธรรมนูญ"})
    assert district.status_code == 422
    assert district.json()["detail"] == PlanError.CHARTER_NOT_IN_SUBDISTRICT.message()


def test_a_stage_on_an_old_version_is_refused_with_409(chumphon_api):
    charter_id = chumphon_api.post("/api/plans/charters", {"area_code": "860101", "title": "ธรรมนูญ"}).json()[
        "id"
    ]
    chumphon_api.patch(f"/api/plans/charters/{charter_id}", {"note": "แก้ไข", "version": 1})
    refused = chumphon_api.post(
        f"/api/plans/charters/{charter_id}/events",
        {"stage": "hearing", "happened_on": "2024-03-05", "version": 1},
    )
    assert refused.status_code == 409 and refused.json()["code"] == "stale_version"
    assert not StageEvent.objects.exists()


def test_only_the_latest_event_is_removed(chumphon_api, chumphon_coordinator):
    charter = charter_create(by=chumphon_coordinator, area_code="860101", title="ธรรมนูญ")
    first = stage_record(by=chumphon_coordinator, record=charter, stage="hearing", happened_on=D(2024, 3, 5))
    second = stage_record(by=chumphon_coordinator, record=charter, stage="enacted", happened_on=D(2024, 4, 1))
    url = f"/api/plans/charters/{charter.pk}/events"
    refused = chumphon_api.delete(f"{url}/{first.pk}")
    assert (
        refused.status_code == 422 and refused.json()["detail"] == PlanError.STAGE_EVENT_NOT_LATEST.message()
    )
    assert chumphon_api.delete(f"{url}/{second.pk}").status_code == 204
    assert Charter.objects.get().stage == "hearing"


def test_the_summary_counts_chumphons_charters(chumphon_api, chumphon_coordinator):
    by = chumphon_coordinator
    for number, code in enumerate(CHUMPHON_TAMBONS[:7]):
        charter = charter_create(by=by, area_code=code, title=f"ธรรมนูญ {code}")
        stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 1, 15))
        if number < 5:
            stage_record(by=by, record=charter, stage="enacted", happened_on=D(2024, 3, 1))
    counts = {
        row["stage"]: row["count"]
        for row in chumphon_api.get("/api/plans/charters/summary?province=86").json()
    }
    assert (counts["enacted"], counts["hearing"]) == (5, 2)
    assert chumphon_api.get("/api/plans/charters", {"stage": "hearing"}).json()["count"] == 2


def test_an_outsider_reads_and_changes_nothing(api_for, cast, chumphon_coordinator):
    charter = charter_create(by=chumphon_coordinator, area_code="860101", title="ธรรมนูญ")
    outsider = api_for(cast.chiangrai_coordinator)
    assert outsider.get("/api/plans/charters").json()["count"] == 0
    assert outsider.get(f"/api/plans/charters/{charter.pk}").status_code == 404
    assert outsider.patch(f"/api/plans/charters/{charter.pk}", {"title": "x"}).status_code == 404
    assert (
        outsider.post(
            f"/api/plans/charters/{charter.pk}/events", {"stage": "hearing", "happened_on": "2024-01-01"}
        ).status_code
        == 404
    )
    assert Charter.objects.get().title == "ธรรมนูญ" and not StageEvent.objects.exists()


def test_the_network_registers_step_by_step(api_for, cast, chiangrai_network, chiangrai_office):
    # S10: the Chiang Rai network, certified by the provincial office
    client = api_for(cast.chiangrai_coordinator)
    created = client.post(
        "/api/plans/registrations",
        {"organisation_id": chiangrai_network.pk, "authority_id": chiangrai_office.pk},
    )
    assert created.status_code == 201, created.content
    registration_id = created.json()["id"]
    url = f"/api/plans/registrations/{registration_id}/events"
    for stage, date in [
        ("preparing", "2024-02-01"),
        ("submitted", "2024-05-02"),
        ("reviewing", "2024-06-01"),
    ]:
        assert client.post(url, {"stage": stage, "happened_on": date}).status_code == 201
    registered = client.post(
        url,
        {
            "stage": "registered",
            "happened_on": "15/7/2567",
            "registration_number": "57/2567",
            "expires_on": "2027-07-14",
        },
    )
    assert registered.status_code == 201, registered.content
    body = client.get(f"/api/plans/registrations/{registration_id}").json()
    assert (body["stage"], body["registration_number"], body["registered_on"], body["expires_on"]) == (
        "registered",
        "57/2567",
        "2024-07-15",
        "2027-07-14",
    )
    assert body["authority_name"] == chiangrai_office.name_th
    # and changed with its ETag
    patched = client.patch(
        f"/api/plans/registrations/{registration_id}", {"note": "ต่ออายุทุก 3 ปี", "version": body["version"]}
    )
    assert patched.status_code == 200 and patched.json()["version"] == body["version"] + 1
    assert client.delete(f"/api/plans/registrations/{registration_id}").status_code == 204
    assert not Registration.objects.exists()


def test_an_organisation_the_caller_cannot_see_is_refused_at_its_field(
    api_for, chumphon_coordinator, chiangrai_network
):
    client = api_for(chumphon_coordinator)
    refused = client.post(
        "/api/plans/charters",
        {"area_code": "860101", "title": "ธรรมนูญ", "adopted_by_id": chiangrai_network.pk},
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "adopted_by"
