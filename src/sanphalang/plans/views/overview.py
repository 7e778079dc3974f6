"""Overview pages: a province's plans, agreements, projects, charters, registrations and the roll-up of its targets;
everything going on in one area across the apps (S13); a region's provinces compared this year and last (S14)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy, pgettext_lazy

from sanphalang.thai.digits import parse_number
from sanphalang.web.listing import Column, export_format, export_rows

from ..selectors import overview as selectors
from ..selectors.progress import province_rollup, region_comparison

NAV = "plans"


def _year(text: str | None, years: list[int]) -> int | None:
    """The year asked for if it is one of the years there are plans for, else the latest of them."""
    try:
        year = int(parse_number(text or ""))
    except ValueError:
        year = None
    return year if year in years else (years[0] if years else None)


def _rollup_rows(rollups) -> list[dict]:
    """One row per target and area (the province, then each district), for the Excel export."""
    rows = []
    for rolled in rollups:
        for figure in [rolled.whole, *rolled.rows]:
            rows.append({"indicator": rolled.indicator, "figure": figure})
    return rows


PROVINCE_ROLLUP_COLUMNS = [
    Column("plan", gettext_lazy("Plan"), lambda r: r["indicator"].plan.title),
    Column("target_name", gettext_lazy("Target"), lambda r: r["indicator"].name),
    Column(
        "unit", gettext_lazy("Unit"), lambda r: "%" if r["indicator"].is_percent else r["indicator"].unit_name
    ),
    Column("code", gettext_lazy("Area code"), lambda r: r["figure"].code),
    Column("area", gettext_lazy("Area"), lambda r: r["figure"].name),
    Column("target", gettext_lazy("Target value"), lambda r: r["figure"].target),
    Column("value", pgettext_lazy("target", "Progress"), lambda r: r["figure"].value),
    Column("pending", gettext_lazy("Waiting for approval"), lambda r: r["figure"].pending),
    Column("percent_done", gettext_lazy("% of target"), lambda r: r["figure"].percent_done),
    Column("standing", gettext_lazy("Status"), lambda r: r["figure"].standing_label),
    Column("source", gettext_lazy("Where the figure comes from"), lambda r: r["figure"].source_label),
]


@login_required
def province_page(request, code: str):
    overview = selectors.province_overview(user=request.user, code=code)
    year = _year(request.GET.get("year"), overview.years)
    rollups = province_rollup(user=request.user, province_code=code, year_be=year) if year else []
    fmt = export_format(request)
    if fmt:
        return export_rows(
            _rollup_rows(rollups), PROVINCE_ROLLUP_COLUMNS, fmt=fmt, filename=f"targets-{code}-{year or ''}"
        )
    return render(
        request,
        "plans/province_page.html",
        {"nav_active": NAV, "overview": overview, "rollups": rollups, "year": year},
    )


@login_required
def area_page(request, code: str):
    return render(
        request,
        "plans/area_page.html",
        {"nav_active": NAV, "overview": selectors.area_overview(user=request.user, code=code)},
    )


COMPARISON_COLUMNS = [
    Column("measure", gettext_lazy("Common measure"), lambda r: str(r["measure"])),
    Column("code", gettext_lazy("Area code"), lambda r: r["code"]),
    Column("province", gettext_lazy("Province"), lambda r: r["name"]),
    Column("target", gettext_lazy("Target this year"), lambda r: r["this_year"] and r["this_year"].target),
    Column("value", gettext_lazy("Progress this year"), lambda r: r["this_year"] and r["this_year"].value),
    Column(
        "last_target", gettext_lazy("Target last year"), lambda r: r["last_year"] and r["last_year"].target
    ),
    Column(
        "last_value", gettext_lazy("Progress last year"), lambda r: r["last_year"] and r["last_year"].value
    ),
]


@login_required
def region_page(request, slug: str):
    region = selectors.region_for(user=request.user, slug=slug)
    years = selectors.region_years(user=request.user, region=region)
    year = _year(request.GET.get("year"), years)
    comparisons = region_comparison(user=request.user, region=region, year_be=year) if year else []
    fmt = export_format(request)
    if fmt:
        rows = [{"measure": c.measure, **row} for c in comparisons for row in c.rows]
        return export_rows(rows, COMPARISON_COLUMNS, fmt=fmt, filename=f"region-{region.slug}-{year or ''}")
    return render(
        request,
        "plans/region_page.html",
        {
            "nav_active": NAV,
            "region": region,
            "year": year,
            "years": years,
            "comparisons": comparisons,
            "plans": selectors.region_plans(user=request.user, region=region, year_be=year) if year else [],
        },
    )
