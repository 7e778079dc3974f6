"""Pages of progress: a target's roll-up over the areas and periods, entering and correcting an area's progress
with its evidence, and the province's approvals of each period (and an administrator's reopening)."""

import datetime as dt
import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_add_records, can_write_area, require_writer
from sanphalang.web.forms import apply_validation_error, carry_version, show_refusal
from sanphalang.web.listing import Column, export_format, export_rows

from ..access import can_change_plan
from ..forms.progress import EntryForm, ReasonForm
from ..importers import PLAN_PROGRESS, import_url
from ..models import EntryStatus
from ..periods import period_at
from ..selectors import plans as plan_selectors
from ..selectors import progress as selectors
from ..selectors import targets as target_selectors
from ..selectors.progress import Source, Standing
from ..services import progress as services

NAV = "plans"


def _period_from(text: str | None, plan) -> dt.date | None:
    """A period of the plan from its key (the ISO first day); None when absent or not one of the plan's."""
    try:
        day = dt.date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if period_at(plan.period_kind, plan.year_kind, plan.year_be, day) else None


def targets_section(request, plan) -> dict:
    """What the plan's page shows of its targets: each as a progress bar with its status, last year's figure of the
    same measure, and what the reader may do."""
    rollups = selectors.plan_progress(user=request.user, plan=plan)
    last_year = selectors.previous_year(user=request.user, plan=plan)
    for rolled in rollups:
        rolled.last_year = last_year.get(rolled.indicator.pk)
    return {
        "rollups": rollups,
        "can_enter": can_add_records(request.user),
        "can_approve": can_change_plan(request.user, plan),
        "waiting": sum(state.waiting for state in selectors.plan_periods(user=request.user, plan=plan)),
    }


def _figure_value(name: str):
    return lambda row: getattr(row, name)


ROLLUP_COLUMNS = [
    Column("code", gettext_lazy("Area code"), lambda row: row.code),
    Column("name", gettext_lazy("Area"), lambda row: row.name),
    Column("target", gettext_lazy("Target"), _figure_value("target")),
    Column("value", pgettext_lazy("target", "Progress"), _figure_value("value")),
    Column("actual", gettext_lazy("Approved (parts)"), _figure_value("actual")),
    Column("denominator", gettext_lazy("Out of"), _figure_value("denominator")),
    Column("pending", gettext_lazy("Waiting for approval"), _figure_value("pending")),
    Column("percent_done", gettext_lazy("% of target"), _figure_value("percent_done")),
    Column("standing", gettext_lazy("Status"), lambda row: row.standing_label),
    Column("source", gettext_lazy("Where the figure comes from"), lambda row: row.source_label),
]


@login_required
def indicator_progress(request, pk: int):
    indicator = target_selectors.indicator_get(user=request.user, pk=pk)
    plan = indicator.plan
    view = "period" if request.GET.get("view") == "period" else "cumulative"
    chosen = _period_from(request.GET.get("upto"), plan)
    area_code = (request.GET.get("area") or "").strip() or None
    try:
        rolled = selectors.indicator_rollup(
            user=request.user,
            indicator=indicator,
            area_code=area_code,
            upto=chosen if view == "cumulative" else None,
            period=chosen if view == "period" else None,
        )
    except ValidationError:
        raise Http404 from None
    fmt = export_format(request)
    if fmt:
        return export_rows(
            [rolled.whole, *rolled.rows], ROLLUP_COLUMNS, fmt=fmt, filename=f"target-{indicator.pk}-progress"
        )
    return render(
        request,
        "plans/indicator_progress.html",
        {
            "nav_active": NAV,
            "indicator": indicator,
            "plan": plan,
            "rolled": rolled,
            "series": selectors.indicator_series(user=request.user, indicator=indicator, area_code=area_code),
            "view": view,
            "chosen": chosen,
            "area_code": area_code,
            "periods": [state.period for state in selectors.plan_periods(user=request.user, plan=plan)],
            "can_enter": not indicator.is_counted and can_add_records(request.user),
            "sources": Source.LABELS,
            "standings": Standing.LABELS,
        },
    )


def _entry_form(request, indicator, entry=None):
    form = EntryForm(
        request.POST or None,
        request.FILES or None,
        indicator=indicator,
        areas=selectors.entry_area_choices(user=request.user, plan=indicator.plan),
        meetings=selectors.evidence_meeting_choices(user=request.user, plan=indicator.plan),
        entry=entry,
    )
    return carry_version(form, entry) if entry is not None else form


def _entry_page(request, form, indicator, entry=None):
    return render(
        request,
        "plans/entry_form.html",
        {"nav_active": NAV, "form": form, "indicator": indicator, "plan": indicator.plan, "entry": entry},
        status=400 if form.is_bound else 200,
    )


def _evidence(data) -> dict:
    return {
        "note": data.get("note", ""),
        "evidence_file": data.get("evidence_file"),
        "evidence_meeting": data.get("evidence_meeting_record"),
        "evidence_link": data.get("evidence_link", ""),
    }


def _with_meeting(request, data) -> dict:
    """The evidence meeting, read through the meetings the user may read."""
    meeting_pk = data.get("evidence_meeting")
    if meeting_pk:
        from sanphalang.meetings.selectors.meetings import meeting_get

        data["evidence_meeting_record"] = meeting_get(user=request.user, pk=meeting_pk)
    return data


