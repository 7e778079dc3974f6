"""How pages name an area: with the district and province above it."""

from sanphalang.areas.models import AreaLevel

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
