"""Reads of audit rounds and visits (S11): rounds of the user's provinces, visits to funds of the user's areas."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.directory.models import Person
from sanphalang.thai.matching import name_search_q

from ..models import AuditRound, AuditVisit, Finding, Fund


def _province_q(user: User, field: str) -> Q:
    """A round belongs to a province; anyone who works somewhere in that province reads it."""
    scope = scope_for(user)
    if scope.national:
        return Q()
    return Q(**{f"{field}__in": sorted({prefix[:2] for prefix in scope.prefixes})})


def province_choices(*, user: User) -> list[tuple[str, str]]:
    provinces = Area.objects.filter(_province_q(user, "code"), level=AreaLevel.PROVINCE).order_by("sort_key")
    return [(a.code, a.display_name) for a in provinces]


def audit_round_list(*, user: User) -> QuerySet[AuditRound]:
    """Rounds of the user's provinces, counting the visits to the funds the user can see, as the round's page does."""
    visible = scope_for(user).subtree_q("visits__fund__area_id")
    return (
        AuditRound.objects.filter(_province_q(user, "province_id"))
        .select_related("province")
        .annotate(
            planned_count=Count("visits", filter=visible, distinct=True),
            visited_count=Count(
                "visits", filter=visible & Q(visits__visited_on__isnull=False), distinct=True
            ),
        )
        .order_by("-starts_on", "pk")
    )


def audit_round_get(*, user: User, pk: int) -> AuditRound:
    try:
        return (
            AuditRound.objects.filter(_province_q(user, "province_id")).select_related("province").get(pk=pk)
        )
    except (AuditRound.DoesNotExist, ValueError):
        raise Http404 from None


def audit_round_get_for_change(*, user: User, pk: int) -> AuditRound:
    """A round, if the user may write its province: only they rename it, move it or edit its checklist."""
    audit_round = audit_round_get(user=user, pk=pk)
    require_write(user, audit_round.province_id)
    return audit_round


def audit_visit_list(*, user: User, audit_round: AuditRound) -> QuerySet[AuditVisit]:
    """The round's visits to funds the user can see, with the number of findings still open."""
    return (
        AuditVisit.objects.filter(scope_for(user).subtree_q("fund__area_id"), round=audit_round)
        .select_related("fund__area")
        .prefetch_related(Prefetch("team", queryset=Person.objects.order_by("first_name")))
        .annotate(
            open_findings=Count("findings", filter=Q(findings__closed_on__isnull=True)),
            finding_count=Count("findings"),
        )
        .order_by("planned_on", "fund__sort_key", "pk")
    )


def audit_visit_get(*, user: User, pk: int) -> AuditVisit:
    try:
        return (
            AuditVisit.objects.filter(scope_for(user).subtree_q("fund__area_id"))
            .select_related("round__province", "fund__area")
            .prefetch_related(
                "team",
                Prefetch("findings", queryset=Finding.objects.select_related("settlement").order_by("pk")),
            )
            .get(pk=pk)
        )
    except (AuditVisit.DoesNotExist, ValueError):
        raise Http404 from None


def audit_visit_get_for_change(*, user: User, pk: int) -> AuditVisit:
    """A visit, if the user may write its fund's area."""
    visit = audit_visit_get(user=user, pk=pk)
    require_write(user, visit.fund.area_id)
    return visit


def finding_get_for_change(*, user: User, pk: int) -> Finding:
    """A finding, if the user may write the area of its visit's fund."""
    finding = finding_get(user=user, pk=pk)
    require_write(user, finding.visit.fund.area_id)
    return finding


def finding_get(*, user: User, pk: int) -> Finding:
    try:
        return (
            Finding.objects.filter(scope_for(user).subtree_q("visit__fund__area_id"))
            .select_related("visit__round", "visit__fund", "settlement")
            .get(pk=pk)
        )
    except (Finding.DoesNotExist, ValueError):
        raise Http404 from None


def plannable_funds(*, user: User, audit_round: AuditRound) -> QuerySet[Fund]:
    """Funds of the round's province that the user can see and that the round does not visit yet."""
    return (
        Fund.objects.filter(
            scope_for(user).subtree_q("area_id"), area__pk__startswith=audit_round.province_id
        )
        .exclude(audit_visits__round=audit_round)
        .select_related("area__parent")
        .order_by("sort_key", "pk")
    )


def plannable_fund_search(*, user: User, audit_round: AuditRound, query: str) -> QuerySet[Fund]:
    """The plannable funds whose name, or whose subdistrict's or district's name, holds what the user typed."""
    funds = plannable_funds(user=user, audit_round=audit_round)
    if not query:
        return funds
    return funds.filter(
        name_search_q(query)
        | Q(name_th__icontains=query)
        | Q(area__name_th__icontains=query)
        | Q(area__parent__name_th__icontains=query)
    )


def team_candidates(*, user: User, visit: AuditVisit | None = None) -> QuerySet[Person]:
    """People the user may assign to a visit team: those registered in the user's areas, and those already on the
    visit's team (a colleague with wider areas may have put them there; they stay unless taken off)."""
    scope = scope_for(user)
    people = Person.objects.order_by("first_name", "last_name", "pk")
    if scope.national:  # checked first: an empty Q OR-ed with another is dropped, which would narrow the list
        return people
    wanted = scope.subtree_q("area_id")
    if visit is not None:
        wanted |= Q(pk__in=AuditVisit.team.through.objects.filter(auditvisit=visit).values("person"))
    return people.filter(wanted)
