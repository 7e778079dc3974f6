"""Where each area sits on a map. Out of the box the 77 provinces are tiles laid out in the country's shape (the
gridmap-layout-thailand layout, MIT, Krist Wongsuphasawat: data/thailand-tile-grid-LICENSE) and the areas below a
province sit on a plain grid in code order; once an administrator has imported boundaries for every area on a map,
the map draws their real shapes instead."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel

LAYOUT_FILE = Path(__file__).parent / "data" / "gridmap-layout-thailand.csv"
CREDIT = "Tile layout: gridmap-layout-thailand, © 2016 Krist Wongsuphasawat (MIT)"


@dataclass(frozen=True)
class Cell:
    code: str
    name: str
    label: str  # what the tile shows: an abbreviation, or a short name
    column: int
    row: int


@dataclass(frozen=True)
class MapLayout:
    kind: str  # "tiles" (a grid) or "shapes" (imported boundaries)
    cells: tuple[Cell, ...]
    columns: int
    rows: int
    shapes: dict  # code → GeoJSON geometry, for "shapes"


class LayoutMismatch(Exception):
    pass


@cache
def province_tiles() -> tuple[Cell, ...]:
    """The 77 province tiles, joined to the official province codes through the provinces' Thai names."""
    by_name = {
        name.replace(" ", ""): code
        for code, name in Area.objects.filter(level=AreaLevel.PROVINCE).values_list("code", "name_th")
    }
    cells, missing = [], []
    with LAYOUT_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = by_name.get(row["thName"].replace(" ", ""))
            if code is None:
                missing.append(row["thName"])
                continue
            cells.append(Cell(code, row["thName"], row["thAbbr"], int(row["x"]), int(row["y"])))
    if missing:
        raise LayoutMismatch(f"Provinces of the tile layout not found among the areas: {', '.join(missing)}")
    return tuple(cells)


def child_length(code: str) -> int:
    """How long the codes of the areas one level below this one are."""
    return 2 if code == COUNTRY_CODE else len(code) + 2


def _shapes_for(codes: list[str]) -> dict:
    from .models import Boundary

    shapes = dict(Boundary.objects.filter(area_id__in=codes).values_list("area_id", "geometry"))
    return shapes if codes and len(shapes) == len(codes) else {}


def _grid(children: list[Area]) -> tuple[tuple[Cell, ...], int, int]:
    columns = max(1, math.ceil(math.sqrt(len(children) * 1.6)))
    cells = tuple(
        Cell(area.code, area.name_th, _short(area.name_th), index % columns, index // columns)
        for index, area in enumerate(children)
    )
    return cells, columns, max(1, math.ceil(len(children) / columns))


# Thai vowels and tone marks written above or below a consonant take no width of their own on a tile.
_COMBINING = set(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)


def _width(text: str) -> int:
    return sum(1 for char in text if char not in _COMBINING)


def _short(name: str, limit: int = 8) -> str:
    """A name short enough for a tile, cut after a whole word (PyThaiNLP's newmm), or inside a long first word
    between character clusters (TCC), never between a consonant and its vowel or tone mark."""
    if _width(name) <= limit:
        return name
    from pythainlp.tokenize import subword_tokenize, word_tokenize

    kept = ""
    for word in word_tokenize(name, engine="newmm", keep_whitespace=False):
        if _width(kept + word) > limit - 1:
            break
        kept += word
    if not kept:
        for cluster in subword_tokenize(name, engine="tcc"):
            if _width(kept + cluster) > limit - 1:
                break
            kept += cluster
    return kept + "…"


def map_layout(code: str, *, provinces: list[str] | None = None) -> MapLayout:
    """The map of the areas directly below `code` (provinces for the country; a region passes its provinces)."""
    if code == COUNTRY_CODE or provinces is not None:
        tiles = province_tiles()
        if provinces is not None:
            tiles = tuple(cell for cell in tiles if cell.code in set(provinces))
        codes = [cell.code for cell in tiles]
        shapes = _shapes_for(codes)
        if shapes:
            return MapLayout("shapes", tiles, 0, 0, shapes)
        columns = 1 + max((c.column for c in tiles), default=0)
        rows = 1 + max((c.row for c in tiles), default=0)
        if provinces is not None:  # a region's tiles, moved to the top left corner
            left, top = min(c.column for c in tiles), min(c.row for c in tiles)
            tiles = tuple(Cell(c.code, c.name, c.label, c.column - left, c.row - top) for c in tiles)
            columns, rows = columns - left, rows - top
        return MapLayout("tiles", tiles, columns, rows, {})
    children = list(
        Area.objects.filter(parent_id=code, is_active=True)
        .exclude(level=AreaLevel.COMMUNITY)
        .order_by("code")
    )
    shapes = _shapes_for([area.code for area in children])
    cells, columns, rows = _grid(children)
    return MapLayout("shapes" if shapes else "tiles", cells, columns, rows, shapes)
