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

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
BAR_COLOUR = "#2c6e91"
SCHEME = "blues"
NO_DATA_COLOUR = "#e9ecef"
WIDTH = 560
HEIGHT = 240


def _config() -> dict:
    return {
        "font": f"{FAMILY}, sans-serif",
        "axis": {"labelFontSize": 12, "titleFontSize": 12},
        "legend": {"labelFontSize": 12, "titleFontSize": 12},
        "title": {"fontSize": 14, "anchor": "start"},
        "view": {"stroke": None},
    }


def _number(value: Decimal | int | float | None) -> float | None:
    return None if value is None else float(value)


def series_chart(
    *,
    title: str,
    unit: str,
    labels: list[str],
    values: list,
    kind: str = "bar",
    shown: list[str] | None = None,
    full_labels: list[str] | None = None,
    height: int = HEIGHT,
) -> dict:
    """A figure over quarters (or years), oldest first. labels sit under the bars (short, for a phone's width);
    full_labels and shown (the values as written for the reader) are what hovering reads."""
    shown = shown or [format_number(value) for value in values]
    full_labels = full_labels or labels
    rows = [
        {"period": label, "full": full, "value": _number(value), "shown": text, "order": i}
        for i, (label, full, value, text) in enumerate(zip(labels, full_labels, values, shown, strict=True))
    ]
    return {
        "$schema": SCHEMA,
        "title": title,
        "width": WIDTH,
        "height": height,
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
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": unit,
                "axis": {"format": "~s", "tickMinStep": 1},
            },
            "tooltip": [
                {"field": "full", "title": _("Period")},
                {"field": "shown", "title": unit},
            ],
        },
        "config": _config(),
    }


def format_number(value, *, money: bool = False) -> str:
    """A value as a page writes it: thousands separated, satang for money, in the reader's digits."""
    from sanphalang.thai.preferences import prefers_thai_digits

    if value is None:
        return _("No data")
    number = Decimal(value)
    text = (
        f"{number:,.2f}"
        if money
        else (f"{number:,.0f}" if number == number.to_integral() else f"{number:,.2f}")
    )
    return to_thai_digits(text) if prefers_thai_digits() else text


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
            "y": {"field": "value", "type": "quantitative", "title": unit, "axis": {"tickMinStep": 1}},
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


def _colour(title: str, values: list, field: str = "value") -> dict:
    """The colour of a value, grey where there is none. The scale starts at zero, so areas that all hold the
    same value are not drawn as its extremes; with no value at all the legend is left out."""
    known = [value for value in values if value is not None]
    colour = {
        "condition": {"test": f"datum.{field} === null", "value": NO_DATA_COLOUR},
        "field": field,
        "type": "quantitative",
        "title": title,
        "scale": {"scheme": SCHEME, "domainMin": min(0, *known) if known else 0},
    }
    if not known:
        colour["legend"] = None
    elif max(known) == min(known):
        colour["scale"]["domainMax"] = max(known) if max(known) > 0 else 1
    return colour


def _tooltip(unit: str, prefix: str = "") -> list[dict]:
    """Hover values as written for the reader (shown), so no data reads as such rather than as zero."""
    return [{"field": f"{prefix}name", "title": _("Area")}, {"field": f"{prefix}shown", "title": unit}]


def _with_shown(cell: dict) -> dict:
    """A cell with its value as a number, as written for the reader, and said in words for a screen reader."""
    value = _number(cell.get("value"))
    shown = cell.get("shown") or format_number(value)
    return {**cell, "value": value, "shown": shown, "described": f"{cell.get('name', '')}: {shown}"}


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
        "data": {"values": [_with_shown(cell) for cell in cells]},
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
                "encoding": {
                    "color": _colour(unit, [_number(cell.get("value")) for cell in cells]),
                    "tooltip": _tooltip(unit),
                    "href": {"field": "href"},
                    "description": {"field": "described"},
                },
            },
            {
                "mark": {"type": "text", "fontSize": 10, "cursor": "pointer", "aria": False},
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
        feature["properties"] = _with_shown(feature["properties"])
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
            "color": _colour(
                unit, [feature["properties"]["value"] for feature in features], field="properties.value"
            ),
            "tooltip": _tooltip(unit, prefix="properties."),
            "description": {"field": "properties.described"},
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


def render_png(spec: dict, *, scale: float = 2.0, thai_digits: bool = False) -> bytes:
    """The chart as PNG; with Thai digits it is drawn from the SVG whose numbers were rewritten."""
    _fonts_registered()
    if thai_digits:
        return vl_convert.svg_to_png(render_svg(spec, thai_digits=True), scale=scale)
    return vl_convert.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])


@cache
def browser_bundle() -> str:
    """vega-embed, Vega-Lite and Vega in one script, with our start-up code (charts.js) at its end."""
    from pathlib import Path

    snippet = (Path(__file__).parent / "charts.js").read_text(encoding="utf-8")
    return vl_convert.javascript_bundle(snippet)


def bundle_version() -> str:
    return vl_convert.get_vega_embed_version() + "-" + str(len(vl_convert.get_vegalite_versions()))
