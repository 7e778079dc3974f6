"""API shapes of the provincial social development fund (S5): funds, ledger entries, requests and the committee's
decisions, and the donors' report. Amounts are baht with satang, sent best as strings ("1234.50", "๑,๒๓๔.๕๐")."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiDecimal, ThaiInt
from .versions import VersionIn, VersionOut

AMOUNT = 'Baht above zero with at most two decimals (satang), such as "1234.50" or "๑,๒๓๔.๕๐"'


class SocialFundOut(VersionOut):
    id: int
    area_code: str
    name: str
    organisation_id: int | None = None
    balance: Decimal
    entry_count: int
    approvals_required: int

    @staticmethod
    def resolve_area_code(fund) -> str:
        return fund.area_id


class SocialFundDetailOut(SocialFundOut):
    committee: list[int] = Field(description="The ids of the committee's members")
    ledger_checked: bool = Field(description="The entries sum to the balance and each keeps the running sum")

    @staticmethod
    def resolve_committee(fund) -> list[int]:
        return [member.pk for member in fund.committee.all()]


class FundIn(Schema):
    area_code: str = Field(description="The province's code")
    name: str
    organisation: ThaiInt | None = Field(None, description="The id of the organisation that runs the fund")
    committee: list[ThaiInt] = Field(description="The ids of the users on the committee")
    approvals_required: ThaiInt = 2


class FundPatch(VersionIn):
    name: str | None = None
    organisation: ThaiInt | None = None
    committee: list[ThaiInt] | None = None
    approvals_required: ThaiInt | None = None


class MoneyIn(Schema):
    amount: ThaiDecimal = Field(description=AMOUNT)
    entered_on: ThaiDate | None = Field(None, description="The day the money came; today if not given")
    donor_name: str = ""
    donor_organisation: ThaiInt | None = Field(None, description="The id of the organisation that gave it")
    note: str = ""


class LedgerEntryOut(Schema):
    id: int
    number: int
    kind: str
    amount: Decimal
    balance_after: Decimal
    entered_on: dt.date
    donor_name: str
    donor_organisation_id: int | None = None
    request_id: int | None = None
    reverses_id: int | None = None
    reversed_by_id: int | None = None
    note: str

    @staticmethod
    def resolve_reversed_by_id(entry) -> int | None:
        reversal = getattr(entry, "reversed_by", None)  # a reverse one-to-one: None when not reversed
        return reversal.pk if reversal is not None else None


class LedgerQuery(PageQuery):
    starts_on: ThaiDate | None = None
    ends_on: ThaiDate | None = None


class RequestListQuery(PageQuery):
    awaiting: bool = Field(False, description="Only those waiting for your own decision")


class RequestIn(Schema):
    case: ThaiInt | None = Field(None, description="The id of the case the money is for")
    incident: ThaiInt | None = Field(None, description="Or the id of the disaster incident")
    amount: ThaiDecimal = Field(description=AMOUNT)
    purpose: str


class FundDecisionIn(Schema):
    approves: bool
    note: str = ""


class DecisionOut(Schema):
    by: str
    approves: bool
    note: str
    at: dt.datetime


class RequestOut(VersionOut):
    id: int
    fund_id: int
    status: str
    amount: Decimal
    requested_on: dt.date
    subject: str = Field(description="The case's person as you may see them, or the incident")
    case_id: int | None = Field(None, description="Only when you may open the case")
    kind: str
    purpose: str | None = Field(
        None, description="For the committee, the one who asked and the case's readers"
    )
    approvals: int
    decisions: list[DecisionOut]


class ReversalIn(Schema):
    reason: str


class ReportQuery(Schema):
    starts_on: ThaiDate
    ends_on: ThaiDate


class ReportLineOut(Schema):
    label: str
    entries: int
    amount: Decimal


class ReportOut(Schema):
    starts_on: dt.date
    ends_on: dt.date
    opening: Decimal
    closing: Decimal
    money_in: Decimal
    money_out: Decimal
    by_donor: list[ReportLineOut]
    by_case_kind: list[ReportLineOut]
    by_district: list[ReportLineOut]
