"""The rules about funds and areas that let the linkage hold on registries it has never seen."""

import datetime as dt

import pytest

from sanphalang.welfare.linkage.clusters import link_records
from sanphalang.welfare.linkage.normalise import (
    MUNICIPALITY,
    PLACE,
    TAMBON,
    VILLAGE,
    normalise_fund_name,
    resolve_area,
    resolve_district,
)
from sanphalang.welfare.linkage.scoring import FundRecord, fund_code_key, prepare, score_pair


def _record(source, row, name, **fields):
    return FundRecord(source=source, row=row, fund_name=name, **fields)


def _score(a, b):
    return score_pair(prepare(a), prepare(b))


@pytest.mark.parametrize(
    "written, kind",
    [
        ("องค์กรสวัสดิการชุมชนตำบลแม่ยาว", TAMBON),
        ("องค์กรสวัสดิการชุมชน ต.แม่ยาว", TAMBON),
        ("องค์กรสวัสดิการชุมชนเทศบาลตำบลแม่ยาว", MUNICIPALITY),
        ("กสช.แม่ยาว", PLACE),
        ("กสช. อบต.แม่ยาว", TAMBON),
        ("กองทุนฯ อบต.แม่ยาว", TAMBON),
        ("กองทุนฯ ทต.แม่ยาว", MUNICIPALITY),
        ("แม่ยาว", PLACE),
    ],
)
def test_the_organisations_name_and_the_abbreviations_reduce_to_the_place(written, kind):
    name = normalise_fund_name(written)
    assert (name.key, name.kind) == ("แม่ยาว", kind)


@pytest.mark.parametrize(
    "written", ["องค์กรสวัสดิการชุมชนบ้านหนองบัว หมู่ที่ 3", "กองทุนสวัสดิการุมชนบ้านหนองบัว ม.3", "กสช.บ้านหนองบัว ม.๓"]
)
def test_a_village_fund_keeps_its_village_through_a_misspelt_prefix(written):
    name = normalise_fund_name(written)
    assert (name.key, name.kind, name.village_number) == ("หนองบัว", VILLAGE, "3")


def test_a_place_name_alone_is_the_tambons_fund_when_it_is_the_subdistricts_name():
    # given the survey's "เมืองยาว" and "บ้านพระ", and a village name that is no subdistrict's
    town = prepare(_record("survey", 1, "เมืองยาว", location="ต.เมืองยาว อ.ห้างฉัตร จ.ลำปาง"))
    ban_phra = prepare(_record("survey", 2, "บ้านพระ", location="ต.บ้านพระ อ.เมืองปราจีนบุรี จ.ปราจีนบุรี"))
    village = prepare(_record("survey", 3, "บ้านหนองบัวแก้ว", location="ต.เมืองยาว อ.ห้างฉัตร จ.ลำปาง"))
    # then the first is the tambon's fund, "บ้านพระ" may be the tambon's or a village's, the last is a village's
    assert town.kind == TAMBON and town.area.subdistrict_code
    assert ban_phra.kind == PLACE and ban_phra.area.subdistrict_code
    assert village.kind == VILLAGE


def test_village_funds_of_one_tambon_stay_apart_from_each_other_and_from_the_tambons_fund():
    area = {"tambon": "แม่ยาว", "district": "เมืองเชียงราย", "province": "เชียงราย"}
    records = [
        _record("program", 1, "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", **area, members=900),
        _record("program", 2, "กองทุนสวัสดิการชุมชนบ้านโนนเย็น หมู่ที่ 9", **area, members=300),
        _record("program", 3, "กองทุนสวัสดิการชุมชนบ้านโป่งเย็น หมู่ที่ 4", **area, members=250),
        _record("matching", 1, "องค์กรสวัสดิการชุมชนตำบลแม่ยาว", **area, members=900),
        # a typo in the prefix and in the village's name, and no village number
        _record("matching", 2, "กองทุนสวัสดิการุมชนบ้านโนนเย็้น", **area, members=300),
        _record("matching", 3, "องค์กรสวัสดิการชุมชนบ้านโป่งเย็น", **area, members=250),
    ]
    result = link_records(records)
    cluster = result.cluster_of
    assert cluster[("program", 1)] == cluster[("matching", 1)]
    assert cluster[("program", 2)] == cluster[("matching", 2)]
    assert cluster[("program", 3)] == cluster[("matching", 3)]
    assert len({cluster[("program", n)] for n in (1, 2, 3)}) == 3


def test_a_village_fund_named_like_its_tambon_is_at_most_a_review_against_the_tambons_fund():
    area = {"tambon": "แม่ยาว", "district": "เมืองเชียงราย", "province": "เชียงราย"}
    score, reasons = _score(
        _record("program", 1, "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", **area, members=500),
        _record("matching", 1, "กองทุนสวัสดิการชุมชนบ้านแม่ยาว", **area, members=500),
    )
    assert score < 0.85 and ("village_vs_tambon",) in reasons


@pytest.mark.parametrize("written", ["อ.เมือง ชลบุรี", "เมือง ชลบุรี", "อำเภอเมืองชลบุรี", "อ.เมือง", "เมืองชลบุร"])
def test_the_capital_district_is_read_however_it_is_written(written):
    assert resolve_district(written, "20") == "2001"


