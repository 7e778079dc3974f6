import pytest

from sanphalang.directory.models import Organisation

from .conftest import MSDHS_CHIANG_RAI, assert_error

NEW_NETWORK = {"kind": "network", "name_th": "เครือข่ายองค์กรชุมชนอำเภอเมืองเชียงราย", "area_code": "5701"}


@pytest.mark.parametrize("query", ["พมจ.", "พมจ.เชียงราย", "ความมั่นคงของมนุษย์ เชียงราย"])
def test_thai_search_finds_the_office_by_its_abbreviation(cast, api_for, msdhs, maesai_group, query):
    # when the Chiang Rai coordinator searches
    response = api_for(cast.chiangrai_coordinator).get("/api/organisations", {"q": query})
    # then only the provincial office is found
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["items"][0]["name_th"] == MSDHS_CHIANG_RAI
    assert body["items"][0]["abbreviation"] == "พมจ.เชียงราย"


def test_filters_kind_and_within_narrow_the_list(cast, api_for, msdhs, maesai_group):
    client = api_for(cast.chiangrai_coordinator)
    assert [i["id"] for i in client.get("/api/organisations", {"kind": "agency"}).json()["items"]] == [
        msdhs.pk
    ]
    assert [i["id"] for i in client.get("/api/organisations", {"within": "5709"}).json()["items"]] == [
        maesai_group.pk
    ]


def test_the_outsider_gets_an_empty_list_and_404s(cast, api_for, msdhs):
    # given the Phayao coordinator
    outsider = api_for(cast.phayao_coordinator)
    # then they see nothing of Chiang Rai
    assert outsider.get("/api/organisations").json() == {"count": 0, "limit": 50, "offset": 0, "items": []}
    assert_error(outsider.get(f"/api/organisations/{msdhs.pk}"), 404)
    assert_error(outsider.patch(f"/api/organisations/{msdhs.pk}", {"phone": "053-000000"}), 404)
    assert_error(outsider.delete(f"/api/organisations/{msdhs.pk}"), 404)
    # and cannot create one there
    assert_error(outsider.post("/api/organisations", NEW_NETWORK), 403)
    msdhs.refresh_from_db()
    assert msdhs.phone == ""
    assert Organisation.objects.count() == 1


def test_a_district_coordinator_reads_the_provincial_office_but_cannot_change_it(cast, api_for, msdhs):
    client = api_for(cast.mueang_coordinator)
    assert client.get(f"/api/organisations/{msdhs.pk}").status_code == 200
    body = assert_error(client.patch(f"/api/organisations/{msdhs.pk}", {"phone": "053-000000"}), 403)
    assert body["code"] == "outside_area"
    assert_error(client.post("/api/organisations", {**NEW_NETWORK, "area_code": "57"}), 403)
    msdhs.refresh_from_db()
    assert msdhs.phone == ""


def test_a_district_coordinator_does_not_see_another_district(cast, api_for, maesai_group):
    client = api_for(cast.mueang_coordinator)
    assert client.get("/api/organisations").json()["count"] == 0
    assert_error(client.get(f"/api/organisations/{maesai_group.pk}"), 404)


def test_a_viewer_gets_403_on_every_write_and_nothing_is_written(cast, api_for, msdhs):
    viewer = api_for(cast.chiangrai_viewer)
    assert viewer.get(f"/api/organisations/{msdhs.pk}").status_code == 200
    assert assert_error(viewer.post("/api/organisations", NEW_NETWORK), 403)["code"] == "read_only_role"
    assert_error(viewer.patch(f"/api/organisations/{msdhs.pk}", {"phone": "1"}), 403)
    assert_error(viewer.delete(f"/api/organisations/{msdhs.pk}"), 403)
    assert list(Organisation.objects.values_list("pk", "phone")) == [(msdhs.pk, "")]


def test_a_coordinator_creates_updates_and_deletes_in_their_district(cast, api_for):
    client = api_for(cast.mueang_coordinator)
    # when they create with a BE founding date
    created = client.post("/api/organisations", {**NEW_NETWORK, "founded_on": "20 ก.ค. 2558"})
    # then the date comes back ISO (CE)
    assert created.status_code == 201, created.content
    org = created.json()
    assert (org["founded_on"], org["area_code"], org["kind"]) == ("2015-07-20", "5701", "network")
    # when they update it
    updated = client.patch(
        f"/api/organisations/{org['id']}", {"phone": "053-711111", "founded_on": "2016-01-02"}
    )
    assert updated.status_code == 200
    assert (updated.json()["phone"], updated.json()["founded_on"]) == ("053-711111", "2016-01-02")
    # when they delete it
    assert client.delete(f"/api/organisations/{org['id']}").status_code == 204
    assert not Organisation.objects.exists()


def test_a_duplicate_name_in_the_area_is_422_with_the_message(cast, api_for, msdhs):
    response = api_for(cast.chiangrai_coordinator).post(
        "/api/organisations", {"kind": "agency", "name_th": MSDHS_CHIANG_RAI, "area_code": "57"}
    )
    body = assert_error(response, 422)
    assert body["errors"] and all({"field", "message"} <= set(error) for error in body["errors"])
    assert Organisation.objects.count() == 1


@pytest.mark.parametrize(
    "payload, field",
    [
        ({**NEW_NETWORK, "area_code": "999999"}, "area_code"),
        ({**NEW_NETWORK, "kind": "cult"}, "kind"),
        ({**NEW_NETWORK, "founded_on": "31/02/2558"}, "founded_on"),
        ({**NEW_NETWORK, "founded_on": "soon"}, "founded_on"),
        ({**NEW_NETWORK, "email": "not-an-email"}, "email"),
        ({**NEW_NETWORK, "partners": ["many"]}, "partners.0"),
        ({**NEW_NETWORK, "issue_areas": ["no-such-issue"]}, "issue_areas"),
        ({**NEW_NETWORK, "name_th": 42}, "name_th"),
        ({"kind": "network", "area_code": "5701"}, "name_th"),
        ({**NEW_NETWORK, "parent": 999999}, "parent"),
    ],
)
def test_bad_input_is_422_at_the_field(cast, api_for, payload, field):
    response = api_for(cast.mueang_coordinator).post("/api/organisations", payload)
    assert_error(response, 422, field)
    assert not Organisation.objects.exists()


def test_every_list_item_has_the_documented_shape(cast):
    # the list writes its rows straight out, so the schema it documents is checked here instead
    from django.test import Client

    from sanphalang.accounts.services import api_token_create
    from sanphalang.api.schemas_directory import OrganisationOut
    from sanphalang.directory.services import organisation_create

    organisation_create(
        by=cast.admin,
        kind="agency",
        name_th="สำนักงานจังหวัดเชียงราย",
        area_code="57",
        abbreviation="สนจ.เชียงราย",
        issue_areas=["rights-welfare"],
    )
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="t")
    body = Client().get("/api/organisations", headers={"Authorization": f"Bearer {raw}"}).json()
    assert body["count"] == 1
    item = OrganisationOut.model_validate(body["items"][0])
    assert item.model_dump(mode="json") == body["items"][0]
    assert body["items"][0]["issue_areas"] == ["rights-welfare"]
