"""Welfare-fund names and locations as the sources write them, reduced to the keys that record linkage compares."""

import re
from dataclasses import dataclass
from functools import lru_cache

import geothai
from rapidfuzz import process
from rapidfuzz.distance import OSA

from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.names import clean_text

# Generic words that say "this is a welfare fund" and nothing about which one, longest first: the fund's words,
# the registered welfare organisation's ("องค์กรสวัสดิการชุมชน…") and their abbreviations ("กสช.").
_GENERIC_WORDS = sorted(
    (
        "องค์กรสวัสดิการชุมชน",
        "องค์กรสวัสดิการ",
        "กองทุนสวัสดิการชุมชน",
        "กองทุนสวัสดิการ",
        "สวัสดิการชุมชน",
        "กองทุนฯ",
        "กองทุน",
        "สวัสดิการ",
        "กสจ.",
        "กสช.",
        "กสช",
    ),
    key=len,
    reverse=True,
)
# The long generic openings, which a typist may misspell ("กองทุนสวัสดิการุมชน…"): one is taken off the start of a
# name within an edit or two, so the name after it is still read.
_GENERIC_OPENINGS = tuple(word for word in _GENERIC_WORDS if len(word) >= 12)
_MUNICIPALITY = re.compile(r"เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|เทศบาล|ทต\.?(?=\s|[\u0E00-\u0E7F])|ทม\.|ทน\.")
# The tambon's council ("อบต.") names the tambon's fund as "ตำบล" does.
_SUBDISTRICT_WORD = re.compile(r"องค์การบริหารส่วนตำบล|อบต\.?(?=\s|[\u0E00-\u0E7F])|ตำบล|ต\.|แขวง")
# A village's fund, or a town community's ("ชุมชนตลาดเหนือ"), which is to a town what a village is to a tambon.
_VILLAGE_WORD = re.compile(r"^(?:หมู่บ้าน|บ้าน|บ\.|ชุมชน)")
# Trailing "อ.เมือง จ.เชียงราย" in a name, or the parts of a location cell.
_LOCATION_PART = re.compile(
    r"(?P<marker>ตำบล|ต\.|แขวง|อำเภอ|อ\.|เขต|จังหวัด|จ\.)\s*(?P<value>[^\s,]+(?:\s(?![ตอจ]\.|ตำบล|อำเภอ|จังหวัด)[^\s,]+)*)"
)
_MARKER_LEVEL = {
    "ตำบล": "tambon",
    "ต.": "tambon",
    "แขวง": "tambon",
    "อำเภอ": "district",
    "อ.": "district",
    "เขต": "district",
    "จังหวัด": "province",
    "จ.": "province",
}
_TAIL = re.compile(r"\s+(?:อำเภอ|อ\.|จังหวัด|จ\.)\s*\S.*$")
_VILLAGE_THEN_TAMBON = re.compile(
    r"^\s*(?P<village>(?:หมู่บ้าน|บ้าน|บ\.|ชุมชน).+?)\s+(?:ตำบล|ต\.)\s*(?P<tambon>\S+)\s*$"
)
_VILLAGE_NUMBER = re.compile(r"(?:หมู่ที่|หมู่|ม\.)\s*\d+")
_NON_DIGITS = re.compile(r"\D")
_THAI_DIGITS = re.compile("[\u0e50-\u0e59]")
# "เทศบาลตำบลX" and "ทต.X" in a location cell name the tambon X too.
_MUNICIPALITY_AS_TAMBON = re.compile(r"เทศบาล(?=ตำบล)|ทต\.?(?=\s|[\u0E00-\u0E7F])")
_AREA_LEVEL_WORD = re.compile(r"^(?:ตำบล|ต\.|แขวง|อำเภอ|อ\.|กิ่งอำเภอ|เขต|จังหวัด|จ\.)\s*")
# The level words geothai.match drops from the start of a name that is already compact.
_LEADING_LEVEL_WORD = re.compile(r"^(?:จังหวัด|อำเภอ|เขต|ตำบล|แขวง|กิ่งอำเภอ)")
_TONE_MARKS = re.compile("[\u0e47-\u0e4c]")
_SPACES_AND_MARKS = re.compile(r"[\s\-_.,()\"'“”‘’/]+")
# What PyThaiNLP's normalisation would change: doubled marks, a space before a mark, a tone mark before a vowel,
# nikhahit + sara aa, doubled leading vowels. Text without any of these is passed over, which is most of it.
# Each of them starts with a vowel or mark: the lookahead lets the regex engine skip the consonants at C speed.
_NEEDS_THAI_NORMALISE = re.compile(
    r"(?=[\u0E30-\u0E4E])(?:([\u0E30-\u0E3A\u0E47-\u0E4E])\1|[\u0E48-\u0E4C]{2}"
    r"|(?<![\u0E01-\u0E2E\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]"
    r"|[\u0E48-\u0E4C][\u0E31\u0E34-\u0E3A\u0E47]|[\u0E30\u0E32\u0E33][\u0E48-\u0E4C]"
    r"|\u0E4D\u0E32|[\u0E40-\u0E44]{2})"
)


