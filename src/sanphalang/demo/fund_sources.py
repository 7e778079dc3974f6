"""Three disagreeing sources of welfare-fund records with known truth, for tests, the demo and the benchmark."""

import random
from dataclasses import dataclass
from datetime import date

import geothai

from sanphalang.thai.digits import to_thai_digits
from sanphalang.welfare.linkage.scoring import FundRecord

SOURCES = ("program", "matching", "survey")
# Share of the funds each source holds: every source misses some.
COVERAGE = {"program": 0.9, "matching": 0.82, "survey": 0.76}
DUPLICATE_RATE = 0.006
STATUS_LABELS = {
    "program": {"active": "ดำเนินการ", "paused": "หยุดชั่วคราว", "dissolved": "ยุบเลิก"},
    "matching": {"active": "active", "paused": "paused", "dissolved": "dissolved"},
    "survey": {"active": "ยังดำเนินการ", "paused": "ชะงัก", "dissolved": "เลิกแล้ว"},
}
VILLAGE_HEADS = (
    "หนอง",
    "ดอน",
    "ป่า",
    "ห้วย",
    "โป่ง",
    "ทุ่ง",
    "สัน",
    "นา",
    "บ่อ",
    "ปาง",
    "ดง",
    "ท่า",
    "วัง",
    "โนน",
    "ร่อง",
    "ม่วง",
    "ต้น",
    "ผา",
    "เด่น",
    "แม่",
)
VILLAGE_TAILS = (
    "บัว",
    "แก้ว",
    "ทอง",
    "คำ",
    "หลวง",
    "ใหม่",
    "เหนือ",
    "ใต้",
    "ยาง",
    "งาม",
    "สัก",
    "ขาม",
    "ซาง",
    "แดง",
    "เกลือ",
    "ไร่",
    "เย็น",
    "ผึ้ง",
    "จำปา",
    "มะม่วง",
    "ตอง",
    "เจริญ",
    "สามัคคี",
    "พัฒนา",
)
_TONE_MARKS = "่้๊๋"
NAME_FORMS = {
    "tambon": (
        "กองทุนสวัสดิการชุมชนตำบล{x}",
        "กองทุนสวัสดิการ ต.{x}",
        "กองทุนฯ ตำบล{x}",
        "สวัสดิการชุมชน {x}",
        "กองทุนสวัสดิการชุมชน ต.{x}",
        "กองทุนสวัสดิการชุมชนตำบล{x} อ.{d} จ.{p}",
    ),
    "municipality": (
        "กองทุนสวัสดิการชุมชนเทศบาลตำบล{x}",
        "กองทุนสวัสดิการ ทต.{x}",
        "กองทุนฯ เทศบาลตำบล{x}",
        "สวัสดิการชุมชน ทต. {x}",
        "กองทุนสวัสดิการชุมชนเทศบาลตำบล{x} อ.{d}",
    ),
    "village": (
        "กองทุนสวัสดิการชุมชนบ้าน{x}",
        "กองทุนสวัสดิการ บ้าน{x} หมู่ {n}",
        "กองทุนฯ บ้าน{x}",
        "สวัสดิการชุมชนบ้าน {x}",
        "กองทุนสวัสดิการชุมชนบ้าน{x} ม.{n}",
        "กองทุนสวัสดิการชุมชนบ้าน{x} หมู่ที่ {n}",
    ),
    "community": (
        "กองทุนสวัสดิการชุมชน ชุมชน{x}",
        "กองทุนสวัสดิการชุมชนชุมชน{x}",
        "กองทุนฯ ชุมชน{x}",
        "สวัสดิการชุมชน ชุมชน{x}",
    ),
}
# A town's funds below the tambon are its communities' ("ชุมชนตลาดเหนือ"), as a village's are its village's.
COMMUNITY_HEADS = ("ตลาด", "วัด", "ท่าน้ำ", "หัวสะพาน", "สถานี", "โรงสี", "หลังวัด", "ริมน้ำ")
COMMUNITY_SHARE = 0.2
# The matching list names a fund by the welfare organisation registered for it.
ORGANISATION_FORMS = {
    "tambon": ("องค์กรสวัสดิการชุมชนตำบล{x}", "องค์กรสวัสดิการชุมชน ต.{x}"),
    "municipality": ("องค์กรสวัสดิการชุมชนเทศบาลตำบล{x}", "องค์กรสวัสดิการชุมชน ทต.{x}"),
    "village": ("องค์กรสวัสดิการชุมชนบ้าน{x}", "องค์กรสวัสดิการชุมชนบ้าน{x} หมู่ที่ {n}"),
    "community": ("องค์กรสวัสดิการชุมชน ชุมชน{x}",),
}
# What a network survey writes in a hurry: the place alone, or the abbreviations of the fund and the council.
PLACE_FORMS = {
    "tambon": ("{x}",),
    "municipality": ("เทศบาลตำบล{x}", "ทต.{x}"),
    "village": ("บ้าน{x}",),
    "community": ("ชุมชน{x}",),
}
ABBREVIATED_FORMS = {
    "tambon": ("กสช.{x}", "กสช.ต.{x}", "กสช. อบต.{x}", "กองทุนฯ อบต.{x}"),
    "municipality": ("กองทุนฯ ทต.{x}", "กสช.ทต.{x}"),
    "village": ("กสช.บ้าน{x}", "กสช.บ้าน{x} ม.{n}"),
    "community": ("กสช.ชุมชน{x}",),
}
# The generic words a name opens with, where a typist may drop or swap a letter ("กองทุนสวัสดิการุมชน…").
_GENERIC_OPENINGS = ("องค์กรสวัสดิการชุมชน", "กองทุนสวัสดิการชุมชน", "กองทุนสวัสดิการ", "สวัสดิการชุมชน")
# Each kind of noise at its typical rate: every seed draws its own rates around these, so no rate is tuned to one.
BASE_RATES = {
    "name_typo": 0.07,  # the fund's own name misspelt
    "prefix_typo": 0.05,  # a letter dropped or swapped in the generic words
    "organisation_name": 0.35,  # matching list: the welfare organisation's registered name
    "place_only": 0.1,  # survey: the place name alone
    "abbreviated": 0.15,  # survey: "กสช.", "กองทุนฯ ทต.", "อบต."
    "wrong_district": 0.03,  # another district of the same province
    "no_district": 0.05,
    "capital_spaced": 0.3,  # "อ.เมือง ชลบุรี" for the capital district
    "tambon_typo": 0.04,  # a letter dropped or changed ("บ้านด่น")
    "tambon_transposed": 0.03,  # two letters swapped ("ยะรงั")
    "tambon_blank": 0.06,
    "members_moved": 0.3,  # the count differs by a few percent
    "status_wrong": 0.05,
    "founded_moved": 0.05,  # a year off
    "matching_code": 0.5,  # matching list gives the fund code
    "village_host": 0.35,  # share of village funds put in a tambon that already has others
}


