"""Writes to cases (S3: coordination centres find vulnerable people and help or refer them): opening a case,
needs assessments, help given, referrals to agencies and their answers, follow-ups, the case plan and closing,
each approved by a second person. Every write is in the access log: a case is personal data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Min, TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction
from sanphalang.directory.selectors import organisation_list
from sanphalang.errors import reject_unknown_fields
from sanphalang.versions import expect_version

from ..access import allowed, require_care_write, require_referral_answer
from ..assessments import template_for, validate_answers
from ..errors import CareError
from ..models import (
    Assessment,
    Case,
    CaseOutcome,
    CasePlanStatus,
    CaseStatus,
    FollowUp,
    Help,
    Referral,
    ReferralStatus,
    ServiceOutcome,
)

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.directory.models import Organisation

    from ..models import Household, Member

REPEAT_DAYS_MAX = 365
CASE_FIELDS = ("kind", "summary", "member", "worker")


class ReferralAnswer(TextChoices):
    ACCEPT = "accept", _("Accept the referral")
    REJECT = "reject", _("Decline the referral")
    DONE = "done", _("The service is done")


def _today() -> dt.date:
    return timezone.localdate()


def _not_in_future(day: dt.date | None, field: str) -> None:
    if day is not None and day > _today():
        raise CareError.DATE_IN_FUTURE.error(field)


def _logged(by, case: Case, channel: str, detail: str, action: str = AccessAction.UPDATE) -> None:
    log_access(by, action, case, channel=channel, detail=detail)


def _saved(by, record, case: Case, channel: str, detail: str):
    """Save a record of the case and write the change of the case to the access log."""
    validated_save(record, by)
    _logged(by, case, channel, detail % {"pk": record.pk})
    return record


def _require_not_closed(case: Case) -> None:
    if case.is_closed:
        raise CareError.CASE_CLOSED.error(None)


def _check_people(case: Case) -> None:
    """The member is of the case's household; the worker may write its area."""
    if case.member_id and case.member.household_id != case.household_id:
        raise CareError.MEMBER_NOT_OF_HOUSEHOLD.error("member")
    if case.worker_id and not allowed(require_care_write, case.worker, case.area_id):
        raise CareError.WORKER_NOT_OF_AREA.error("worker")


@transaction.atomic
def case_open(
    *,
    by: User,
    household: Household,
    member: Member | None = None,
    kind: str,
    summary: str,
    opened_on: dt.date,
    worker: User | None = None,
    first_follow_up_on: dt.date | None = None,
    channel: str = "web",
) -> Case:
    """A case of the household (and of one member, where it is about one person), in the household's area."""
    require_care_write(by, household.area_id)
    if household.anonymised_at is not None:
        raise CareError.HOUSEHOLD_ERASED.error(None)
    _not_in_future(opened_on, "opened_on")
    case = Case(
        household=household,
        member=member,
        area_id=household.area_id,
        kind=kind,
        summary=summary,
        opened_on=opened_on,
        opened_by=by,
        worker=worker,
        next_follow_up_on=first_follow_up_on,
    )
    _check_people(case)
    validated_save(case, by)
    if first_follow_up_on is not None:
        validated_save(FollowUp(case=case, due_on=first_follow_up_on), by)
    _logged(by, case, channel, "opened", AccessAction.CREATE)
    return case


@transaction.atomic
def case_update(*, by: User, case: Case, version: int | None = None, channel: str = "web", **fields) -> Case:
    """Change what the case is about and who carries it (the fields given; the others stay)."""
    expect_version(case, version)
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    reject_unknown_fields(fields, set(CASE_FIELDS))
    for name, value in fields.items():
        setattr(case, name, "" if value is None and name == "summary" else value)
    _check_people(case)
    validated_save(case, by)
    _logged(by, case, channel, "updated")
    return case