@lru_cache(maxsize=65536)
def tidy(text: str) -> str:
    """clean_text with Arabic digits, skipping PyThaiNLP's slow normalisation where it would change nothing."""
    text = str(text or "")
    text = clean_text(text) if _NEEDS_THAI_NORMALISE.search(text) else " ".join(text.split())
    # Few names hold Thai digits, and looking for one costs a tenth of translating the text.
    return to_arabic_digits(text) if _THAI_DIGITS.search(text) else text


def _compact(text: str) -> str:
    """compact() for text already tidied: no second pass through PyThaiNLP."""
    return _SPACES_AND_MARKS.sub("", text).lower()


def _name_key(text: str) -> str:
    """sanphalang.thai.names.compact, through tidy: the same keys for the official names, ten times faster."""
    return _compact(tidy(text))


# What a name says the fund is: a municipality's, a tambon's, a village's, or, naming only a place, not which.
MUNICIPALITY, TAMBON, VILLAGE, PLACE = "municipality", "tambon", "village", "place"


@dataclass(frozen=True)
class FundName:
    """A fund's name reduced to what tells funds apart, with what the dropped words said about its kind."""

    key: str
    area_key: str = ""  # the key with a leading "บ้าน" kept: some tambons are named "บ้าน…"
    kind: str = PLACE
    village_number: str = ""
    district_hint: str = ""
    province_hint: str = ""
    tambon_hint: str = ""  # "กองทุน…บ้านหนองบัว ม.3 ต.แม่ยาว": the tambon a village fund's name ends with
    # the keys without tone marks, which typists drop or swap; kept, as every pair compares them
    toneless: str = ""
    toneless_area_key: str = ""

    @property
    def is_municipality(self) -> bool:
        return self.kind == MUNICIPALITY

    @property
    def is_village(self) -> bool:
        return self.kind == VILLAGE


@dataclass(frozen=True)
class Location:
    tambon: str = ""
    district: str = ""
    province: str = ""
    is_municipality: bool = False


def _without_opening(text: str) -> str:
    """The name after its generic opening, which may be misspelt by an edit or two ("กองทุนสวัสดิการุมชนบ้าน…").

    The longest opening that the start of the name is within reach of is taken off: one edit for an opening of up to
    15 letters, two for a longer one."""
    for opening in _GENERIC_OPENINGS:
        if text.startswith(opening):
            return text[len(opening) :]
        allowed = 2 if len(opening) > 15 else 1
        # a cut a letter longer or shorter moves the distance by at most one: none can come within reach if the
        # opening's own length is this far
        if OSA.distance(text[: len(opening)], opening, score_cutoff=2 * allowed + 1) > 2 * allowed:
            continue
        best, cut = allowed + 1, 0
        for length in range(len(opening) - allowed, len(opening) + allowed + 1):
            distance = OSA.distance(text[:length], opening, score_cutoff=allowed)
            if distance < best:
                best, cut = distance, length
        if best <= allowed:
            return text[cut:]
    return text


