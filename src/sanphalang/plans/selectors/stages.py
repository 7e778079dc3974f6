"""Reads of area charters (S4) and registrations (S10): read by anyone who works in their province, changed by those
who may write their area; and the rows that targets counting charters and registrations are fed from."""

import datetime as dt

from django.db.models import Count, DateField, Min, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from sanphalang.accounts.models import User
from sanphalang.areas.scoping import require_write

from ..access import province_read_q
from ..models import Charter, CharterStage, Registration, RegistrationStage, StageEvent
from ..models.stages import CHARTER_ENACTED_STAGES

# How far ahead a registration counts as due for renewal.
RENEWAL_DUE_DAYS = 90


def _events() -> Prefetch:
    return Prefetch(
        "events", queryset=StageEvent.objects.select_related("recorded_by").order_by("happened_on", "pk")
    )


def _within(queryset: QuerySet, province_code: str | None, district_code: str | None) -> QuerySet:
    for code in (province_code, district_code):
        if code:
            queryset = queryset.filter(area__pk__startswith=code)
    return queryset


# ---- charters


def charter_list(
    *,
    user: User,
    province_code: str | None = None,
    district_code: str | None = None,
    stage: str | None = None,
) -> QuerySet[Charter]:
    """The charters of the provinces the user works in, by subdistrict."""
    charters = _within(Charter.objects.filter(province_read_q(user, "area_id")), province_code, district_code)
    if stage:
        charters = charters.filter(stage=stage)
    return charters.select_related("area__parent", "adopted_by").order_by("area__sort_key", "pk")


def charter_get(*, user: User, pk: int) -> Charter:
    try:
        return (
            Charter.objects.filter(province_read_q(user, "area_id"))
            .select_related("area__parent__parent", "adopted_by__area")
            .prefetch_related(_events())
            .get(pk=pk)
        )
    except (Charter.DoesNotExist, ValueError):
        raise Http404 from None


def charter_get_for_change(*, user: User, pk: int) -> Charter:
    """A charter, if the user may write its subdistrict."""
    charter = charter_get(user=user, pk=pk)
    require_write(user, charter.area_id)
    return charter


def stage_summary(*, user: User, province_code: str) -> list[dict]:
    """How many of the province's charters are at each stage, in the stages' order (every stage, 0 included), in
    one grouped query: Chumphon's 5 enacted and 2 in hearing."""
    counts = dict(
        charter_list(user=user, province_code=province_code)
        .order_by()
        .values_list("stage")
        .annotate(count=Count("pk"))
    )
    return [
        {"stage": stage, "label": str(stage.label), "count": counts.get(stage, 0)} for stage in CharterStage
    ]


# ---- registrations


def registration_list(
    *,
    user: User,
    province_code: str | None = None,
    district_code: str | None = None,
    stage: str | None = None,
    law: str | None = None,
    renewal_due: bool = False,
) -> QuerySet[Registration]:
    """The registrations of the provinces the user works in; renewal_due keeps those held now whose renewal date
    falls within RENEWAL_DUE_DAYS from today (or has passed)."""
    registrations = _within(
        Registration.objects.filter(province_read_q(user, "area_id")), province_code, district_code
    )
    if stage:
        registrations = registrations.filter(stage=stage)
    if law:
        registrations = registrations.filter(law=law)
    if renewal_due:
        registrations = registrations.filter(
            stage__in=(RegistrationStage.REGISTERED, RegistrationStage.RENEWED),
            expires_on__lte=timezone.localdate() + dt.timedelta(days=RENEWAL_DUE_DAYS),
        )
    return registrations.select_related("area__parent", "organisation", "fund", "authority").order_by(
        "area__sort_key", "pk"
    )


def registration_get(*, user: User, pk: int) -> Registration:
    try:
        return (
            Registration.objects.filter(province_read_q(user, "area_id"))
            .select_related("area__parent__parent", "organisation__area", "fund__area", "authority__area")
            .prefetch_related(_events())
            .get(pk=pk)
        )
    except (Registration.DoesNotExist, ValueError):
        raise Http404 from None


def registration_get_for_change(*, user: User, pk: int) -> Registration:
    """A registration, if the user may write the area of what registers."""
    registration = registration_get(user=user, pk=pk)
    require_write(user, registration.area_id)
    return registration


# ---- stages reached, of either kind


def _readable_events(user: User) -> QuerySet[StageEvent]:
    return StageEvent.objects.filter(
        (Q(charter__isnull=False) & province_read_q(user, "charter__area_id"))
        | (Q(registration__isnull=False) & province_read_q(user, "registration__area_id"))
    ).select_related("charter", "registration")


def stage_event_get(*, user: User, pk: int) -> StageEvent:
    try:
        return _readable_events(user).get(pk=pk)
    except (StageEvent.DoesNotExist, ValueError):
        raise Http404 from None


def stage_event_get_for_change(*, user: User, pk: int) -> StageEvent:
    """A stage reached, if the user may write the area of its charter or registration."""
    event = stage_event_get(user=user, pk=pk)
    require_write(user, (event.charter or event.registration).area_id)
    return event


def stage_document_get(*, user: User, pk: int) -> StageEvent:
    """A stage reached that holds a document, to download: of a record of the user's provinces."""
    try:
        return _readable_events(user).exclude(document="").get(pk=pk)
    except (StageEvent.DoesNotExist, ValueError):
        raise Http404 from None


# ---- the rows that counted targets read (plans/counting.py): aggregate counts, for no one user


def _prefixes_q(area_prefixes: list[str] | None) -> Q:
    q = Q()
    for prefix in area_prefixes or ():
        q |= Q(area__pk__startswith=prefix)
    return q


def charters_enacted_rows(
    *, area_prefixes: list[str] | None, starts_on: dt.date, ends_on: dt.date
) -> QuerySet:
    """One row {area_id, happened_on} per charter first enacted in the period: the date of its first ENACTED
    event, or, for a charter recorded only from a later stage (in force, revised), the first of those. None for
    area_prefixes means all of Thailand."""
    enacted = Min("events__happened_on", filter=Q(events__stage=CharterStage.ENACTED))
    later = Min("events__happened_on", filter=Q(events__stage__in=CHARTER_ENACTED_STAGES))
    return (
        Charter.objects.filter(_prefixes_q(area_prefixes))
        .annotate(happened_on=Coalesce(enacted, later, output_field=DateField()))
        .filter(happened_on__gte=starts_on, happened_on__lte=ends_on)
        .order_by()
        .values("area_id", "happened_on")
    )


def registrations_completed_rows(
    *, area_prefixes: list[str] | None, starts_on: dt.date, ends_on: dt.date, law: str | None = None
) -> QuerySet:
    """One row {area_id, happened_on} per registration first registered in the period (under law, if given)."""
    registrations = Registration.objects.filter(_prefixes_q(area_prefixes))
    if law:
        registrations = registrations.filter(law=law)
    return (
        registrations.annotate(
            happened_on=Min("events__happened_on", filter=Q(events__stage=RegistrationStage.REGISTERED))
        )
        .filter(happened_on__gte=starts_on, happened_on__lte=ends_on)
        .order_by()
        .values("area_id", "happened_on")
    )
