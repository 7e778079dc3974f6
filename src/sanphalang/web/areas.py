"""How pages name an area: with the district and province above it."""

from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel, ancestor_codes
from sanphalang.thai.preferences import in_page_language

AREA_OPTION_LIMIT = 20


def area_label(area) -> str:
    """The area with the district and province above it, from what select_related already loaded."""
    parts = []
    node = area
    for _depth in range(3):
        if node is None or node.level == AreaLevel.COUNTRY:
            break
        parts.append(node.display_name)
        node = node.parent if node.level != AreaLevel.PROVINCE else None
    return ", ".join(parts)


def area_labels(codes) -> dict[str, str]:
    """area_label of each code, read in one query of the areas and those above them (a code's prefixes are its
    ancestors): for a batch of exported rows, rather than a join or a query per row."""
    chains = {code: [code, *reversed(ancestor_codes(code))][:3] for code in set(codes) if code}
    names = {
        code: in_page_language(name_th, name_en)
        for code, name_th, name_en in Area.objects.filter(
            code__in={c for chain in chains.values() for c in chain if c != COUNTRY_CODE}
        ).values_list("code", "name_th", "name_en")
    }
    return {
        code: ", ".join(names[c] for c in chain if c in names and c != COUNTRY_CODE)
        for code, chain in chains.items()
    }
