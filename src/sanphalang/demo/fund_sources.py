"""Three disagreeing sources of welfare-fund records with known truth, for tests, the demo and the benchmark."""

import random
from dataclasses import dataclass
from datetime import date

import geothai

from sanphalang.thai.digits import to_thai_digits
from sanphalang.welfare.linkage.scoring import FundRecord

SOURCES = ("program", "matching", "survey")
# Share of the funds each source holds: every source misses some.
COVERAGE = {"program": 0.97, "matching": 0.93, "survey": 0.90}
DUPLICATE_RATE = 0.006
TYPO_RATE = 0.08
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
    ),
}


@dataclass(frozen=True)
class Fund:
    fund_id: str
    kind: str  # tambon, municipality or village
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


def plan_funds(n_funds: int, rng: random.Random, provinces) -> list[Fund]:
    """n funds in real subdistricts of the provinces: one of each tambon, some municipal and village ones."""
    areas = _areas(provinces)
    n_municipality = round(n_funds * 0.15)
    n_tambon = min(len(areas), n_funds - n_municipality)
    tambon_areas = rng.sample(areas, n_tambon)
    municipality_areas = rng.sample(tambon_areas, min(n_municipality, n_tambon))
    taken = {(s.code, s.name_th) for s, _d, _p in tambon_areas}
    plan = [("tambon", a, a[0].name_th) for a in tambon_areas] + [
        ("municipality", a, a[0].name_th) for a in municipality_areas
    ]
    while len(plan) < n_funds:
        area = rng.choice(areas)
        name = rng.choice(VILLAGE_HEADS) + rng.choice(VILLAGE_TAILS)
        if (area[0].code, name) in taken or name == area[0].name_th:
            continue
        taken.add((area[0].code, name))
        plan.append(("village", area, name))
    funds = []
    for number, (kind, (subdistrict, district, province), name) in enumerate(plan, start=1):
        funds.append(
            Fund(
                fund_id=f"T{number:06d}",
                kind=kind,
                core_name=name,
                village_number=rng.randint(1, 15),
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
    return text[: position - 1] + text[position] + text[position - 1] + text[position + 1 :]


def _district_as_written(district: str, province: str, rng: random.Random) -> str:
    if district == "เมือง" + province and rng.random() < 0.6:
        return "เมือง"
    return district


def _record(fund: Fund, source: str, row: int, rng: random.Random) -> FundRecord:
    core = _typo(fund.core_name, rng) if rng.random() < TYPO_RATE else fund.core_name
    district = _district_as_written(fund.district, fund.province, rng)
    number = str(fund.village_number) if rng.random() < 0.5 else to_thai_digits(str(fund.village_number))
    name = rng.choice(NAME_FORMS[fund.kind]).format(x=core, d=district, p=fund.province, n=number)
    members = fund.members
    if rng.random() < 0.3:
        members = max(1, round(members * rng.uniform(0.93, 1.07)))
    status = fund.status
    if rng.random() < 0.05:
        status = rng.choice(("active", "paused", "dissolved"))
    founded = fund.founded
    if rng.random() < 0.05:
        founded = founded.replace(year=founded.year + rng.choice((-1, 1)))
    fields = {"members": members, "status": STATUS_LABELS[source][status], "founded": founded}
    tambon = fund.subdistrict
    if rng.random() < 0.05:
        tambon = _typo(tambon, rng)
    if source == "program":
        fields.update(tambon=tambon, district=fund.district, province=fund.province, fund_code=fund.fund_code)
    elif source == "matching":
        roll = rng.random()
        fields.update(
            tambon="" if roll < 0.15 else ("ต." + tambon if roll < 0.5 else tambon),
            district=("อ." if rng.random() < 0.5 else "") + district,
            # a district named "เมือง" is only ever written with its province
            province="" if rng.random() < 0.2 and district != "เมือง" else "จ." + fund.province,
            fund_code=fund.fund_code if rng.random() < 0.5 else "",
        )
    else:
        place = "" if rng.random() < 0.1 else f"ต.{tambon} "
        fields.update(
            location=f"{place}อ.{district} จ.{fund.province}",
            founded=None,
            members=None if rng.random() < 0.1 else members,
        )
    return FundRecord(source=source, row=row, fund_name=name, **fields)


def generate_sources(
    n_funds: int, *, seed: int, provinces: tuple[str, ...] = ("57",)
) -> tuple[dict[str, list[FundRecord]], dict[tuple[str, int], str]]:
    """n funds in real subdistricts, seen by three sources with their own gaps, spellings and mistakes.

    Returns the sources' records (rows numbered from 1 in each source) and the truth: (source, row) → fund id.
    Some tambons hold both a tambon fund and a municipality fund of the same name, which are different funds.
    """
    rng = random.Random(seed)
    funds = plan_funds(n_funds, rng, provinces)
    sources: dict[str, list[FundRecord]] = {}
    truth: dict[tuple[str, int], str] = {}
    for source in SOURCES:
        chosen = [f for f in funds if rng.random() < COVERAGE[source]]
        chosen += [f for f in chosen if rng.random() < DUPLICATE_RATE]
        rng.shuffle(chosen)
        records = []
        for row, fund in enumerate(chosen, start=1):
            records.append(_record(fund, source, row, rng))
            truth[(source, row)] = fund.fund_id
        sources[source] = records
    return sources, truth
