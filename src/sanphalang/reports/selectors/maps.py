"""A dashboard's map: the areas one level below, coloured by one of its figures for its quarter. Tiles out of the
box (the provinces in the country's shape, the areas of a province or below on a grid), real outlines once
boundaries are imported for every area on the map. Each area hovers its value and links down to its own
dashboard; an area the user does not work in, or with nothing counted, is grey."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from sanphalang.areas.scoping import scope_for

from .. import charts
from ..figures import Figure, Kind
from ..maps import CREDIT
from .dashboards import Dashboard

GRID_CELL = 64  # a tile of the district and tambon grids: room for a short Thai name
TILE_CELL = 44  # a province tile holds its two-letter abbreviation


@dataclass
class ChildValue:
    code: str
    name: str
    value: Decimal | None  # None: outside the user's areas, or nothing counted
    previous: Decimal | None
    readable: bool

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass
class FigureMap:
    figure: Figure
    spec: dict
    kind: str  # "tiles" or "shapes"
    children: list[ChildValue]
    at_level: (
        Decimal  # counted on the dashboard's own area (or above its children): in the totals, not on the map
    )
    credit: str  # the tile layout's credit, shown under the provinces' tiles

    @property
    def total(self) -> Decimal:
        return sum((c.value for c in self.children if c.value is not None), Decimal(0)) + self.at_level


def figure_map(*, user, board: Dashboard, key: str, href: Callable[[str], str]) -> FigureMap:
    """The map of one figure of the dashboard (key must be one it counted); href(code) is the address of a child's
    dashboard."""
    counted = board.counted[key]
    figure = counted.figure
    scope = scope_for(user)
    names = {area.code: area.name_th for area in board.children}
    codes = [cell.code for cell in board.layout.cells]
    children = []
    # A count with no rows in an area is a real zero there; a yearly figure with none was not reported.
    nothing = None if figure.kind == Kind.YEARLY else [Decimal(0)] * len(counted.quarters)
    for code in codes:
        values = counted.by_child.get(code, nothing)
        readable = scope.covers_with_ancestors(code)
        children.append(
            ChildValue(
                code,
                names.get(code, code),
                values[-1] if readable and values else None,
                values[-2] if readable and values and len(values) > 1 else None,
                readable,
            )
        )
    on_map = set(codes)
    at_level = sum(
        (values[-1] for code, values in counted.by_child.items() if code not in on_map), Decimal(0)
    )
    by_code = {child.code: child for child in children}
    top = max((c.value for c in children if c.value is not None), default=Decimal(0))
    title = f"{figure.label} · {board.quarter.label}"
    unit = str(figure.unit)

    def properties(code: str, name: str) -> dict:
        child = by_code[code]
        return {
            "code": code,
            "name": name,
            "value": child.value,
            "shown": _shown(child, figure),
            "href": href(code),
            "dark": bool(top and child.value is not None and child.value > top * Decimal("0.6")),
        }

    layout = board.layout
    if layout.kind == "shapes":
        features = [
            {
                "type": "Feature",
                "geometry": layout.shapes[cell.code],
                "properties": properties(cell.code, cell.name),
            }
            for cell in layout.cells
            if cell.code in layout.shapes
        ]
        spec = charts.shape_map(title=title, unit=unit, features=features)
    else:
        provinces = len(codes[0]) == 2 if codes else False
        cells = [
            {**properties(cell.code, cell.name), "label": cell.label, "column": cell.column, "row": cell.row}
            for cell in layout.cells
        ]
        spec = charts.grid_map(
            title=title,
            unit=unit,
            cells=cells,
            columns=layout.columns,
            rows=layout.rows,
            cell_size=TILE_CELL if provinces else GRID_CELL,
        )
    credit = CREDIT if layout.kind == "tiles" and codes and len(codes[0]) == 2 else ""
    return FigureMap(figure, spec, layout.kind, children, at_level, credit)


def _shown(child: ChildValue, figure: Figure) -> str:
    if not child.readable:
        return _("Outside your areas")
    if child.value is None:
        return _("No data")
    return charts.format_number(child.value, money=figure.money)