def test_a_wrong_district_of_the_province_gives_way_to_the_tambon():
    # อุ้มผาง is a tambon of อุ้มผาง district, not of เมืองตาก
    area = resolve_area(tambon="อุ้มผาง", district="เมืองตาก", province="ตาก")
    assert area.subdistrict_code.startswith("6308")


def test_a_missing_district_is_found_from_the_tambon_of_the_province():
    assert resolve_area(tambon="อุ้มผาง", province="ตาก").subdistrict_code.startswith("6308")


@pytest.mark.parametrize("misspelt", ["บ้านด่น", "บ้านด่่าน", "บ้านดาน"])
def test_a_misspelt_tambon_resolves_within_one_edit(misspelt):
    exact = resolve_area(tambon="บ้านด่าน", district="บ้านด่าน", province="บุรีรัมย์")
    assert exact.subdistrict_code
    assert resolve_area(tambon=misspelt, district="บ้านด่าน", province="บุรีรัมย์") == exact


def test_transposed_characters_in_a_tambon_are_one_edit():
    exact = resolve_area(tambon="ยะรัง", district="ยะรัง", province="ปัตตานี")
    assert exact.subdistrict_code
    assert resolve_area(tambon="ยะรงั", district="ยะรัง", province="ปัตตานี") == exact


def test_a_blank_tambon_is_read_from_the_tambon_funds_name():
    record = prepare(_record("matching", 1, "กองทุนสวัสดิการ ต.ยะรัง", district="ยะรัง", province="ปัตตานี"))
    assert record.area == resolve_area(tambon="ยะรัง", district="ยะรัง", province="ปัตตานี")


def test_a_tambon_name_several_subdistricts_share_needs_more_than_the_name():
    # "ในเมือง" is a tambon of several districts of Khon Kaen; the survey gives no district
    known = _record(
        "program", 1, "กองทุนสวัสดิการชุมชนตำบลในเมือง", tambon="ในเมือง", district="เมืองขอนแก่น", province="ขอนแก่น"
    )
    vague = _record("survey", 1, "สวัสดิการชุมชน ในเมือง", location="ต.ในเมือง จ.ขอนแก่น")
    assert len(prepare(vague).area.candidates) > 1
    alone, reasons = _score(known, vague)
    assert alone < 0.85 and reasons[1][0] == "one_of_several_subdistricts"
    with_members, _reasons = _score(
        FundRecord(**{**known.__dict__, "members": 420}), FundRecord(**{**vague.__dict__, "members": 420})
    )
    assert with_members >= 0.85


def test_equal_members_founding_dates_and_fund_codes_are_evidence():
    base = {"tambon": "แม่ยาว", "district": "เมืองเชียงราย", "province": "เชียงราย"}
    a = _record("program", 1, "กองทุนฯ บ้านหนองบัว", **base)
    b = _record("matching", 1, "กองทุนฯ บ้านหนองบัวแก้ว", **base)
    plain, _ = _score(a, b)
    founded = dt.date(2010, 5, 1)
    evidence = {"members": 312, "founded": founded}
    richer, reasons = _score(
        FundRecord(**{**a.__dict__, **evidence, "fund_code": "57-0101-3"}),
        FundRecord(**{**b.__dict__, **evidence, "fund_code": "5701013"}),
    )
    codes = {reason[0] for reason in reasons}
    assert {"members_equal", "same_founded", "same_fund_code"} <= codes
    assert richer > plain
    assert fund_code_key("๕๗-0101 3") == "5701013"


def test_founding_years_far_apart_count_against_a_link():
    base = {"tambon": "แม่ยาว", "district": "เมืองเชียงราย", "province": "เชียงราย"}
    a = _record("program", 1, "กองทุนฯ บ้านหนองบัว", **base, founded=dt.date(2008, 1, 1))
    b = _record("matching", 1, "กองทุนฯ บ้านหนองบัว", **base, founded=dt.date(2015, 1, 1))
    _score_value, reasons = _score(a, b)
    assert ("founded_apart", 2551, 2558) in reasons


def test_a_village_funds_name_may_end_with_its_tambon():
    name = normalise_fund_name("กองทุนสวัสดิการชุมชนบ้านหนองบัว ม.3 ต.แม่ยาว")
    assert (name.key, name.kind, name.village_number, name.tambon_hint) == ("หนองบัว", VILLAGE, "3", "แม่ยาว")
    record = prepare(_record("survey", 1, "กองทุนสวัสดิการชุมชนบ้านหนองบัว ม.3 ต.แม่ยาว", location="จ.เชียงราย"))
    assert record.area == resolve_area(tambon="แม่ยาว", province="เชียงราย")


def test_a_town_communitys_fund_is_told_apart_by_its_community_like_a_village():
    area = {"tambon": "เวียง", "district": "เมืองเชียงราย", "province": "เชียงราย"}
    north, south = (
        prepare(_record("program", n, f"กองทุนสวัสดิการชุมชน ชุมชน{name}", **area, members=300))
        for n, name in ((1, "ตลาดเหนือ"), (2, "ตลาดใต้"))
    )
    assert (north.name.key, north.kind) == ("ตลาดเหนือ", VILLAGE)
    score, reasons = score_pair(north, south)
    assert score < 0.85 and ("different_villages",) in reasons
