"""Pages of plans and people's agendas: the list with its filters and export, a plan's page with its vision,
main works and agreements, creating, editing and deleting a plan and its main works, and its history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_add_records, require_can_add
from sanphalang.web.areas import area_label
from sanphalang.web.forms import carry_version, show_refusal
from sanphalang.web.history import history_entries
from sanphalang.web.listing import Column, export_format, export_rows, paginate

from ..access import can_change_plan
from ..forms.plans import MainWorkForm, PlanFilterForm, PlanForm
from ..models import MainWork, Plan
from ..selectors import plans as selectors
from ..selectors.agreements import readable_meeting
from ..services import plans as services
from .pages import REMOVAL_QUESTIONS, form_page, saved
from .progress import targets_section


def owner_label(plan: Plan) -> str:
    return str(plan.region) if plan.region_id else area_label(plan.area)


LIST_COLUMNS = [
    Column("year", gettext_lazy("Year (BE)"), lambda plan: plan.year_be, "year_be"),
    Column("title", gettext_lazy("Name of the plan"), lambda plan: plan.title, "title"),
    Column("owner", gettext_lazy("Area or region"), owner_label, "area_id"),
    Column("year_kind", gettext_lazy("Kind of year"), lambda plan: plan.get_year_kind_display(), "year_kind"),
    Column("status", gettext_lazy("Status"), lambda plan: plan.get_status_display(), "status"),
    Column("adopted_on", gettext_lazy("Adopted on"), lambda plan: plan.adopted_on, "adopted_on"),
]


@login_required
def plan_list(request):
    filters = PlanFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    plans = selectors.plan_list(
        user=request.user,
        year_be=criteria.get("year") or None,
        area_code=(criteria.get("area") or "").strip(),
    )
    fmt = export_format(request)
    if fmt:
        return export_rows(plans, LIST_COLUMNS, fmt=fmt, filename="plans")
    listing = paginate(plans, LIST_COLUMNS, request, default_sort="-year")
    return render(
        request,
        "plans/plan_list.html",
        {
            "nav_active": "plans",
            "filters": filters,
            "listing": listing,
            "rows": [(plan, owner_label(plan)) for plan in listing.page.object_list],
            "can_add": can_add_records(request.user),
        },
    )


def _render_plan(request, plan, *, work_form=None, status=200):
    can_edit = can_change_plan(request.user, plan)
    if can_edit and work_form is None:
        work_form = MainWorkForm(user=request.user, prefix="work")
    return render(
        request,
        "plans/plan_detail.html",
        {
            "nav_active": "plans",
            "plan": plan,
            "owner": owner_label(plan),
            "meeting": readable_meeting(user=request.user, meeting_id=plan.meeting_id),
            "can_edit": can_edit,
            "work_form": work_form,
            "confirm": REMOVAL_QUESTIONS,
            "targets_section": targets_section(request, plan),
        },
        status=status,
    )


@login_required
def plan_detail(request, pk: int):
    return _render_plan(request, selectors.plan_get(user=request.user, pk=pk))


@login_required
def plan_create(request):
    require_can_add(request.user)
    form = PlanForm(request.POST or None, user=request.user)
    plan = saved(request, form, Plan, lambda data: services.plan_create(by=request.user, **data))
    if plan is not None:
        messages.success(request, _("The plan was recorded."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return form_page(
        request, form, title=_("Record a plan"), cancel_url=reverse("plans:plan_list"), with_area_script=True
    )


@login_required
def plan_update(request, pk: int):
    plan = selectors.plan_get_for_change(user=request.user, pk=pk)
    form = carry_version(PlanForm(request.POST or None, user=request.user, instance=plan), plan)
    if saved(request, form, Plan, lambda data: services.plan_update(by=request.user, plan=plan, **data)):
        messages.success(request, _("The plan was saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    return form_page(
        request,
        form,
        title=_("Edit %(plan)s") % {"plan": plan},
        cancel_url=reverse("plans:plan_detail", args=[plan.pk]),
        remove_url=reverse("plans:plan_delete", args=[plan.pk]),
        question=REMOVAL_QUESTIONS["plan"],
        with_area_script=True,
    )


@login_required
@require_POST
def plan_delete(request, pk: int):
    plan = selectors.plan_get_for_change(user=request.user, pk=pk)
    try:
        services.plan_delete(by=request.user, plan=plan)
    except ValidationError as error:
        show_refusal(request, error)
        return redirect("plans:plan_detail", pk=plan.pk)
    messages.success(request, _("The plan was deleted."))
    return redirect("plans:plan_list")


@login_required
def plan_history(request, pk: int):
    plan = selectors.plan_get(user=request.user, pk=pk)
    return render(
        request,
        "directory/history.html",
        {
            "nav_active": "plans",
            "subject": plan,
            "back_url": reverse("plans:plan_detail", args=[plan.pk]),
            "entries": history_entries(plan.history.all(), reader=request.user),
        },
    )


@login_required
@require_POST
def main_work_create(request, pk: int):
    plan = selectors.plan_get_for_change(user=request.user, pk=pk)
    form = MainWorkForm(request.POST, user=request.user, prefix="work")
    if saved(
        request, form, MainWork, lambda data: services.main_work_add(by=request.user, plan=plan, **data)
    ):
        messages.success(request, _("The main work was added."))
        return redirect(reverse("plans:plan_detail", args=[plan.pk]) + "#main-works")
    return _render_plan(request, plan, work_form=form, status=400)


@login_required
def main_work_update(request, pk: int):
    work = selectors.main_work_get_for_change(user=request.user, pk=pk)
    form = carry_version(MainWorkForm(request.POST or None, user=request.user, instance=work), work)
    back = reverse("plans:plan_detail", args=[work.plan_id]) + "#main-works"
    if saved(
        request,
        form,
        MainWork,
        lambda data: services.main_work_update(by=request.user, main_work=work, **data),
    ):
        messages.success(request, _("The main work was saved."))
        return redirect(back)
    return form_page(
        request,
        form,
        title=_("Edit main work %(work)s") % {"work": work},
        cancel_url=back,
        remove_url=reverse("plans:main_work_remove", args=[work.pk]),
        question=REMOVAL_QUESTIONS["main_work"],
    )


@login_required
@require_POST
def main_work_remove(request, pk: int):
    work = selectors.main_work_get_for_change(user=request.user, pk=pk)
    services.main_work_remove(by=request.user, main_work=work)
    messages.success(request, _("The main work was removed."))
    return redirect(reverse("plans:plan_detail", args=[work.plan_id]) + "#main-works")
