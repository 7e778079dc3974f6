"""Reads of disaster-risk areas (S6): the watch list of an area with its filters, an entry's incidents per year,
an incident's page (the households it hit, shown by the people rules; the help and fund payments it caused), and
a province's risk calendar. Watch lists and incidents are read in the user's areas and below."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils import timezone

from sanphalang.accounts.audit import log_reads
from sanphalang.accounts.models import User

from ..access import people_q, require_risk_read, require_risk_write, risk_read_q
from ..models import (
    AffectedHousehold,
    FundRequest,
    Hazard,
    Help,
    Incident,
    Member,
    Relationship,
    RequestStatus,
    RiskArea,
)
from .shown import HouseholdShown, MemberShown, household_shown, member_shown


def in_season_q(month: int) -> Q:
    """Entries whose season holds the month, as RiskArea.in_season says, for a season over the new year too."""
    within = Q(season_starts__lte=F("season_ends")) & Q(season_starts__lte=month, season_ends__gte=month)
    wraps = Q(season_starts__gt=F("season_ends")) & (Q(season_starts__lte=month) | Q(season_ends__gte=month))
    return within | wraps


def risk_area_list(
    *,
    user: User,
    area_code: str | None = None,
    hazard: str | None = None,
    in_season_now: bool = False,
    active_only: bool = True,
    today: dt.date | None = None,
) -> QuerySet[RiskArea]:
    """The watch list of the user's areas (under area_code when given), by area."""
    entries = RiskArea.objects.filter(risk_read_q(user))
    if area_code:
        entries = entries.filter(area__pk__startswith=area_code)
    if hazard:
        entries = entries.filter(hazard=hazard)
    if active_only:
        entries = entries.filter(is_active=True)
    if in_season_now:
        entries = entries.filter(in_season_q((today or timezone.localdate()).month))
    return (
        entries.annotate(incident_count=Count("incidents"))
        .select_related("area__parent")
        .order_by("area__sort_key", "hazard", "pk")
    )


