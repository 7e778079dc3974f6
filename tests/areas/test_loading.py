from sanphalang.areas.loading import load_official_areas
from sanphalang.areas.models import Area


def test_reloading_the_official_areas_updates_in_place(db):
    # given an official name changed by hand
    Area.objects.filter(code="570101").update(name_th="ชื่อผิด", path_th="")
    # when the official list is loaded again
    counts = load_official_areas(Area)
    # then the official name and path are back and nothing is duplicated
    assert counts == {"province": 77, "district": 928, "subdistrict": 7436}
    wiang = Area.objects.get(code="570101")
    assert wiang.name_th == "เวียง"
    assert wiang.path_th == "ตำบลเวียง อำเภอเมืองเชียงราย จังหวัดเชียงราย"
    assert wiang.path_en == "Wiang, Mueang Chiang Rai, Chiang Rai"


def test_bangkok_paths_use_khet_and_khwaeng(db):
    assert Area.objects.get(code="100101").path_th == "แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร"
