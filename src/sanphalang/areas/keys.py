"""Search and sort keys of an area, kept in its row so that search is one indexed query."""

from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.names import compact, strip_area_prefix


def area_search_key(name_th: str, name_en: str = "") -> str:
    keys = []
    for form in (strip_area_prefix(name_th), name_th, strip_area_prefix(name_en), name_en):
        key = compact(form)
        if key and key not in keys:
            keys.append(key)
    return " ".join(keys)


def area_sort_key(name_th: str) -> str:
    return thai_sort_key(strip_area_prefix(name_th))


_LEVEL_WORDS_TH = {
    "province": "จังหวัด",
    "district": "อำเภอ",
    "subdistrict": "ตำบล",
    "village": "",
    "community": "ชุมชน",
}
_BANGKOK_WORDS_TH = {"province": "", "district": "", "subdistrict": "แขวง"}


def _with_level_word(level: str, name_th: str, province_code: str, moo: int | None = None) -> str:
    if level == "village":
        return f"หมู่ที่ {moo} {name_th}" if moo else name_th
    words = _BANGKOK_WORDS_TH if province_code == "10" else {}
    word = words.get(level, _LEVEL_WORDS_TH.get(level, ""))
    if word and name_th.startswith(word):
        return name_th
    return f"{word}{name_th}"


def area_paths(chain: list[dict]) -> tuple[str, str]:
    """Thai and English full names from an area and its ancestors (nearest first, each a dict of Area fields)."""
    if not chain or chain[0]["level"] == "country":
        return ("ประเทศไทย", "Thailand") if chain else ("", "")
    province = chain[-1]["code"][:2]
    thai = " ".join(_with_level_word(a["level"], a["name_th"], province, a.get("moo")) for a in chain)
    english = ", ".join(a["name_en"] or a["name_th"] for a in chain)
    return thai, english
