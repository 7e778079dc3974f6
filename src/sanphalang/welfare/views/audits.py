"""Pages of audit and follow-up visits (S11): rounds, the visits of a round, one visit's checklist and findings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.areas.scoping import can_write_area, require_writer
from sanphalang.web.forms import apply_validation_error, carry_version, show_refusal
from sanphalang.web.pickers import ScopedSearchView

from ..errors import WelfareError
from ..forms.audits import (
    AuditRoundEditForm,
    AuditRoundForm,
    FindingCloseForm,
    FindingForm,
    FindingSettleForm,
    VisitEditForm,
    VisitPlanForm,
    VisitRecordForm,
    fund_label,
)
from ..linkage.records import FIELD_LABELS
from ..selectors import audits as selectors
from ..services import audits


@login_required
def round_list(request):
    return render(
        request,
        "welfare/audit_round_list.html",
        {
            "nav_active": "welfare",
            "rounds": list(selectors.audit_round_list(user=request.user)),
            "can_create": request.user.can_write,
        },
    )


def _round_form_page(request, form, *, title: str, audit_round=None):
    return render(
        request,
        "welfare/audit_round_form.html",
        {"nav_active": "welfare", "form": form, "title": title, "round": audit_round},
        status=400 if form.is_bound else 200,
    )


@login_required
def round_create(request):
    if request.method == "POST":
        require_writer(request.user)
    # A new round starts from the checklist the network used last, as edited then; the default the first time.
    latest = selectors.audit_round_list(user=request.user).first()
    initial = {"checklist": "\n".join(latest.checklist)} if latest else {}
    form = AuditRoundForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            audit_round = audits.audit_round_create(
                by=request.user,
                name=data["name"],
                province_code=data["province"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                checklist=data["checklist"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The audit round was created."))
            return redirect("welfare:audit_round_detail", pk=audit_round.pk)
    return _round_form_page(request, form, title=_("New audit round"))


@login_required
def round_edit(request, pk: int):
    """Rename the round, move its period or edit its checklist; only those who may write its province."""
    audit_round = selectors.audit_round_get_for_change(user=request.user, pk=pk)
    form = carry_version(AuditRoundEditForm(request.POST or None, audit_round=audit_round), audit_round)
    if request.method == "POST" and form.is_valid():
        try:
            audits.audit_round_update(by=request.user, audit_round=audit_round, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
            audit_round.refresh_from_db()  # the page names the round as it is, not as refused
        else:
            messages.success(request, _("The audit round was saved."))
            return redirect("welfare:audit_round_detail", pk=audit_round.pk)
    return _round_form_page(request, form, title=_("Edit the audit round"), audit_round=audit_round)


def _round_context(request, audit_round, plan_form=None) -> dict:
    visits = list(selectors.audit_visit_list(user=request.user, audit_round=audit_round))
    for visit in visits:
        visit.removable = can_write_area(request.user, visit.fund.area_id) and not audits.visit_is_recorded(
            visit, finding_count=visit.finding_count
        )
    can_plan = request.user.can_write and (
        plan_form is not None
        or selectors.plannable_funds(user=request.user, audit_round=audit_round).exists()
    )
    return {
        "nav_active": "welfare",
        "round": audit_round,
        "visits": visits,
        "planned_count": len(visits),
        "visited_count": sum(1 for v in visits if v.visited_on),
        "can_plan": can_plan,
        "can_edit": can_write_area(request.user, audit_round.province_id),
        "can_remove": any(visit.removable for visit in visits),
        "plan_form": plan_form or VisitPlanForm(user=request.user, audit_round=audit_round),
    }


@login_required
def round_detail(request, pk: int):
    audit_round = selectors.audit_round_get(user=request.user, pk=pk)
    return render(request, "welfare/audit_round_detail.html", _round_context(request, audit_round))


@login_required
@require_POST
def round_plan(request, pk: int):
    audit_round = selectors.audit_round_get(user=request.user, pk=pk)
    require_writer(request.user)
    form = VisitPlanForm(request.POST, user=request.user, audit_round=audit_round)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # all the chosen funds or none
                for fund in data["funds"]:
                    audits.audit_visit_plan(
                        by=request.user,
                        audit_round=audit_round,
                        fund=fund,
                        planned_on=data["planned_on"],
                        team=data["team"],
                    )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("%(count)d visits were planned.") % {"count": len(data["funds"])})
            return redirect("welfare:audit_round_detail", pk=audit_round.pk)
    return render(
        request, "welfare/audit_round_detail.html", _round_context(request, audit_round, form), status=400
    )


def _visit_context(request, visit, *, record_form=None, finding_form=None, edit_form=None) -> dict:
    if record_form is None:
        initial = {"visited_on": visit.visited_on}
        initial.update({f"q{i}": visit.answers.get(q, "") for i, q in enumerate(visit.round.checklist)})
        record_form = carry_version(VisitRecordForm(initial=initial, checklist=visit.round.checklist), visit)
    findings = list(visit.findings.all())
    for finding in findings:
        finding.field_label = FIELD_LABELS.get(finding.proposed_field, finding.proposed_field)
    can_write = can_write_area(request.user, visit.fund.area_id)
    return {
        "nav_active": "welfare",
        "visit": visit,
        "round": visit.round,
        "fund": visit.fund,
        "team": list(visit.team.all()),
        "findings": findings,
        "can_write": can_write,
        "recorded": audits.visit_is_recorded(visit, finding_count=len(findings)),
        "recorded_message": WelfareError.RECORDED_VISIT_KEPT.lazy_message,
        "record_form": record_form,
        "finding_form": finding_form or FindingForm(),
        "edit_form": edit_form
        or (carry_version(VisitEditForm(user=request.user, visit=visit), visit) if can_write else None),
        "close_form": FindingCloseForm(),
        "settle_form": FindingSettleForm(),
    }


@login_required
def visit_detail(request, pk: int):
    visit = selectors.audit_visit_get(user=request.user, pk=pk)
    return render(request, "welfare/audit_visit_detail.html", _visit_context(request, visit))


def _visit_form_post(request, pk: int, *, form_key: str, make_form, act, done: str):
    """The visit page's forms: read one, let the service decide, and on refusal show the page with the form's errors."""
    visit = selectors.audit_visit_get_for_change(user=request.user, pk=pk)
    form = make_form(visit)
    if form.is_valid():
        try:
            act(visit, form)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, done)
            return redirect("welfare:audit_visit_detail", pk=visit.pk)
    return render(
        request,
        "welfare/audit_visit_detail.html",
        _visit_context(request, visit, **{form_key: form}),
        status=400,
    )


def _report(request, act, done: str) -> bool:
    """Run a service from a one-button form and tell the user, as a message, what it did or why it refused."""
    try:
        act()
    except ValidationError as error:
        show_refusal(request, error)
        return False
    messages.success(request, done)
    return True


@login_required
@require_POST
def visit_record(request, pk: int):
    def act(visit, form):
        audits.audit_visit_record(
            by=request.user,
            visit=visit,
            visited_on=form.cleaned_data["visited_on"],
            answers=form.answers(),
            version=form.cleaned_data.get("version"),
        )

    return _visit_form_post(
        request,
        pk,
        form_key="record_form",
        act=act,
        done=_("The visit was recorded."),
        make_form=lambda visit: carry_version(
            VisitRecordForm(request.POST, checklist=visit.round.checklist), visit
        ),
    )


@login_required
@require_POST
def visit_edit(request, pk: int):
    def act(visit, form):
        audits.audit_visit_update(by=request.user, visit=visit, **form.cleaned_data)

    return _visit_form_post(
        request,
        pk,
        form_key="edit_form",
        act=act,
        done=_("The visit's plan was saved."),
        make_form=lambda visit: carry_version(
            VisitEditForm(request.POST, user=request.user, visit=visit), visit
        ),
    )


@login_required
@require_POST
def visit_remove(request, pk: int):
    visit = selectors.audit_visit_get_for_change(user=request.user, pk=pk)
    removed = _report(
        request,
        lambda: audits.audit_visit_remove(by=request.user, visit=visit),
        _("The visit to %(fund)s was removed from the round.") % {"fund": visit.fund.name_th},
    )
    if removed:
        return redirect("welfare:audit_round_detail", pk=visit.round_id)
    return redirect("welfare:audit_visit_detail", pk=visit.pk)


@login_required
@require_POST
def finding_add(request, pk: int):
    def act(visit, form):
        audits.finding_add(by=request.user, visit=visit, **form.cleaned_data)

    return _visit_form_post(
        request,
        pk,
        form_key="finding_form",
        act=act,
        done=_("The finding was added."),
        make_form=lambda visit: FindingForm(request.POST),
    )


def _finding_action(request, pk: int, form_class, act, done: str):
    finding = selectors.finding_get_for_change(user=request.user, pk=pk)
    form = form_class(request.POST)

    def run():
        if not form.is_valid():
            raise ValidationError(form.errors.as_text())
        act(finding, form.cleaned_data)

    _report(request, run, done)
    return redirect("welfare:audit_visit_detail", pk=finding.visit_id)


@login_required
@require_POST
def finding_close(request, pk: int):
    def act(finding, data):
        audits.finding_close(
            by=request.user, finding=finding, closed_on=data["closed_on"], follow_up=data["follow_up"] or None
        )

    return _finding_action(request, pk, FindingCloseForm, act, _("The finding was closed."))


@login_required
@require_POST
def finding_settle(request, pk: int):
    def act(finding, data):
        audits.finding_settle(by=request.user, finding=finding, reason=data["reason"])

    return _finding_action(
        request,
        pk,
        FindingSettleForm,
        act,
        _("The correction was applied to the registry and recorded in the fund's history."),
    )


class PlannableFundSearch(ScopedSearchView):
    """Suggestions for a round's fund picker: funds of its province the user sees and the round does not visit yet,
    each named with its subdistrict and district."""

    def visible_matches(self, query: str):
        audit_round = selectors.audit_round_get(user=self.request.user, pk=self.kwargs["pk"])
        return selectors.plannable_fund_search(user=self.request.user, audit_round=audit_round, query=query)

    def get_result_label(self, result):
        return fund_label(result)
