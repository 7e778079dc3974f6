"""Pages of disaster-risk areas (S6): the watch list of an area with its filters, an entry with its incidents per
year, an incident with the households it hit (by the people rules), the help given and the fund payments it
caused; the forms that record them; and a province's risk calendar."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import scope_for
from sanphalang.plans.views.pages import saved
from sanphalang.web.forms import carry_version
from sanphalang.web.listing import Column, paginate

from ..access import allowed, require_risk_write
from ..forms.risks import AffectedHouseholdForm, IncidentForm, RiskAreaFilterForm, RiskAreaForm
from ..models import AffectedHousehold, Hazard, Incident, Month, RiskArea
from ..selectors import risks as selectors
from ..services import risks as services
from .pages import form_page

LIST_COLUMNS = [
    Column("area", gettext_lazy("Village or subdistrict"), lambda r: r.area, "area__sort_key"),
    Column("hazard", gettext_lazy("Hazard"), lambda r: r.get_hazard_display(), "hazard"),
    Column("season", gettext_lazy("Season"), lambda r: r.season_starts),
    Column(
        "households", gettext_lazy("Households at risk"), lambda r: r.households_at_risk, "households_at_risk"
    ),
    Column("incidents", gettext_lazy("Incidents"), lambda r: r.incident_count, "incident_count"),
]
REMOVE_QUESTION = gettext_lazy("Take this area off the watch list? Its incidents stay.")


def _area_code(request) -> str | None:
    """The area the list is of (?area=570101): a place on the map, not a person."""
    code = (request.GET.get("area") or "").strip()
    return code if code.isdigit() else None


@login_required
def risk_area_list(request):
    filters = RiskAreaFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    area_code = _area_code(request)
    entries = selectors.risk_area_list(
        user=request.user,
        area_code=area_code,
        hazard=criteria.get("hazard") or None,
        in_season_now=bool(criteria.get("in_season_now")),
    )
    listing = paginate(entries, LIST_COLUMNS, request, default_sort="area")
    return render(
        request,
        "care/risks/risk_area_list.html",
        {"nav_active": "care", "filters": filters, "listing": listing, "area_code": area_code},
    )


@login_required
def risk_area_detail(request, pk: int):
    risk_area = selectors.risk_area_get(user=request.user, pk=pk)
    return render(
        request,
        "care/risks/risk_area_detail.html",
        {
            "nav_active": "care",
            "risk_area": risk_area,
            "history": selectors.risk_area_history(user=request.user, risk_area=risk_area),
            "incidents": selectors.incident_list(user=request.user, risk_area=risk_area)[:50],
            "can_edit": allowed(require_risk_write, request.user, risk_area.area_id),
            "remove_question": REMOVE_QUESTION,
        },
    )


@login_required
def risk_area_create(request):
    initial = {key: request.GET[key] for key in ("area_code", "hazard") if request.GET.get(key)}
    form = RiskAreaForm(request.POST or None, initial=initial)
    risk_area = saved(
        request, form, RiskArea, lambda data: services.risk_area_create(by=request.user, **data)
    )
    if risk_area is not None:
        messages.success(request, _("The area was put on the watch list."))
        return redirect("care:risk_area_detail", pk=risk_area.pk)
    return form_page(
        request, form, title=_("Put an area on the watch list"), cancel_url=reverse("care:risk_area_list")
    )


@login_required
def risk_area_update(request, pk: int):
    risk_area = selectors.risk_area_get_for_change(user=request.user, pk=pk)
    form = carry_version(RiskAreaForm(request.POST or None, instance=risk_area), risk_area)
    if saved(
        request,
        form,
        RiskArea,
        lambda data: services.risk_area_update(by=request.user, risk_area=risk_area, **data),
    ):
        messages.success(request, _("The watch-list entry was saved."))
        return redirect("care:risk_area_detail", pk=risk_area.pk)
    return form_page(
        request,
        form,
        title=str(risk_area),
        cancel_url=reverse("care:risk_area_detail", args=[risk_area.pk]),
        remove_url=reverse("care:risk_area_delete", args=[risk_area.pk]),
        question=REMOVE_QUESTION,
    )


@login_required
@require_POST
def risk_area_delete(request, pk: int):
    risk_area = selectors.risk_area_get_for_change(user=request.user, pk=pk)
    services.risk_area_delete(by=request.user, risk_area=risk_area)
    messages.success(request, _("The area was taken off the watch list."))
    return redirect("care:risk_area_list")


@login_required
def risk_calendar(request):
    """Which hazards are in season each month in a province (?province=57, else the user's first province)."""
    scope = scope_for(request.user)
    code = (request.GET.get("province") or "").strip()[:2]
    if not code.isdigit():
        code = scope.prefixes[0][:2] if scope.prefixes else ""
    rows = selectors.risk_calendar(user=request.user, province_code=code) if code else []
    return render(
        request,
        "care/risks/risk_calendar.html",
        {"nav_active": "care", "rows": rows, "months": Month.choices, "province_code": code},
    )


# ---- incidents


@login_required
def incident_create(request):
    initial = {key: request.GET[key] for key in ("area_code", "hazard") if request.GET.get(key)}
    form = IncidentForm(request.POST or None, initial=initial)
    incident = saved(request, form, Incident, lambda data: services.incident_create(by=request.user, **data))
    if incident is not None:
        messages.success(request, _("The incident was recorded."))
        return redirect("care:incident_detail", pk=incident.pk)
    return form_page(
        request, form, title=_("Record a disaster incident"), cancel_url=reverse("care:risk_area_list")
    )


def _render_incident(request, incident, *, affected_form=None, status=200):
    can_edit = allowed(require_risk_write, request.user, incident.area_id)
    offer = ""
    if can_edit and incident.risk_area_id is None and incident.hazard in Hazard.values:
        offer = (
            reverse("care:risk_area_create")
            + "?"
            + urlencode({"area_code": incident.area_id, "hazard": incident.hazard})
        )
    return render(
        request,
        "care/risks/incident_detail.html",
        {
            "nav_active": "care",
            "incident": incident,
            "page": selectors.incident_page(user=request.user, incident=incident),
            "can_edit": can_edit,
            "affected_form": (affected_form or AffectedHouseholdForm()) if can_edit else None,
            "watch_offer_url": offer,
        },
        status=status,
    )


@login_required
def incident_detail(request, pk: int):
    return _render_incident(request, selectors.incident_get(user=request.user, pk=pk))


@login_required
def incident_update(request, pk: int):
    incident = selectors.incident_get_for_change(user=request.user, pk=pk)
    form = carry_version(IncidentForm(request.POST or None, instance=incident), incident)
    if saved(
        request,
        form,
        Incident,
        lambda data: services.incident_update(by=request.user, incident=incident, **data),
    ):
        messages.success(request, _("The incident was saved."))
        return redirect("care:incident_detail", pk=incident.pk)
    return form_page(
        request, form, title=str(incident), cancel_url=reverse("care:incident_detail", args=[incident.pk])
    )


@login_required
@require_POST
def affected_create(request, pk: int):
    incident = selectors.incident_get_for_change(user=request.user, pk=pk)
    form = AffectedHouseholdForm(request.POST)
    if saved(
        request,
        form,
        AffectedHousehold,
        lambda data: services.affected_household_add(by=request.user, incident=incident, **data),
    ):
        messages.success(request, _("The household was added to the incident."))
        return redirect(reverse("care:incident_detail", args=[incident.pk]) + "#affected")
    return _render_incident(request, incident, affected_form=form, status=400)


@login_required
@require_POST
def affected_remove(request, pk: int):
    affected = selectors.affected_get_for_change(user=request.user, pk=pk)
    services.affected_household_remove(by=request.user, affected=affected)
    messages.success(request, _("The household was taken off the incident."))
    return redirect(reverse("care:incident_detail", args=[affected.incident_id]) + "#affected")
