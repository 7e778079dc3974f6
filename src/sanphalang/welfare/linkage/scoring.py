"""How alike two fund records are: the records as read, the blocks they are compared in, and each pair's score."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from rapidfuzz.distance import Indel

from .normalise import FundName, ResolvedArea, normalise_fund_name, parse_location, resolve_area

# Blocks larger than this are names so common ("เวียง" in a whole province) that the smaller blocks decide.
MAX_BLOCK = 400


@dataclass(frozen=True)
class FundRecord:
    """One row of one source, as read: nothing here is trusted or normalised yet."""

    source: str
    row: int
    fund_name: str
    tambon: str = ""
    district: str = ""
    province: str = ""
    location: str = ""
    members: int | None = None
    status: str = ""
    founded: date | None = None
    fund_code: str = ""

    @property
    def ref(self) -> tuple[str, int]:
        return (self.source, self.row)


@dataclass(frozen=True, slots=True)
class ScoredPair:
    """Two records, how likely they are the same fund (0–1), and the reasons as (code, *params) tuples."""

    a: FundRecord
    b: FundRecord
    score: float
    reasons: tuple[tuple, ...]


@dataclass(slots=True)
class Prepared:
    record: FundRecord
    name: FundName
    area: ResolvedArea
    fund_code: str


def prepare(record: FundRecord) -> Prepared:
    name = normalise_fund_name(record.fund_name)
    location = parse_location(record.location) if record.location else None
    tambon = record.tambon or (location.tambon if location else "")
    district = record.district or (location.district if location else "") or name.district_hint
    province = record.province or (location.province if location else "") or name.province_hint
    area = resolve_area(
        tambon=tambon, district=district, province=province, name_key="" if name.is_village else name.area_key
    )
    return Prepared(record=record, name=name, area=area, fund_code=(record.fund_code or "").strip())


def _blocking_keys(p: Prepared) -> list[tuple]:
    key, area = p.name.key, p.area
    keys = []
    if area.subdistrict_code:
        keys.append(("s", area.subdistrict_code))
    if area.district_code:
        keys.append(("d", area.district_code, key[:2]))
    if area.province_code:
        keys.append(("p", area.province_code, key[:3]))
        keys.append(("q", area.province_code, p.name.toneless[-3:]))
    else:
        keys.append(("k", p.name.toneless))
    if p.fund_code:
        keys.append(("c", p.fund_code))
    return keys


def score_pair(a: Prepared, b: Prepared) -> tuple[float, tuple[tuple, ...]]:
    """A score from the names' similarity, moved up or down by what the other fields agree or disagree on."""
    name_a, name_b, area_a, area_b = a.name, b.name, a.area, b.area
    if name_a.key == name_b.key:
        # the toneless keys score at most 0.98, so equal keys decide, without three calls into rapidfuzz
        similarity = 1.0
    else:
        similarity = max(
            Indel.normalized_similarity(name_a.key, name_b.key),
            0.98 * Indel.normalized_similarity(name_a.toneless, name_b.toneless),
            0.98 * Indel.normalized_similarity(name_a.toneless_area_key, name_b.toneless_area_key),
        )
    if similarity < 0.4 and not (a.fund_code and a.fund_code == b.fund_code):
        # nothing else can lift names this different to a review
        return 0.0, (("name_different", round(similarity, 2)),)
    reasons: list[tuple] = [("name_same",) if similarity == 1 else ("name_similar", round(similarity, 2))]
    score = similarity
    if area_a.subdistrict_code and area_b.subdistrict_code:
        if area_a.subdistrict_code == area_b.subdistrict_code:
            score += 0.12
            reasons.append(("same_subdistrict", area_a.subdistrict_code))
            if not (name_a.is_village or name_b.is_village) and similarity >= 0.5:
                # A subdistrict has one tambon fund (and at most one municipality fund): the area names it.
                score = max(score, 0.9)
                reasons.append(("tambon_fund_of_subdistrict",))
        else:
            score -= 0.5
            reasons.append(("different_subdistrict", area_a.subdistrict_code, area_b.subdistrict_code))
    elif area_a.district_code and area_b.district_code:
        if area_a.district_code == area_b.district_code:
            score += 0.04
            reasons.append(("same_district", area_a.district_code))
        else:
            score -= 0.5
            reasons.append(("different_district", area_a.district_code, area_b.district_code))
    elif area_a.province_code and area_b.province_code and area_a.province_code != area_b.province_code:
        score -= 0.6
        reasons.append(("different_province", area_a.province_code, area_b.province_code))
    if name_a.is_municipality != name_b.is_municipality:
        score = min(score, 0.3)
        reasons.append(("municipality_vs_tambon",))
    if name_a.is_village != name_b.is_village:
        score -= 0.2
        reasons.append(("village_vs_tambon",))
    if name_a.village_number and name_b.village_number:
        if name_a.village_number == name_b.village_number:
            score += 0.05
            reasons.append(("same_village_number", name_a.village_number))
        else:
            score -= 0.3
            reasons.append(("different_village_number", name_a.village_number, name_b.village_number))
    if a.fund_code and b.fund_code:
        if a.fund_code == b.fund_code:
            score = max(score + 0.3, 0.97) if score > 0.3 else score + 0.3
            reasons.append(("same_fund_code", a.fund_code))
        else:
            score -= 0.3
            reasons.append(("different_fund_code", a.fund_code, b.fund_code))
    ma, mb = a.record.members, b.record.members
    if ma is not None and mb is not None and max(ma, mb) > 0:
        gap = abs(ma - mb) / max(ma, mb)
        if gap <= 0.1:
            score += 0.03
            reasons.append(("members_close", ma, mb))
        elif gap > 0.5:
            score -= 0.05
            reasons.append(("members_far", ma, mb))
    return min(1.0, max(0.0, round(score, 4))), tuple(reasons)


