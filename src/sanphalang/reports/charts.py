"""Charts and maps as Vega-Lite specifications: one definition serves the page (drawn in the browser by vega-embed,
from the bundle vl-convert ships), the PDF and the PNG and SVG downloads (drawn on the server by vl-convert, with
no browser and nothing fetched).

Why Vega-Lite through vl-convert rather than plotly or pygal: plotly draws static images only through kaleido,
which drives a browser; pygal's hover and click need its JavaScript from a CDN. vl-convert renders SVG and PNG in
process, ships the browser library in the same wheel, and Vega-Lite's href and tooltip channels give the maps their
drill-down and hover values with no code of ours.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import vl_convert
from django.utils.translation import gettext as _

from sanphalang.meetings.documents.fonts import FAMILY, font_dir
from sanphalang.thai.digits import to_thai_digits

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
BAR_COLOUR = "#2c6e91"
SCHEME = "blues"
NO_DATA_COLOUR = "#e9ecef"
WIDTH = 560
HEIGHT = 240


def _config() -> dict:
    return {
        "font": FAMILY,
        "axis": {"labelFontSize": 12, "titleFontSize": 12},
        "legend": {"labelFontSize": 12, "titleFontSize": 12},
        "title": {"fontSize": 14, "anchor": "start"},
        "view": {"stroke": None},
    }


def _number(value: Decimal | int | float | None) -> float | None:
    return None if value is None else float(value)


def series_chart(*, title: str, unit: str, labels: list[str], values: list, kind: str = "bar") -> dict:
    """A figure over quarters (or years), oldest first."""
    rows = [
        {"period": label, "value": _number(value), "order": i}
        for i, (label, value) in enumerate(zip(labels, values, strict=True))
    ]
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": WIDTH,
        "height": HEIGHT,
        "data": {"values": rows},
        "mark": {
            "type": kind,
            "color": BAR_COLOUR,
            "tooltip": True,
            **({"point": True} if kind == "line" else {}),
        },
        "encoding": {
            "x": {
                "field": "period",
                "type": "ordinal",
                "sort": {"field": "order"},
                "title": None,
                "axis": {"labelAngle": 0},
            },
            "y": {"field": "value", "type": "quantitative", "title": unit},
            "tooltip": [
                {"field": "period", "title": _("Period")},
                {"field": "value", "title": unit, "format": ",.0f"},
            ],
        },
        "config": _config(),
    }


def compare_chart(*, title: str, unit: str, rows: list[dict]) -> dict:
    """Areas side by side, this year against last: rows of {"area", "year", "value"}."""
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": WIDTH,
        "height": HEIGHT,
        "data": {"values": [{**row, "value": _number(row["value"])} for row in rows]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "x": {"field": "area", "type": "nominal", "title": None, "axis": {"labelAngle": 0}},
            "xOffset": {"field": "year", "type": "nominal"},
            "y": {"field": "value", "type": "quantitative", "title": unit},
            "color": {
                "field": "year",
                "type": "nominal",
                "title": _("Year"),
                "scale": {"scheme": "tableau10"},
            },
            "tooltip": [
                {"field": "area", "title": _("Area")},
                {"field": "year", "title": _("Year")},
                {"field": "value", "title": unit, "format": ",.0f"},
            ],
        },
        "config": _config(),
    }


def _colour(title: str) -> dict:
    return {
        "condition": {"test": "datum.value === null", "value": NO_DATA_COLOUR},
        "field": "value",
        "type": "quantitative",
        "title": title,
        "scale": {"scheme": SCHEME},
    }


def _tooltip(unit: str) -> list[dict]:
    return [{"field": "name", "title": _("Area")}, {"field": "value", "title": unit, "format": ",.0f"}]


def grid_map(
    *, title: str, unit: str, cells: list[dict], columns: int, rows: int, cell_size: int = 44
) -> dict:
    """A tile-grid map: cells of {"code", "name", "label", "column", "row", "value", "href"}; a null value is
    grey (not in the user's areas, or nothing counted)."""
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": columns * cell_size,
        "height": rows * cell_size,
        "data": {"values": [{**cell, "value": _number(cell.get("value"))} for cell in cells]},
        "encoding": {
            "x": {
                "field": "column",
                "type": "ordinal",
                "axis": None,
                "scale": {"domain": list(range(columns))},
            },
            "y": {"field": "row", "type": "ordinal", "axis": None, "scale": {"domain": list(range(rows))}},
        },
        "layer": [
            {
                "mark": {
                    "type": "rect",
                    "stroke": "white",
                    "strokeWidth": 2,
                    "cursor": "pointer",
                    "invalid": None,
                },
                "encoding": {"color": _colour(unit), "tooltip": _tooltip(unit), "href": {"field": "href"}},
            },
            {
                "mark": {"type": "text", "fontSize": 10, "cursor": "pointer"},
                "encoding": {
                    "text": {"field": "label"},
                    "color": {
                        "condition": {"test": "datum.value !== null && datum.dark", "value": "white"},
                        "value": "#212529",
                    },
                    "tooltip": _tooltip(unit),
                    "href": {"field": "href"},
                },
            },
        ],
        "config": _config(),
    }


def shape_map(*, title: str, unit: str, features: list[dict], width: int = WIDTH, height: int = 480) -> dict:
    """A choropleth from imported boundaries: GeoJSON features whose properties hold code, name, value, href."""
    for feature in features:
        feature["properties"]["value"] = _number(feature["properties"].get("value"))
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": width,
        "height": height,
        "data": {
            "values": {"type": "FeatureCollection", "features": features},
            "format": {"type": "json", "property": "features"},
        },
        "projection": {"type": "mercator"},
        "mark": {
            "type": "geoshape",
            "stroke": "white",
            "strokeWidth": 0.5,
            "cursor": "pointer",
            "invalid": None,
        },
        "encoding": {
            "color": {**_colour(unit), "field": "properties.value"},
            "tooltip": [
                {"field": "properties.name", "title": _("Area")},
                {"field": "properties.value", "title": unit, "format": ",.0f"},
            ],
            "href": {"field": "properties.href"},
        },
        "config": _config(),
    }


# --- drawing on the server ------------------------------------------------------------------------------------


@cache
def _fonts_registered() -> bool:
    vl_convert.register_font_directory(str(font_dir()))
    return True


_DIGITS_IN_TEXT = re.compile(r"(<text[^>]*>)([^<]*)(</text>)")


def render_svg(spec: dict, *, thai_digits: bool = False) -> str:
    """The chart as SVG text, in Sarabun; numbers in Thai digits when the reader prefers them."""
    _fonts_registered()
    svg = vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
    if thai_digits:
        svg = _DIGITS_IN_TEXT.sub(lambda m: m.group(1) + to_thai_digits(m.group(2)) + m.group(3), svg)
    return svg


def render_png(spec: dict, *, scale: float = 2.0) -> bytes:
    _fonts_registered()
    return vl_convert.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])


@cache
def browser_bundle() -> str:
    """vega-embed, Vega-Lite and Vega in one script, with our start-up code (charts.js) at its end."""
    from pathlib import Path

    snippet = (Path(__file__).parent / "charts.js").read_text(encoding="utf-8")
    return vl_convert.javascript_bundle(snippet)


def bundle_version() -> str:
    return vl_convert.get_vega_embed_version() + "-" + str(len(vl_convert.get_vegalite_versions()))
