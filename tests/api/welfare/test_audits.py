"""The welfare API's audit rounds (read only): the rounds of the caller's provinces, and one round's visits."""

import pytest

from sanphalang.welfare.services.audits import DEFAULT_CHECKLIST

from ..conftest import assert_error
from .data import build_audit_round, build_registry


@pytest.fixture
def audit_round(cast, ratchanee):
    return build_audit_round(cast, build_registry(cast), team_member=ratchanee)


def test_the_owner_and_the_viewer_list_the_rounds_with_their_progress(cast, api_for, audit_round):
    for user in (cast.chiangrai_coordinator, cast.chiangrai_viewer):
        body = api_for(user).get("/api/welfare/audit-rounds").json()
        assert body["count"] == 1
        [listed] = body["items"]
        assert (listed["id"], listed["province_code"], listed["starts_on"], listed["ends_on"]) == (
            audit_round.pk,
            "57",
            "2019-05-20",
            "2019-06-15",
        )
        assert (listed["planned_count"], listed["visited_count"]) == (2, 1)
        assert listed["checklist"] == DEFAULT_CHECKLIST


def test_the_owner_reads_a_rounds_visits_with_team_answers_and_findings(
    cast, api_for, audit_round, ratchanee
):
    # when the Chiang Rai coordinator reads the round
    body = api_for(cast.chiangrai_coordinator).get(f"/api/welfare/audit-rounds/{audit_round.pk}").json()
    # then both visits are there, in the order they are planned
    assert [visit["fund_area_code"] for visit in body["visits"]] == ["570106", "570901"]
    assert (body["planned_count"], body["visited_count"]) == (2, 1)
    mae_yao, mae_sai = body["visits"]
    # and the visit made says who went, what they answered and what they found
    assert (mae_yao["planned_on"], mae_yao["visited_on"]) == ("2019-05-28", "2019-05-28")
    assert mae_yao["team"] == [{"id": ratchanee.pk, "name": ratchanee.name_with_title}]
    assert mae_yao["answers"] == {DEFAULT_CHECKLIST[0]: "yes"}
    assert mae_yao["open_findings"] == 1
    [finding] = mae_yao["findings"]
    assert (finding["text"], finding["proposed_field"], finding["proposed_value"]) == (
        "ทะเบียนสมาชิกไม่เป็นปัจจุบัน",
        "members",
        "1210",
    )
    assert finding["closed_on"] is None and finding["settlement_id"] is None
    # and the planned visit has nothing recorded yet
    assert (mae_sai["visited_on"], mae_sai["team"], mae_sai["findings"]) == (None, [], [])


def test_the_viewer_reads_the_round_as_the_owner_does(cast, api_for, audit_round):
    path = f"/api/welfare/audit-rounds/{audit_round.pk}"
    viewer = api_for(cast.chiangrai_viewer).get(path)
    assert viewer.status_code == 200
    assert viewer.json() == api_for(cast.chiangrai_coordinator).get(path).json()
    assert len(viewer.json()["visits"]) == 2


def test_a_district_coordinator_reads_only_the_visits_to_their_districts_funds(cast, api_for, audit_round):
    body = api_for(cast.maesai_coordinator).get(f"/api/welfare/audit-rounds/{audit_round.pk}").json()
    assert [visit["fund_area_code"] for visit in body["visits"]] == ["570901"]
    assert (body["planned_count"], body["visited_count"]) == (1, 0)


def test_the_outsider_gets_an_empty_list_and_404(cast, api_for, audit_round):
    client = api_for(cast.phayao_coordinator)
    assert client.get("/api/welfare/audit-rounds").json()["count"] == 0
    assert assert_error(client.get(f"/api/welfare/audit-rounds/{audit_round.pk}"), 404)["code"] == "not_found"


@pytest.mark.parametrize("round_id", ["999999", "abc", "-1"])
def test_no_such_round_is_a_4xx_json_error(cast, api_for, round_id):
    response = api_for(cast.admin).get(f"/api/welfare/audit-rounds/{round_id}")
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)
