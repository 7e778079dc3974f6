"""Writes to the provincial social development fund (S5): the fund and its committee, money in, requests and the
committee's decisions, payments and reversals. Money moves in one place only, `_post_entry`.

A reversed payment leaves its request PAID (a request is paid at most once: its payment entry is one-to-one with
it) and the help recorded on the case stays, linked to the payment entry; the pages and the API show the payment as
reversed by its reversal entry. Money for the same need is asked for again with a new request."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import scope_for
from sanphalang.errors import reject_unknown_fields
from sanphalang.versions import expect_version

from ..access import (
    require_fund_request,
    require_fund_write,
    require_own_request,
    require_request_decision,
)
from ..errors import CareError
from ..models import (
    EntryKind,
    FundDecision,
    FundRequest,
    Help,
    HelpKind,
    LedgerEntry,
    RequestStatus,
    SocialFund,
)
from ..models.fund import MONEY

if TYPE_CHECKING:
    import datetime as dt

    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation

    from ..models import Case, Incident

FUND_FIELDS = {"name", "organisation", "committee", "approvals_required"}
SATANG = Decimal("0.01")
LARGEST = Decimal(10) ** (MONEY["max_digits"] - MONEY["decimal_places"])


def format_baht(amount: Decimal) -> str:
    """An amount as the refusals write it: thousands separators and satang, "1,234.50"."""
    return f"{amount:,.2f}"


def money(value, field: str = "amount") -> Decimal:
    """An amount of baht and satang above zero, as a Decimal of two places. A float is refused: it cannot hold
    satang exactly."""
    if isinstance(value, float) or isinstance(value, bool):
        raise TypeError("amounts of money are Decimal, never float")
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise CareError.AMOUNT_NOT_POSITIVE.error(field) from None
    if not amount.is_finite() or amount <= 0:
        raise CareError.AMOUNT_NOT_POSITIVE.error(field)
    if amount != amount.quantize(SATANG):
        raise CareError.AMOUNT_TOO_PRECISE.error(field)
    if amount >= LARGEST:
        raise CareError.AMOUNT_TOO_LARGE.error(field)
    return amount.quantize(SATANG)


def _not_in_future(day: dt.date | None, field: str) -> dt.date:
    today = timezone.localdate()
    if day is None:
        return today
    if day > today:
        raise CareError.DATE_IN_FUTURE.error(field)
    return day


# ---- the fund and its committee


def _check_committee(fund: SocialFund, committee: list[User]) -> None:
    if fund.approvals_required is None or fund.approvals_required < 2:
        raise CareError.APPROVALS_TOO_FEW.error("approvals_required")
    for member in committee:
        shown = scope_for(member)
        works_here = shown.national or any(prefix[:2] == fund.area_id for prefix in shown.prefixes)
        if not (member.is_active and member.can_write and works_here):
            raise CareError.COMMITTEE_OUTSIDE_PROVINCE.error("committee")
    needed = fund.approvals_required + 1
    if len(set(committee)) < needed:
        raise CareError.COMMITTEE_TOO_SMALL.error("committee", needed=needed)


@transaction.atomic
def fund_create(
    *,
    by: User,
    area_code: str,
    name: str,
    committee: Iterable[User],
    organisation: Organisation | None = None,
    approvals_required: int = 2,
) -> SocialFund:
    """A province's fund, by those who may write the province. The committee has one member more than the
    approvals a payment needs, so that a member who asks is still decided by enough others."""
    area = Area.objects.filter(code=area_code or "").first()
    if area is None or area.level != AreaLevel.PROVINCE:
        raise CareError.FUND_NOT_A_PROVINCE.error("area")
    fund = SocialFund(area=area, name=name, organisation=organisation, approvals_required=approvals_required)
    require_fund_write(by, fund)
    committee = list(committee)
    _check_committee(fund, committee)
    validated_save(fund, by)
    fund.committee.set(committee)
    return fund


@transaction.atomic
def fund_update(*, by: User, fund: SocialFund, version: int | None = None, **fields) -> SocialFund:
    """The fund's name, organisation, committee and approvals; never its province, balance or entries."""
    reject_unknown_fields(fields, FUND_FIELDS)
    expect_version(fund, version)
    require_fund_write(by, fund)
    # Saving the row writes every column: the balance is taken as it is now, under the row's lock, so a payment
    # made since the fund was read is never undone.
    fund.balance, fund.entry_count = (
        SocialFund.objects.select_for_update().filter(pk=fund.pk).values_list("balance", "entry_count").get()
    )
    committee = list(fields.pop("committee")) if "committee" in fields else list(fund.committee.all())
    for name, value in fields.items():
        setattr(fund, name, value)
    _check_committee(fund, committee)
    validated_save(fund, by)
    fund.committee.set(committee)
    return fund


