"""Pages of cases: the list, a case's page, opening a case for a household, each action on a case (assessment,
help, referral and its answer, follow-ups, the plan and closing with their second-person approvals), the
coordinator's caseload and a partner agency's inbox of referrals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanphalang.accounts.audit import log_reads
from sanphalang.plans.views.pages import saved
from sanphalang.web.forms import show_refusal
from sanphalang.web.listing import Column, paginate

from ..access import allowed, require_care_write, require_referral_answer, sees_people
from ..assessments import template_for
from ..forms import cases as forms
from ..models import Case, CasePlanStatus, CaseStatus, FollowUp, Help, Referral, ReferralStatus
from ..selectors import cases as selectors
from ..selectors.shown import household_shown, member_shown
from ..services import cases as services

LIST_COLUMNS = [
    Column("number", gettext_lazy("Case"), lambda case: case.pk, "pk"),
    Column("person", gettext_lazy("Person or household"), lambda case: None),
    Column("kind", gettext_lazy("Kind of hardship"), lambda case: case.get_kind_display(), "kind"),
    Column("status", gettext_lazy("Status"), lambda case: case.get_status_display(), "status"),
    Column("opened_on", gettext_lazy("Opened on"), lambda case: case.opened_on, "opened_on"),
    Column("next", gettext_lazy("Next follow-up"), lambda case: case.next_follow_up_on, "next_follow_up_on"),
]
OPEN_REFERRALS = (ReferralStatus.IN_PROGRESS, ReferralStatus.ACCEPTED)


def shown_rows(request, cases, *, case_of=lambda row: row) -> list[tuple]:
    """(row, who it is about as the reader may see them) for a page of rows, the reads written to the access log."""
    rows = []
    for row in cases:
        case = case_of(row)
        if case.member_id:
            who = member_shown(user=request.user, member=case.member, referred=True).name
        else:
            shown = household_shown(user=request.user, household=case.household, referred=True)
            who = shown.house_number or shown.address or _("a household outside your area")
        rows.append((row, who))
    log_reads(request.user, [case_of(row) for row in cases])
    return rows


@login_required
def case_list(request):
    filters = forms.CaseFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    cases = selectors.case_list(
        user=request.user,
        status=criteria.get("status") or None,
        kind=criteria.get("kind") or None,
        area=(criteria.get("area") or "").strip() or None,
        worker=request.user.pk if criteria.get("mine") else None,
        due=criteria.get("due") or None,
        today=timezone.localdate(),
    )
    listing = paginate(cases, LIST_COLUMNS, request, default_sort="-opened_on")
    return render(
        request,
        "care/cases/case_list.html",
        {
            "nav_active": "care",
            "filters": filters,
            "listing": listing,
            "rows": shown_rows(request, listing.page.object_list),
        },
    )


@login_required
def case_detail(request, pk: int):
    view = selectors.case_get(user=request.user, pk=pk)
    case, user = view.case, request.user
    can_write = allowed(require_care_write, user, case.area_id)
    return render(
        request,
        "care/cases/case_detail.html",
        {
            "nav_active": "care",
            "view": view,
            "case": case,
            "can_write": can_write and not case.is_closed,
            "can_reopen": can_write and case.is_closed,
            "can_decide_plan": can_write
            and case.plan_status == CasePlanStatus.SUBMITTED
            and case.plan_submitted_by_id != user.pk,
            "can_decide_closure": can_write
            and case.status == CaseStatus.CLOSING
            and case.closure_requested_by_id != user.pk,
            "referrals": [
                (
                    referral,
                    not case.is_closed and allowed(require_referral_answer, user, referral),
                    can_write and referral.status in OPEN_REFERRALS,
                )
                for referral in view.referrals
            ],
        },
    )


def _action_page(request, form, *, case: Case, title: str, model, save, done: str):
    """An action on a case: its form, saved through one service, then back to the case."""
    if saved(request, form, model, save) is not None:
        messages.success(request, done)
        return redirect("care:case_detail", pk=case.pk)
    return render(
        request,
        "care/cases/form_page.html",
        {
            "nav_active": "care",
            "form": form,
            "title": title,
            "case": case,
            "cancel_url": reverse("care:case_detail", args=[case.pk]),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def case_open(request, pk: int):
    household = selectors.household_get_for_case(user=request.user, pk=pk)
    members = [
        (member, member_shown(user=request.user, member=member).name) for member in household.members.all()
    ]
    form = forms.CaseOpenForm(
        request.POST or None,
        members=members,
        workers=selectors.worker_choices(user=request.user, area_code=household.area_id),
        initial={"opened_on": timezone.localdate(), "worker": str(request.user.pk)},
    )
    case = saved(
        request, form, Case, lambda data: services.case_open(by=request.user, household=household, **data)
    )
    if case is not None:
        messages.success(request, _("The case was opened."))
        return redirect("care:case_detail", pk=case.pk)
    return render(
        request,
        "care/cases/form_page.html",
        {
            "nav_active": "care",
            "form": form,
            "title": _("Open a case"),
            "cancel_url": reverse("care:case_list"),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def assessment_create(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.AssessmentForm(
        request.POST or None, template=template_for(case.kind), initial={"assessed_on": timezone.localdate()}
    )
    return _action_page(
        request,
        form,
        case=case,
        title=_("Needs assessment: %(kind)s") % {"kind": case.get_kind_display()},
        model=Case,
        save=lambda data: services.assessment_record(by=request.user, case=case, **data),
        done=_("The assessment was recorded."),
    )


@login_required
def help_create(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.HelpForm(request.POST or None, user=request.user, initial={"given_on": timezone.localdate()})
    return _action_page(
        request,
        form,
        case=case,
        title=_("Record help given"),
        model=Help,
        save=lambda data: services.help_record(by=request.user, case=case, **data),
        done=_("The help given was recorded."),
    )


@login_required
def referral_create(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.ReferralForm(request.POST or None, user=request.user)
    return _action_page(
        request,
        form,
        case=case,
        title=_("Refer the case to an agency"),
        model=Referral,
        save=lambda data: services.referral_send(by=request.user, case=case, **data),
        done=_("The case was referred."),
    )


@login_required
def referral_answer(request, pk: int):
    referral = selectors.referral_get_for_answer(user=request.user, pk=pk)
    form = forms.ReferralAnswerForm(request.POST or None)
    return _action_page(
        request,
        form,
        case=referral.case,
        title=_("Answer the referral to %(agency)s") % {"agency": referral.agency},
        model=Referral,
        save=lambda data: services.referral_answer(by=request.user, referral=referral, **data),
        done=_("The answer was recorded."),
    )


def _one_button(request, action, *, case_pk: int, done: str):
    """A POST of one button (withdraw, decide, reopen): the service's refusal shown as messages."""
    try:
        action()
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, done)
    return redirect("care:case_detail", pk=case_pk)


