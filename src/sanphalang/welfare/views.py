"""Pages of the fund registry: list with search and export, detail with disagreements and settling, roll-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_write_area, require_write
from sanphalang.thai.digits import parse_number
from sanphalang.web.areas import area_label
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from . import figures, selectors, services
from .documents import render_rollup_pdf
from .forms import FIELD_LABELS, FundFilterForm, SettleForm
from .models import FundYear

LIST_COLUMNS = [
    Column("name", gettext_lazy("Name"), lambda f: f.name_th, "sort_key"),
    Column("area", gettext_lazy("Area"), lambda f: area_label(f.area), "area_id"),
    Column("status", gettext_lazy("Status"), lambda f: f.get_status_display(), "status"),
    Column("members", gettext_lazy("Members"), lambda f: f.members, "members"),
    Column("records", gettext_lazy("Source records"), lambda f: f.record_count, "record_count"),
]
EXPORT_COLUMNS = [
    Column("name", gettext_lazy("Name (Thai)"), lambda f: f.name_th),
    Column("area_code", gettext_lazy("Area code"), lambda f: f.area_id),
    Column("area", gettext_lazy("Area"), lambda f: area_label(f.area)),
    Column("fund_code", gettext_lazy("Fund code"), lambda f: f.fund_code),
    Column("status", gettext_lazy("Status"), lambda f: f.get_status_display()),
    Column("members", gettext_lazy("Members"), lambda f: f.members),
    Column("founded_on", gettext_lazy("Founded on"), lambda f: f.founded_on),
]


@login_required
def fund_list(request):
    filters = FundFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    funds = selectors.fund_list(user=request.user, search=criteria.get("q", ""),
                                district=criteria.get("district") or None, status=criteria.get("status") or None,
                                missing_from=int(criteria["missing_from"]) if criteria.get("missing_from") else None)
    fmt = export_format(request)
    if fmt:
        return export_rows(funds.order_by("sort_key", "pk"), EXPORT_COLUMNS, fmt=fmt, filename="welfare-funds")
    listing = paginate(funds, LIST_COLUMNS, request, default_sort="name")
    return render(request, "welfare/fund_list.html", {"nav_active": "welfare", "filters": filters,
                                                      "listing": listing})


def _detail_context(request, fund, settle_form=None) -> dict:
    records = list(fund.source_records.all())
    rows = []
    for name, values in services.disagreements(fund):
        choices = [(r, services.field_value(name, r.data)) for r in records
                   if r.duplicate_of_id is None and r.source.name in values]
        rows.append({"field": name, "label": FIELD_LABELS[name], "values": values, "choices": choices})
    conflicts = [{"conflict": c, "label": FIELD_LABELS[c.field]} for c in services.settlement_conflicts(fund)]
    return {"nav_active": "welfare", "fund": fund, "records": records, "disagreements": rows, "conflicts": conflicts,
            "settlements": [{"settlement": s, "label": FIELD_LABELS.get(s.field, s.field)} for s in fund.settlements.all()], "years": figures.year_rows(fund.years.all()),
            "import_url": reverse("imports:index") + "?entity=fund_figures",
            "can_settle": can_write_area(request.user, fund.area_id), "settle_form": settle_form,
            "area_label": area_label(fund.area), **selectors.tambon_activity(user=request.user, fund=fund)}


@login_required
def fund_detail(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    return render(request, "welfare/fund_detail.html", _detail_context(request, fund))


@login_required
@require_POST
def fund_settle(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    require_write(request.user, fund.area_id)
    form = SettleForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        record = None
        if data.get("from_record"):
            record = next((r for r in fund.source_records.all() if r.pk == data["from_record"]), None)
        try:
            services.settle(by=request.user, fund=fund, field=data["field"], value=data.get("value", ""),
                            from_record=record, reason=data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The value was settled."))
            return redirect("welfare:fund_detail", pk=fund.pk)
    fund = selectors.fund_get(user=request.user, pk=pk)
    return render(request, "welfare/fund_detail.html", _detail_context(request, fund, form), status=400)


ROLLUP_TITLES = {"district": gettext_lazy("Funds by district"), "province": gettext_lazy("Funds by province"),
                 "region": gettext_lazy("Funds by region"), "country": gettext_lazy("Funds in the country")}
ROLLUP_SWITCH = {"district": gettext_lazy("By district"), "province": gettext_lazy("By province"),
                 "region": gettext_lazy("By region"), "country": gettext_lazy("Whole country")}


def _figure(name: str):
    return lambda row: (row.get("figures") or {}).get(name)


ROLLUP_COLUMNS = [
    Column("code", gettext_lazy("Area code"), lambda r: r["code"]),
    Column("name", gettext_lazy("Area"), lambda r: r["name"]),
    Column("funds", gettext_lazy("Funds"), lambda r: r["funds"]),
    Column("members", gettext_lazy("Members (registry)"), lambda r: r["members"]),
    Column("reporting", gettext_lazy("Funds reporting the year"), _figure("reporting")),
    *[Column(name, FundYear._meta.get_field(name).verbose_name, _figure(name)) for name in figures.FIGURE_FIELDS],
]


@login_required
def rollup(request):
    level = request.GET.get("level")
    if level not in services.ROLLUP_LEVELS:
        level = "district"
    years = figures.years_reported(user=request.user)
    year = _chosen_year(request.GET.get("year"), years)
    rows, total = figures.rollup_table(user=request.user, level=level, year_be=year)
    if request.GET.get("export") == "pdf":
        response = HttpResponse(render_rollup_pdf(title=str(ROLLUP_TITLES[level]), rows=rows, total=total, year=year),
                                content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="welfare-funds-{level}-{year or "registry"}.pdf"'
        return response
    fmt = export_format(request)
    if fmt:
        return export_rows(rows, ROLLUP_COLUMNS, fmt=fmt, filename=f"welfare-funds-{level}-{year or 'registry'}")
    return render(request, "welfare/rollup.html", {
        "nav_active": "welfare", "rows": rows, "level": level, "title": ROLLUP_TITLES[level],
        "levels": list(ROLLUP_SWITCH.items()), "total": total, "year": year, "years": years})


def _chosen_year(text: str | None, years: list[int]) -> int | None:
    """The year asked for if it has figures, else the latest year that has."""
    try:
        year = int(parse_number(text or ""))
    except ValueError:
        year = None
    return year if year in years else (years[0] if years else None)
