from django.test import Client

from sanphalang.accounts.services import api_token_create, api_token_revoke
from sanphalang.directory.models import Organisation

from .conftest import ApiClient, assert_error


def test_a_token_lets_a_script_read(cast, msdhs):
    # given a token of the Chiang Rai coordinator
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    # when
    response = ApiClient(raw).get("/api/organisations")
    # then
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [msdhs.pk]


def test_a_revoked_token_is_refused(cast, msdhs):
    # given a token that was revoked
    token, raw = api_token_create(user=cast.chiangrai_coordinator, name="old laptop")
    api_token_revoke(user=cast.chiangrai_coordinator, token_id=token.pk)
    # when
    response = ApiClient(raw).get("/api/organisations")
    # then
    body = assert_error(response, 401)
    assert body["code"] == "not_authenticated"


def test_no_credentials_and_a_made_up_token_get_401_json(db):
    assert_error(ApiClient().get("/api/areas"), 401)
    assert_error(ApiClient("sp_not-a-real-token").get("/api/areas"), 401)
    assert_error(ApiClient().post("/api/organisations", {"name_th": "x"}), 401)


def test_a_token_of_a_deactivated_user_is_refused(cast):
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    cast.chiangrai_coordinator.is_active = False
    cast.chiangrai_coordinator.save()
    assert_error(ApiClient(raw).get("/api/areas"), 401)


def test_the_browser_session_can_read(cast, client_for, msdhs):
    response = ApiClient(client=client_for(cast.chiangrai_viewer)).get(f"/api/organisations/{msdhs.pk}")
    assert response.status_code == 200
    assert response.json()["name_th"] == msdhs.name_th


def test_a_session_write_without_the_csrf_token_is_refused(cast):
    # given a browser session that enforces CSRF as a real browser does
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cast.chiangrai_coordinator)
    # when it posts without the token
    response = ApiClient(client=browser).post(
        "/api/organisations", {"kind": "network", "name_th": "เครือข่ายใหม่", "area_code": "57"}
    )
    # then
    assert assert_error(response, 403)["code"] == "csrf_failed"
    assert not Organisation.objects.exists()


def test_a_session_write_with_the_csrf_token_is_accepted(cast):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(cast.chiangrai_coordinator)
    csrf = browser.get("/api/docs").cookies["csrftoken"].value
    response = browser.post(
        "/api/organisations",
        {"kind": "network", "name_th": "เครือข่ายใหม่", "area_code": "57"},
        content_type="application/json",
        headers={"X-CSRFToken": csrf},
    )
    assert response.status_code == 201, response.content
    assert Organisation.objects.filter(name_th="เครือข่ายใหม่").exists()


def test_a_token_with_no_csrf_token_can_write(cast):
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    client = ApiClient(client=Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {raw}"}))
    response = client.post(
        "/api/organisations", {"kind": "network", "name_th": "เครือข่ายใหม่", "area_code": "57"}
    )
    assert response.status_code == 201, response.content


def test_errors_come_in_the_language_of_the_token_user(cast, api_for):
    # given a user who chose English, and one who kept Thai (the default)
    cast.mueang_coordinator.language = "en"
    cast.mueang_coordinator.save()
    english, thai = api_for(cast.mueang_coordinator), api_for(cast.maesai_coordinator)
    # when each asks for an organisation that does not exist
    english_body = english.get("/api/organisations/999999").json()
    thai_body = thai.get("/api/organisations/999999").json()
    # then the messages differ, the English one being English
    assert english_body["detail"] == "No such record, or it is outside your areas."
    assert english_body["code"] == thai_body["code"] == "not_found"


def test_an_unknown_api_address_gets_json(cast, api_for):
    assert_error(api_for(cast.admin).get("/api/no-such-thing"), 404)
    assert_error(ApiClient().get("/api/no/such/thing"), 404)


def test_a_revoked_token_is_refused_at_once_although_its_user_was_cached(cast):
    from django.test import Client

    from sanphalang.accounts.services import api_token_create, api_token_revoke

    # given a token that has just been used, so its user is in the cache
    token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    client = Client()
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/organisations", headers=headers).status_code == 200
    # when it is revoked
    api_token_revoke(user=cast.chiangrai_coordinator, token_id=token.pk)
    # then the next call is refused
    assert client.get("/api/organisations", headers=headers).status_code == 401


def test_a_change_of_areas_applies_to_the_next_call_of_a_cached_token(cast):
    from django.test import Client

    from sanphalang.accounts.services import api_token_create, user_assign_areas
    from sanphalang.directory.services import organisation_create

    organisation_create(by=cast.admin, kind="network", name_th="เครือข่ายพะเยา", area_code="56")
    _token, raw = api_token_create(user=cast.chiangrai_coordinator, name="script")
    client = Client()
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/organisations", headers=headers).json()["count"] == 0
    user_assign_areas(user=cast.chiangrai_coordinator, area_codes=["56"])
    assert client.get("/api/organisations", headers=headers).json()["count"] == 1