# ---- the ledger


def _post_entry(
    fund: SocialFund, kind: str, amount: Decimal, *, by: User, entered_on: dt.date, **fields
) -> LedgerEntry:
    """The one place money moves: the fund's balance and count move with a conditional UPDATE that refuses to go
    below zero (on PostgreSQL a second payment waits for the first's row lock, then is judged on the balance it
    left), and the entry is written in the same transaction with the number and balance the UPDATE gave."""
    assert transaction.get_connection().in_atomic_block, "money moves only inside a service's transaction"
    funds = SocialFund.objects.filter(pk=fund.pk)
    if amount < 0:
        funds = funds.filter(balance__gte=-amount)
    if not funds.update(balance=F("balance") + amount, entry_count=F("entry_count") + 1):
        held = SocialFund.objects.values_list("balance", flat=True).get(pk=fund.pk)
        raise CareError.NOT_ENOUGH_BALANCE.error(
            "amount", balance=format_baht(held), amount=format_baht(-amount)
        )
    fund.balance, fund.entry_count = (
        SocialFund.objects.filter(pk=fund.pk).values_list("balance", "entry_count").get()
    )
    entry = LedgerEntry(
        fund=fund,
        number=fund.entry_count,
        kind=kind,
        amount=amount,
        balance_after=fund.balance,
        entered_on=entered_on,
        recorded_by=by,
        **fields,
    )
    return validated_save(entry, by)


def _money_in(
    kind: str,
    *,
    by: User,
    fund: SocialFund,
    amount,
    entered_on: dt.date | None,
    donor_name: str,
    donor_organisation: Organisation | None,
    note: str,
) -> LedgerEntry:
    require_fund_write(by, fund)
    amount = money(amount)
    entered_on = _not_in_future(entered_on, "entered_on")
    donor_name = (donor_name or "").strip()
    if not donor_name and donor_organisation is None:
        raise CareError.DONOR_REQUIRED.error("donor_name")
    return _post_entry(
        fund,
        kind,
        amount,
        by=by,
        entered_on=entered_on,
        donor_name=donor_name,
        donor_organisation=donor_organisation,
        note=note or "",
    )


@transaction.atomic
def donation_record(
    *,
    by: User,
    fund: SocialFund,
    amount,
    entered_on: dt.date | None = None,
    donor_name: str = "",
    donor_organisation: Organisation | None = None,
    note: str = "",
) -> LedgerEntry:
    """A gift to the fund, from a person or group (donor_name) or an organisation."""
    return _money_in(
        EntryKind.DONATION,
        by=by,
        fund=fund,
        amount=amount,
        entered_on=entered_on,
        donor_name=donor_name,
        donor_organisation=donor_organisation,
        note=note,
    )


@transaction.atomic
def grant_record(
    *,
    by: User,
    fund: SocialFund,
    amount,
    entered_on: dt.date | None = None,
    donor_name: str = "",
    donor_organisation: Organisation | None = None,
    note: str = "",
) -> LedgerEntry:
    """A grant to the fund from an agency (the provincial administration, the national institute)."""
    return _money_in(
        EntryKind.GRANT,
        by=by,
        fund=fund,
        amount=amount,
        entered_on=entered_on,
        donor_name=donor_name,
        donor_organisation=donor_organisation,
        note=note,
    )


@transaction.atomic
def entry_reverse(
    *, by: User, entry: LedgerEntry, reason: str, entered_on: dt.date | None = None
) -> LedgerEntry:
    """Put a mistaken entry right with an entry of the opposite amount; refused when that would overdraw the fund
    or the entry is reversed already. A reversed payment's request stays PAID (see the module's docstring)."""
    fund = entry.fund
    require_fund_write(by, fund)
    # The fund's row is taken first: of two reversals of one entry at once, the second sees the first.
    SocialFund.objects.select_for_update().filter(pk=fund.pk).values_list("pk").get()
    if entry.kind == EntryKind.REVERSAL:
        raise CareError.REVERSAL_NOT_REVERSIBLE.error(None)
    if LedgerEntry.objects.filter(reverses=entry).exists():
        raise CareError.ALREADY_REVERSED.error(None)
    reason = (reason or "").strip()
    if not reason:
        raise CareError.REVERSAL_REASON_REQUIRED.error("reason")
    try:
        with transaction.atomic():
            return _post_entry(
                fund,
                EntryKind.REVERSAL,
                -entry.amount,
                by=by,
                entered_on=_not_in_future(entered_on, "entered_on"),
                reverses=entry,
                note=reason,
            )
    except IntegrityError:
        raise CareError.ALREADY_REVERSED.error(None) from None


