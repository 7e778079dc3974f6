"""Reads of cases: one case as its reader may see it, the list and its filters, the coordinator's caseload (what is
due, what waits for their approval, referrals unanswered), counts for the roles that see numbers only, and a
partner agency's inbox of the referrals sent to it. A read of a case is written to the access log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Case as Choose
from django.db.models import Count, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr
from django.http import Http404

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction, User
from sanphalang.areas.models import Area

from ..access import (
    CARE_ROLES,
    FieldsShown,
    allowed,
    case_kind_shown,
    case_read_q,
    case_referrals_q,
    counts_q,
    fields_shown,
    people_q,
    reached_by_referral,
    referral_inbox_q,
    require_care_write,
    require_referral_answer,
)
from ..assessments import answers_shown
from ..models import Case, CasePlanStatus, CaseStatus, FollowUp, Household, Referral, ReferralStatus
from .shown import HouseholdShown, MemberShown, household_shown, member_shown

# The caseload shows follow-ups due within the coming week, and the overdue ones first.
DUE_SOON_DAYS = 7
# A referral the agency has not answered in this many days is chased.
STALE_REFERRAL_DAYS = 14
# Of the approvals and stale referrals, the caseload shows the oldest this many.
CASELOAD_LIST_LIMIT = 50
ACTIVE_STATUSES = [CaseStatus.OPEN, CaseStatus.CLOSING]
CASE_RELATED = ("household", "member", "worker", "area")


def _readable(user: User) -> QuerySet[Case]:
    """The cases the user may open. The referrals join can repeat a case: each is kept once, by pk."""
    return Case.objects.filter(pk__in=Case.objects.filter(case_read_q(user)).values("pk"))


def case_list(
    *,
    user: User,
    status: str | None = None,
    kind: str | None = None,
    area: str | None = None,
    worker: int | None = None,
    due: str | None = None,
    today: dt.date | None = None,
    household: int | None = None,
) -> QuerySet[Case]:
    """The cases the user may open, newest first; of one household, status, kind, area (and below), case worker, or those
    whose next follow-up is overdue ("overdue") or due within the week ("week")."""
    qs = _readable(user)
    if household:
        qs = qs.filter(household_id=household)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if area:
        qs = qs.filter(area__pk__startswith=area)
    if worker:
        qs = qs.filter(worker_id=worker)
    if due:
        today = today or dt.date.today()
        limit = today - dt.timedelta(days=1) if due == "overdue" else today + dt.timedelta(days=DUE_SOON_DAYS)
        qs = qs.filter(status__in=ACTIVE_STATUSES, next_follow_up_on__lte=limit)
    return qs.select_related(*CASE_RELATED).order_by("-opened_on", "-pk")


@dataclass(frozen=True)
class AssessmentShown:
    assessment: object
    answers: list[tuple[str, str]]


@dataclass
class CaseView:
    """A case as one reader may see it: a partner agency that reached it through a referral sees the referred
    fields only (no health, legal status or national ID) and of its referrals only its own."""

    case: Case
    referred: bool
    fields: FieldsShown
    kind_shown: bool
    household: HouseholdShown
    member: MemberShown | None
    assessments: list[AssessmentShown] = field(default_factory=list)
    help_given: list = field(default_factory=list)
    referrals: list = field(default_factory=list)
    follow_ups: list = field(default_factory=list)


def case_get(*, user: User, pk: int, channel: str = "web") -> CaseView:
    """One case with what was done on it, as the user may see it; the read is written to the access log."""
    try:
        case = (
            _readable(user).select_related(*CASE_RELATED, "plan_submitted_by", "plan_decided_by").get(pk=pk)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    referred = reached_by_referral(user, case.area_id)
    shown = fields_shown(user, case.area_id, referred=referred)
    referrals = case.referrals.filter(case_referrals_q(user, case.area_id)).select_related(
        "agency", "sent_by"
    )
    view = CaseView(
        case=case,
        referred=referred,
        fields=shown,
        kind_shown=case_kind_shown(shown, case.kind),
        household=household_shown(user=user, household=case.household, referred=referred),
        member=member_shown(user=user, member=case.member, referred=referred) if case.member_id else None,
        referrals=list(referrals),
    )
    if shown.identity:
        view.help_given = list(case.help_given.select_related("given_by_organisation"))
    if not referred:
        # Assessments and visits hold what the household told the coordinators about its health and life.
        view.assessments = [
            AssessmentShown(assessment, answers_shown(assessment.template, assessment.answers))
            for assessment in case.assessments.select_related("assessed_by")
        ]
        view.follow_ups = list(case.follow_ups.select_related("done_by"))
    log_access(user, AccessAction.READ, case, channel=channel)
    return view


def case_get_for_change(*, user: User, pk: int) -> Case:
    """A case, if the user may change it."""
    try:
        case = _readable(user).select_related(*CASE_RELATED).get(pk=pk)
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, case.area_id)
    return case


def _referrals_readable(user: User) -> QuerySet[Referral]:
    return Referral.objects.filter(people_q(user, "case__area_id") | referral_inbox_q(user)).select_related(
        "case__household", "case__member", "case__area", "agency"
    )


def referral_get_for_answer(*, user: User, pk: int) -> Referral:
    """A referral, if the user may answer it: its agency's users, or the coordinators of the case's area."""
    try:
        referral = _referrals_readable(user).get(pk=pk)
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_referral_answer(user, referral)
    return referral


def referral_get_for_change(*, user: User, pk: int) -> Referral:
    """A referral, if the user may withdraw it: the coordinators of the case's area."""
    try:
        referral = _referrals_readable(user).get(pk=pk)
    except (Referral.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, referral.case.area_id)
    return referral


