"""The comparison page (S14): a region's provinces side by side, this year against last, per work area; with a
chart per figure, the targets of the provinces' plans, and the table as a spreadsheet."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from sanphalang.plans.periods import YearKind
from sanphalang.web.listing import Column, export_format, export_rows

from ..charts import bundle_version, compare_chart
from ..forms.comparisons import ComparisonForm
from ..selectors.comparisons import comparison as comparison_of
from ..selectors.comparisons import current_year

NAV = "reports"


def _number(value):
    """A figure as a spreadsheet number: whole counts as integers."""
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


COLUMNS = [
    Column("work_area", gettext_lazy("Work area"), lambda r: r["work"]),
    Column("figure", gettext_lazy("Figure"), lambda r: str(r["figure"].label)),
    Column("unit", gettext_lazy("Unit"), lambda r: str(r["figure"].unit)),
    Column("code", gettext_lazy("Area code"), lambda r: r["row"].code),
    Column("province", gettext_lazy("Province"), lambda r: r["row"].name),
    Column("this_year", gettext_lazy("This year"), lambda r: _number(r["row"].this_year)),
    Column("last_year", gettext_lazy("Last year"), lambda r: _number(r["row"].last_year)),
    Column("change", gettext_lazy("Change"), lambda r: _number(r["row"].change)),
]


def comparison_rows(found) -> list[dict]:
    return [
        {"work": work.label, "figure": item.figure, "row": row}
        for work in found.work_areas
        for item in work.figures
        for row in item.rows
    ]


def _sections(found) -> list[dict]:
    """Each work area's figures, each with its chart: the readable provinces' two years side by side."""
    this_label, last_label = str(found.year_be), str(found.year_be - 1)
    sections = []
    for work in found.work_areas:
        figures = []
        for item in work.figures:
            rows = [
                {"area": row.name, "year": label, "value": value}
                for row in item.rows
                if row.this_year is not None
                for label, value in ((last_label, row.last_year), (this_label, row.this_year))
            ]
            spec = compare_chart(title=str(item.figure.label), unit=str(item.figure.unit), rows=rows)
            figures.append({"item": item, "chart_id": f"chart-{item.figure.key}", "spec": spec})
        sections.append({"work": work, "figures": figures})
    return sections


@login_required
def comparison(request, region: str):
    form = ComparisonForm(request.GET or None)
    # A year that cannot be read is shown with its error, beside the current year's figures.
    valid = form.is_valid() if request.GET else True
    data = form.cleaned_data if request.GET and valid else {}
    year_kind = data.get("year_kind") or YearKind.FISCAL
    found = comparison_of(user=request.user, region=region, year_kind=year_kind, year_be=data.get("year"))
    fmt = export_format(request)
    if fmt:
        return export_rows(
            comparison_rows(found),
            COLUMNS,
            fmt=fmt,
            filename=f"comparison-{found.region.slug}-{found.year_kind}-{found.year_be}",
        )
    context = {
        "nav_active": NAV,
        "form": form
        if request.GET
        else ComparisonForm(initial={"year_kind": year_kind, "year": current_year(year_kind)}),
        "found": found,
        "sections": _sections(found),
        "chart_version": bundle_version(),
    }
    return render(request, "reports/comparisons/comparison.html", context, status=200 if valid else 400)