def noise_rates(rng: random.Random) -> dict[str, float]:
    """This seed's rate of each kind of noise: between half and one and a half times its base rate."""
    return {name: min(0.95, rate * rng.uniform(0.5, 1.5)) for name, rate in BASE_RATES.items()}


@dataclass(frozen=True)
class Fund:
    fund_id: str
    kind: str  # tambon, municipality, village or community
    core_name: str
    village_number: int
    subdistrict: str
    district: str
    province: str
    members: int
    status: str
    founded: date
    fund_code: str
    area_code: str  # the subdistrict's


def _areas(provinces) -> list[tuple]:
    areas = []
    for province_code in provinces:
        province = geothai.province(province_code)
        for district in geothai.districts(province_code):
            for subdistrict in geothai.subdistricts(district.code):
                areas.append((subdistrict, district, province))
    return areas


def plan_funds(
    n_funds: int, rng: random.Random, provinces, *, village_host_rate: float = BASE_RATES["village_host"]
) -> list[Fund]:
    """n funds in real subdistricts of the provinces: one of each tambon, some municipal and village ones.

    Village funds gather: a share of them go to a tambon that already has village funds, so that one tambon
    holds several, each named after its own village and numbered apart."""
    areas = _areas(provinces)
    n_municipality = round(n_funds * 0.15)
    n_tambon = min(len(areas), n_funds - n_municipality)
    tambon_areas = rng.sample(areas, n_tambon)
    municipality_areas = rng.sample(tambon_areas, min(n_municipality, n_tambon))
    taken = {(s.code, s.name_th) for s, _d, _p in tambon_areas}
    plan = [("tambon", a, a[0].name_th, 0) for a in tambon_areas] + [
        ("municipality", a, a[0].name_th, 0) for a in municipality_areas
    ]
    hosts: list[tuple] = []
    numbers: dict[str, set[int]] = {}
    while len(plan) < n_funds:
        area = rng.choice(hosts) if hosts and rng.random() < village_host_rate else rng.choice(areas)
        kind = "community" if rng.random() < COMMUNITY_SHARE else "village"
        name = rng.choice(COMMUNITY_HEADS if kind == "community" else VILLAGE_HEADS) + rng.choice(
            VILLAGE_TAILS
        )
        used = numbers.setdefault(area[0].code, set())
        if (area[0].code, name) in taken or name == area[0].name_th or len(used) >= 15:
            continue
        taken.add((area[0].code, name))
        number = rng.choice([n for n in range(1, 16) if n not in used])
        used.add(number)
        hosts.append(area)
        plan.append((kind, area, name, number))
    funds = []
    for number, (kind, (subdistrict, district, province), name, village) in enumerate(plan, start=1):
        funds.append(
            Fund(
                fund_id=f"T{number:06d}",
                kind=kind,
                core_name=name,
                village_number=village or rng.randint(1, 15),
                subdistrict=subdistrict.name_th,
                district=district.name_th,
                province=province.name_th,
                members=int(rng.lognormvariate(6.3, 0.7)) + 30,
                status=rng.choices(("active", "paused", "dissolved"), weights=(88, 8, 4))[0],
                founded=date(rng.randint(2005, 2018), rng.randint(1, 12), rng.randint(1, 28)),
                fund_code=f"{subdistrict.code}-{number:05d}",
                area_code=subdistrict.code,
            )
        )
    return funds


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    kind = rng.choice(("drop", "swap", "tone"))
    position = rng.randrange(1, len(text) - 1)
    if kind == "tone":
        marks = [i for i, ch in enumerate(text) if ch in _TONE_MARKS]
        if marks:
            i = rng.choice(marks)
            replacement = rng.choice([m for m in _TONE_MARKS if m != text[i]] + [""])
            return text[:i] + replacement + text[i + 1 :]
        return text[:position] + rng.choice("่้") + text[position:]
    if kind == "drop":
        return text[:position] + text[position + 1 :]
    return _transposed(text, position)