@login_required
def entry_create(request, pk: int):
    indicator = target_selectors.indicator_get(user=request.user, pk=pk)
    if request.method == "POST":
        require_writer(request.user)
    form = _entry_form(request, indicator)
    if request.method == "POST" and form.is_valid():
        data = _with_meeting(request, dict(form.cleaned_data))
        try:
            entry = services.progress_submit(
                by=request.user,
                indicator=indicator,
                area_code=data["area"],
                period_start=dt.date.fromisoformat(data["period"]),
                value=data["value"],
                denominator=data.get("denominator"),
                **_evidence(data),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The progress was submitted; it counts once the province approves it.")
            )
            return redirect("plans:indicator_progress", pk=entry.indicator_id)
    return _entry_page(request, form, indicator)


@login_required
def entry_edit(request, pk: int):
    entry = selectors.entry_get_for_change(user=request.user, pk=pk)
    form = _entry_form(request, entry.indicator, entry)
    if request.method == "POST" and form.is_valid():
        data = _with_meeting(request, dict(form.cleaned_data))
        try:
            services.progress_correct(
                by=request.user,
                entry=entry,
                value=data["value"],
                denominator=data.get("denominator"),
                version=data.get("version"),
                **_evidence(data),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
            entry.refresh_from_db()
        else:
            messages.success(
                request, _("The correction was saved; it waits for the province's approval again.")
            )
            return redirect("plans:indicator_progress", pk=entry.indicator_id)
    return _entry_page(request, form, entry.indicator, entry)


@login_required
@require_POST
def entry_delete(request, pk: int):
    entry = selectors.entry_get_for_change(user=request.user, pk=pk)
    try:
        services.progress_delete(by=request.user, entry=entry)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The entry was removed."))
    return redirect("plans:indicator_progress", pk=entry.indicator_id)


@login_required
def entry_evidence(request, pk: int):
    entry = selectors.entry_get(user=request.user, pk=pk)
    if not entry.evidence_file:
        raise Http404
    try:
        handle = entry.evidence_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=os.path.basename(entry.evidence_file.name))


@login_required
def approvals(request, pk: int):
    """The plan's periods with their entries to approve; ?export=xlsx gives every entry of the plan as the
    progress import file."""
    plan = plan_selectors.plan_get(user=request.user, pk=pk)
    fmt = export_format(request)
    if fmt:
        entries = selectors.entry_list(user=request.user, plan=plan).select_related("indicator__plan")
        return export_rows(
            entries.order_by("period_start", "indicator__order", "indicator_id", "area_id"),
            PLAN_PROGRESS.export_columns(),
            fmt=fmt,
            filename="progress",
        )
    states = selectors.plan_periods(user=request.user, plan=plan)
    chosen = _period_from(request.GET.get("period"), plan)
    if chosen is None:
        # The first period with entries waiting; else the latest with any entry; else the first.
        waiting = [s for s in states if s.waiting]
        reported = [s for s in states if s.waiting or s.approved or s.returned]
        chosen = (waiting[0] if waiting else reported[-1] if reported else states[0]).period.starts_on
    status = request.GET.get("status") if request.GET.get("status") in EntryStatus.values else None
    entries = list(selectors.entry_list(user=request.user, plan=plan, period=chosen, status=status))
    return render(
        request,
        "plans/approvals.html",
        {
            "nav_active": NAV,
            "plan": plan,
            "states": states,
            "state": next(s for s in states if s.period.starts_on == chosen),
            "entries": entries,
            "status": status,
            "statuses": EntryStatus.choices,
            "can_approve": can_change_plan(request.user, plan),
            "can_reopen": request.user.is_administrator,
            "writable": {e.pk for e in entries if can_write_area(request.user, e.area_id)},
            "locks": selectors.lock_history(user=request.user, plan=plan),
            "return_form": ReasonForm(prefix="return"),
            "reopen_form": ReasonForm(prefix="reopen"),
            "import_url": import_url(PLAN_PROGRESS, plan),
        },
    )


def _back_to_approvals(plan_pk: int, period: dt.date):
    return redirect(reverse("plans:approvals", args=[plan_pk]) + f"?period={period.isoformat()}")


@login_required
@require_POST
def entry_approve(request, pk: int):
    entry = selectors.entry_get_for_decision(user=request.user, pk=pk)
    try:
        services.progress_approve(by=request.user, entry=entry, version=_posted_version(request))
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The entry was approved; it counts from now on."))
    return _back_to_approvals(entry.indicator.plan_id, entry.period_start)


@login_required
@require_POST
def entry_return(request, pk: int):
    entry = selectors.entry_get_for_decision(user=request.user, pk=pk)
    form = ReasonForm(request.POST, prefix="return")
    reason = form.data.get("return-reason", "")
    try:
        services.progress_return(
            by=request.user, entry=entry, reason=reason, version=_posted_version(request)
        )
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The entry was returned to its area for correction."))
    return _back_to_approvals(entry.indicator.plan_id, entry.period_start)


def _posted_version(request) -> int | None:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return None


def _plan_period(request, pk: int, period: str, *, for_change: bool):
    plan = (plan_selectors.plan_get_for_change if for_change else plan_selectors.plan_get)(
        user=request.user, pk=pk
    )
    day = _period_from(period, plan)
    if day is None:
        raise Http404
    return plan, day


@login_required
@require_POST
def period_approve(request, pk: int, period: str):
    plan, day = _plan_period(request, pk, period, for_change=True)
    try:
        services.period_approve(by=request.user, plan=plan, period_start=day)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, _("The period was approved and locked."))
    return _back_to_approvals(plan.pk, day)


@login_required
@require_POST
def period_reopen(request, pk: int, period: str):
    plan, day = _plan_period(request, pk, period, for_change=False)
    form = ReasonForm(request.POST, prefix="reopen")
    try:
        services.period_reopen(
            by=request.user, plan=plan, period_start=day, reason=form.data.get("reopen-reason", "")
        )
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(
            request, _("The period was reopened; its entries can be corrected and approved again.")
        )
    return _back_to_approvals(plan.pk, day)
