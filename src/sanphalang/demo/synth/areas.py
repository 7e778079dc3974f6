"""Synthetic areas: the villages (หมู่ที่) of a share of subdistricts, and regions of provinces."""

from sanphalang.areas.models import Area, AreaLevel, Region
from sanphalang.areas.services import village_build
from sanphalang.demo.fund_sources import VILLAGE_HEADS, VILLAGE_TAILS

from .context import SynthContext

# Provinces grouped by the first digit of their code, which follows the country's regions.
REGIONS = {
    "1": ("synth-central", "ภาคกลางและกรุงเทพมหานคร", "Central and Bangkok"),
    "2": ("synth-east", "ภาคตะวันออก", "East"),
    "3": ("synth-northeast-lower", "ภาคตะวันออกเฉียงเหนือตอนล่าง", "Lower Northeast"),
    "4": ("synth-northeast-upper", "ภาคตะวันออกเฉียงเหนือตอนบน", "Upper Northeast"),
    "5": ("synth-north-upper", "ภาคเหนือตอนบน", "Upper North"),
    "6": ("synth-north-lower", "ภาคเหนือตอนล่าง", "Lower North"),
    "7": ("synth-west", "ภาคตะวันตก", "West"),
    "8": ("synth-south-upper", "ภาคใต้ตอนบน", "Upper South"),
    "9": ("synth-south-lower", "ภาคใต้ตอนล่าง", "Lower South"),
}


def village_names(rng, count: int) -> list[str]:
    """count different village names of one subdistrict: บ้านหนองบัว, บ้านดอนแก้ว…"""
    names: list[str] = []
    while len(names) < count:
        name = "บ้าน" + rng.choice(VILLAGE_HEADS) + rng.choice(VILLAGE_TAILS)
        if name not in names:
            names.append(name)
    return names


def fill(ctx: SynthContext) -> None:
    rng = ctx.rng("areas")
    villages = []
    for subdistrict in ctx.areas_of(AreaLevel.SUBDISTRICT):
        if rng.random() >= ctx.scale.village_share:
            continue
        # Most subdistricts have 8 to 15 villages; a few in the hills have more than 20.
        count = min(40, max(3, int(rng.lognormvariate(2.3, 0.35))))
        for moo, name in enumerate(village_names(rng, count), start=1):
            villages.append(
                village_build(subdistrict, code=f"{subdistrict.code}{moo:02d}", name_th=name, moo=moo)
            )
    ctx.insert(Area, villages)

    regions = []
    by_region: dict[str, list[str]] = {}
    for code in ctx.province_codes():
        by_region.setdefault(code[0], []).append(code)
    for digit, codes in sorted(by_region.items()):
        slug, name_th, name_en = REGIONS[digit]
        regions.append((Region(slug=slug, name_th=name_th, name_en=name_en), codes))
    ctx.insert(Region, [region for region, _codes in regions])
    through = Region.provinces.through
    ctx.insert(through, [through(region=r, area_id=code) for r, codes in regions for code in codes])
    ctx.made["regions"] = [region for region, _codes in regions]
