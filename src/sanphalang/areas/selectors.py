"""Reads of areas. The areas themselves are public reference data; what lies in them is scoped elsewhere."""

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from sanphalang.thai.digits import parse_number
from sanphalang.thai.matching import area_search_q

from .models import Area, AreaLevel, Region

_LEVEL_RANK = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(AreaLevel.values)),
    output_field=IntegerField(),
)


def area_search(*, query: str = "", level: str | None = None, within: str | None = None,
                include_inactive: bool = False) -> QuerySet[Area]:
    qs = Area.objects.all()
    if query and parse_number(query).isdigit():
        qs = qs.filter(code__startswith=parse_number(query))
    elif query:
        qs = qs.filter(area_search_q(query))
    if level:
        qs = qs.filter(level=level)
    if within:
        qs = qs.filter(code__startswith=within)
    if not include_inactive:
        qs = qs.filter(is_active=True)
    if level:
        return qs.order_by("sort_key", "code")
    return qs.annotate(level_rank=_LEVEL_RANK).order_by("level_rank", "sort_key", "code")


def area_children(*, area: Area) -> QuerySet[Area]:
    return area.children.filter(is_active=True).order_by("sort_key", "code")


def area_get(*, code: str) -> Area:
    return get_object_or_404(Area.objects.select_related("parent__parent__parent"), code=code)


def area_path(area: Area) -> list[Area]:
    """The area and its ancestors below the country, top first."""
    chain = []
    node = area
    while node is not None and node.level != AreaLevel.COUNTRY:
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


def province_list() -> QuerySet[Area]:
    return Area.objects.filter(level=AreaLevel.PROVINCE).order_by("sort_key")


def region_list() -> QuerySet[Region]:
    return Region.objects.prefetch_related("provinces").order_by("name_th")
