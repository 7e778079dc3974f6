"""Pages of housing works: the list per project or area with its totals (households, grants, completed; the
totals alone for those who see counts only), a work's page with its moves, and the forms that record them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.plans.views.pages import saved
from sanphalang.web.forms import carry_version
from sanphalang.web.listing import Column, paginate

from ..access import allowed, require_care_write
from ..forms.housing import HousingFilterForm, HousingMoveForm, HousingWorkForm
from ..models import HousingWork
from ..selectors import housing as selectors
from ..selectors.shown import household_shown
from ..services import housing as services
from .pages import form_page

LIST_COLUMNS = [
    Column("household", gettext_lazy("Household"), lambda w: w.household_id, "household_id"),
    Column("area", gettext_lazy("Area"), lambda w: w.area, "area__sort_key"),
    Column("programme", gettext_lazy("Programme"), lambda w: w.get_programme_display(), "programme"),
    Column("project", gettext_lazy("Project"), lambda w: w.project or "", "project__name"),
    Column("grant", gettext_lazy("Grant (baht)"), lambda w: w.grant, "grant"),
    Column("status", gettext_lazy("Status"), lambda w: w.get_status_display(), "status"),
    Column("completed_on", gettext_lazy("Completed on"), lambda w: w.completed_on, "completed_on"),
]


def _criteria(request):
    filters = HousingFilterForm(request.GET or None, user=request.user)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    project = criteria.get("project")
    code = (request.GET.get("area") or "").strip()
    return filters, {
        "project_id": project.pk if project else None,
        "area_code": code if code.isdigit() else None,
        "status": criteria.get("status") or None,
        "programme": criteria.get("programme") or None,
    }


@login_required
def housing_list(request):
    filters, criteria = _criteria(request)
    listing = paginate(
        selectors.housing_list(user=request.user, **criteria),
        LIST_COLUMNS,
        request,
        default_sort="-household",
    )
    rows = [(work, household_shown(user=request.user, household=work.household)) for work in listing.page]
    return render(
        request,
        "care/housing/housing_list.html",
        {
            "nav_active": "care",
            "filters": filters,
            "listing": listing,
            "rows": rows,
            "totals": selectors.housing_totals(user=request.user, **criteria),
        },
    )


@login_required
def housing_create(request):
    form = HousingWorkForm(request.POST or None, user=request.user)

    def create(data):
        household = selectors.household_for_housing(user=request.user, pk=data.pop("household_pk"))
        return services.housing_work_create(by=request.user, household=household, **data)

    housing = saved(request, form, HousingWork, create)
    if housing is not None:
        messages.success(request, _("The household was registered in the programme."))
        return redirect("care:housing_detail", pk=housing.pk)
    return form_page(
        request,
        form,
        title=_("Register a household in a housing programme"),
        cancel_url=reverse("care:housing_list"),
    )


def _render_housing(request, housing, *, move_form=None, status=200):
    can_edit = allowed(require_care_write, request.user, housing.area_id)
    return render(
        request,
        "care/housing/housing_detail.html",
        {
            "nav_active": "care",
            "housing": housing,
            "household": household_shown(user=request.user, household=housing.household),
            "can_edit": can_edit,
            "move_form": (move_form or HousingMoveForm()) if can_edit else None,
        },
        status=status,
    )


@login_required
def housing_detail(request, pk: int):
    return _render_housing(request, selectors.housing_get(user=request.user, pk=pk))


@login_required
def housing_update(request, pk: int):
    housing = selectors.housing_get_for_change(user=request.user, pk=pk)
    form = carry_version(HousingWorkForm(request.POST or None, user=request.user, instance=housing), housing)
    if saved(
        request,
        form,
        HousingWork,
        lambda data: services.housing_work_update(by=request.user, housing=housing, **data),
    ):
        messages.success(request, _("The housing work was saved."))
        return redirect("care:housing_detail", pk=housing.pk)
    return form_page(
        request, form, title=str(housing), cancel_url=reverse("care:housing_detail", args=[housing.pk])
    )


@login_required
@require_POST
def housing_move(request, pk: int):
    housing = selectors.housing_get_for_change(user=request.user, pk=pk)
    form = HousingMoveForm(request.POST)
    if saved(
        request,
        form,
        HousingWork,
        lambda data: services.housing_work_move(by=request.user, housing=housing, **data),
    ):
        messages.success(request, _("The housing work was moved."))
        return redirect("care:housing_detail", pk=housing.pk)
    return _render_housing(request, housing, move_form=form, status=400)
