"""Reads of the provincial social development fund (S5): funds of the reader's provinces, the ledger with its
running balance, requests (those awaiting the reader's decision first), the check that the ledger balances, and
the donors' report, which counts money out by kind of case and district and never names the people helped."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models as db
from django.db.models import Count, F, IntegerField, Prefetch, Q, QuerySet, Sum, Value, When
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sanphalang.accounts import models as accounts
from sanphalang.accounts.audit import log_access
from sanphalang.areas.models import Area

from ..access import (
    allowed,
    case_read_q,
    counts_q,
    fund_read_q,
    request_details_shown,
    require_care_write,
    require_fund_read,
    require_fund_write,
)
from ..errors import CareError
from ..models import (
    Case,
    CaseKind,
    EntryKind,
    FundDecision,
    FundRequest,
    Incident,
    LedgerEntry,
    RequestStatus,
    SocialFund,
)
from .shown import HIDDEN_NAME, member_shown

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

HIDDEN_CASE = _("a case outside your area")
INCIDENT_KIND = _("Disaster incident")
ZERO = Decimal("0.00")


def fund_list(*, user: User) -> QuerySet[SocialFund]:
    """The funds of the provinces the user works in."""
    return (
        SocialFund.objects.filter(fund_read_q(user))
        .select_related("area", "organisation")
        .order_by("area_id", "name", "pk")
    )


def fund_get(*, user: User, pk: int) -> SocialFund:
    try:
        fund = fund_list(user=user).prefetch_related("committee").get(pk=pk)
    except (SocialFund.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_fund_read(user, fund)
    return fund


def fund_get_for_change(*, user: User, pk: int) -> SocialFund:
    """A fund the user may record money in and change: not found outside their provinces, refused where they read."""
    fund = fund_get(user=user, pk=pk)
    require_fund_write(user, fund)
    return fund


def committee_candidates(*, user: User, province_codes: list[str]) -> QuerySet:
    """Who may sit on the committee of a fund of these provinces (those the user reads): active users who record
    data there."""
    codes = [code for code in province_codes if allowed(require_fund_read, user, SocialFund(area_id=code))]
    if not codes:
        return accounts.User.objects.none()
    works_here = Q(scope_codes__contains="TH") | Q(is_superuser=True) | Q(role=accounts.Role.ADMINISTRATOR)
    for code in codes:
        works_here |= Q(scope_codes__startswith=code) | Q(scope_codes__contains=f" {code}")
    return (
        accounts.User.objects.filter(is_active=True)
        .filter(Q(role__in=accounts.WRITING_ROLES) | Q(is_superuser=True))
        .filter(works_here)
        .order_by("first_name", "last_name", "username")
    )


def ledger(
    *, user: User, fund: SocialFund, starts_on: dt.date | None = None, ends_on: dt.date | None = None
) -> QuerySet[LedgerEntry]:
    """The fund's entries in their order, each with the balance after it (the running balance), within the dates."""
    require_fund_read(user, fund)
    if starts_on and ends_on and ends_on < starts_on:
        raise CareError.ENDS_BEFORE_START.error("ends_on")
    entries = LedgerEntry.objects.filter(fund=fund)
    if starts_on:
        entries = entries.filter(entered_on__gte=starts_on)
    if ends_on:
        entries = entries.filter(entered_on__lte=ends_on)
    return entries.select_related("donor_organisation", "reverses", "reversed_by", "request").order_by(
        "number"
    )


def entry_get_for_change(*, user: User, pk: int) -> LedgerEntry:
    """An entry the user may reverse: not found outside the funds they read, refused where they only read."""
    try:
        entry = (
            LedgerEntry.objects.filter(fund__in=fund_list(user=user))
            .select_related("fund", "reversed_by")
            .get(pk=pk)
        )
    except (LedgerEntry.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_fund_write(user, entry.fund)
    return entry


def request_case_get(*, user: User, pk: int):
    """The case a request to the fund is made for: one the user may change (the page names its person, so the
    read is logged)."""
    try:
        case = Case.objects.filter(case_read_q(user)).select_related("member", "household").get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, case.area_id)
    log_access(user, accounts.AccessAction.READ, case, detail="fund request")
    return case


