"""How alike two fund records are: the records as read, the blocks they are compared in, and each pair's score."""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from rapidfuzz.distance import OSA, Indel

from sanphalang.thai.digits import to_arabic_digits

from .normalise import (
    MUNICIPALITY,
    PLACE,
    TAMBON,
    VILLAGE,
    FundName,
    ResolvedArea,
    normalise_fund_name,
    parse_location,
    resolve_area,
    subdistrict_key,
)

# Two village funds of one tambon with names less alike than this, and more than a typo apart, are two villages.
VILLAGE_NAME_NEAR = 0.9
# What an area that may be one of several costs a pair: a perfect name alone then stays under LINK_THRESHOLD
# (clusters.py) and needs another agreeing field to be linked.
AMBIGUOUS_AREA = -0.16
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
    kind: str  # the name's kind, told by its area where the name gave none (see _kind)


_CODE_SEPARATORS = re.compile(r"[\s\-_./]+")


def fund_code_key(code: str) -> str:
    """A fund code as compared: "57-0101-003" and "570101003" are one code."""
    return _CODE_SEPARATORS.sub("", to_arabic_digits(code or "")).upper()


def _kind(name: FundName, area: ResolvedArea) -> str:
    """What the fund is, from its name's words and its area.

    A name that is only a place ("เมืองยาว", "สวัสดิการชุมชน แม่ยาว") and reads as its subdistrict's official name,
    within a typo, is the tambon's fund. A "บ้าน…" name without a village number that reads as its subdistrict's
    name ("บ้านด่าน" in tambon บ้านด่าน) may be the tambon's fund or its village's: it is left a place."""
    if name.kind not in (PLACE, VILLAGE) or not area.subdistrict_code:
        return name.kind
    official = subdistrict_key(area.subdistrict_code)
    if name.kind == VILLAGE:
        if not name.village_number and name.area_key != name.key and _near(name.area_key, official):
            return PLACE
        return VILLAGE
    return TAMBON if _near(name.key, official) else PLACE


def _one_typo(a: FundName, b: FundName) -> bool:
    """Whether two names are a typo apart: one letter dropped, added, changed or two swapped, tone marks aside
    (two edits in a name of eight letters or more)."""
    allowed = 2 if max(len(a.toneless), len(b.toneless)) >= 8 else 1
    return OSA.distance(a.toneless, b.toneless, score_cutoff=allowed) <= allowed


def _near(key: str, official: str) -> bool:
    return key == official or (len(official) >= 3 and OSA.distance(key, official, score_cutoff=1) <= 1)


def prepare(record: FundRecord) -> Prepared:
    name = normalise_fund_name(record.fund_name)
    location = parse_location(record.location) if record.location else None
    tambon = record.tambon or (location.tambon if location else "") or name.tambon_hint
    district = record.district or (location.district if location else "") or name.district_hint
    province = record.province or (location.province if location else "") or name.province_hint
    area = resolve_area(
        tambon=tambon, district=district, province=province, name_key="" if name.is_village else name.area_key
    )
    kind = _kind(name, area)
    if kind == VILLAGE and not tambon and not name.village_number and not area.subdistrict_code:
        # "บ้านขล้อ" with no tambon given: if it is the name of a subdistrict there, it may be its tambon's fund
        named = resolve_area(district=district, province=province, name_key=name.area_key)
        if named.subdistrict_code and subdistrict_key(named.subdistrict_code) == name.area_key:
            area, kind = named, PLACE
    return Prepared(record=record, name=name, area=area, fund_code=fund_code_key(record.fund_code), kind=kind)


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
    """A score from the names' similarity, moved up or down by what the other fields agree or disagree on.

    The score is not cut to 0–1: beyond a sure match, more agreeing evidence still ranks one pair above another
    (see clusters, which joins the best first); a pair shows its score cut to 0–1."""
    name_a, name_b = a.name, b.name
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
    score = similarity + _area_score(a, b, similarity, reasons)
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
            reasons.append(("same_fund_code", a.record.fund_code))
        else:
            score -= 0.3
            reasons.append(("different_fund_code", a.record.fund_code, b.record.fund_code))
    score += _evidence_score(a.record, b.record, reasons)
    if not (a.fund_code and a.fund_code == b.fund_code):  # one code is one fund, whatever its name says
        score = _kind_score(a, b, score, reasons)
    return round(score, 4), tuple(reasons)


