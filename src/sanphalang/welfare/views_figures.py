"""Pages of a fund's yearly figures: enter or correct a year, remove one entered by mistake."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import require_write
from sanphalang.web.forms import apply_validation_error

from . import figures, selectors
from .forms_figures import FundYearForm


@login_required
def fund_year_edit(request, pk: int, year_be: int | None = None):
    fund = selectors.fund_get(user=request.user, pk=pk)
    require_write(request.user, fund.area_id)
    year = selectors.fund_year_of(fund, year_be) if year_be else None
    if request.method == "POST":
        form = FundYearForm(request.POST, year_be=year_be)
        if form.is_valid():
            try:
                _row, created = figures.fund_year_save(by=request.user, fund=fund,
                                                       year_be=form.cleaned_data["year_be"], values=form.figures())
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, (_("The figures of %(year)s were added.") if created else
                                           _("The figures of %(year)s were updated.")) % {"year": _row.year_be})
                return redirect(reverse("welfare:fund_detail", args=[fund.pk]) + "#years-heading")
    else:
        form = FundYearForm.for_year(year) if year else FundYearForm(initial={"year_be": figures.current_year_be()})
    return render(request, "welfare/fund_year_form.html", {
        "nav_active": "welfare", "fund": fund, "year": year, "form": form,
        "groups": _field_groups(form)}, status=400 if form.errors else 200)


def _field_groups(form) -> list[tuple[str, list]]:
    return [
        (_("Members"), [form[name] for name in figures.COUNT_FIELDS]),
        (_("Money in"), [form[name] for name in ("savings", *figures.MATCHING_FIELDS)]),
        (_("Benefits paid"), [form[name] for name in figures.BENEFIT_FIELDS]),
        (_("Balance"), [form["balance"]]),
    ]


@login_required
@require_POST
def fund_year_delete(request, pk: int, year_be: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    year = selectors.fund_year_of(fund, year_be)
    figures.fund_year_delete(by=request.user, fund_year=year)
    messages.success(request, _("The figures of %(year)s were removed.") % {"year": year_be})
    return redirect(reverse("welfare:fund_detail", args=[fund.pk]) + "#years-heading")