def request_incident_get(*, user: User, pk: int) -> Incident:
    """A disaster incident a request to the fund may be for: one of the user's areas (names no one)."""
    try:
        return Incident.objects.filter(counts_q(user)).get(pk=pk)
    except (Incident.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _pending_first(requests: QuerySet[FundRequest]) -> QuerySet[FundRequest]:
    waiting = db.Case(
        When(status=RequestStatus.PENDING, then=Value(0)),
        When(status=RequestStatus.APPROVED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return requests.annotate(waiting=waiting).order_by("waiting", "-requested_on", "-pk")


def request_list(
    *, user: User, fund: SocialFund | None = None, awaiting: bool = False
) -> QuerySet[FundRequest]:
    """Requests to the funds the user reads, those still waiting first; awaiting: only those waiting for the
    user's own decision (a member of the fund's committee who did not ask and has not decided)."""
    requests = FundRequest.objects.filter(fund__in=fund_list(user=user))
    if fund is not None:
        requests = requests.filter(fund=fund)
    if awaiting:
        requests = (
            requests.filter(status=RequestStatus.PENDING, fund__committee=user)
            .exclude(requested_by=user)
            .exclude(decisions__by=user)
        )
    approvals = Count(
        "decisions__by",
        filter=Q(decisions__approves=True) & ~Q(decisions__by=F("requested_by")),
        distinct=True,
    )
    return _pending_first(
        requests.select_related("fund", "case__member", "incident", "requested_by").annotate(
            approvals=approvals
        )
    )


def request_get(*, user: User, pk: int) -> FundRequest:
    try:
        return (
            request_list(user=user)
            .select_related("case__household", "payment__reversed_by")
            .prefetch_related(Prefetch("decisions", queryset=FundDecision.objects.select_related("by")))
            .get(pk=pk)
        )
    except (FundRequest.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@dataclass(frozen=True)
class RequestShown:
    """What a request's page and the API say of what it is for: the case only as the reader may see it."""

    subject: str  # the case's person, or HIDDEN_CASE; the incident
    case_pk: int | None  # only when the reader may open the case
    kind: str
    purpose: str | None  # None where the reader neither sees the case nor sits on the committee


def requests_shown(*, user: User, requests: list[FundRequest]) -> dict[int, RequestShown]:
    """What each request (read with request_list or request_get: its case with its member) says of what it is for,
    in three queries however many: which the user reads, which of their cases the user opens, and which funds'
    committees they sit on. A request the user may not read is left out."""
    readable = set(
        request_list(user=user).filter(pk__in=[r.pk for r in requests]).values_list("pk", flat=True)
    )
    requests = [request for request in requests if request.pk in readable]
    pks = [request.pk for request in requests]
    opened = set(
        FundRequest.objects.filter(pk__in=pks)
        .filter(case_read_q(user, "case__"))
        .values_list("pk", flat=True)
    )
    seated = set(
        SocialFund.objects.filter(pk__in={r.fund_id for r in requests}, committee=user).values_list(
            "pk", flat=True
        )
    )
    return {
        request.pk: _shown(user, request, request.pk in opened, request.fund_id in seated)
        for request in requests
    }


def request_shown(*, user: User, request: FundRequest) -> RequestShown:
    """One request's, read with request_get; not found when the user may not read it."""
    shown = requests_shown(user=user, requests=[request])
    if request.pk not in shown:
        raise Http404
    return shown[request.pk]


def _shown(user: User, request: FundRequest, opens: bool, on_committee: bool) -> RequestShown:
    if request.case_id:
        case = request.case
        subject = str(_("case #%(number)s") % {"number": case.pk}) if opens else str(HIDDEN_CASE)
        if opens and case.member_id:
            name = member_shown(user=user, member=case.member, referred=True).name
            subject, opens = (str(HIDDEN_CASE), False) if name == HIDDEN_NAME else (str(name), opens)
        kind = case.get_kind_display()
    else:
        incident = request.incident
        subject = str(incident)
        kind = INCIDENT_KIND
    details = opens or request_details_shown(request, on_committee=on_committee, user=user)
    return RequestShown(
        subject=subject,
        case_pk=request.case_id if opens else None,
        kind=str(kind),
        purpose=request.purpose if details else None,
    )


@dataclass(frozen=True)
class LedgerCheck:
    balances: bool
    total: Decimal
    balance: Decimal
    entries: int
    first_wrong_number: int | None = None


def ledger_balances(fund: SocialFund) -> LedgerCheck:
    """Whether the ledger balances: its entries sum to the fund's balance, are numbered 1..n without a gap, and each
    keeps the running sum as its balance after. For a fund already read for the user."""
    saved = SocialFund.objects.values_list("balance", "entry_count").get(pk=fund.pk)
    running, wrong = ZERO, None
    count = 0
    for number, amount, after in (
        LedgerEntry.objects.filter(fund_id=fund.pk)
        .order_by("number")
        .values_list("number", "amount", "balance_after")
    ):
        count += 1
        running += amount
        if wrong is None and (number != count or after != running or after < 0):
            wrong = number
    balances = wrong is None and running == saved[0] and count == saved[1]
    return LedgerCheck(
        balances=balances, total=running, balance=saved[0], entries=count, first_wrong_number=wrong
    )


@dataclass
class ReportLine:
    label: str
    amount: Decimal = ZERO
    entries: int = 0


@dataclass
class DonorReport:
    fund: SocialFund
    starts_on: dt.date
    ends_on: dt.date
    opening: Decimal
    closing: Decimal
    money_in: Decimal
    money_out: Decimal
    by_donor: list[ReportLine] = field(default_factory=list)
    by_case_kind: list[ReportLine] = field(default_factory=list)
    by_district: list[ReportLine] = field(default_factory=list)


def _donor_of(entry: LedgerEntry) -> str:
    if entry.donor_organisation_id:
        return str(entry.donor_organisation)
    return entry.donor_name


def _add(lines: dict, label: str, amount: Decimal) -> None:
    line = lines.setdefault(label, ReportLine(label))
    line.amount += amount
    line.entries += 1


def donor_report(*, user: User, fund: SocialFund, starts_on: dt.date, ends_on: dt.date) -> DonorReport:
    """Money in by donor, money out by kind of case and by district, between the dates (the day an entry is
    dated), with the balance before and after. A reversal counts where the entry it reverses counts. Figures only:
    no one helped is named."""
    require_fund_read(user, fund)
    if ends_on < starts_on:
        raise CareError.ENDS_BEFORE_START.error("ends_on")
    before = LedgerEntry.objects.filter(fund=fund, entered_on__lt=starts_on).aggregate(total=Sum("amount"))
    opening = before["total"] or ZERO
    entries = (
        LedgerEntry.objects.filter(fund=fund, entered_on__gte=starts_on, entered_on__lte=ends_on)
        .select_related(
            "donor_organisation",
            "request__case",
            "request__incident",
            "reverses__donor_organisation",
            "reverses__request__case",
            "reverses__request__incident",
        )
        .order_by("number")
    )
    donors: dict = {}
    kinds: dict = {}
    districts: dict = defaultdict(lambda: ZERO)
    district_entries: dict = defaultdict(int)
    money_in = money_out = ZERO
    kind_labels = dict(CaseKind.choices)
    for entry in entries:
        source = entry.reverses if entry.kind == EntryKind.REVERSAL else entry
        if source.kind in (EntryKind.DONATION, EntryKind.GRANT):
            money_in += entry.amount
            _add(donors, f"{_donor_of(source)} ({source.get_kind_display()})", entry.amount)
            continue
        money_out -= entry.amount
        request = source.request
        if request is None:
            continue
        if request.case_id:
            kind, area_code = str(kind_labels.get(request.case.kind, request.case.kind)), request.case.area_id
        else:
            kind, area_code = str(INCIDENT_KIND), request.incident.area_id
        _add(kinds, kind, -entry.amount)
        districts[area_code[:4]] += -entry.amount
        district_entries[area_code[:4]] += 1
    names = {area.code: area.display_name for area in Area.objects.filter(code__in=list(districts))}
    by_district = [
        ReportLine(str(names.get(code, code)), districts[code], district_entries[code])
        for code in sorted(districts)
    ]
    return DonorReport(
        fund=fund,
        starts_on=starts_on,
        ends_on=ends_on,
        opening=opening,
        closing=opening + money_in - money_out,
        money_in=money_in,
        money_out=money_out,
        by_donor=sorted(donors.values(), key=lambda line: (-line.amount, line.label)),
        by_case_kind=sorted(kinds.values(), key=lambda line: (-line.amount, line.label)),
        by_district=by_district,
    )