def _transposed(text: str, position: int) -> str:
    return text[: position - 1] + text[position] + text[position - 1] + text[position + 1 :]


def _misspelt_area(name: str, rng: random.Random, rates: dict[str, float]) -> str:
    """A tambon as a typist may write it: a letter dropped or changed, two swapped, or left blank."""
    roll = rng.random()
    if roll < rates["tambon_blank"]:
        return ""
    roll -= rates["tambon_blank"]
    if len(name) >= 3 and roll < rates["tambon_transposed"]:
        return _transposed(name, rng.randrange(1, len(name)))
    roll -= rates["tambon_transposed"]
    if len(name) >= 4 and roll < rates["tambon_typo"]:
        i = rng.randrange(1, len(name))
        if rng.random() < 0.5:
            return name[:i] + name[i + 1 :]
        return name[:i] + rng.choice("กนมยรวอ") + name[i + 1 :]
    return name


def _prefix_typo(name: str, rng: random.Random) -> str:
    """A letter dropped or two swapped inside the generic words the name opens with."""
    for opening in _GENERIC_OPENINGS:
        if name.startswith(opening):
            i = rng.randrange(2, len(opening) - 1)
            changed = opening[:i] + opening[i + 1 :] if rng.random() < 0.6 else _transposed(opening, i)
            return changed + name[len(opening) :]
    return name


def _district_as_written(fund: Fund, rng: random.Random, rates: dict[str, float], others: list[str]) -> str:
    """The fund's district as a source writes it: another district of the province by mistake, nothing, the
    capital district as "เมือง" or "เมือง ชลบุรี", or as it is."""
    roll = rng.random()
    if others and roll < rates["wrong_district"]:
        return rng.choice(others)
    if roll < rates["wrong_district"] + rates["no_district"]:
        return ""
    if fund.district == "เมือง" + fund.province:
        roll = rng.random()
        if roll < 0.4:
            return "เมือง"
        if roll < 0.4 + rates["capital_spaced"]:
            return "เมือง " + fund.province
    return fund.district


def _fund_name(fund: Fund, source: str, rng: random.Random, rates: dict[str, float], district: str) -> str:
    core = _typo(fund.core_name, rng) if rng.random() < rates["name_typo"] else fund.core_name
    forms = NAME_FORMS[fund.kind]
    if source == "matching" and rng.random() < rates["organisation_name"]:
        forms = ORGANISATION_FORMS[fund.kind]
    elif source == "survey":
        roll = rng.random()
        if roll < rates["place_only"]:
            forms = PLACE_FORMS[fund.kind]
        elif roll < rates["place_only"] + rates["abbreviated"]:
            forms = ABBREVIATED_FORMS[fund.kind]
    number = str(fund.village_number) if rng.random() < 0.5 else to_thai_digits(str(fund.village_number))
    name = rng.choice(forms).format(x=core, d=district or fund.district, p=fund.province, n=number)
    return _prefix_typo(name, rng) if rng.random() < rates["prefix_typo"] else name


