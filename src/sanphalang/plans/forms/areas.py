"""The areas a plan's forms offer: the plan's area and the districts and tambons inside it (a region's provinces
and theirs), by code."""

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.web.areas import area_label

from ..access import plan_province_codes

PLAN_AREA_LEVELS = (AreaLevel.PROVINCE, AreaLevel.DISTRICT, AreaLevel.SUBDISTRICT)


def areas_of_plan(plan) -> QuerySet[Area]:
    if plan.region_id:
        inside = reduce(or_, (Q(code__startswith=code) for code in plan_province_codes(plan)), Q(pk__in=[]))
    else:
        inside = Q(code__startswith=plan.area_id)
    return (
        Area.objects.filter(inside, level__in=PLAN_AREA_LEVELS, is_active=True)
        .select_related("parent__parent")
        .order_by("code")
    )


def area_choices(plan) -> list[tuple[str, str]]:
    return [(area.code, area_label(area)) for area in areas_of_plan(plan)]