@transaction.atomic
def assessment_record(
    *,
    by: User,
    case: Case,
    answers: dict,
    assessed_on: dt.date,
    needs: str = "",
    channel: str = "web",
) -> Assessment:
    """A needs assessment on the form of the case's kind (care/assessments.py)."""
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    template = template_for(case.kind)
    _not_in_future(assessed_on, "assessed_on")
    assessment = Assessment(
        case=case,
        template=template.key,
        answers=validate_answers(template, answers),
        needs=needs,
        assessed_on=assessed_on,
        assessed_by=by,
    )
    return _saved(by, assessment, case, channel, "assessment %(pk)s recorded")


def _amount(value) -> Decimal | None:
    if value in (None, ""):
        return None
    if isinstance(value, float):
        value = str(value)  # a float from a client: read as written, never as its binary approximation
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise CareError.AMOUNT_NEGATIVE.error("amount") from None
    if not amount.is_finite() or amount < 0:
        raise CareError.AMOUNT_NEGATIVE.error("amount")
    if amount.as_tuple().exponent < -2:
        raise CareError.AMOUNT_TOO_PRECISE.error("amount")
    return amount


def _organisation_seen(by: User, organisation: Organisation | None, field: str, error: CareError):
    if organisation is not None and not organisation_list(user=by).filter(pk=organisation.pk).exists():
        raise error.error(field)
    return organisation


@transaction.atomic
def help_record(
    *,
    by: User,
    case: Case,
    kind: str,
    description: str,
    given_on: dt.date,
    amount=None,
    given_by_organisation: Organisation | None = None,
    given_by_name: str = "",
    channel: str = "web",
) -> Help:
    """Help given on the case: what, its value in baht and satang, when, and by an organisation or a person."""
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    _not_in_future(given_on, "given_on")
    given_by_name = (given_by_name or "").strip()
    if given_by_organisation is None and not given_by_name:
        raise CareError.GIVER_REQUIRED.error("given_by_name")
    help_given = Help(
        case=case,
        kind=kind,
        description=description,
        amount=_amount(amount),
        given_on=given_on,
        given_by_organisation=_organisation_seen(
            by, given_by_organisation, "given_by_organisation", CareError.AGENCY_NOT_FOUND
        ),
        given_by_name=given_by_name,
        recorded_by=by,
    )
    return _saved(by, help_given, case, channel, "help %(pk)s recorded")


@transaction.atomic
def referral_send(
    *,
    by: User,
    case: Case,
    agency: Organisation,
    reason: str,
    sent_on: dt.date | None = None,
    channel: str = "web",
) -> Referral:
    """Refer the case to an agency of the directory: only with the household's consent to sharing, since the
    agency's users then read the case."""
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    if not case.household.consent_for_sharing:
        raise CareError.CONSENT_FOR_SHARING_REQUIRED.error("agency")
    sent_on = sent_on or _today()
    _not_in_future(sent_on, "sent_on")
    referral = Referral(
        case=case,
        agency=_organisation_seen(by, agency, "agency", CareError.AGENCY_NOT_FOUND),
        reason=reason,
        sent_on=sent_on,
        sent_by=by,
    )
    return _saved(by, referral, case, channel, "referral %(pk)s sent")


@transaction.atomic
def referral_answer(
    *,
    by: User,
    referral: Referral,
    decision: str,
    answer: str = "",
    outcome: str = "",
    on: dt.date | None = None,
    version: int | None = None,
    channel: str = "web",
) -> Referral:
    """The agency's answer (recorded by its users, or by the area's coordinators for it): it accepts or declines
    (saying why) a referral that waits, and marks an accepted one done with whether the service was given."""
    expect_version(referral, version)
    require_referral_answer(by, referral)
    case = referral.case
    _require_not_closed(case)
    on = on or _today()
    _not_in_future(on, "on")
    if decision in (ReferralAnswer.ACCEPT, ReferralAnswer.REJECT):
        if referral.status != ReferralStatus.IN_PROGRESS:
            raise CareError.REFERRAL_NOT_WAITING.error(None)
        if decision == ReferralAnswer.REJECT and not (answer or "").strip():
            raise CareError.REJECTION_REASON_REQUIRED.error("answer")
        referral.status = (
            ReferralStatus.ACCEPTED if decision == ReferralAnswer.ACCEPT else ReferralStatus.REJECTED
        )
        referral.answered_on, referral.answered_by = on, by
        referral.answer = answer or ""
    elif decision == ReferralAnswer.DONE:
        if referral.status != ReferralStatus.ACCEPTED:
            raise CareError.REFERRAL_NOT_ACCEPTED.error(None)
        if outcome not in ServiceOutcome.values:
            raise CareError.SERVICE_OUTCOME_REQUIRED.error("outcome")
        referral.status, referral.outcome, referral.done_on = ReferralStatus.DONE, outcome, on
        if answer:
            referral.answer = answer
    else:
        raise CareError.REFERRAL_NOT_WAITING.error(None)
    return _saved(by, referral, case, channel, f"referral %(pk)s {referral.status}")


