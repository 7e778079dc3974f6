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
