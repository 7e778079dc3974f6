"""Reads of areas. The areas themselves are public reference data; what lies in them is scoped elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from sanphalang.thai.digits import parse_number
from sanphalang.thai.matching import area_search_q

from .models import Area, AreaLevel, Region
from .scoping import require_write

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

_LEVEL_RANK = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(AreaLevel.values)),
    output_field=IntegerField(),
)


def area_search(
    *, query: str = "", level: str | None = None, within: str | None = None, include_inactive: bool = False
) -> QuerySet[Area]:
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


def subdistrict_get_for_change(*, user: User, code: str) -> Area:
    """The subdistrict, when the user may add villages to it (else AccessDenied); 404 for any other area."""
    area = area_get(code=code)
    if area.level != AreaLevel.SUBDISTRICT:
        raise Http404(_("Villages are added to a subdistrict."))
    require_write(user, area.code)
    return area


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