@lru_cache(maxsize=131072)
def normalise_fund_name(name: str) -> FundName:
    """ "กองทุนสวัสดิการชุมชนเทศบาลตำบลแม่ยาว อ.เมือง" → FundName(key="แม่ยาว", kind=MUNICIPALITY, ...).

    The kind comes from the words the name gives: a municipality's ("เทศบาลตำบล", "ทต."), a tambon's ("ตำบล",
    "ต.", "อบต."), a village's ("บ้าน…", "หมู่ 3"); with none, the name is only a place ("สวัสดิการชุมชน แม่ยาว",
    "เมืองยาว"), which the area it resolves to may tell more of (see scoring.prepare)."""
    text = tidy(name)
    district_hint = province_hint = ""
    tail = _TAIL.search(text)
    if tail and tail.start() > 0:
        parsed = parse_location(tail.group(0))
        district_hint, province_hint = parsed.district, parsed.province
        text = text[: tail.start()]
    text = _without_opening(text)
    for word in _GENERIC_WORDS:
        text = text.replace(word, " ")
    tambon_hint = ""
    village_tail = _VILLAGE_THEN_TAMBON.match(text)
    if village_tail:
        # a village's fund named with its tambon after it: the tambon is where it is, not part of its name
        tambon_hint, text = _compact(village_tail.group("tambon")), village_tail.group("village")
    text, municipality_words = _MUNICIPALITY.subn(" ", text)
    text, tambon_words = _SUBDISTRICT_WORD.subn(" ", text)
    number = _VILLAGE_NUMBER.search(text)
    if number:
        text = _VILLAGE_NUMBER.sub(" ", text)
    text = text.strip()
    area_key = _compact(text)
    village_word = _VILLAGE_WORD.match(text)
    if municipality_words:
        kind = MUNICIPALITY
    elif tambon_words:
        kind = TAMBON
    elif village_word or number:
        kind = VILLAGE
    else:
        kind = PLACE
    key = _compact(text[village_word.end() :]) if village_word and kind == VILLAGE else area_key
    toneless = _TONE_MARKS.sub("", key)
    return FundName(
        key=key,
        area_key=area_key,
        toneless=toneless,
        toneless_area_key=_TONE_MARKS.sub("", area_key) if area_key != key else toneless,
        kind=kind,
        village_number=_NON_DIGITS.sub("", number.group(0)) if number else "",
        district_hint=district_hint,
        province_hint=province_hint,
        tambon_hint=tambon_hint,
    )


@lru_cache(maxsize=65536)
def area_name(text: str) -> str:
    """An area name without its level word: "ต.แม่ยาว" → "แม่ยาว", "อำเภอเมือง" → "เมือง"."""
    text = _MUNICIPALITY.sub("", tidy(text))
    return _compact(_AREA_LEVEL_WORD.sub("", text))


@lru_cache(maxsize=65536)
def parse_location(text: str) -> Location:
    """Read a free-text location cell: "ต.แม่ยาว อ.เมือง จ.เชียงราย" → Location("แม่ยาว", "เมือง", "เชียงราย")."""
    text = tidy(text)
    is_municipality = bool(_MUNICIPALITY.search(text))
    text = _MUNICIPALITY_AS_TAMBON.sub("ตำบล", text)
    found: dict[str, str] = {}
    for match in _LOCATION_PART.finditer(text):
        level = _MARKER_LEVEL[match.group("marker")]
        found.setdefault(level, _compact(match.group("value")))
    return Location(
        tambon=found.get("tambon", ""),
        district=found.get("district", ""),
        province=found.get("province", ""),
        is_municipality=is_municipality,
    )


@dataclass(frozen=True)
class ResolvedArea:
    """Official codes for what could be resolved; a shorter code when only the district or province is clear."""

    subdistrict_code: str = ""
    district_code: str = ""
    province_code: str = ""
    # the district as written, holding no subdistrict of the tambon as written although the province does: one of
    # the two is wrong
    district_doubtful: bool = False
    # the subdistricts of the province the tambon as written names, when it names several ("เวียง")
    candidates: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _province_index() -> dict[str, str]:
    index = {}
    for province in geothai.provinces():
        index[_name_key(province.name_th)] = province.code
        index[_name_key(province.name_en)] = province.code
        index[province.code] = province.code
    index["กทม"] = "10"
    return index


