"""API shapes of cases: a case as its reader may see it (the person and household through care/selectors/shown.py),
what was done on it, the actions on it, the caseload and a partner agency's inbox."""

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Field, Schema

from sanphalang.care.access import case_kind_shown, fields_shown, reached_by_referral
from sanphalang.care.models import (
    CaseKind,
    CaseOutcome,
    CasePlanStatus,
    CaseStatus,
    HelpKind,
    ReferralStatus,
    ServiceOutcome,
)
from sanphalang.care.selectors.shown import household_shown, member_shown
from sanphalang.care.services.cases import REPEAT_DAYS_MAX, ReferralAnswer

from .pagination import PageQuery, page_of
from .thai_fields import RecordId, ThaiDate, ThaiDecimal
from .versions import VersionIn, VersionOut


def who(case, user) -> str:
    """Who a case is about, as the reader may see them."""
    if case.member_id:
        return str(member_shown(user=user, member=case.member, referred=True).name)
    shown = household_shown(user=user, household=case.household, referred=True)
    return shown.house_number or shown.address or ""


class CaseFields(VersionOut):
    id: int
    kind: CaseKind | None = Field(
        None, description="None when the kind says what the reader may not see (health)"
    )
    status: CaseStatus
    area_code: str
    opened_on: dt.date
    next_follow_up_on: dt.date | None = None
    plan_status: CasePlanStatus
    household_id: int
    person: str = Field(description="Who the case is about, as the caller may see them")


class CaseOut(CaseFields):
    """A case of a list, read from its row."""

    @staticmethod
    def resolve_kind(obj, context) -> str | None:
        user = context["request"].auth
        shown = fields_shown(user, obj.area_id, referred=reached_by_referral(user, obj.area_id))
        return obj.kind if case_kind_shown(shown, obj.kind) else None

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_person(obj, context) -> str:
        return who(obj, context["request"].auth)


class CaseMemberOut(Schema):
    id: int
    name: str
    age: int | None = None
    phone: str | None = None
    national_id: str | None = Field(
        None, description="In full, masked, or absent as the caller's role allows"
    )
    legal_status: str | None = None
    disability: str | None = None
    chronic_illness: str | None = None
    bedridden: bool | None = None


class CaseHouseholdOut(Schema):
    id: int
    area_code: str | None = None
    house_number: str | None = None
    address: str | None = None
    phone: str | None = None


class AssessmentOut(Schema):
    id: int
    template: str
    assessed_on: dt.date
    answers: dict[str, Any]
    needs: str


class CaseHelpOut(Schema):
    id: int
    kind: HelpKind
    description: str
    amount: Decimal | None = None
    given_on: dt.date
    given_by_organisation_id: int | None = None
    given_by_name: str


class ReferralOut(VersionOut):
    id: int
    case_id: int
    agency_id: int
    reason: str
    sent_on: dt.date
    status: ReferralStatus
    answered_on: dt.date | None = None
    answer: str
    outcome: ServiceOutcome | None = None
    done_on: dt.date | None = None

    @staticmethod
    def resolve_outcome(obj) -> str | None:
        return obj.outcome or None


class FollowUpOut(Schema):
    id: int
    case_id: int
    due_on: dt.date
    done_on: dt.date | None = None
    note: str
    repeat_days: int | None = None


class CaseDetailOut(CaseFields):
    summary: str | None = None
    worker_id: int | None = None
    household: CaseHouseholdOut
    member: CaseMemberOut | None = None
    assessments: list[AssessmentOut]
    help_given: list[CaseHelpOut]
    referrals: list[ReferralOut]
    follow_ups: list[FollowUpOut]
    plan: str | None = None
    plan_return_reason: str | None = None
    outcome: CaseOutcome | None = None
    outcome_note: str | None = None
    closed_on: dt.date | None = None