def _record(
    fund: Fund, source: str, row: int, rng: random.Random, rates: dict[str, float], others: list[str]
) -> FundRecord:
    district = _district_as_written(fund, rng, rates, others)
    name = _fund_name(fund, source, rng, rates, district)
    members = fund.members
    if rng.random() < rates["members_moved"]:
        members = max(1, round(members * rng.uniform(0.93, 1.07)))
    status = fund.status
    if rng.random() < rates["status_wrong"]:
        status = rng.choice(("active", "paused", "dissolved"))
    founded = fund.founded
    if rng.random() < rates["founded_moved"]:
        founded = founded.replace(year=founded.year + rng.choice((-1, 1)))
    fields = {"members": members, "status": STATUS_LABELS[source][status], "founded": founded}
    tambon = _misspelt_area(fund.subdistrict, rng, rates)
    if source == "program":
        fields.update(tambon=tambon, district=district, province=fund.province, fund_code=fund.fund_code)
    elif source == "matching":
        prefixed = bool(tambon) and rng.random() < 0.4
        fields.update(
            tambon=("ต." + tambon) if prefixed else tambon,
            district=("อ." if district and rng.random() < 0.5 else "") + district,
            # a district named "เมือง" is only ever written with its province
            province="" if rng.random() < 0.2 and district not in ("เมือง", "") else "จ." + fund.province,
            fund_code=fund.fund_code if rng.random() < rates["matching_code"] else "",
        )
    else:
        place = f"ต.{tambon} " if tambon else ""
        fields.update(
            location=f"{place}{'อ.' + district + ' ' if district else ''}จ.{fund.province}",
            founded=None,
            members=None if rng.random() < 0.1 else members,
        )
    return FundRecord(source=source, row=row, fund_name=name, **fields)


@dataclass
class Registry:
    """Generated sources with their truth, the funds behind them and the rates of noise this seed drew."""

    sources: dict[str, list[FundRecord]]
    truth: dict[tuple[str, int], str]  # (source, row) → fund id
    funds: list[Fund]
    rates: dict[str, float]


def generate_registry(n_funds: int, *, seed: int, provinces: tuple[str, ...] = ("57",)) -> Registry:
    """n funds in real subdistricts, seen by three sources with their own gaps, spellings and mistakes.

    Rows are numbered from 1 in each source. Some tambons hold both a tambon fund and a municipality fund of the
    same name, and several village funds, which are all different funds. How often each mistake is made is drawn
    from the seed too.
    """
    rng = random.Random(seed)
    rates = noise_rates(rng)
    coverage = {name: share * rng.uniform(0.97, 1.0) for name, share in COVERAGE.items()}
    funds = plan_funds(n_funds, rng, provinces, village_host_rate=rates["village_host"])
    districts: dict[str, list[str]] = {}
    for fund in funds:
        districts.setdefault(fund.province, [])
        if fund.district not in districts[fund.province]:
            districts[fund.province].append(fund.district)
    for province, names in districts.items():
        # any district of the province may be written by mistake, not only those holding funds
        code = next(p.code for p in geothai.provinces() if p.name_th == province)
        names[:] = sorted({d.name_th for d in geothai.districts(code)})
    sources: dict[str, list[FundRecord]] = {}
    truth: dict[tuple[str, int], str] = {}
    for source in SOURCES:
        chosen = [f for f in funds if rng.random() < coverage[source]]
        chosen += [f for f in chosen if rng.random() < DUPLICATE_RATE]
        rng.shuffle(chosen)
        records = []
        for row, fund in enumerate(chosen, start=1):
            others = [d for d in districts[fund.province] if d != fund.district]
            records.append(_record(fund, source, row, rng, rates, others))
            truth[(source, row)] = fund.fund_id
        sources[source] = records
    return Registry(sources=sources, truth=truth, funds=funds, rates=rates)


def generate_sources(
    n_funds: int, *, seed: int, provinces: tuple[str, ...] = ("57",)
) -> tuple[dict[str, list[FundRecord]], dict[tuple[str, int], str]]:
    """generate_registry's sources and truth: (source, row) → fund id."""
    registry = generate_registry(n_funds, seed=seed, provinces=provinces)
    return registry.sources, registry.truth
