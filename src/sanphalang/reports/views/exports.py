"""Downloads of a dashboard's charts: each as PNG or SVG drawn on the server from the same definition the page
draws, and its data as an Excel workbook; or the whole dashboard's data, a sheet per chart. A chart is named in
the address by the dashboard's code, the chart's key, the quarter and the map's figure: nothing of the reader."""

from __future__ import annotations

from io import BytesIO

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from openpyxl import Workbook
from openpyxl.styles import Font

from sanphalang.thai.preferences import prefers_thai_digits

from .. import charts
from ..figures import FIGURES
from ..selectors import dashboards as selectors
from .dashboards import map_of, read_choice

MAP_CHART = "map"
FORMATS = {
    "png": "image/png",
    "svg": "image/svg+xml; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEET_TITLE_LIMIT = 31  # Excel's longest sheet name


def _board(request, code: str, chart: str | None):
    quarter, year_kind, figure = read_choice(request)
    if figure not in FIGURES:
        raise Http404
    if chart is not None and chart != MAP_CHART and chart not in FIGURES:
        raise Http404
    wanted = None if chart is None else [figure if chart == MAP_CHART else chart]
    board = selectors.dashboard(
        user=request.user, code=code, quarter=quarter, year_kind=year_kind, figures=wanted
    )
    return board, figure


def _chart(request, board, chart: str, figure: str) -> tuple[str, dict, list[tuple[str, object]], str]:
    """(title, Vega-Lite spec, rows of (area or period, value), unit) of one chart of the dashboard."""
    if chart == MAP_CHART:
        drawn = map_of(request, board, figure)
        rows = [(child.name, child.value) for child in drawn.children]
        if drawn.at_level:
            rows.append((_("At the level of %(area)s") % {"area": board.place.name}, drawn.at_level))
        return str(drawn.spec["title"]), drawn.spec, rows, str(drawn.figure.unit)
    counted = board.counted[chart]
    return (
        str(counted.figure.label),
        selectors.figure_chart(board, chart),
        selectors.chart_rows(board, chart),
        str(counted.figure.unit),
    )


def _filename(board, name: str, extension: str) -> str:
    return f"{board.place.name}-{name}-{board.quarter.key}.{extension}".replace("/", "-")


def _attachment(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


@login_required
@require_GET
def chart_export(request, code: str, chart: str, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    board, figure = _board(request, code, chart)
    title, spec, rows, unit = _chart(request, board, chart, figure)
    name = figure if chart == MAP_CHART else chart
    if fmt == "svg":
        content = charts.render_svg(spec, thai_digits=prefers_thai_digits())
    elif fmt == "png":
        content = charts.render_png(spec, thai_digits=prefers_thai_digits())
    else:
        content = _workbook([(title, unit, rows, chart == MAP_CHART, _sheet_of(board, chart, figure))])
    label = f"map-{name}" if chart == MAP_CHART else name
    return _attachment(content, FORMATS[fmt], _filename(board, label, fmt))


@login_required
@require_GET
def dashboard_export(request, code: str):
    """The data of every chart of the dashboard, a sheet per chart, the map's figure by area first."""
    board, figure = _board(request, code, None)
    sheets = []
    title, _spec, rows, unit = _chart(request, board, MAP_CHART, figure)
    sheets.append((title, unit, rows, True, _sheet_of(board, MAP_CHART, figure)))
    for key in board.counted:
        title, _spec, rows, unit = _chart(request, board, key, figure)
        sheets.append((title, unit, rows, False, _sheet_of(board, key, figure)))
    return _attachment(_workbook(sheets), FORMATS["xlsx"], _filename(board, "data", "xlsx"))


def _sheet_of(board, chart: str, figure: str) -> str:
    if chart == MAP_CHART:
        return f"{_('Map')} {board.counted[figure].figure.label}"
    return str(board.counted[chart].figure.label)


def _workbook(sheets) -> bytes:
    """A sheet per chart: its title, then area (or period), value and unit; Thai headings, numbers as numbers."""
    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for title, unit, rows, by_area, name in sheets:
        sheet = book.create_sheet(_sheet_name(name, used))
        sheet.append([title])
        sheet["A1"].font = Font(bold=True)
        sheet.append([_("Area") if by_area else _("Period"), _("Value"), _("Unit")])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for label, value in rows:
            sheet.append([label, None if value is None else float(value), unit])
        sheet.column_dimensions["A"].width = 32
        sheet.column_dimensions["B"].width = 16
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    cleaned = "".join("-" if char in "[]:*?/\\" else char for char in title)[:SHEET_TITLE_LIMIT] or "-"
    name, number = cleaned, 2
    while name in used:
        suffix = f" ({number})"
        name, number = cleaned[: SHEET_TITLE_LIMIT - len(suffix)] + suffix, number + 1
    used.add(name)
    return name