def follow_up_get_for_change(*, user: User, pk: int) -> FollowUp:
    try:
        follow_up = FollowUp.objects.filter(people_q(user, "case__area_id")).select_related("case").get(pk=pk)
    except (FollowUp.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, follow_up.case.area_id)
    return follow_up


def household_get_for_case(*, user: User, pk: int) -> Household:
    """The household a case is opened for, if the user may write its people's records."""
    try:
        household = Household.objects.filter(people_q(user, "area_id")).prefetch_related("members").get(pk=pk)
    except (Household.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, household.area_id)
    return household


def worker_choices(*, user: User, area_code: str) -> list[User]:
    """The coordinators who may carry a case of this area, for one who may write it."""
    require_care_write(user, area_code)
    candidates = get_user_model().objects.filter(is_active=True, role__in=CARE_ROLES).order_by("username")
    return [candidate for candidate in candidates if allowed(require_care_write, candidate, area_code)]


@dataclass
class Caseload:
    """A coordinator's work: open cases with a follow-up due (overdue first), case plans and closures that
    wait for their approval (not their own), and referrals the agency has left unanswered for two weeks."""

    today: dt.date
    due: QuerySet  # paginated by the page: ordered by the next follow-up, read with LIMIT
    plans_to_approve: list
    closures_to_approve: list
    stale_referrals: list


def caseload(*, user: User, today: dt.date, worker: int | None = None, area: str | None = None) -> Caseload:
    """In a fixed number of queries, however many cases: the due list is read in the order of the caseload
    index (area, status, next follow-up), with its household, person and worker joined."""
    mine = people_q(user, "area_id")
    if area:
        mine &= Q(area__pk__startswith=area)
    due = Case.objects.filter(
        mine, status=CaseStatus.OPEN, next_follow_up_on__lte=today + dt.timedelta(days=DUE_SOON_DAYS)
    )
    if worker:
        due = due.filter(worker_id=worker)
    waiting = Case.objects.filter(mine).select_related(*CASE_RELATED)
    return Caseload(
        today=today,
        due=due.select_related(*CASE_RELATED).order_by("next_follow_up_on", "pk"),
        plans_to_approve=list(
            waiting.filter(plan_status=CasePlanStatus.SUBMITTED, status__in=ACTIVE_STATUSES)
            .exclude(plan_submitted_by=user)
            .order_by("updated_at", "pk")[:CASELOAD_LIST_LIMIT]
        ),
        closures_to_approve=list(
            waiting.filter(status=CaseStatus.CLOSING)
            .exclude(closure_requested_by=user)
            .order_by("closure_requested_at", "pk")[:CASELOAD_LIST_LIMIT]
        ),
        stale_referrals=list(
            Referral.objects.filter(
                people_q(user, "case__area_id") & (Q(case__area__pk__startswith=area) if area else Q()),
                status=ReferralStatus.IN_PROGRESS,
                sent_on__lte=today - dt.timedelta(days=STALE_REFERRAL_DAYS),
            )
            .select_related("agency", "case__household", "case__member", "case__area")
            .order_by("sent_on", "pk")[:CASELOAD_LIST_LIMIT]
        ),
    )


def follow_ups_due(*, user: User, today: dt.date, limit: int = 5) -> tuple[int, list[Case]]:
    """How many open cases of the user's areas have a follow-up due today or overdue, and the first few (the home
    page: numbered and of a kind, never named)."""
    due = Case.objects.filter(people_q(user, "area_id"), status=CaseStatus.OPEN, next_follow_up_on__lte=today)
    return due.count(), list(due.order_by("next_follow_up_on", "pk")[:limit])


@dataclass(frozen=True)
class CaseCount:
    area: Area
    kind: str  # the label
    count: int


def caseload_counts(*, user: User) -> list[CaseCount]:
    """Open cases per district and kind in the user's areas: numbers, never names (viewers and partners too)."""
    rows = (
        Case.objects.filter(counts_q(user, "area_id"), status__in=ACTIVE_STATUSES)
        .annotate(district=Substr("area_id", 1, 4))
        .values("district", "kind")
        .annotate(count=Count("pk"))
        .order_by("district", "kind")
    )
    rows = list(rows)
    areas = Area.objects.in_bulk({row["district"] for row in rows})
    labels = dict(Case._meta.get_field("kind").choices)
    return [
        CaseCount(
            area=areas[row["district"]], kind=str(labels.get(row["kind"], row["kind"])), count=row["count"]
        )
        for row in rows
        if row["district"] in areas
    ]


def referral_inbox(*, user: User) -> QuerySet[Referral]:
    """The referrals to the user's agency that the household consented to share: those waiting first."""
    return (
        Referral.objects.filter(referral_inbox_q(user))
        .select_related("case__household", "case__member", "case__area", "sent_by")
        .annotate(
            waiting=Choose(
                When(status=ReferralStatus.IN_PROGRESS, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("waiting", "-sent_on", "-pk")
    )