@transaction.atomic
def referral_revoke(
    *, by: User, referral: Referral, version: int | None = None, channel: str = "web"
) -> Referral:
    """Withdraw a referral the agency still holds: its users no longer read the case."""
    expect_version(referral, version)
    require_care_write(by, referral.case.area_id)
    if referral.status not in (ReferralStatus.IN_PROGRESS, ReferralStatus.ACCEPTED):
        raise CareError.REFERRAL_FINISHED.error(None)
    referral.status = ReferralStatus.REVOKED
    return _saved(by, referral, referral.case, channel, "referral %(pk)s revoked")


def _refresh_next_follow_up(case: Case) -> None:
    """The case's next follow-up is its earliest one not done: kept on the case for the caseload's order. Written
    without a new version: it follows from the follow-ups, nobody edits it."""
    earliest = case.follow_ups.filter(done_on__isnull=True).aggregate(earliest=Min("due_on"))["earliest"]
    if earliest != case.next_follow_up_on:
        Case.objects.filter(pk=case.pk).update(next_follow_up_on=earliest)
        case.next_follow_up_on = earliest


def _repeat_days(value) -> int | None:
    if value in (None, "", 0):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= REPEAT_DAYS_MAX:
        raise CareError.REPEAT_OUT_OF_RANGE.error("repeat_days")
    return value


@transaction.atomic
def follow_up_schedule(
    *, by: User, case: Case, due_on: dt.date, repeat_days: int | None = None, channel: str = "web"
) -> FollowUp:
    """A follow-up due on a day; repeat_days: when it is done, the next is due that many days later."""
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    follow_up = FollowUp(case=case, due_on=due_on, repeat_days=_repeat_days(repeat_days))
    validated_save(follow_up, by)
    _refresh_next_follow_up(case)
    _logged(by, case, channel, f"follow-up {follow_up.pk} scheduled")
    return follow_up


@transaction.atomic
def follow_up_done(
    *, by: User, follow_up: FollowUp, note: str = "", done_on: dt.date | None = None, channel: str = "web"
) -> FollowUp:
    """Record a follow-up as done; a repeating one schedules the next, repeat_days after this visit."""
    case = follow_up.case
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    if follow_up.done_on is not None:
        raise CareError.FOLLOW_UP_DONE_ALREADY.error(None)
    done_on = done_on or _today()
    _not_in_future(done_on, "done_on")
    follow_up.done_on, follow_up.done_by, follow_up.note = done_on, by, note or ""
    validated_save(follow_up, by)
    if follow_up.repeat_days:
        following = FollowUp(
            case=case,
            due_on=done_on + dt.timedelta(days=follow_up.repeat_days),
            repeat_days=follow_up.repeat_days,
        )
        validated_save(following, by)
    _refresh_next_follow_up(case)
    _logged(by, case, channel, f"follow-up {follow_up.pk} done")
    return follow_up