@lru_cache(maxsize=128)
def _district_index(province_code: str) -> dict[str, str]:
    index = {}
    for district in geothai.districts(province_code):
        name = _name_key(district.name_th)
        # Keyed as lookups read a name, without its level word: Bangkok's districts are officially "เขต…".
        index[area_name(district.name_th)] = index[name] = district.code
        index[_name_key(district.name_en)] = district.code
        if name.startswith("เมือง") and district.code.endswith("01"):
            # "อ.เมือง" is the capital district of the province.
            index["เมือง"] = district.code
    return index


@lru_cache(maxsize=1)
def _all_districts() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            for name in {
                _name_key(district.name_th),
                area_name(district.name_th),
                _name_key(district.name_en),
            }:
                index.setdefault(name, []).append(district.code)
    return index


@lru_cache(maxsize=4096)
def _subdistrict_names(district_code: str) -> dict[str, str]:
    return {_name_key(s.name_th): s.code for s in geothai.subdistricts(district_code)}


@lru_cache(maxsize=65536)
def resolve_province(province: str) -> str:
    return _province_index().get(area_name(province), "") if province else ""


def _closest(name: str, names) -> str:
    """The one name within reach of a typo of name: a letter dropped, added or changed, or two swapped (one edit;
    two for a name of ten letters or more), and nearer than any other; "" when none is, or two are as near."""
    if len(name) < 3:
        return ""
    allowed = 2 if len(name) >= 10 else 1
    found = process.extract(name, names, scorer=OSA.distance, limit=2, score_cutoff=allowed)
    if len(found) == 1 or (len(found) == 2 and found[0][1] < found[1][1]):
        return found[0][0]
    return ""


@lru_cache(maxsize=65536)
def resolve_district(district: str, province_code: str) -> str:
    """A district's code from its name as written: with or without its level word or spaces ("อ.เมือง ชลบุรี"),
    the capital as "เมือง", or misspelt by a letter when only one district of the province is that close."""
    if not district:
        return ""
    name = area_name(district)
    if province_code:
        index = _district_index(province_code)
        return index.get(name) or index.get(_closest(name, list(index)), "")
    # Without a province a district name still says where, when only one province has it.
    codes = _all_districts().get(name, [])
    return codes[0] if len(codes) == 1 else ""


@lru_cache(maxsize=4096)
def _province_subdistrict_names(province_code: str) -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    for district in geothai.districts(province_code):
        for name, code in _subdistrict_names(district.code).items():
            names.setdefault(name, []).append(code)
    return {name: tuple(codes) for name, codes in names.items()}


@lru_cache(maxsize=262144)
def _closest_subdistrict(name: str, district_code: str) -> str:
    """The subdistrict of the district whose name is one typo away, if exactly one is that close."""
    names = _subdistrict_names(district_code)
    return names.get(_closest(name, list(names)), "")


@lru_cache(maxsize=262144)
def _closest_in_province(name: str, province_code: str) -> tuple[str, ...]:
    """The subdistricts of the province named a typo away from name, if one name is that close: a misspelt tambon
    whose district is missing or wrong (several when that name is shared)."""
    names = _province_subdistrict_names(province_code)
    closest = _closest(name, list(names)) if len(name) >= 4 else ""
    return names.get(closest, ())


@lru_cache(maxsize=262144)
def subdistrict_key(code: str) -> str:
    """The official name of a subdistrict as a name key: what a tambon fund's name should read."""
    subdistrict = geothai.subdistrict(code) if code else None
    return _name_key(subdistrict.name_th) if subdistrict else ""


