import pytest

from sanphalang.accounts.models import AccessLog
from sanphalang.directory.models import Person, Position

from .conftest import VALID_ID, assert_error


def test_reading_a_person_writes_an_api_access_log_row(cast, api_for, ratchanee):
    # given no reads so far
    AccessLog.objects.all().delete()
    # when the coordinator reads the person through the API
    response = api_for(cast.mueang_coordinator).get(f"/api/people/{ratchanee.pk}")
    # then
    assert response.status_code == 200
    log = AccessLog.objects.get()
    assert (log.action, log.channel, log.object_id, log.username) == (
        "read",
        "api",
        str(ratchanee.pk),
        "mueang_coord",
    )


def test_a_coordinator_sees_the_national_id_a_viewer_sees_it_masked(cast, api_for, ratchanee):
    full = api_for(cast.chiangrai_coordinator).get(f"/api/people/{ratchanee.pk}").json()
    masked = api_for(cast.chiangrai_viewer).get(f"/api/people/{ratchanee.pk}").json()
    assert full["national_id"] == VALID_ID
    assert masked["national_id"] != VALID_ID
    assert masked["national_id"].endswith("45-0") and "0203" not in masked["national_id"]


def test_lists_carry_no_national_id(cast, api_for, ratchanee):
    item = api_for(cast.chiangrai_coordinator).get("/api/people").json()["items"][0]
    assert "national_id" not in item and item["first_name"] == "รัชนี"


def test_a_district_coordinator_cannot_read_people_of_another_district(cast, api_for, ratchanee, somchai):
    client = api_for(cast.mueang_coordinator)
    assert [p["id"] for p in client.get("/api/people").json()["items"]] == [ratchanee.pk]
    assert_error(client.get(f"/api/people/{somchai.pk}"), 404)
    assert_error(client.patch(f"/api/people/{somchai.pk}", {"phone": "1"}), 404)
    assert not AccessLog.objects.filter(object_id=str(somchai.pk), action="read").exists()


def test_the_outsider_gets_nothing(cast, api_for, ratchanee, msdhs):
    outsider = api_for(cast.phayao_coordinator)
    assert outsider.get("/api/people").json()["count"] == 0
    assert_error(outsider.get(f"/api/people/{ratchanee.pk}"), 404)
    assert_error(outsider.post(f"/api/people/{ratchanee.pk}/positions", {"organisation": msdhs.pk}), 404)
    assert_error(outsider.post(f"/api/people/{ratchanee.pk}/erase"), 404)
    assert_error(outsider.post("/api/people", {"first_name": "สมศรี", "area_code": "5701"}), 403)
    assert Person.objects.count() == 1


def test_a_viewer_cannot_write_people(cast, api_for, ratchanee, msdhs):
    viewer = api_for(cast.chiangrai_viewer)
    assert_error(viewer.post("/api/people", {"first_name": "สมศรี", "area_code": "5701"}), 403)
    assert_error(viewer.patch(f"/api/people/{ratchanee.pk}", {"phone": "1"}), 403)
    assert_error(viewer.post(f"/api/people/{ratchanee.pk}/positions", {"organisation": msdhs.pk}), 403)
    ratchanee.refresh_from_db()
    assert ratchanee.phone == "" and Person.objects.count() == 1 and not Position.objects.exists()


def test_a_coordinator_creates_a_person_with_thai_digits_and_a_be_date(cast, api_for):
    response = api_for(cast.mueang_coordinator).post(
        "/api/people",
        {
            "first_name": "นายสมศักดิ์",
            "last_name": "รักถิ่น",
            "area_code": "570101",
            "national_id": "๑๑๐๑๗๐๐๒๐๓๔๕๐",
            "consent_on": "๑ ม.ค. ๒๕๖๘",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["title"], body["first_name"], body["national_id"], body["consent_on"]) == (
        "นาย",
        "สมศักดิ์",
        VALID_ID,
        "2025-01-01",
    )
    assert AccessLog.objects.filter(action="create", channel="api").exists()


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"national_id": "1234567890123"}, "national_id"),
        ({"national_id": "12345"}, "national_id"),
        ({"area_code": "ไม่มี"}, "area_code"),
        ({"consent_on": "31/13/2567"}, "consent_on"),
        ({"legal_basis": "because"}, "legal_basis"),
        ({"first_name": ["a"]}, "first_name"),
        ({"first_name": ""}, "first_name"),
    ],
)
def test_bad_person_input_is_422_at_the_field(cast, api_for, payload, field):
    response = api_for(cast.mueang_coordinator).post(
        "/api/people", {"first_name": "สมศรี", "area_code": "5701", **payload}
    )
    assert_error(response, 422, field)
    assert not Person.objects.exists()


def test_positions_are_added_and_removed(cast, api_for, ratchanee, msdhs):
    client = api_for(cast.mueang_coordinator)
    # when a position in the provincial office is added, with BE dates
    added = client.post(
        f"/api/people/{ratchanee.pk}/positions",
        {"organisation": str(msdhs.pk), "role": "officer", "started_on": "1/10/2566"},
    )
    assert added.status_code == 201, added.content
    assert (added.json()["started_on"], added.json()["organisation_id"]) == ("2023-10-01", msdhs.pk)
    # then it shows as current
    person = client.get(f"/api/people/{ratchanee.pk}").json()
    assert [p["id"] for p in person["current_positions"]] == [added.json()["id"]]
    # when it is removed
    assert client.delete(f"/api/positions/{added.json()['id']}").status_code == 204
    assert not Position.objects.exists()


def test_a_position_that_ends_before_it_starts_or_names_an_unseen_organisation_is_422(
    cast, api_for, ratchanee, maesai_group, msdhs
):
    client = api_for(cast.mueang_coordinator)
    assert_error(
        client.post(f"/api/people/{ratchanee.pk}/positions", {"organisation": maesai_group.pk}),
        422,
        "organisation",
    )
    assert_error(
        client.post(
            f"/api/people/{ratchanee.pk}/positions",
            {"organisation": msdhs.pk, "started_on": "2024-05-01", "ended_on": "2024-01-01"},
        ),
        422,
    )
    assert not Position.objects.exists()


def test_an_outsider_cannot_delete_a_position(cast, api_for, ratchanee, msdhs):
    position = Position.objects.create(person=ratchanee, organisation=msdhs)
    assert_error(api_for(cast.phayao_coordinator).delete(f"/api/positions/{position.pk}"), 404)
    assert_error(api_for(cast.maesai_coordinator).delete(f"/api/positions/{position.pk}"), 404)
    assert_error(api_for(cast.chiangrai_viewer).delete(f"/api/positions/{position.pk}"), 403)
    assert Position.objects.filter(pk=position.pk).exists()


def test_only_an_administrator_can_erase_a_person(cast, api_for, ratchanee):
    assert_error(api_for(cast.chiangrai_coordinator).post(f"/api/people/{ratchanee.pk}/erase"), 403)
    assert Person.objects.filter(pk=ratchanee.pk).exists()
    assert api_for(cast.admin).post(f"/api/people/{ratchanee.pk}/erase").status_code == 204
    assert not Person.objects.exists()
    assert AccessLog.objects.filter(action="erase", channel="api", object_id=str(ratchanee.pk)).exists()


def test_search_people_in_thai_with_a_title(cast, api_for, ratchanee, somchai):
    found = api_for(cast.chiangrai_coordinator).get("/api/people", {"q": "น.ส.รัชนี"}).json()
    assert [p["id"] for p in found["items"]] == [ratchanee.pk]