@transaction.atomic
def case_plan_submit(
    *, by: User, case: Case, plan: str, version: int | None = None, channel: str = "web"
) -> Case:
    """Write the case plan and send it for approval by a second person."""
    expect_version(case, version)
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    if case.plan_status == CasePlanStatus.SUBMITTED:
        raise CareError.PLAN_AWAITING_DECISION.error(None)
    if not (plan or "").strip():
        raise CareError.PLAN_REQUIRED.error("plan")
    case.plan, case.plan_status = plan, CasePlanStatus.SUBMITTED
    case.plan_submitted_by, case.plan_decided_by, case.plan_decided_at = by, None, None
    case.plan_return_reason = ""
    validated_save(case, by)
    _logged(by, case, channel, "plan submitted")
    return case


@transaction.atomic
def case_plan_decide(
    *,
    by: User,
    case: Case,
    approve: bool,
    reason: str = "",
    version: int | None = None,
    channel: str = "web",
) -> Case:
    """A second person who may write the case's area approves the plan, or returns it saying why."""
    expect_version(case, version)
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    if case.plan_status != CasePlanStatus.SUBMITTED:
        raise CareError.NOTHING_TO_APPROVE.error(None)
    if case.plan_submitted_by_id == by.pk:
        raise CareError.SECOND_PERSON_REQUIRED.error(None)
    if not approve and not (reason or "").strip():
        raise CareError.RETURN_REASON_REQUIRED.error("reason")
    case.plan_status = CasePlanStatus.APPROVED if approve else CasePlanStatus.RETURNED
    case.plan_decided_by, case.plan_decided_at = by, timezone.now()
    case.plan_return_reason = "" if approve else reason
    validated_save(case, by)
    _logged(by, case, channel, f"plan {case.plan_status}")
    return case


@transaction.atomic
def case_close_request(
    *, by: User, case: Case, outcome: str, note: str = "", version: int | None = None, channel: str = "web"
) -> Case:
    """Ask to close the case with its outcome; a second person approves."""
    expect_version(case, version)
    require_care_write(by, case.area_id)
    _require_not_closed(case)
    if case.status != CaseStatus.OPEN:
        raise CareError.CASE_NOT_OPEN.error(None)
    if outcome not in CaseOutcome.values:
        raise CareError.OUTCOME_REQUIRED.error("outcome")
    case.status, case.outcome, case.outcome_note = CaseStatus.CLOSING, outcome, note or ""
    case.closure_requested_by, case.closure_requested_at = by, timezone.now()
    case.closure_approved_by = None
    validated_save(case, by)
    _logged(by, case, channel, "closure requested")
    return case


@transaction.atomic
def case_close_decide(
    *, by: User, case: Case, approve: bool, version: int | None = None, channel: str = "web"
) -> Case:
    """A second person closes the case, or refuses and it stays open."""
    expect_version(case, version)
    require_care_write(by, case.area_id)
    if case.status != CaseStatus.CLOSING:
        raise CareError.NOTHING_TO_APPROVE.error(None)
    if case.closure_requested_by_id == by.pk:
        raise CareError.SECOND_PERSON_REQUIRED.error(None)
    if approve:
        case.status, case.closure_approved_by, case.closed_on = CaseStatus.CLOSED, by, _today()
    else:
        case.status, case.outcome, case.outcome_note = CaseStatus.OPEN, "", ""
        case.closure_requested_by, case.closure_requested_at = None, None
    validated_save(case, by)
    _logged(by, case, channel, "closed" if approve else "closure refused")
    return case


@transaction.atomic
def case_reopen(*, by: User, case: Case, version: int | None = None, channel: str = "web") -> Case:
    """Open a closed case again (the household needs help again); its outcome is cleared."""
    expect_version(case, version)
    require_care_write(by, case.area_id)
    if case.status != CaseStatus.CLOSED:
        raise CareError.CASE_NOT_CLOSED.error(None)
    case.status, case.closed_on, case.outcome, case.outcome_note = CaseStatus.OPEN, None, "", ""
    case.closure_requested_by = case.closure_approved_by = case.closure_requested_at = None
    validated_save(case, by)
    _logged(by, case, channel, "reopened")
    return case
