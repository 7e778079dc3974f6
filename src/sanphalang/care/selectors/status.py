"""Reads of legal status cases (S8): the list with the days each case has stood at its step (computed by the
database, the most stuck first), a case's page and its documents, and where the cases are stuck. Legal status is
sensitive: cases are read only by those who see a person's legal status (care/access.py); the summary of where
they are stuck holds counts alone, read by anyone of the areas."""

import datetime as dt
import statistics
from dataclasses import dataclass

from django.db.models import DateField, F, Prefetch, QuerySet, Value
from django.http import Http404
from django.utils import timezone

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction, User

from ..access import counts_q, require_care_write, status_read_q
from ..models import FINAL_STEPS, LegalStatusCase, LegalStatusDocument, LegalStatusEvent, Member, StatusStep


def _days_at_step(today: dt.date | None):
    return Value(today or timezone.localdate(), output_field=DateField()) - F("step_since")


def status_case_list(
    *,
    user: User,
    step: str | None = None,
    agency_id: int | None = None,
    area_code: str | None = None,
    include_closed: bool = False,
    today: dt.date | None = None,
) -> QuerySet[LegalStatusCase]:
    """The cases of the user's areas, each with at_step (a timedelta: today - step_since), the longest at their
    step first; open cases only unless include_closed."""
    cases = LegalStatusCase.objects.filter(status_read_q(user))
    if not include_closed:
        cases = cases.exclude(step__in=FINAL_STEPS)
    if step:
        cases = cases.filter(step=step)
    if agency_id:
        cases = cases.filter(agency_id=agency_id)
    if area_code:
        cases = cases.filter(area__pk__startswith=area_code)
    return (
        cases.annotate(at_step=_days_at_step(today))
        .select_related("member__household", "agency", "area")
        .order_by("step_since", "pk")
    )


def status_case_get(*, user: User, pk: int, channel: str = "web") -> LegalStatusCase:
    """A case with its steps and documents; the read is written to the access log."""
    try:
        case = (
            LegalStatusCase.objects.filter(status_read_q(user))
            .select_related("member__household", "agency", "area__parent")
            .prefetch_related(
                Prefetch("events", queryset=LegalStatusEvent.objects.order_by("happened_on", "pk")),
                Prefetch("documents", queryset=LegalStatusDocument.objects.order_by("kind", "pk")),
            )
            .get(pk=pk)
        )
    except (LegalStatusCase.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    log_access(user, AccessAction.READ, case, channel=channel)
    return case


def status_case_get_for_change(*, user: User, pk: int, channel: str = "web") -> LegalStatusCase:
    case = status_case_get(user=user, pk=pk, channel=channel)
    require_care_write(user, case.area_id)
    return case


def status_document_get(*, user: User, pk: int, channel: str = "web") -> LegalStatusDocument:
    """A document of a case the user reads, to download: the read is written to the access log."""
    try:
        document = (
            LegalStatusDocument.objects.filter(status_read_q(user, "case__area_id"))
            .select_related("case")
            .get(pk=pk)
        )
    except (LegalStatusDocument.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    log_access(
        user, AccessAction.READ, document, channel=channel, detail=f"legal status case {document.case_id}"
    )
    return document


def status_document_get_for_change(*, user: User, pk: int) -> LegalStatusDocument:
    document = status_document_get(user=user, pk=pk)
    require_care_write(user, document.case.area_id)
    return document


@dataclass(frozen=True)
class StuckRow:
    step: str
    label: str
    count: int
    median_days: float | None
    max_days: int | None


def status_stuck(*, user: User, area_code: str | None = None, today: dt.date | None = None) -> list[StuckRow]:
    """Per step of the open cases of the user's areas: how many stand at it and their median and longest days
    there. Counts alone: shown to counts-only roles too."""
    cases = LegalStatusCase.objects.filter(counts_q(user, "area_id")).exclude(step__in=FINAL_STEPS)
    if area_code:
        cases = cases.filter(area__pk__startswith=area_code)
    days: dict[str, list[int]] = {}
    for step, at_step in (
        cases.annotate(at_step=_days_at_step(today)).order_by().values_list("step", "at_step")
    ):
        days.setdefault(step, []).append(at_step.days)
    return [
        StuckRow(
            step=step.value,
            label=str(step.label),
            count=len(days.get(step, [])),
            median_days=statistics.median(days[step]) if days.get(step) else None,
            max_days=max(days[step]) if days.get(step) else None,
        )
        for step in StatusStep
        if step not in FINAL_STEPS
    ]


def member_for_status(*, user: User, pk: int) -> Member:
    """A member to open a legal status case for: one whose records the user may change."""
    try:
        member = Member.objects.filter(status_read_q(user)).select_related("household").get(pk=pk)
    except (Member.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_care_write(user, member.area_id)
    return member