# ---- requests and the committee's decisions


@transaction.atomic
def fund_request_make(
    *,
    by: User,
    fund: SocialFund,
    amount,
    purpose: str,
    case: Case | None = None,
    incident: Incident | None = None,
    requested_on: dt.date | None = None,
) -> FundRequest:
    """A request for help from the fund, for a case the requester may change or for a disaster incident of the
    province; the committee decides it."""
    if (case is None) == (incident is None):
        raise CareError.REQUEST_NEEDS_SUBJECT.error(None)
    require_fund_request(by, fund, case=case, incident=incident)
    subject_area = case.area_id if case is not None else incident.area_id
    if not subject_area.startswith(fund.area_id):
        raise CareError.OUTSIDE_FUND_PROVINCE.error(None)
    if case is not None and case.is_closed:
        raise CareError.CASE_CLOSED.error(None)
    request = FundRequest(
        fund=fund,
        case=case,
        incident=incident,
        amount=money(amount),
        purpose=purpose,
        requested_by=by,
        requested_on=_not_in_future(requested_on, "requested_on"),
    )
    validated_save(request, by)
    if case is not None:
        log_access(by, AccessAction.UPDATE, case, detail=f"fund request {request.pk}")
    return request


def _locked(request: FundRequest) -> FundRequest:
    """The request as saved now, its row held until the transaction ends: decisions and payments of one request
    are made one after another."""
    return FundRequest.objects.select_for_update().select_related("fund").get(pk=request.pk)


@transaction.atomic
def fund_request_withdraw(*, by: User, request: FundRequest) -> FundRequest:
    require_own_request(by, request)
    current = _locked(request)
    if current.status not in (RequestStatus.PENDING, RequestStatus.APPROVED):
        raise CareError.REQUEST_NOT_WITHDRAWABLE.error(None)
    current.status = RequestStatus.WITHDRAWN
    current.decided_at = timezone.now()
    return validated_save(current, by)


def approvals_of(request: FundRequest) -> int:
    """The approvals that count: of distinct committee members, none of them the one who asked."""
    return (
        request.decisions.filter(approves=True, by__in=request.fund.committee.all())
        .exclude(by=request.requested_by_id)
        .values("by")
        .distinct()
        .count()
    )


@transaction.atomic
def fund_request_decide(*, by: User, request: FundRequest, approves: bool, note: str = "") -> FundRequest:
    """One committee member's decision. A refusal by any member refuses the request; it is approved when the
    approvals reach the fund's approvals_required."""
    require_request_decision(by, request)
    current = _locked(request)
    if current.status != RequestStatus.PENDING:
        raise CareError.REQUEST_NOT_PENDING.error(None)
    if current.decisions.filter(by=by).exists():
        raise CareError.ALREADY_DECIDED.error(None)
    decision = FundDecision(request=current, by=by, approves=bool(approves), note=note or "")
    try:
        with transaction.atomic():
            validated_save(decision, by)
    except IntegrityError:
        raise CareError.ALREADY_DECIDED.error(None) from None
    if not approves:
        current.status = RequestStatus.REJECTED
    elif approvals_of(current) >= current.fund.approvals_required:
        current.status = RequestStatus.APPROVED
    else:
        return current
    current.decided_at = timezone.now()
    return validated_save(current, by)


@transaction.atomic
def fund_request_pay(*, by: User, request: FundRequest, paid_on: dt.date | None = None) -> LedgerEntry:
    """Pay an approved request: a PAYMENT entry (refused if the fund cannot cover it), the request PAID, and the
    help recorded on its case, linked to the entry."""
    require_fund_write(by, request.fund)
    current = _locked(request)
    if current.status != RequestStatus.APPROVED or approvals_of(current) < current.fund.approvals_required:
        raise CareError.REQUEST_NOT_APPROVED.error(None)
    paid_on = _not_in_future(paid_on, "paid_on")
    fund = current.fund
    entry = _post_entry(fund, EntryKind.PAYMENT, -current.amount, by=by, entered_on=paid_on, request=current)
    current.status = RequestStatus.PAID
    validated_save(current, by)
    if current.case_id:
        help_given = Help(
            case_id=current.case_id,
            kind=HelpKind.MONEY,
            description=current.purpose,
            amount=current.amount,
            given_on=paid_on,
            given_by_organisation=fund.organisation,
            given_by_name=fund.name,
            incident_id=current.incident_id,
            fund_entry=entry,
            recorded_by=by,
        )
        validated_save(help_given, by)
        log_access(by, AccessAction.UPDATE, help_given.case, detail=f"fund payment {entry.pk}")
    request.status = current.status
    request.version = current.version
    return entry
