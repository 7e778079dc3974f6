"""Writes to areas: villages and urban communities added per subdistrict, and regions of provinces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.text import slugify

from sanphalang.accounts.audit import validated_save
from sanphalang.errors import Access
from sanphalang.versions import expect_version

from .errors import AreaError
from .keys import area_paths, area_search_key, area_sort_key
from .models import Area, AreaLevel, Region
from .scoping import require_administrator, require_write

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


def _village_code(subdistrict: Area, *, moo: int | None) -> str:
    if moo is not None:
        return f"{subdistrict.code}{moo:02d}"
    # Urban communities have no official number: C001, C002… after the subdistrict code.
    taken = Area.objects.filter(parent=subdistrict, code__startswith=f"{subdistrict.code}C").count()
    return f"{subdistrict.code}C{taken + 1:03d}"


def village_build(
    subdistrict: Area,
    *,
    code: str,
    name_th: str,
    name_en: str = "",
    moo: int | None,
    kind: str = AreaLevel.VILLAGE,
) -> Area:
    """The unsaved row of a village or urban community of a subdistrict, with its full names and keys."""
    chain = [{"code": code, "level": kind, "name_th": name_th, "name_en": name_en.strip(), "moo": moo}]
    node = subdistrict
    while node is not None and node.level != AreaLevel.COUNTRY:
        chain.append(
            {"code": node.code, "level": node.level, "name_th": node.name_th, "name_en": node.name_en}
        )
        node = node.parent
    path_th, path_en = area_paths(chain)
    return Area(
        code=code,
        level=kind,
        name_th=name_th,
        name_en=name_en.strip(),
        parent=subdistrict,
        moo=moo,
        path_th=path_th,
        path_en=path_en,
        search_key=area_search_key(name_th, name_en),
        sort_key=area_sort_key(name_th),
        is_official=False,
        postal_codes=subdistrict.postal_codes,
    )


@transaction.atomic
def village_create(
    *,
    by: User,
    subdistrict_code: str,
    name_th: str,
    name_en: str = "",
    moo: int | None = None,
    kind: str = AreaLevel.VILLAGE,
) -> Area:
    """Add a village (หมู่ที่ N) or an urban community to a subdistrict."""
    try:
        subdistrict = Area.objects.get(code=subdistrict_code, level=AreaLevel.SUBDISTRICT)
    except Area.DoesNotExist:
        raise AreaError.NO_SUCH_SUBDISTRICT.error("subdistrict_code", code=subdistrict_code) from None
    require_write(by, subdistrict.code)
    if kind not in (AreaLevel.VILLAGE, AreaLevel.COMMUNITY):
        raise AreaError.VILLAGE_KIND.error("kind")
    if kind == AreaLevel.VILLAGE:
        if moo is None or not 1 <= moo <= 99:
            raise AreaError.VILLAGE_NEEDS_MOO.error("moo")
    else:
        moo = None
    name_th = (name_th or "").strip()
    if not name_th:
        raise AreaError.VILLAGE_NEEDS_NAME.error("name_th")
    code = _village_code(subdistrict, moo=moo)
    if Area.objects.filter(code=code).exists():
        raise AreaError.VILLAGE_MOO_TAKEN.error("moo", moo=moo)
    if Area.objects.filter(parent=subdistrict, name_th=name_th).exists():
        raise AreaError.VILLAGE_NAME_TAKEN.error("name_th")
    village = village_build(subdistrict, code=code, name_th=name_th, name_en=name_en, moo=moo, kind=kind)
    validated_save(village, by)
    return village


def _region_provinces(codes: list[str]) -> list[Area]:
    provinces = list(Area.objects.filter(code__in=codes, level=AreaLevel.PROVINCE))
    unknown = sorted(set(codes) - {p.code for p in provinces})
    if unknown:
        raise AreaError.NOT_PROVINCE_CODES.error("provinces", codes=", ".join(unknown))
    if not provinces:
        raise AreaError.REGION_NEEDS_PROVINCE.error("provinces")
    return provinces


@transaction.atomic
def region_create(
    *,
    by: User,
    name_th: str,
    province_codes: list[str],
    name_en: str = "",
    slug: str = "",
    description: str = "",
) -> Region:
    require_administrator(by, Access.ADMINISTRATOR_ONLY_REGIONS)
    provinces = _region_provinces(province_codes)
    region = Region(
        name_th=name_th.strip(),
        name_en=name_en.strip(),
        description=description,
        slug=slug or slugify(name_en or "") or f"region-{Region.objects.count() + 1}",
    )
    validated_save(region, by)
    region.provinces.set(provinces)
    return region


@transaction.atomic
def region_update(
    *, by: User, region: Region, province_codes: list[str] | None = None, version: int | None = None, **fields
) -> Region:
    expect_version(region, version)
    require_administrator(by, Access.ADMINISTRATOR_ONLY_REGIONS)
    for name, value in fields.items():
        setattr(region, name, value)
    validated_save(region, by)
    if province_codes is not None:
        region.provinces.set(_region_provinces(province_codes))
        from sanphalang.accounts.services import users_refresh_scope_of_region

        users_refresh_scope_of_region(region=region)
    return region
