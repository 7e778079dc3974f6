"""Reads of the fund registry; each takes the user and returns only the funds of their areas."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.areas.selectors import area_search
from sanphalang.thai.matching import name_search_q
from sanphalang.web.areas import AREA_OPTION_LIMIT

from ..models import AuditVisit, Fund, LinkDecision, Settlement, SourceRecord


def fund_list(
    *,
    user: User,
    search: str = "",
    district: str | None = None,
    status: str | None = None,
    missing_from: int | None = None,
) -> QuerySet[Fund]:
    """The funds of the user's areas; missing_from (a source's id) keeps those that source does not list (S9)."""
    qs = Fund.objects.filter(scope_for(user).subtree_q("area_id"))
    if missing_from:
        qs = qs.exclude(source_records__source_id=missing_from)
    if search:
        qs = qs.filter(name_search_q(search))
    if district:
        qs = qs.filter(area__pk__startswith=district)
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("area__parent__parent").annotate(
        record_count=Count("source_records", distinct=True),
        review_count=Count("source_records", filter=Q(source_records__needs_review=True), distinct=True),
    )


def fund_get(*, user: User, pk: int) -> Fund:
    try:
        return (
            Fund.objects.filter(scope_for(user).subtree_q("area_id"))
            .select_related("area__parent__parent", "organisation")
            .prefetch_related(
                "years",
                "networks",
                Prefetch(
                    "source_records",
                    queryset=SourceRecord.objects.select_related("source").order_by("source__name", "row"),
                ),
                Prefetch(
                    "settlements",
                    queryset=Settlement.objects.select_related("decided_by", "from_record__source"),
                ),
                Prefetch("link_decisions", queryset=LinkDecision.objects.select_related("decided_by")),
            )
            .get(pk=pk)
        )
    except (Fund.DoesNotExist, ValueError):
        raise Http404 from None


def fund_get_for_change(*, user: User, pk: int) -> Fund:
    """The fund as fund_get reads it, if the user may change it; AccessDenied if they may only read it."""
    fund = fund_get(user=user, pk=pk)
    require_write(user, fund.area_id)
    return fund


def fund_area_options(*, user: User, query: str) -> QuerySet[Area]:
    """Subdistricts of the user's areas matching what they type, for a fund's area."""
    return (
        area_search(query=query, level=AreaLevel.SUBDISTRICT)
        .filter(scope_for(user).subtree_q("code"))
        .select_related("parent__parent")[:AREA_OPTION_LIMIT]
    )


def district_choices(*, user: User) -> list[tuple[str, str]]:
    """Districts that hold funds the user can see."""
    codes = {
        code[:4]
        for code in Fund.objects.filter(scope_for(user).subtree_q("area_id"))
        .values_list("area_id", flat=True)
        .distinct()
        if len(code) >= 4
    }
    return [(a.code, a.display_name) for a in Area.objects.filter(code__in=codes).order_by("sort_key")]


def tambon_activity(*, user: User, fund: Fund) -> dict:
    """What else goes on in the fund's subdistrict (S13), drawn from the other apps: the organisations there and in
    its villages with their issues, the fund's partners, the councils and bodies and their latest meetings, and the
    fund's audit visits."""
    from sanphalang.directory.selectors import organisation_list
    from sanphalang.meetings.selectors.bodies import body_list
    from sanphalang.meetings.selectors.meetings import meeting_list

    organisations = organisation_list(user=user, within=fund.area_id).exclude(pk=fund.organisation_id or 0)
    partners = (
        organisation_list(user=user).filter(partners=fund.organisation_id) if fund.organisation_id else None
    )
    bodies = body_list(user=user).filter(area__pk__startswith=fund.area_id)
    return {
        "organisations": list(
            organisations.prefetch_related("issue_areas").order_by("kind", "sort_key")[:50]
        ),
        "partners": list(partners.order_by("sort_key")[:50]) if partners is not None else [],
        "bodies": list(bodies[:50]),
        "meetings": list(meeting_list(user=user).filter(body__in=bodies).order_by("-held_on")[:5]),
        "audit_visits": list(
            AuditVisit.objects.filter(scope_for(user).subtree_q("fund__area_id"), fund=fund)
            .select_related("round")
            .annotate(open_findings=Count("findings", filter=Q(findings__closed_on__isnull=True)))
            .order_by("-round__starts_on")
        ),
    }