def _area_score(a: Prepared, b: Prepared, similarity: float, reasons: list) -> float:
    """Up for the same area, down for different ones, at the finest level both records resolved."""
    area_a, area_b = a.area, b.area
    if area_a.subdistrict_code and area_b.subdistrict_code:
        if area_a.subdistrict_code != area_b.subdistrict_code:
            reasons.append(("different_subdistrict", area_a.subdistrict_code, area_b.subdistrict_code))
            return -0.5
        reasons.append(("same_subdistrict", area_a.subdistrict_code))
        if a.kind == b.kind and a.kind in (TAMBON, MUNICIPALITY) and similarity >= 0.5:
            # A subdistrict has one tambon fund and at most one municipality fund: the area names it.
            reasons.append(("tambon_fund_of_subdistrict",))
            return max(0.12, 0.9 - similarity)
        if a.kind == b.kind == VILLAGE and similarity < VILLAGE_NAME_NEAR and not _one_typo(a.name, b.name):
            # one tambon's village funds are told apart by their villages' names alone
            reasons.append(("different_villages",))
            return -0.1
        return 0.12
    places_a = (area_a.subdistrict_code,) if area_a.subdistrict_code else area_a.candidates
    places_b = (area_b.subdistrict_code,) if area_b.subdistrict_code else area_b.candidates
    if places_a and places_b:
        shared = set(places_a) & set(places_b)
        if not shared:
            reasons.append(("different_subdistrict", "/".join(places_a), "/".join(places_b)))
            return -0.5
        # A tambon written that several subdistricts of the province are named: a perfect name alone stays just
        # under the link threshold, so it takes another agreeing field (members, founding date, fund code).
        reasons.append(("one_of_several_subdistricts", "/".join(sorted(shared))))
        return AMBIGUOUS_AREA
    if area_a.district_code and area_b.district_code:
        if area_a.district_code == area_b.district_code:
            reasons.append(("same_district", area_a.district_code))
            return 0.04
        reasons.append(("different_district", area_a.district_code, area_b.district_code))
        # a district written with a tambon it does not hold may be the wrong one: as for an ambiguous area
        return AMBIGUOUS_AREA if area_a.district_doubtful or area_b.district_doubtful else -0.5
    if area_a.province_code and area_b.province_code and area_a.province_code != area_b.province_code:
        reasons.append(("different_province", area_a.province_code, area_b.province_code))
        return -0.6
    return 0.0


def _kind_score(a: Prepared, b: Prepared, score: float, reasons: list) -> float:
    """A municipality's fund is never its tambon's; a village's fund is not its tambon's, whatever the names
    share: at most a review. A name that gives only a place may be either."""
    if (a.kind == MUNICIPALITY) != (b.kind == MUNICIPALITY):
        reasons.append(("municipality_vs_tambon",))
        return min(score - 0.2, 0.8) if PLACE in (a.kind, b.kind) else min(score, 0.3)
    if {a.kind, b.kind} == {VILLAGE, TAMBON}:
        reasons.append(("village_vs_tambon",))
        return min(score - 0.2, 0.8)
    return score


def _evidence_score(a: FundRecord, b: FundRecord, reasons: list) -> float:
    """Member counts and founding dates: equal ones are evidence of one fund, far apart ones of two."""
    score = 0.0
    ma, mb = a.members, b.members
    if ma is not None and mb is not None and max(ma, mb) > 0:
        gap = abs(ma - mb) / max(ma, mb)
        if ma == mb:
            score += 0.05
            reasons.append(("members_equal", ma))
        elif gap <= 0.1:
            score += 0.03
            reasons.append(("members_close", ma, mb))
        elif gap > 0.5:
            score -= 0.05
            reasons.append(("members_far", ma, mb))
    fa, fb = a.founded, b.founded
    if fa and fb:
        if fa == fb:
            score += 0.03
            reasons.append(
                ("same_founded", f"{fa.day}/{fa.month}/{fa.year + 543}")
            )  # in BE, as users read it
        elif abs(fa.year - fb.year) > 1:
            score -= 0.05
            reasons.append(("founded_apart", fa.year + 543, fb.year + 543))
    return score


# The most a pair in two different resolved subdistricts can score without sharing a fund code: a perfect name
# less the -0.5 for the areas, plus the same-village-number, equal-members and same-founding-date bonuses. Below the review threshold
# such pairs are never kept, so when it is higher they need not be generated at all.
DIFFERENT_AREA_BEST = 1.0 - 0.5 + 0.05 + 0.05 + 0.03


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
