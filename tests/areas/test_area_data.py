"""The official areas the migrations load from geothai."""

import gzip

from sanphalang.areas.loading import OFFICIAL_KEYS_FILE, official_area_rows, official_key_lines
from sanphalang.areas.models import Area, AreaLevel


def test_it_holds_every_province_district_and_subdistrict_of_thailand(db):
    # given the migrated database
    # when the areas are counted by level
    counts = {
        level: Area.objects.filter(level=level).count()
        for level in (AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.SUBDISTRICT)
    }
    # then Thailand has 77 provinces, 928 districts and 7,436 subdistricts
    assert counts == {AreaLevel.PROVINCE: 77, AreaLevel.DISTRICT: 928, AreaLevel.SUBDISTRICT: 7436}


def test_the_shipped_area_keys_are_those_the_code_computes():
    # given the keys file shipped with the package and the official areas of the installed geothai
    with gzip.open(OFFICIAL_KEYS_FILE, "rt", encoding="utf-8") as lines:
        shipped = list(lines)
    # when every area's keys are computed again
    computed = list(official_key_lines(official_area_rows()))
    # then the file holds exactly those lines (else run src/sanphalang/areas/data/write_official_keys.py)
    assert shipped == computed
