from sanphalang.areas.models import Area, Region

from .conftest import assert_error


def test_area_search_finds_thai_names_and_filters_by_level_and_within(cast, api_for):
    client = api_for(cast.phayao_coordinator)  # areas are reference data: anyone signed in reads them
    body = client.get("/api/areas", {"q": "แม่สาย", "level": "district"}).json()
    assert [item["code"] for item in body["items"]] == ["5709"]
    within = client.get("/api/areas", {"within": "5709", "level": "subdistrict", "limit": "๒"}).json()
    assert within["limit"] == 2 and len(within["items"]) == 2
    assert within["count"] > 2 and all(item["code"].startswith("5709") for item in within["items"])


def test_an_area_has_its_path_and_children_count(cast, api_for):
    body = api_for(cast.chiangrai_viewer).get("/api/areas/570901").json()
    assert [step["code"] for step in body["path"]] == ["57", "5709", "570901"]
    assert body["parent_code"] == "5709" and body["level"] == "subdistrict"
    assert body["children_count"] == 0
    district = api_for(cast.chiangrai_viewer).get("/api/areas/5709").json()
    children = api_for(cast.chiangrai_viewer).get("/api/areas/5709/children", {"limit": 200}).json()
    assert district["children_count"] == children["count"] == len(children["items"]) > 0


def test_an_unknown_area_code_is_404(cast, api_for):
    assert_error(api_for(cast.admin).get("/api/areas/999999"), 404)
    assert_error(api_for(cast.admin).get("/api/areas/999999/children"), 404)


def test_a_coordinator_adds_a_village_to_a_subdistrict_of_their_district(cast, api_for):
    response = api_for(cast.maesai_coordinator).post(
        "/api/areas/570901/villages", {"name_th": "บ้านป่าซาง", "moo": "๓"}
    )
    assert response.status_code == 201, response.content
    assert response.json()["code"] == "57090103"
    assert Area.objects.filter(code="57090103", parent_id="570901").exists()


def test_villages_refuse_the_outsider_the_viewer_and_bad_input(cast, api_for):
    village = {"name_th": "บ้านป่าซาง", "moo": 3}
    assert_error(api_for(cast.mueang_coordinator).post("/api/areas/570901/villages", village), 403)
    assert_error(api_for(cast.phayao_coordinator).post("/api/areas/570901/villages", village), 403)
    assert_error(api_for(cast.chiangrai_viewer).post("/api/areas/570901/villages", village), 403)
    client = api_for(cast.maesai_coordinator)
    assert_error(client.post("/api/areas/999999/villages", village), 422, "subdistrict_code")
    assert_error(client.post("/api/areas/570901/villages", {"name_th": "บ้านป่าซาง"}), 422, "moo")
    assert_error(client.post("/api/areas/570901/villages", {**village, "moo": "สาม"}), 422, "moo")
    assert_error(client.post("/api/areas/570901/villages", {**village, "kind": "castle"}), 422, "kind")
    assert not Area.objects.filter(code__startswith="570901", level="village").exists()


def test_only_an_administrator_creates_and_changes_regions(cast, api_for):
    region = {"name_th": "ภาคเหนือตอนบน", "name_en": "Upper North", "province_codes": ["57", "56"]}
    assert_error(api_for(cast.chiangrai_coordinator).post("/api/regions", region), 403)
    assert not Region.objects.exists()
    admin = api_for(cast.admin)
    created = admin.post("/api/regions", region)
    assert created.status_code == 201, created.content
    region_id = created.json()["id"]
    assert created.json()["province_codes"] == ["56", "57"]
    changed = admin.patch(f"/api/regions/{region_id}", {"province_codes": ["57"]})
    assert changed.json()["province_codes"] == ["57"]
    assert_error(
        api_for(cast.chiangrai_coordinator).patch(f"/api/regions/{region_id}", {"name_en": "x"}), 403
    )
    listed = api_for(cast.chiangrai_viewer).get("/api/regions").json()
    assert [r["id"] for r in listed["items"]] == [region_id]
    assert api_for(cast.chiangrai_viewer).get(f"/api/regions/{region_id}").json()["name_en"] == "Upper North"
    assert_error(admin.get("/api/regions/999"), 404)


def test_a_region_of_unknown_provinces_is_422(cast, api_for):
    response = api_for(cast.admin).post("/api/regions", {"name_th": "ภาคผี", "province_codes": ["99", "5701"]})
    assert_error(response, 422, "provinces")
    assert not Region.objects.exists()
