"""API routes of the reports, so partners can pull every figure the dashboards show: the catalogue of figures, an
area's or region's dashboard for a quarter, one figure by child area, and a region's comparison of its provinces.
They read the same selectors as the pages, so a caller counts only their own areas; an area or region outside
them is not found."""

from django.http import Http404
from ninja import Query, Router

from sanphalang.reports.figures import FIGURES, WORK_AREA_LABELS, Figure, figure_of
from sanphalang.reports.selectors.comparisons import comparison
from sanphalang.reports.selectors.dashboards import dashboard
from sanphalang.thai.digits import to_arabic_digits

from .schemas_reports import (
    ReportComparisonOut,
    ReportComparisonQuery,
    ReportDashboardOut,
    ReportFigureByAreaOut,
    ReportFigureOut,
    ReportFigureQuery,
    ReportQuarterQuery,
)

router = Router(tags=["reports"])


def _figure(figure: Figure) -> dict:
    return {
        "key": figure.key,
        "label": str(figure.label),
        "unit": str(figure.unit),
        "work_area": figure.work.value,
        "work_area_label": str(WORK_AREA_LABELS[figure.work]),
        "kind": figure.kind.value,
        "money": figure.money,
        "description": str(figure.description),
    }


def _by_area(board, key: str) -> list[dict]:
    values = board.by_child(key)
    return [{"code": a.code, "name": a.name_th, "value": values.get(a.code, 0)} for a in board.children]


def _code(text: str) -> str:
    return to_arabic_digits(text.strip())


@router.get("/reports/figures", response=list[ReportFigureOut])
def figure_catalogue(request):
    """Every figure the dashboards show, in the request's language."""
    return [_figure(figure) for figure in FIGURES.values()]


@router.get("/reports/dashboards/{code}", response=ReportDashboardOut)
def area_dashboard(request, code: str, filters: Query[ReportQuarterQuery]):
    """Every figure of an area (TH: the whole country) or a region (its short name) for the quarter: its value,
    the quarter before's, the change, the last eight quarters and the values of the areas one level below."""
    board = dashboard(
        user=request.auth, code=_code(code), quarter=filters.quarter, year_kind=filters.year_kind
    )
    figures = []
    for key, counted in board.counted.items():
        series = counted.series()
        value, previous = series[-1], series[-2]
        figures.append(
            {
                **{
                    k: v
                    for k, v in _figure(counted.figure).items()
                    if k in ("key", "label", "unit", "work_area")
                },
                "value": value,
                "previous": previous,
                "change": value - previous,
                "series": [
                    {"period": p.label, "starts_on": p.starts_on, "value": v}
                    for p, v in zip(board.quarters, series, strict=True)
                ],
                "by_area": _by_area(board, key),
            }
        )
    return {
        "code": board.place.code,
        "name": board.place.name,
        "year_kind": filters.year_kind,
        "quarter": board.quarter.label,
        "quarter_starts_on": board.quarter.starts_on,
        "figures": figures,
    }


@router.get("/reports/figures/{key}", response=ReportFigureByAreaOut)
def figure_by_area(request, key: str, filters: Query[ReportFigureQuery]):
    """One figure for the quarter, for the area and each area one level below it."""
    figure = figure_of(key)
    if figure is None:
        raise Http404
    board = dashboard(
        user=request.auth,
        code=_code(filters.area),
        quarter=filters.quarter,
        year_kind=filters.year_kind,
        figures=[key],
    )
    return {
        "figure": _figure(figure),
        "code": board.place.code,
        "name": board.place.name,
        "year_kind": filters.year_kind,
        "quarter": board.quarter.label,
        "quarter_starts_on": board.quarter.starts_on,
        "value": board.counted[key].total(-1),
        "by_area": _by_area(board, key),
    }


@router.get("/reports/comparisons/{region}", response=ReportComparisonOut)
def region_comparison(request, region: str, filters: Query[ReportComparisonQuery]):
    """A region's provinces side by side, the year against the one before, per work area; with the targets of
    the provinces' plans compared."""
    found = comparison(user=request.auth, region=region, year_kind=filters.year_kind, year_be=filters.year)
    return {
        "region": found.region.slug,
        "year_kind": found.year_kind,
        "year_be": found.year_be,
        "work_areas": [
            {
                "work_area": work.work.value,
                "label": work.label,
                "figures": [
                    {
                        "key": item.figure.key,
                        "label": str(item.figure.label),
                        "unit": str(item.figure.unit),
                        "provinces": [
                            {
                                "code": row.code,
                                "name": row.name,
                                "readable": row.this_year is not None,
                                "this_year": row.this_year,
                                "last_year": row.last_year,
                                "change": row.change,
                            }
                            for row in item.rows
                        ],
                        "total_this_year": item.total_this_year,
                        "total_last_year": item.total_last_year,
                        "total_change": item.total_change,
                    }
                    for item in work.figures
                ],
            }
            for work in found.work_areas
        ],
        "targets": found.targets,
    }
