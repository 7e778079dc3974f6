import pytest

from sanphalang.api import organisations as organisation_routes

from .conftest import assert_error

GARBAGE_BODIES = [
    '{"name_th": ',
    "[]",
    "null",
    "42",
    '"text"',
    "{}",
    "",
    "\x00\xff",
    '{"a": [1, {"b": null}]}',
    '{"kind": null, "name_th": null, "area_code": null}',
    '{"organisation": "abc"}',
    '{"province_codes": "57"}',
    '{"moo": -1, "name_th": ""}',
    '{"national_id": 1234567890123}',
]


def _write_routes(ids: dict) -> list[tuple[str, str]]:
    return [
        ("post", "/api/organisations"),
        ("patch", f"/api/organisations/{ids['org']}"),
        ("post", "/api/people"),
        ("patch", f"/api/people/{ids['person']}"),
        ("post", f"/api/people/{ids['person']}/positions"),
        ("post", "/api/regions"),
        ("patch", f"/api/regions/{ids['region']}"),
        ("post", "/api/issue-areas"),
        ("patch", f"/api/issue-areas/{ids['issue']}"),
        ("post", "/api/areas/570101/villages"),
    ]


@pytest.fixture
def ids(cast, msdhs, ratchanee):
    from sanphalang.areas.services import region_create
    from sanphalang.directory.services import issue_area_create

    region = region_create(by=cast.admin, name_th="ภาคเหนือ", province_codes=["57"])
    issue = issue_area_create(by=cast.chiangrai_coordinator, name_th="ฝุ่น", name_en="dust", province_code="57")
    return {"org": msdhs.pk, "person": ratchanee.pk, "region": region.pk, "issue": issue.pk}


def test_no_bad_body_gives_a_500_on_any_write_route(cast, api_for, ids):
    # when every write route gets every kind of garbage
    client = api_for(cast.admin)
    for method, path in _write_routes(ids):
        for body in GARBAGE_BODIES:
            response = getattr(client, method)(path, body)
            # then a 4xx JSON error, or (for a PATCH that changes nothing, such as {}) the record as it was
            assert response.status_code < 500, (method, path, body, response.content)
            if response.status_code >= 400:
                assert_error(response, response.status_code)


def test_malformed_json_is_400_json(cast, api_for):
    body = assert_error(api_for(cast.admin).post("/api/organisations", '{"name_th": '), 400)
    assert body["code"] == "malformed_json"


@pytest.mark.parametrize(
    "params, field",
    [
        ({"limit": 0}, "limit"),
        ({"limit": 201}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"kind": "cult"}, "kind"),
    ],
)
def test_bad_query_parameters_are_422_at_the_parameter(cast, api_for, params, field):
    assert_error(api_for(cast.admin).get("/api/organisations", params), 422, field)


@pytest.mark.parametrize(
    "path",
    [
        "/api/organisations/abc",
        "/api/people/1e9",
        "/api/regions/x",
        "/api/organisations/99999999999999999999999",
    ],
)
def test_a_malformed_id_in_the_path_is_a_4xx_json(cast, api_for, path):
    response = api_for(cast.admin).get(path)
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


def test_thai_digits_work_in_limit_and_offset(cast, api_for, msdhs):
    body = api_for(cast.admin).get("/api/organisations", {"limit": "๕", "offset": "๐"}).json()
    assert (body["limit"], body["offset"], body["count"]) == (5, 0, 1)


def test_a_true_bug_is_a_logged_json_500_not_an_html_page(cast, api_for, monkeypatch, caplog):
    # given a selector that fails unexpectedly
    def broken(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(organisation_routes, "organisation_list", broken)
    # when
    response = api_for(cast.admin).get("/api/organisations")
    # then
    body = assert_error(response, 500)
    assert body["code"] == "server_error" and "boom" not in body["detail"]
    assert "boom" in caplog.text


def test_a_method_an_address_does_not_take_is_refused_in_json(db, cast, api_for):
    response = api_for(cast.chiangrai_coordinator).put("/api/areas", {})
    assert response.status_code == 405
    body = response.json()
    assert body["code"] == "method_not_allowed" and "PUT" in body["detail"]
    assert "GET" in response["Allow"]
