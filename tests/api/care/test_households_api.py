"""The households API: registering (a possible duplicate answered with its candidates, registering anyway), a
search by name in the query and by ID in a POST, a household as the role may see it, changes with If-Match."""

import pytest

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import Household
from tests.care.households_data import member, national_id, register

pytestmark = pytest.mark.django_db

HEAD_ID = national_id("310170020111")


def _payload(**overrides) -> dict:
    body = {
        "area_code": "570101",
        "house_number": "12/3",
        "address": "หมู่ 4",
        "purpose": "ดูแลผู้สูงอายุ",
        "legal_basis": "consent",
        "consent_on": "1/5/2567",
        "members": [member(birth_year_be="๒๔๙๐")],
    }
    body.update(overrides)
    return body


def test_it_registers_a_household_and_shows_the_id_masked_to_an_area_coordinator(cast, api_for):
    api = api_for(cast.mueang_coordinator)
    response = api.post("/api/care/households", _payload())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["members"][0]["national_id"].startswith("x-xxxx-xxxx")
    assert body["members"][0]["birth_year_be"] == 2490
    assert response["ETag"] == f'W/"{body["version"]}"'
    assert AccessLog.objects.filter(channel="api", action="create", model="care.household").exists()


def test_it_refuses_a_bad_id_with_the_members_field(cast, api_for):
    bad = HEAD_ID[:-1] + str((int(HEAD_ID[-1]) + 1) % 10)
    response = api_for(cast.mueang_coordinator).post(
        "/api/care/households", _payload(members=[member(national_id=bad)])
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "members.0.national_id"


def test_a_possible_duplicate_is_answered_with_the_candidates_then_registered_anyway(cast, api_for):
    first = register(cast.mueang_coordinator)
    api = api_for(cast.mueang_coordinator)
    again = _payload(members=[member(national_id="", no_national_id_reason="not_known")])
    response = api.post("/api/care/households", again)
    assert response.status_code == 422
    assert response.json()["code"] == "possible_duplicate"
    assert response.json()["candidates"] == [first.pk]
    response = api.post("/api/care/households", {**again, "override_reason": "คนละครัวเรือน ชื่อซ้ำ"})
    assert response.status_code == 201
    assert response.json()["duplicate_override_reason"] == "คนละครัวเรือน ชื่อซ้ำ"


def test_an_id_is_searched_by_post_only(cast, api_for):
    register(cast.mueang_coordinator)
    api = api_for(cast.chiangrai_coordinator)
    assert api.get("/api/care/households", {"q": HEAD_ID}).json()["code"] == "national_id_in_url"
    response = api.post("/api/care/households/search", {"q": HEAD_ID})
    assert response.status_code == 200
    item = response.json()["items"][0]
    assert (
        item["national_id"] == f"{HEAD_ID[0]}-{HEAD_ID[1:5]}-{HEAD_ID[5:10]}-{HEAD_ID[10:12]}-{HEAD_ID[12]}"
    )
    assert item["household"]["house_number"] == "12/3"
    names = api.get("/api/care/households", {"q": "ศรีสุข"}).json()
    assert names["count"] == 1 and names["items"][0]["first_name"] == "บัวผัน"


@pytest.mark.parametrize(
    "who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner", "phayao_coordinator"]
)
def test_outsiders_and_counts_only_roles_see_no_one(cast, api_for, who):
    household = register(cast.mueang_coordinator)
    api = api_for(getattr(cast, who))
    assert api.post("/api/care/households/search", {"q": HEAD_ID}).json()["count"] == 0
    assert api.get("/api/care/households", {"q": "ศรีสุข"}).json()["count"] == 0
    assert api.get(f"/api/care/households/{household.pk}").status_code in (403, 404)
    assert api.patch(f"/api/care/households/{household.pk}", {"phone": "1"}).status_code in (403, 404)
    assert api.post(
        f"/api/care/households/{household.pk}/members",
        member(national_id="", no_national_id_reason="not_known"),
    ).status_code in (403, 404)
    assert Household.objects.get().phone == ""


def test_a_change_with_an_old_etag_is_refused(cast, api_for):
    household = register(cast.mueang_coordinator)
    api = api_for(cast.mueang_coordinator)
    etag = api.get(f"/api/care/households/{household.pk}")["ETag"]
    assert api.patch(f"/api/care/households/{household.pk}", {"phone": "0811111111"}).status_code == 200
    response = api.client.patch(
        f"/api/care/households/{household.pk}",
        '{"phone": "0822222222"}',
        content_type="application/json",
        headers={"If-Match": etag},
    )
    assert response.status_code == 409
    assert Household.objects.get().phone == "0811111111"


def test_members_are_added_and_changed(cast, api_for):
    household = register(cast.mueang_coordinator)
    api = api_for(cast.mueang_coordinator)
    response = api.post(
        f"/api/care/households/{household.pk}/members",
        member(
            first_name="ลูก", relationship="child", national_id="", no_national_id_reason="not_yet_registered"
        ),
    )
    assert response.status_code == 201
    member_id = response.json()["id"]
    response = api.patch(
        f"/api/care/members/{member_id}", {"bedridden": True, "version": response.json()["version"]}
    )
    assert response.status_code == 200 and response.json()["bedridden"] is True
    assert api.delete(f"/api/care/members/{member_id}").status_code == 204


def test_counts_are_answered_to_a_viewer(cast, api_for):
    register(cast.mueang_coordinator)
    body = api_for(cast.chiangrai_viewer).get("/api/care/households/counts").json()
    assert body["rows"] == [
        {"area_code": "5701", "households": 1, "elderly_alone": 0, "bedridden": 0, "disabled": 0}
    ]


def test_the_search_reads_a_fixed_number_of_queries_however_many_it_finds(
    cast, api_for, django_assert_max_num_queries
):
    api = api_for(cast.chiangrai_coordinator)
    people = [("มานพ", "ทดสอบกลาง"), ("ปราณี", "ทดสอบเหนือ"), ("สุวิทย์", "ทดสอบใต้")]
    for number, (first, last) in enumerate(people):
        register(
            cast.mueang_coordinator,
            members=[
                member(first_name=first, last_name=last, national_id=national_id(f"31017002{number}555"))
            ],
            house_number=f"{number}9",
            address=f"ซอย {number}",
        )
        with django_assert_max_num_queries(8):
            response = api.get("/api/care/households", {"q": "ทดสอบ", "limit": 2})
        assert response.json()["count"] == number + 1
