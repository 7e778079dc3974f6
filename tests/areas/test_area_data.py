"""The official areas the migrations load from geothai."""

from sanphalang.areas.models import Area, AreaLevel


def test_it_holds_every_province_district_and_subdistrict_of_thailand(db):
    # given the migrated database
    # when the areas are counted by level
    counts = {level: Area.objects.filter(level=level).count()
              for level in (AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.SUBDISTRICT)}
    # then Thailand has 77 provinces, 928 districts and 7,436 subdistricts
    assert counts == {AreaLevel.PROVINCE: 77, AreaLevel.DISTRICT: 928, AreaLevel.SUBDISTRICT: 7436}