@login_required
@require_POST
def referral_revoke(request, pk: int):
    referral = selectors.referral_get_for_change(user=request.user, pk=pk)
    return _one_button(
        request,
        lambda: services.referral_revoke(by=request.user, referral=referral),
        case_pk=referral.case_id,
        done=_("The referral was withdrawn: the agency no longer sees the case."),
    )


@login_required
def follow_up_create(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.FollowUpForm(request.POST or None)
    return _action_page(
        request,
        form,
        case=case,
        title=_("Schedule a follow-up"),
        model=FollowUp,
        save=lambda data: services.follow_up_schedule(by=request.user, case=case, **data),
        done=_("The follow-up was scheduled."),
    )


@login_required
def follow_up_done(request, pk: int):
    follow_up = selectors.follow_up_get_for_change(user=request.user, pk=pk)
    form = forms.FollowUpDoneForm(request.POST or None, initial={"done_on": timezone.localdate()})
    return _action_page(
        request,
        form,
        case=follow_up.case,
        title=_("Record the follow-up"),
        model=FollowUp,
        save=lambda data: services.follow_up_done(by=request.user, follow_up=follow_up, **data),
        done=_("The follow-up was recorded."),
    )


@login_required
def plan_submit(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.CasePlanForm(request.POST or None, initial={"plan": case.plan})
    return _action_page(
        request,
        form,
        case=case,
        title=_("Case plan"),
        model=Case,
        save=lambda data: services.case_plan_submit(by=request.user, case=case, **data),
        done=_("The case plan was sent for approval."),
    )


def _decided(request, pk: int, decide, *, approved: str, refused: str):
    """A second person's decision on a plan or a closure: approve, or return/refuse (with the reason given)."""
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to return."))
        return redirect("care:case_detail", pk=case.pk)
    decision = form.cleaned_data
    return _one_button(
        request,
        lambda: decide(case, decision),
        case_pk=case.pk,
        done=approved if decision["approve"] else refused,
    )


@login_required
@require_POST
def plan_decide(request, pk: int):
    return _decided(
        request,
        pk,
        lambda case, decision: services.case_plan_decide(by=request.user, case=case, **decision),
        approved=_("The case plan was approved."),
        refused=_("The case plan was returned."),
    )


@login_required
def close_request(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    form = forms.CloseRequestForm(request.POST or None)
    return _action_page(
        request,
        form,
        case=case,
        title=_("Ask to close the case"),
        model=Case,
        save=lambda data: services.case_close_request(by=request.user, case=case, **data),
        done=_("The closure was sent for approval."),
    )


@login_required
@require_POST
def close_decide(request, pk: int):
    return _decided(
        request,
        pk,
        lambda case, decision: services.case_close_decide(
            by=request.user, case=case, approve=decision["approve"]
        ),
        approved=_("The case was closed."),
        refused=_("The closure was refused: the case stays open."),
    )


@login_required
@require_POST
def case_reopen(request, pk: int):
    case = selectors.case_get_for_change(user=request.user, pk=pk)
    return _one_button(
        request,
        lambda: services.case_reopen(by=request.user, case=case),
        case_pk=case.pk,
        done=_("The case was reopened."),
    )


@login_required
def caseload(request):
    filters = forms.CaseloadFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    load = selectors.caseload(
        user=request.user,
        today=timezone.localdate(),
        worker=request.user.pk if criteria.get("mine") else None,
        area=(criteria.get("area") or "").strip() or None,
    )
    page = Paginator(load.due, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "care/cases/caseload.html",
        {
            "nav_active": "care",
            "filters": filters,
            "load": load,
            "page": page,
            "querystring": params.urlencode(),
            "due": shown_rows(request, page.object_list),
            "plans": shown_rows(request, load.plans_to_approve),
            "closures": shown_rows(request, load.closures_to_approve),
            "referrals": shown_rows(request, load.stale_referrals, case_of=lambda referral: referral.case),
            # The roles that see numbers only are shown how many cases there are, never whose.
            "counts": [] if sees_people(request.user) else selectors.caseload_counts(user=request.user),
        },
    )


@login_required
def referral_inbox(request):
    page = Paginator(selectors.referral_inbox(user=request.user), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "care/cases/referral_inbox.html",
        {
            "nav_active": "care",
            "page": page,
            "rows": shown_rows(request, page.object_list, case_of=lambda referral: referral.case),
            "waiting": ReferralStatus.IN_PROGRESS,
        },
    )
