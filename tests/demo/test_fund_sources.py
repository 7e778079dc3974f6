"""The generated national registry makes every way real offices write a fund, at rates each seed draws anew."""

from collections import Counter

import geothai
import pytest

from sanphalang.demo.fund_sources import BASE_RATES, generate_registry
from sanphalang.welfare.linkage.normalise import area_name

# Provinces where the offices' mistakes show: Chon Buri's capital district, Pattani's ยะรัง, Ayutthaya's บ้าน… tambons.
PROVINCES = ("57", "20", "94", "63", "14", "84")


@pytest.fixture(scope="module")
def registry():
    # more funds than the provinces have tambons: the rest are municipalities' and villages'
    return generate_registry(1800, seed=2562, provinces=PROVINCES)


def test_at_national_size_it_covers_all_77_provinces_in_about_24000_rows():
    national = generate_registry(9900, seed=7321, provinces=tuple(p.code for p in geothai.provinces()))
    assert len({f.province for f in national.funds}) == 77
    assert 22_000 < sum(len(rows) for rows in national.sources.values()) < 26_000


def _pairs(registry):
    funds = {f.fund_id: f for f in registry.funds}
    for rows in registry.sources.values():
        for record in rows:
            yield record, funds[registry.truth[record.ref]]


def _tambon_as_written(record):
    if record.source == "survey":
        part = next((p for p in record.location.split() if p.startswith("ต.")), "")
        return part[2:]
    return record.tambon.removeprefix("ต.")


def _district_as_written(record):
    if record.source == "survey":
        parts = record.location.split(" จ.")[0].split("อ.")
        return parts[1].strip() if len(parts) > 1 else ""
    return record.district.removeprefix("อ.")


def test_each_variation_of_names_is_made(registry):
    names = Counter()
    for record, fund in _pairs(registry):
        name = record.fund_name
        names["organisation tambon"] += name.startswith("องค์กรสวัสดิการชุมชนตำบล")
        names["organisation village"] += name.startswith("องค์กรสวัสดิการชุมชนบ้าน")
        names["place only"] += record.source == "survey" and name in (fund.core_name, "บ้าน" + fund.core_name)
        names["กสช."] += name.startswith("กสช.")
        names["กองทุนฯ ทต."] += name.startswith("กองทุนฯ ทต.")
        names["อบต."] += "อบต." in name
        names["prefix typo"] += name.startswith("กองทุนสวัสดิการุมชน") or name.startswith("สวัสดการชุมชน")
        names["village name typo"] += fund.kind == "village" and fund.core_name not in name
        names["community"] += fund.kind == "community" and "ชุมชน" + fund.core_name in name
    assert all(names[variation] > 0 for variation in names), names


def test_several_village_funds_share_a_tambon_with_its_tambon_fund(registry):
    villages = Counter(f.area_code for f in registry.funds if f.kind in ("village", "community"))
    tambons = {f.area_code for f in registry.funds if f.kind == "tambon"}
    shared = [code for code, n in villages.items() if n >= 2 and code in tambons]
    assert len(shared) >= 10
    for code in shared:
        below = [f for f in registry.funds if f.kind in ("village", "community") and f.area_code == code]
        numbers = [f.village_number for f in below]
        assert len(numbers) == len(set(numbers))  # numbered apart


def test_each_variation_of_areas_is_made(registry):
    districts = {d.name_th for p in geothai.provinces() for d in geothai.districts(p.code)}
    areas = Counter()
    for record, fund in _pairs(registry):
        district = _district_as_written(record)
        tambon = _tambon_as_written(record)
        areas["wrong district"] += district in districts and district not in (fund.district, "เมือง")
        areas["เมือง spaced"] += district == "เมือง " + fund.province
        areas["no district"] += district == ""
        areas["blank tambon"] += tambon == ""
        transposed = len(tambon) == len(fund.subdistrict) and sorted(tambon) == sorted(fund.subdistrict)
        areas["transposed tambon"] += transposed and tambon != fund.subdistrict
        areas["misspelt tambon"] += bool(tambon) and not transposed and tambon != fund.subdistrict
    assert all(areas[variation] > 0 for variation in areas), areas
    assert area_name("อ.เมือง ชลบุรี") == "เมืองชลบุรี"


def test_sources_share_member_counts_founding_dates_and_fund_codes(registry):
    seen = {}
    agreements = Counter()
    for record, fund in _pairs(registry):
        earlier = seen.setdefault(fund.fund_id, record)
        if earlier is record or earlier.source == record.source:
            continue
        agreements["members"] += record.members is not None and record.members == earlier.members
        agreements["founded"] += record.founded is not None and record.founded == earlier.founded
        agreements["fund code"] += bool(record.fund_code) and record.fund_code == earlier.fund_code
    assert min(agreements.values()) > 100, agreements


def test_the_rates_of_noise_vary_with_the_seed():
    first = generate_registry(50, seed=1).rates
    second = generate_registry(50, seed=2).rates
    assert set(first) == set(BASE_RATES)
    assert all(first[name] != second[name] for name in BASE_RATES)
    assert all(0.5 * BASE_RATES[n] <= first[n] <= 1.5 * BASE_RATES[n] for n in BASE_RATES)