@lru_cache(maxsize=1)
def _subdistricts_by_name() -> dict[str, tuple[str, ...]]:
    """Every subdistrict's code under its Thai and English names, cleaned up as the sources' names are."""
    index: dict[str, list[str]] = {}
    for province in geothai.provinces():
        for district in geothai.districts(province.code):
            for subdistrict in geothai.subdistricts(district.code):
                names = {subdistrict.name_th, subdistrict.name_en}
                # area_name without its tidying, which the official names do not need and which would triple
                # the time this takes
                for name in {
                    _LEADING_LEVEL_WORD.sub("", _compact(_AREA_LEVEL_WORD.sub("", n))) for n in names
                }:
                    index.setdefault(name, []).append(subdistrict.code)
    return {name: tuple(sorted(codes)) for name, codes in index.items()}


@lru_cache(maxsize=262144)
def _subdistrict_in(tambon: str, area_code: str) -> tuple[str, ...]:
    """The codes of the subdistricts named tambon (a compact name) in the area (a district's or province's code).

    What geothai.match answers for the names of that area, from one dictionary look-up instead of comparing
    names subdistrict by subdistrict.
    """
    if not tambon or not area_code:
        return ()
    codes = _subdistricts_by_name().get(_LEADING_LEVEL_WORD.sub("", tambon), ())
    return tuple([code for code in codes if code.startswith(area_code)])


def _found(code: str) -> ResolvedArea:
    return ResolvedArea(subdistrict_code=code, district_code=code[:4], province_code=code[:2])


@lru_cache(maxsize=262144)
def resolve_area(
    *, tambon: str = "", district: str = "", province: str = "", name_key: str = ""
) -> ResolvedArea:
    """The official codes of a record's area; the fund's name stands in for a missing or unreadable tambon.

    The tambon is looked for, by its name and then within a typo of it, among the district's subdistricts, then
    among the province's: a district may be missing, or another of the province written by mistake. A
    subdistrict is resolved only when exactly one fits, so "เวียง" without its district stays unresolved.
    """
    province_code = resolve_province(province)
    district_code = resolve_district(district, province_code)
    candidates = [c for c in dict.fromkeys((area_name(tambon), name_key)) if c]
    if not province_code and not district_code and district:
        # a district name that several provinces have, told apart by the tambon
        found = {
            code
            for district_code in _all_districts().get(area_name(district), [])
            for candidate in candidates
            for code in _subdistrict_in(candidate, district_code)
        }
        if len(found) == 1:
            return _found(found.pop())
    if district_code and not province_code:
        province_code = district_code[:2]
    if district_code:
        for candidate in candidates:
            codes = _subdistrict_in(candidate, district_code)
            if len(codes) == 1:
                return _found(codes[0])
    # the name as written, elsewhere in the province, before any name a typo away in the district: the district
    # may be the mistake
    several: tuple[str, ...] = ()
    if province_code:
        for candidate in candidates:
            codes = _subdistrict_in(candidate, province_code)
            if len(codes) == 1:
                return _found(codes[0])
            several = several or codes
    if district_code and not several:
        for candidate in candidates:
            code = _closest_subdistrict(candidate, district_code)
            if code:
                return _found(code)
    if province_code and not several:
        for candidate in candidates:
            codes = _closest_in_province(candidate, province_code)
            if len(codes) == 1:
                return _found(codes[0])
            several = several or codes
    return ResolvedArea(
        district_code=district_code,
        province_code=province_code,
        district_doubtful=bool(several and district_code),
        candidates=several,
    )


def clear_caches() -> None:
    """Forget every cached normalisation and lookup, so a benchmark can time the work from scratch.

    The tables of official names built from geothai go too: whoever runs next builds them again. geothai's own
    tables of its packaged data are not ours to clear and stay loaded for the process.
    """
    for cached in (
        tidy,
        normalise_fund_name,
        area_name,
        parse_location,
        resolve_province,
        resolve_district,
        _subdistrict_in,
        _closest_subdistrict,
        _closest_in_province,
        _province_subdistrict_names,
        subdistrict_key,
        resolve_area,
        _province_index,
        _district_index,
        _all_districts,
        _subdistrict_names,
        _subdistricts_by_name,
    ):
        cached.cache_clear()
