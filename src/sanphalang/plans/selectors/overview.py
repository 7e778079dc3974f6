"""What goes on in one place: a province's plans, agreements, projects, charters and registrations with the
roll-up of its targets; everything under way in one area across the apps (S13); a region's provinces side by side
(S14). Each list comes from the selector of its own app, so each keeps its own access rule."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel, Region
from sanphalang.areas.scoping import scope_for

from ..access import plan_read_q, province_read_q, scope_provinces
from ..models import Agreement, Charter, CharterStage, Plan, ProgressEntry, Project, Registration, TargetSplit

RECENT = 50


def _readable_province(user: User, code: str) -> Area:
    provinces = scope_provinces(user)
    if provinces is not None and code[:2] not in provinces:
        raise Http404
    area = Area.objects.filter(code=code, level=AreaLevel.PROVINCE).first()
    if area is None:
        raise Http404
    return area


def _in(field: str, code: str) -> Q:
    return Q(**{f"{field}__pk__startswith": code})


@dataclass
class ProvinceOverview:
    province: Area
    plans: QuerySet
    agreements: QuerySet
    projects: QuerySet
    charters: QuerySet
    charter_stages: list[tuple[str, str, int]]
    registrations: QuerySet
    years: list[int]


def province_overview(*, user: User, code: str) -> ProvinceOverview:
    province = _readable_province(user, code)
    plans = (
        Plan.objects.filter(plan_read_q(user), _in("area", code))
        .select_related("area")
        .annotate(
            target_count=Count("indicators", distinct=True), project_count=Count("projects", distinct=True)
        )
        .order_by("-year_be", "area_id", "title")
    )
    charters = Charter.objects.filter(province_read_q(user, "area_id"), _in("area", code))
    counts = dict(charters.values_list("stage").annotate(n=Count("id")).order_by())
    return ProvinceOverview(
        province=province,
        plans=plans,
        agreements=Agreement.objects.filter(plan_read_q(user, "plan__") | province_read_q(user, "area_id"))
        .filter(_in("area", code))
        .distinct()
        .select_related("plan")
        .order_by("-signed_on", "title"),
        projects=Project.objects.filter(plan_read_q(user, "plan__") | province_read_q(user, "area_id"))
        .filter(_in("area", code))
        .distinct()
        .select_related("plan", "owner", "area")
        .order_by("-plan__year_be", "name")[:RECENT],
        charters=charters.select_related("area__parent").order_by("area__sort_key")[:RECENT],
        charter_stages=[(stage, label, counts.get(stage, 0)) for stage, label in CharterStage.choices],
        registrations=Registration.objects.filter(province_read_q(user, "area_id"), _in("area", code))
        .select_related("organisation", "fund", "area")
        .order_by("area__sort_key", "pk")[:RECENT],
        years=sorted(set(Plan.objects.filter(area_id=code).values_list("year_be", flat=True)), reverse=True),
    )


@dataclass
class AreaOverview:
    area: Area
    funds: QuerySet
    organisations: QuerySet
    meetings: QuerySet
    action_items: QuerySet
    projects: QuerySet
    targets: QuerySet
    entries: QuerySet
    charters: QuerySet
    registrations: QuerySet


def area_overview(*, user: User, code: str, today: dt.date | None = None) -> AreaOverview:
    """Everything the user may read that goes on in an area and below it, from every app."""
    from sanphalang.directory.selectors import organisation_list
    from sanphalang.meetings.selectors.action_items import action_item_list
    from sanphalang.meetings.selectors.meetings import meeting_list
    from sanphalang.welfare.selectors.registry import fund_list

    area = Area.objects.filter(code=code).select_related("parent__parent").first()
    if area is None or not scope_for(user).covers_with_ancestors(code):
        raise Http404
    today = today or timezone.localdate()
    here = _in("area", code)
    worked_here = Q(areas__code__startswith=code) | here
    return AreaOverview(
        area=area,
        funds=fund_list(user=user).filter(area__pk__startswith=code)[:RECENT],
        organisations=organisation_list(user=user).filter(here).order_by("sort_key")[:RECENT],
        meetings=meeting_list(user=user).filter(_in("body__area", code)).order_by("-held_on")[:RECENT],
        action_items=action_item_list(user=user, status="open", today=today)
        .filter(_in("body__area", code))
        .order_by("due_on")[:RECENT],
        projects=Project.objects.filter(plan_read_q(user, "plan__"))
        .filter(worked_here)
        .distinct()
        .select_related("plan", "owner")
        .order_by("-plan__year_be", "name")[:RECENT],
        targets=TargetSplit.objects.filter(plan_read_q(user, "indicator__plan__"), area_id=code)
        .distinct()
        .select_related("indicator__plan")
        .order_by("-indicator__plan__year_be", "indicator__name"),
        entries=ProgressEntry.objects.filter(plan_read_q(user, "indicator__plan__"), here)
        .distinct()
        .select_related("indicator", "area")
        .order_by("-period_start", "indicator__name")[:RECENT],
        charters=Charter.objects.filter(province_read_q(user, "area_id"), here).order_by("area__sort_key"),
        registrations=Registration.objects.filter(province_read_q(user, "area_id"), here).select_related(
            "organisation", "fund"
        ),
    )


def region_for(*, user: User, slug: str) -> Region:
    """A region whose provinces include one the user works in (everyone reads regions; their figures only there)."""
    region = Region.objects.filter(slug=slug).prefetch_related("provinces").first()
    if region is None:
        raise Http404
    provinces = scope_provinces(user)
    if provinces is not None and not {p.code for p in region.provinces.all()} & set(provinces):
        raise Http404
    return region


def region_years(*, user: User, region: Region) -> list[int]:
    """The years of the plans of the region or of its provinces that the user reads, latest first."""
    codes = [p.code for p in region.provinces.all()]
    years = (
        Plan.objects.filter(plan_read_q(user))
        .filter(Q(area_id__in=codes) | Q(region=region))
        .values_list("year_be", flat=True)
    )
    return sorted(set(years), reverse=True)


def region_plans(*, user: User, region: Region, year_be: int) -> QuerySet:
    codes = [p.code for p in region.provinces.all()]
    return (
        Plan.objects.filter(plan_read_q(user))
        .filter(Q(area_id__in=codes) | Q(region=region), year_be__in=[year_be, year_be - 1])
        .distinct()
        .select_related("area", "region")
        .order_by("-year_be", "area_id", "title")
    )
