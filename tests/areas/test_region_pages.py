"""The region pages: anyone signed in reads them, only administrators create or change them."""

from sanphalang.areas.models import Region
from sanphalang.areas.services import region_create


def region_form(**overrides) -> dict:
    return {
        "name_th": "ภาคเหนือตอนบน",
        "name_en": "Upper North",
        "description": "",
        "provinces": ["57", "56"],
        "province_codes": "",
        **overrides,
    }


def test_an_administrator_creates_a_region_by_ticking_and_typing_codes(cast, client_for):
    # given an administrator
    client = client_for(cast.admin)
    # when they tick Chiang Rai and Phayao and type Chiang Mai's code in Thai digits
    response = client.post("/areas/regions/new/", region_form(province_codes="๕๐"))
    # then the region holds the three provinces
    region = Region.objects.get(name_th="ภาคเหนือตอนบน")
    assert response.status_code == 302
    assert response["Location"] == f"/areas/regions/{region.slug}/"
    assert sorted(region.provinces.values_list("code", flat=True)) == ["50", "56", "57"]
    # and its page lists them in Thai order
    provinces = client.get(response["Location"]).context["provinces"]
    assert sorted(p.code for p in provinces) == ["50", "56", "57"]
    assert [p.sort_key for p in provinces] == sorted(p.sort_key for p in provinces)


def test_a_code_that_is_not_a_province_is_shown_at_the_field(cast, client_for):
    # given an administrator
    # when they type a district code among the provinces
    response = client_for(cast.admin).post(
        "/areas/regions/new/", region_form(provinces=[], province_codes="57, 5701")
    )
    # then the provinces field says so and no region is written
    assert "provinces" in response.context["form"].errors
    assert not Region.objects.exists()


def test_a_region_needs_a_province(cast, client_for):
    response = client_for(cast.admin).post("/areas/regions/new/", region_form(provinces=[]))
    assert "provinces" in response.context["form"].errors
    assert not Region.objects.exists()


def test_an_administrator_changes_a_region(cast, client_for):
    # given a region of Chiang Rai alone
    region = region_create(by=cast.admin, name_th="เชียงราย", name_en="Chiang Rai", province_codes=["57"])
    # when an administrator renames it and adds Phayao
    response = client_for(cast.admin).post(
        f"/areas/regions/{region.slug}/edit/", region_form(name_th="เชียงราย-พะเยา", provinces=["57", "56"])
    )
    # then the region is changed
    region.refresh_from_db()
    assert response.status_code == 302
    assert region.name_th == "เชียงราย-พะเยา"
    assert sorted(region.provinces.values_list("code", flat=True)) == ["56", "57"]


def test_it_refuses_a_coordinator_to_create_or_change_regions(cast, client_for):
    # given a provincial coordinator and a region
    region = region_create(by=cast.admin, name_th="เชียงราย", name_en="Chiang Rai", province_codes=["57"])
    client = client_for(cast.chiangrai_coordinator)
    # when they open or submit the region forms
    responses = [
        client.get("/areas/regions/new/"),
        client.post("/areas/regions/new/", region_form()),
        client.get(f"/areas/regions/{region.slug}/edit/"),
        client.post(f"/areas/regions/{region.slug}/edit/", region_form(name_th="อื่น")),
    ]
    # then every one is refused and nothing changes
    assert [r.status_code for r in responses] == [403, 403, 403, 403]
    assert list(Region.objects.values_list("name_th", flat=True)) == ["เชียงราย"]


def test_anyone_signed_in_reads_the_regions(cast, client_for):
    # given a region
    region = region_create(by=cast.admin, name_th="เชียงราย", name_en="Chiang Rai", province_codes=["57"])
    client = client_for(cast.phayao_coordinator)
    # when a coordinator of another province opens the list and the region
    listing = client.get("/areas/regions/")
    detail = client.get(f"/areas/regions/{region.slug}/")
    # then they read them, without the buttons to change them
    assert list(listing.context["regions"]) == [region]
    assert detail.status_code == 200
    assert b"/areas/regions/new/" not in listing.content