# The most a pair in two different resolved subdistricts can score without sharing a fund code: a perfect name
# less the -0.5 for the areas, plus the same-village-number and close-members bonuses. Below the review threshold
# such pairs are never kept, so when it is higher they need not be generated at all.
DIFFERENT_AREA_BEST = 1.0 - 0.5 + 0.05 + 0.03


def candidate_pairs(prepared: list[Prepared], *, skip_different_areas: bool = False) -> set[tuple[int, int]]:
    """The pairs that share a block of at most MAX_BLOCK records.

    With skip_different_areas, pairs whose subdistricts both resolved to different codes are left out unless they
    share a fund code: the same set as without it, less pairs that cannot reach DIFFERENT_AREA_BEST.
    """
    keys_of = [_blocking_keys(p) for p in prepared]
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for index, keys in enumerate(keys_of):
        for key in keys:
            blocks[key].append(index)
    pairs: set[tuple[int, int]] = set()
    if not skip_different_areas:
        for members in blocks.values():
            if 1 < len(members) <= MAX_BLOCK:
                pairs.update(combinations(members, 2))
        return pairs
    subdistrict = [p.area.subdistrict_code for p in prepared]
    # Same-subdistrict and same-code pairs come from the "s" and "c" blocks, unless those were too large to pair.
    oversized = {
        (key[0], key[1])
        for key, members in blocks.items()
        if key[0] in ("s", "c") and len(members) > MAX_BLOCK
    }
    # Only these other blocks hold pairs left to make: those with an unresolved record, or in an oversized block.
    wanted = {key for i, keys in enumerate(keys_of) if not subdistrict[i] for key in keys}
    if oversized:
        wanted.update(
            key
            for i, p in enumerate(prepared)
            if ("s", subdistrict[i]) in oversized or (p.fund_code and ("c", p.fund_code) in oversized)
            for key in keys_of[i]
        )
    for key, members in blocks.items():
        size = len(members)
        if size < 2 or size > MAX_BLOCK:
            continue
        if key[0] in ("s", "c"):
            pairs.update(combinations(members, 2))
            continue
        if key not in wanted:
            continue
        unresolved = [i for i in members if not subdistrict[i]]
        if len(unresolved) == size:
            pairs.update(combinations(members, 2))
            continue
        if unresolved:
            pairs.update(combinations(unresolved, 2))
            pairs.update((u, r) if u < r else (r, u) for u in unresolved for r in members if subdistrict[r])
        if oversized:
            groups: dict[tuple, list[int]] = defaultdict(list)
            for i in members:
                if subdistrict[i] and ("s", subdistrict[i]) in oversized:
                    groups[("s", subdistrict[i])].append(i)
                if prepared[i].fund_code and ("c", prepared[i].fund_code) in oversized:
                    groups[("c", prepared[i].fund_code)].append(i)
            for group in groups.values():
                pairs.update(combinations(group, 2))
    return pairs