def risk_area_get(*, user: User, pk: int) -> RiskArea:
    try:
        return RiskArea.objects.filter(risk_read_q(user)).select_related("area__parent").get(pk=pk)
    except (RiskArea.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def risk_area_get_for_change(*, user: User, pk: int) -> RiskArea:
    risk_area = risk_area_get(user=user, pk=pk)
    require_risk_write(user, risk_area.area_id)
    return risk_area


def risk_area_history(*, user: User, risk_area: RiskArea) -> list[dict]:
    """How many incidents hit the entry each year (Christian year; the page shows it in BE), latest first."""
    return list(
        Incident.objects.filter(risk_read_q(user), risk_area=risk_area)
        .annotate(year=ExtractYear("occurred_on"))
        .order_by()
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )


def incident_list(
    *, user: User, area_code: str | None = None, hazard: str | None = None, risk_area: RiskArea | None = None
) -> QuerySet[Incident]:
    incidents = Incident.objects.filter(risk_read_q(user))
    if area_code:
        incidents = incidents.filter(area__pk__startswith=area_code)
    if hazard:
        incidents = incidents.filter(hazard=hazard)
    if risk_area is not None:
        incidents = incidents.filter(risk_area=risk_area)
    return (
        incidents.annotate(household_count=Count("affected"))
        .select_related("area__parent", "risk_area")
        .order_by("-occurred_on", "-pk")
    )


def incident_get(*, user: User, pk: int) -> Incident:
    try:
        return (
            Incident.objects.filter(risk_read_q(user)).select_related("area__parent", "risk_area").get(pk=pk)
        )
    except (Incident.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def incident_get_for_change(*, user: User, pk: int) -> Incident:
    incident = incident_get(user=user, pk=pk)
    require_risk_write(user, incident.area_id)
    return incident


def affected_get_for_change(*, user: User, pk: int) -> AffectedHousehold:
    try:
        affected = (
            AffectedHousehold.objects.filter(risk_read_q(user, "incident__area_id"))
            .select_related("incident", "household")
            .get(pk=pk)
        )
    except (AffectedHousehold.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    require_risk_write(user, affected.incident.area_id)
    return affected


@dataclass(frozen=True)
class AffectedShown:
    pk: int
    household: HouseholdShown
    head: MemberShown | None
    damage: str


@dataclass(frozen=True)
class HelpShown:
    kind: str
    description: str | None  # None when the reader may not see the case's household
    amount: Decimal | None
    given_on: dt.date


@dataclass(frozen=True)
class PaymentShown:
    paid_on: dt.date
    amount: Decimal  # baht paid out (positive)


@dataclass
class IncidentPage:
    incident: Incident
    affected: list[AffectedShown] = field(default_factory=list)  # the households the reader sees
    affected_count: int = 0  # all of them, seen or not
    help: list[HelpShown] = field(default_factory=list)
    help_total: Decimal = Decimal(0)
    payments: list[PaymentShown] = field(default_factory=list)
    paid_total: Decimal = Decimal(0)

    @property
    def hidden_count(self) -> int:
        return self.affected_count - len(self.affected)


def incident_page(*, user: User, incident: Incident, channel: str = "web") -> IncidentPage:
    """What an incident's page shows: the households it hit that the reader may see (through the people rules,
    each read written to the access log), how many there are in all, the help given and the fund payments it
    caused, with their totals. Read only: the cases and the fund record these."""
    require_risk_read(user, incident.area_id)
    page = IncidentPage(incident=incident)
    rows = list(
        AffectedHousehold.objects.filter(incident=incident)
        .filter(people_q(user, "household__area_id"))
        .select_related("household")
        .order_by("household__area_id", "household_id")
    )
    page.affected_count = AffectedHousehold.objects.filter(incident=incident).count()
    heads = {
        member.household_id: member
        for member in Member.objects.filter(
            household__in=[row.household_id for row in rows], relationship=Relationship.HEAD
        ).order_by("-id")
    }
    for row in rows:
        head = heads.get(row.household_id)
        page.affected.append(
            AffectedShown(
                pk=row.pk,
                household=household_shown(user=user, household=row.household),
                head=member_shown(user=user, member=head) if head else None,
                damage=row.damage,
            )
        )
    log_reads(user, [row.household for row in rows], channel=channel, detail=f"incident {incident.pk}")
    seen_cases = set(
        Help.objects.filter(incident=incident)
        .filter(people_q(user, "case__area_id"))
        .values_list("pk", flat=True)
    )
    for help_ in Help.objects.filter(incident=incident).order_by("given_on", "pk"):
        page.help.append(
            HelpShown(
                kind=help_.get_kind_display(),
                description=help_.description if help_.pk in seen_cases else None,
                amount=help_.amount,
                given_on=help_.given_on,
            )
        )
        page.help_total += help_.amount or 0
    paid = FundRequest.objects.filter(incident=incident, status=RequestStatus.PAID, payment__isnull=False)
    for request in paid.select_related("payment").order_by("payment__entered_on", "pk"):
        amount = -request.payment.amount
        page.payments.append(PaymentShown(paid_on=request.payment.entered_on, amount=amount))
        page.paid_total += amount
    return page


@dataclass(frozen=True)
class CalendarRow:
    hazard: str
    label: str
    months: list[int]  # twelve counts, January first


def risk_calendar(*, user: User, province_code: str) -> list[CalendarRow]:
    """For a province: per hazard, how many active watch-list entries of the user's areas are in season each
    month (a season over the new year counts in the months on both sides of it)."""
    seasons = (
        RiskArea.objects.filter(risk_read_q(user), area__pk__startswith=province_code, is_active=True)
        .order_by()
        .values_list("hazard", "season_starts", "season_ends")
    )
    counts: dict[str, list[int]] = {}
    probe = RiskArea()
    for hazard, starts, ends in seasons:
        row = counts.setdefault(hazard, [0] * 12)
        probe.season_starts, probe.season_ends = starts, ends
        for month in range(1, 13):
            if probe.in_season(month):
                row[month - 1] += 1
    return [
        CalendarRow(hazard=hazard.value, label=str(hazard.label), months=counts[hazard])
        for hazard in Hazard
        if hazard in counts
    ]
