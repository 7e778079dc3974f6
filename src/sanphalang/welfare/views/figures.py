"""Pages of the funds' yearly figures: enter or correct a year, remove one entered by mistake, and the roll-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.thai.digits import parse_number
from sanphalang.web.forms import apply_validation_error, carry_version
from sanphalang.web.listing import Column, export_format, export_rows

from ..documents import render_rollup_pdf
from ..forms.figures import FundYearForm
from ..models import BENEFIT_FIELDS, COUNT_FIELDS, FIGURE_FIELDS, MATCHING_FIELDS, FundYear
from ..selectors import figures as selectors
from ..selectors.registry import fund_get_for_change
from ..services import figures as services


@login_required
def fund_year_edit(request, pk: int, year_be: int | None = None):
    fund = fund_get_for_change(user=request.user, pk=pk)
    year = selectors.fund_year_of(fund, year_be) if year_be else None
    if request.method == "POST":
        form = FundYearForm(request.POST, year_be=year_be)
        if year:
            carry_version(form, year)
        if form.is_valid():
            try:
                _row, created = services.fund_year_save(
                    by=request.user,
                    fund=fund,
                    year_be=form.cleaned_data["year_be"],
                    values=form.figures(),
                    version=form.cleaned_data.get("version"),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(
                    request,
                    (
                        _("The figures of %(year)s were added.")
                        if created
                        else _("The figures of %(year)s were updated.")
                    )
                    % {"year": _row.year_be},
                )
                return redirect(reverse("welfare:fund_detail", args=[fund.pk]) + "#years-heading")
    else:
        form = (
            carry_version(FundYearForm.for_year(year), year)
            if year
            else FundYearForm(initial={"year_be": services.current_year_be()})
        )
    return render(
        request,
        "welfare/fund_year_form.html",
        {"nav_active": "welfare", "fund": fund, "year": year, "form": form, "groups": _field_groups(form)},
        status=400 if form.errors else 200,
    )


def _field_groups(form) -> list[tuple[str, list]]:
    return [
        (_("Members"), [form[name] for name in COUNT_FIELDS]),
        (_("Money in"), [form[name] for name in ("savings", *MATCHING_FIELDS)]),
        (_("Benefits paid"), [form[name] for name in BENEFIT_FIELDS]),
        (_("Balance"), [form["balance"]]),
    ]


@login_required
@require_POST
def fund_year_delete(request, pk: int, year_be: int):
    year = selectors.fund_year_get_for_change(user=request.user, fund_pk=pk, year_be=year_be)
    services.fund_year_delete(by=request.user, fund_year=year)
    messages.success(request, _("The figures of %(year)s were removed.") % {"year": year_be})
    return redirect(reverse("welfare:fund_detail", args=[pk]) + "#years-heading")


ROLLUP_TITLES = {
    "district": gettext_lazy("Funds by district"),
    "province": gettext_lazy("Funds by province"),
    "region": gettext_lazy("Funds by region"),
    "country": gettext_lazy("Funds in the country"),
}


ROLLUP_SWITCH = {
    "district": gettext_lazy("By district"),
    "province": gettext_lazy("By province"),
    "region": gettext_lazy("By region"),
    "country": gettext_lazy("Whole country"),
}


def _figure(name: str):
    return lambda row: (row.get("figures") or {}).get(name)


ROLLUP_COLUMNS = [
    Column("code", gettext_lazy("Area code"), lambda r: r["code"]),
    Column("name", gettext_lazy("Area"), lambda r: r["name"]),
    Column("funds", gettext_lazy("Funds"), lambda r: r["funds"]),
    Column("members", gettext_lazy("Members (registry)"), lambda r: r["members"]),
    Column("reporting", gettext_lazy("Funds reporting the year"), _figure("reporting")),
    *[Column(name, FundYear._meta.get_field(name).verbose_name, _figure(name)) for name in FIGURE_FIELDS],
]


@login_required
def rollup(request):
    level = request.GET.get("level")
    if level not in selectors.ROLLUP_LEVELS:
        level = "district"
    years = selectors.years_reported(user=request.user)
    year = _chosen_year(request.GET.get("year"), years)
    rows, total = selectors.rollup_table(user=request.user, level=level, year_be=year)
    if request.GET.get("export") == "pdf":
        response = HttpResponse(
            render_rollup_pdf(
                title=str(ROLLUP_TITLES[level]), rows=rows, total=total, year=year, user=request.user
            ),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'inline; filename="welfare-funds-{level}-{year or "registry"}.pdf"'
        return response
    fmt = export_format(request)
    if fmt:
        return export_rows(
            rows, ROLLUP_COLUMNS, fmt=fmt, filename=f"welfare-funds-{level}-{year or 'registry'}"
        )
    return render(
        request,
        "welfare/rollup.html",
        {
            "nav_active": "welfare",
            "rows": rows,
            "level": level,
            "title": ROLLUP_TITLES[level],
            "levels": list(ROLLUP_SWITCH.items()),
            "total": total,
            "year": year,
            "years": years,
        },
    )


def _chosen_year(text: str | None, years: list[int]) -> int | None:
    """The year asked for if it has figures, else the latest year that has."""
    try:
        year = int(parse_number(text or ""))
    except ValueError:
        year = None
    return year if year in years else (years[0] if years else None)
