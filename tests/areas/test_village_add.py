"""Adding a village to a subdistrict from its page."""

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.services import village_create

URL = "/areas/570101/villages/"


def village_form(**overrides) -> dict:
    return {
        "kind": AreaLevel.VILLAGE,
        "moo": "๕",
        "name_th": "บ้านป่าซาง",
        "name_en": "Ban Pa Sang",
        **overrides,
    }


def test_the_coordinator_of_the_district_sees_the_add_village_form(cast, client_for):
    # given the coordinator of Mueang Chiang Rai
    # when they open a subdistrict of their district
    response = client_for(cast.mueang_coordinator).get("/areas/570101/")
    # then the add-village form is shown
    assert response.context["village_form"] is not None
    assert b'action="/areas/570101/villages/"' in response.content


def test_it_stores_a_village_typed_with_thai_digits(cast, client_for):
    # given the coordinator of Mueang Chiang Rai
    client = client_for(cast.mueang_coordinator)
    # when they add village number "๕" to Tambon Wiang
    response = client.post(URL, village_form())
    # then it is stored as moo 5 with the village code of the subdistrict
    assert response.status_code == 302
    village = Area.objects.get(code="57010105")
    assert (village.moo, village.level, village.parent_id, village.is_official) == (
        5,
        AreaLevel.VILLAGE,
        "570101",
        False,
    )
    assert village.name_en == "Ban Pa Sang"
    # and it is listed on the subdistrict's page
    page = client.get("/areas/570101/")
    assert "57010105" in [a.code for a in page.context["listing"].page]


def test_it_adds_an_urban_community_without_a_number(cast, client_for):
    # given the coordinator of Mueang Chiang Rai
    client = client_for(cast.mueang_coordinator)
    # when they add an urban community
    client.post(URL, village_form(kind=AreaLevel.COMMUNITY, moo="", name_th="ชุมชนสันโค้ง"))
    # then it gets the first community code
    assert Area.objects.get(code="570101C001").level == AreaLevel.COMMUNITY


def test_a_village_number_already_taken_is_shown_at_the_field(cast, client_for):
    # given village no. 5 of Tambon Wiang is registered
    village_create(by=cast.mueang_coordinator, subdistrict_code="570101", name_th="บ้านเดิม", moo=5)
    # when the coordinator adds another village no. 5
    response = client_for(cast.mueang_coordinator).post(URL, village_form())
    # then the page shows the error at the number field and nothing more is written
    assert response.status_code == 200
    form = response.context["village_form"]
    assert "moo" in form.errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert Area.objects.filter(parent_id="570101").count() == 1


def test_a_village_without_a_number_is_refused_at_the_field(cast, client_for):
    response = client_for(cast.mueang_coordinator).post(URL, village_form(moo=""))
    assert "moo" in response.context["village_form"].errors
    assert not Area.objects.filter(parent_id="570101").exists()


def test_it_refuses_a_coordinator_of_another_district(cast, client_for):
    # given the coordinator of Mueang Chiang Rai
    client = client_for(cast.mueang_coordinator)
    # when they add a village to Tambon Mae Sai, in Mae Sai district
    response = client.post("/areas/570901/villages/", village_form())
    # then they are refused, are not offered the form, and nothing is written
    assert response.status_code == 403
    assert client.get("/areas/570901/").context["village_form"] is None
    assert not Area.objects.filter(parent_id="570901").exists()


def test_it_refuses_a_viewer(cast, client_for):
    # given a read-only viewer of Chiang Rai
    client = client_for(cast.chiangrai_viewer)
    # when they try to add a village
    response = client.post(URL, village_form())
    # then they are refused and nothing is written
    assert response.status_code == 403
    assert client.get("/areas/570101/").context["village_form"] is None
    assert not Area.objects.filter(parent_id="570101").exists()


def test_it_refuses_a_coordinator_of_another_province(cast, client_for):
    response = client_for(cast.phayao_coordinator).post(URL, village_form())
    assert response.status_code == 403
    assert not Area.objects.filter(parent_id="570101").exists()


def test_villages_are_added_only_to_subdistricts(cast, client_for):
    response = client_for(cast.mueang_coordinator).post("/areas/5701/villages/", village_form())
    assert response.status_code == 404


def test_adding_a_village_needs_a_post(cast, client_for):
    response = client_for(cast.mueang_coordinator).get(URL)
    assert response.status_code == 405