def case_detail(view) -> dict:
    """The body of one case from what case_get let the reader see."""
    case, shown = view.case, view.fields
    texts = shown.identity and not view.referred
    member = view.member
    return {
        "id": case.pk,
        "version": case.version,
        "kind": case.kind if view.kind_shown else None,
        "status": case.status,
        "area_code": case.area_id,
        "opened_on": case.opened_on,
        "next_follow_up_on": None if view.referred else case.next_follow_up_on,
        "plan_status": case.plan_status,
        "household_id": case.household_id,
        "person": member.name if member else (view.household.house_number or view.household.address or ""),
        "summary": case.summary if shown.identity else None,
        "worker_id": None if view.referred else case.worker_id,
        "household": {
            "id": view.household.pk,
            "area_code": view.household.area_id,
            "house_number": view.household.house_number,
            "address": view.household.address,
            "phone": view.household.phone,
        },
        "member": None
        if member is None
        else {
            "id": member.pk,
            "name": str(member.name),
            "age": member.age,
            "phone": member.phone,
            "national_id": member.national_id,
            "legal_status": member.legal_status,
            "disability": member.disability,
            "chronic_illness": member.chronic_illness,
            "bedridden": member.bedridden,
        },
        "assessments": [item.assessment for item in view.assessments],
        "help_given": view.help_given,
        "referrals": view.referrals,
        "follow_ups": view.follow_ups,
        "plan": case.plan if texts else None,
        "plan_return_reason": case.plan_return_reason if texts else None,
        "outcome": (case.outcome or None) if texts else None,
        "outcome_note": case.outcome_note if texts else None,
        "closed_on": case.closed_on,
    }


class CaseQuery(PageQuery):
    status: CaseStatus | None = None
    kind: CaseKind | None = None
    area: str | None = Field(None, max_length=10, description="Cases of this area code and below")
    worker: RecordId | None = Field(None, description="Cases this user carries")
    due: str | None = Field(
        None, pattern="^(overdue|week)$", description="overdue, or week: due within a week"
    )


class CaseOpenIn(Schema):
    household: RecordId
    member: RecordId | None = None
    kind: CaseKind
    summary: str = Field(max_length=4000)
    opened_on: ThaiDate
    worker: RecordId | None = Field(None, description="A coordinator who may write the household's area")
    first_follow_up_on: ThaiDate | None = None


class CasePatch(VersionIn):
    kind: CaseKind | None = None
    summary: str | None = Field(None, max_length=4000)
    worker: RecordId | None = None


class AssessmentIn(Schema):
    answers: dict[str, Any] = Field(description="By question key, on the form of the case's kind")
    assessed_on: ThaiDate
    needs: str = Field("", max_length=4000)


class AssessmentQuestionOut(Schema):
    key: str
    label: str
    kind: str
    required: bool
    choices: list[str]


class AssessmentFormOut(Schema):
    key: str
    kind: CaseKind
    questions: list[AssessmentQuestionOut]


class HelpIn(Schema):
    kind: HelpKind
    description: str = Field(max_length=4000)
    amount: ThaiDecimal | None = Field(
        None, description='Baht and satang, zero or more: "1500.50" or "๑,๕๐๐.๕๐"'
    )
    given_on: ThaiDate
    given_by_organisation: RecordId | None = None
    given_by_name: str = Field("", max_length=200)


class ReferralIn(Schema):
    agency: RecordId = Field(description="An organisation of the directory")
    reason: str = Field(max_length=4000)
    sent_on: ThaiDate | None = None


class ReferralAnswerIn(VersionIn):
    decision: ReferralAnswer
    answer: str = Field("", max_length=4000)
    outcome: ServiceOutcome | None = Field(None, description="When the service is done")
    on: ThaiDate | None = None


class FollowUpIn(Schema):
    due_on: ThaiDate
    repeat_days: int | None = Field(None, ge=1, le=REPEAT_DAYS_MAX)


class FollowUpDoneIn(Schema):
    note: str = Field("", max_length=4000)
    done_on: ThaiDate | None = None


class CasePlanIn(VersionIn):
    plan: str = Field(max_length=4000)


class CaseDecisionIn(VersionIn):
    approve: bool
    reason: str = Field("", max_length=300, description="Why a plan goes back (when not approved)")


class CloseRequestIn(VersionIn):
    outcome: CaseOutcome
    note: str = Field("", max_length=4000)


class CaseloadQuery(PageQuery):
    area: str | None = Field(None, max_length=10)
    mine: bool = Field(False, description="Only the cases the caller carries")


class StaleReferralOut(ReferralOut):
    person: str

    @staticmethod
    def resolve_person(obj, context) -> str:
        return who(obj.case, context["request"].auth)


class CaseloadOut(Schema):
    today: dt.date
    due: page_of(CaseOut) = Field(description="A page of open cases with a follow-up due, overdue first")  # type: ignore[valid-type]
    plans_to_approve: list[CaseOut]
    closures_to_approve: list[CaseOut]
    stale_referrals: list[StaleReferralOut]


class CaseCountOut(Schema):
    area_code: str
    area_name: str
    kind: str
    count: int

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area.code

    @staticmethod
    def resolve_area_name(obj) -> str:
        return str(obj.area)


class InboxReferralOut(StaleReferralOut):
    pass
