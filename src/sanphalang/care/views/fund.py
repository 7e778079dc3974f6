"""Pages of the provincial social development fund (S5): the funds, a fund's page and ledger, money in, requests
and the committee's decisions, payments, reversals and the donors' report (on the page and in Excel)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanphalang.imports.tabular import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, write_table
from sanphalang.web.forms import carry_version, show_refusal, show_service_error
from sanphalang.web.listing import export_format

from ..access import allowed, require_fund_write, require_own_request, require_request_decision
from ..forms.fund import DecisionForm, FundForm, MoneyInForm, PeriodForm, RequestForm, ReversalForm
from ..models import FundRequest, LedgerEntry, RequestStatus, SocialFund
from ..selectors import fund as selectors
from ..services import fund as services

LEDGER_PAGE_SIZE = 50
LATEST_ENTRIES = 10


def _posted(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, title, back, status=None):
    return render(
        request,
        "care/fund/form.html",
        {"nav_active": "care", "form": form, "title": title, "cancel_url": back},
        status=status or (400 if form.errors else 200),
    )


def _saved(form, model, save) -> object | None:
    """What save(**cleaned_data) returned for a valid form; a refusal goes onto the form."""
    if not (form.is_bound and form.is_valid()):
        return None
    try:
        return save(**form.cleaned_data)
    except ValidationError as error:
        show_service_error(form, error, model)
        return None


# ---- funds


@login_required
def fund_list(request):
    return render(
        request,
        "care/fund/fund_list.html",
        {
            "nav_active": "care",
            "funds": selectors.fund_list(user=request.user),
            "awaiting": selectors.request_list(user=request.user, awaiting=True).count(),
            "can_add": request.user.can_write,
        },
    )


@login_required
def fund_create(request):
    form = FundForm(_posted(request), user=request.user)
    fund = _saved(form, SocialFund, lambda **cleaned: services.fund_create(by=request.user, **cleaned))
    if fund is not None:
        messages.success(request, _("The fund was created."))
        return redirect("care:fund_detail", pk=fund.pk)
    return _form_page(
        request, form, title=_("Create a social development fund"), back=reverse("care:fund_list")
    )


@login_required
def fund_update(request, pk: int):
    fund = selectors.fund_get_for_change(user=request.user, pk=pk)
    form = carry_version(FundForm(_posted(request), user=request.user, instance=fund), fund)
    saved = _saved(
        form,
        SocialFund,
        lambda version=None, **cleaned: services.fund_update(
            by=request.user, fund=fund, version=version, **cleaned
        ),
    )
    if saved is not None:
        messages.success(request, _("The fund was saved."))
        return redirect("care:fund_detail", pk=fund.pk)
    return _form_page(
        request, form, title=_("Edit %(fund)s") % {"fund": fund}, back=reverse("care:fund_detail", args=[pk])
    )


@login_required
def fund_detail(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    entries = selectors.ledger(user=request.user, fund=fund).order_by("-number")[:LATEST_ENTRIES]
    return render(
        request,
        "care/fund/fund_detail.html",
        {
            "nav_active": "care",
            "fund": fund,
            "check": selectors.ledger_balances(fund),
            "entries": entries,
            "requests": selectors.request_list(user=request.user, fund=fund).filter(
                status__in=[RequestStatus.PENDING, RequestStatus.APPROVED]
            ),
            "can_write": allowed(require_fund_write, request.user, fund),
        },
    )


def _period(request) -> PeriodForm:
    form = PeriodForm(request.GET or None)
    form.is_valid()
    return form


@login_required
def fund_ledger(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    period = _period(request)
    dates = period.cleaned_data if period.is_bound and period.is_valid() else {}
    entries = selectors.ledger(
        user=request.user, fund=fund, starts_on=dates.get("starts_on"), ends_on=dates.get("ends_on")
    )
    page = Paginator(entries, LEDGER_PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "care/fund/ledger.html",
        {
            "nav_active": "care",
            "fund": fund,
            "period": period,
            "page": page,
            "querystring": params.urlencode(),
            "check": selectors.ledger_balances(fund),
            "can_write": allowed(require_fund_write, request.user, fund),
        },
        status=400 if period.errors else 200,
    )


def _money_in(request, pk: int, *, record, title: str, done: str):
    fund = selectors.fund_get_for_change(user=request.user, pk=pk)
    form = MoneyInForm(_posted(request), user=request.user, initial={"entered_on": timezone.localdate()})
    entry = _saved(form, LedgerEntry, lambda **cleaned: record(by=request.user, fund=fund, **cleaned))
    if entry is not None:
        messages.success(request, done)
        return redirect("care:fund_detail", pk=fund.pk)
    return _form_page(
        request, form, title=title % {"fund": fund}, back=reverse("care:fund_detail", args=[pk])
    )


@login_required
def donation_record(request, pk: int):
    return _money_in(
        request,
        pk,
        record=services.donation_record,
        title=_("Record a donation to %(fund)s"),
        done=_("The donation was recorded."),
    )


@login_required
def grant_record(request, pk: int):
    return _money_in(
        request,
        pk,
        record=services.grant_record,
        title=_("Record a grant to %(fund)s"),
        done=_("The grant was recorded."),
    )


@login_required
def entry_reverse(request, pk: int):
    entry = selectors.entry_get_for_change(user=request.user, pk=pk)
    form = ReversalForm(_posted(request))
    reversal = _saved(
        form, LedgerEntry, lambda reason: services.entry_reverse(by=request.user, entry=entry, reason=reason)
    )
    if reversal is not None:
        messages.success(request, _("The entry was reversed."))
        return redirect("care:fund_ledger", pk=entry.fund_id)
    return _form_page(
        request,
        form,
        title=_("Reverse entry no. %(number)s of %(fund)s") % {"number": entry.number, "fund": entry.fund},
        back=reverse("care:fund_ledger", args=[entry.fund_id]),
    )


# ---- the donors' report


def _report_period(request) -> tuple[PeriodForm, dt.date, dt.date]:
    period = _period(request)
    today = timezone.localdate()
    dates = period.cleaned_data if period.is_bound and period.is_valid() else {}
    ends_on = dates.get("ends_on") or today
    starts_on = dates.get("starts_on") or ends_on.replace(month=1, day=1)
    if starts_on > ends_on:
        starts_on = ends_on
    return period, starts_on, ends_on


def report_rows(report) -> list[list]:
    """The report as the rows of its export: section, line, entries, baht."""
    rows = [[_("Opening balance"), "", "", report.opening]]
    for section, lines in (
        (_("Money in, by donor"), report.by_donor),
        (_("Money out, by kind of case"), report.by_case_kind),
        (_("Money out, by district"), report.by_district),
    ):
        rows.extend([section, line.label, line.entries, line.amount] for line in lines)
    rows.append([_("Money in"), "", "", report.money_in])
    rows.append([_("Money out"), "", "", report.money_out])
    rows.append([_("Closing balance"), "", "", report.closing])
    return rows


@login_required
def fund_report(request, pk: int):
    fund = selectors.fund_get(user=request.user, pk=pk)
    period, starts_on, ends_on = _report_period(request)
    report = selectors.donor_report(user=request.user, fund=fund, starts_on=starts_on, ends_on=ends_on)
    fmt = export_format(request)
    if fmt:
        headings = [_("Section"), _("Line"), _("Entries"), _("Amount (baht)")]
        response = HttpResponse(
            write_table(headings, report_rows(report), fmt=fmt, sheet_title="report"),
            content_type=XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE,
        )
        response["Content-Disposition"] = f'attachment; filename="fund-{fund.pk}-report.{fmt}"'
        return response
    return render(
        request,
        "care/fund/report.html",
        {"nav_active": "care", "fund": fund, "period": period, "report": report},
        status=400 if period.errors else 200,
    )


# ---- requests


@login_required
def request_create(request, pk: int):
    """A request to the fund for a case (pk: the case's)."""
    case = selectors.request_case_get(user=request.user, pk=pk)
    form = RequestForm(_posted(request), user=request.user, case=case)
    made = _saved(
        form, FundRequest, lambda **cleaned: services.fund_request_make(by=request.user, case=case, **cleaned)
    )
    if made is not None:
        messages.success(request, _("The request was sent to the fund's committee."))
        return redirect("care:fund_request_detail", pk=made.pk)
    return _form_page(
        request,
        form,
        title=_("Ask the social fund for help with case #%(number)s") % {"number": case.pk},
        back=reverse("care:fund_list"),
    )


def _render_request(request, fund_request, *, decision_form=None, status=200):
    user = request.user
    open_to_decide = fund_request.status == RequestStatus.PENDING and not any(
        decision.by_id == user.pk for decision in fund_request.decisions.all()
    )
    can_decide = open_to_decide and allowed(require_request_decision, user, fund_request)
    payment = getattr(fund_request, "payment", None)
    return render(
        request,
        "care/fund/request_detail.html",
        {
            "nav_active": "care",
            "fund_request": fund_request,
            "shown": selectors.request_shown(user=user, request=fund_request),
            "approvals": services.approvals_of(fund_request),
            "payment": payment,
            "decision_form": (decision_form or DecisionForm()) if can_decide else None,
            "can_pay": fund_request.status == RequestStatus.APPROVED
            and allowed(require_fund_write, user, fund_request.fund),
            "can_withdraw": fund_request.status in (RequestStatus.PENDING, RequestStatus.APPROVED)
            and allowed(require_own_request, user, fund_request),
        },
        status=status,
    )


@login_required
def request_detail(request, pk: int):
    return _render_request(request, selectors.request_get(user=request.user, pk=pk))


@login_required
@require_POST
def request_decide(request, pk: int):
    fund_request = selectors.request_get(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    decided = _saved(
        form,
        FundRequest,
        lambda approves, note: services.fund_request_decide(
            by=request.user, request=fund_request, approves=approves, note=note
        ),
    )
    if decided is None:
        return _render_request(
            request, selectors.request_get(user=request.user, pk=pk), decision_form=form, status=400
        )
    messages.success(request, _("Your decision was recorded."))
    return redirect("care:fund_request_detail", pk=pk)


def _one_button(request, pk: int, action, done: str):
    fund_request = selectors.request_get(user=request.user, pk=pk)
    try:
        action(by=request.user, request=fund_request)
    except ValidationError as error:
        show_refusal(request, error)
    else:
        messages.success(request, done)
    return redirect("care:fund_request_detail", pk=pk)


@login_required
@require_POST
def request_pay(request, pk: int):
    return _one_button(
        request, pk, services.fund_request_pay, _("The payment was made and entered in the ledger.")
    )


@login_required
@require_POST
def request_withdraw(request, pk: int):
    return _one_button(request, pk, services.fund_request_withdraw, _("The request was withdrawn."))


@login_required
def requests_awaiting(request):
    """The requests waiting for the user's own decision, across their funds."""
    return render(
        request,
        "care/fund/requests_awaiting.html",
        {"nav_active": "care", "requests": selectors.request_list(user=request.user, awaiting=True)},
    )
