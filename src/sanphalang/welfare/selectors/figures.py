"""Reads of the funds and their yearly figures rolled up by district, province, region or the country."""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, FilteredRelation, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.http import Http404
from django.utils.translation import gettext as _

from sanphalang.accounts.models import User
from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel, Region
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.thai.collation import thai_sort_key

from ..errors import WelfareError
from ..models import (
    AGE_GROUP_FIELDS,
    BENEFIT_FIELDS,
    FIGURE_FIELDS,
    MATCHING_FIELDS,
    MONEY_FIELDS,
    Fund,
    FundYear,
)
from .registry import fund_get

ROLLUP_LEVELS = ("district", "province", "region", "country")
NO_REGION = ""
SATANG = Decimal("0.01")
COMPARED_FIELDS = ("members", "savings", "balance")


def fund_year_get_for_change(*, user: User, fund_pk: int, year_be: int) -> FundYear:
    """A fund's year of figures, if the user may change the fund; 404 if there is none, AccessDenied if they may
    only read it."""
    year = fund_year_of(fund_get(user=user, pk=fund_pk), year_be)
    require_write(user, year.fund.area_id)
    return year


def fund_year_of(fund: Fund, year_be: int) -> FundYear:
    """A year of figures of a fund read through fund_get (its years are prefetched); 404 if it has none."""
    year = next((y for y in fund.years.all() if y.year_be == year_be), None)
    if year is None:
        raise Http404
    return year


def _rollup_by_prefix(funds, length: int) -> list[dict]:
    return list(
        funds.annotate(code=Substr("area_id", 1, length))
        .values("code")
        .annotate(funds=Count("id"), members=Sum("members"))
        .order_by("code")
    )


def province_regions(province_codes) -> dict[str, list[tuple[str, str]]]:
    """The (slug, name) of each province's regions; a province in no region gets the one "no region" row, so that
    nothing drops out of a roll-up by region."""
    memberships = list(
        Region.provinces.through.objects.filter(area_id__in=list(province_codes)).values_list(
            "region_id", "area_id"
        )
    )
    names = {r.pk: (r.slug, str(r)) for r in Region.objects.filter(pk__in={rid for rid, _c in memberships})}
    regions_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for region_id, province_code in memberships:
        regions_of[province_code].append(names[region_id])
    return {
        code: regions_of.get(code) or [(NO_REGION, _("Provinces in no region"))] for code in province_codes
    }


def _region_sort_key(row: dict) -> tuple:
    return row["code"] == NO_REGION, thai_sort_key(row["name"])


def _rollup_by_region(funds) -> list[dict]:
    """Per region, the sum of its provinces; a province in several regions counts in each."""
    provinces = _rollup_by_prefix(funds, 2)
    regions = province_regions([p["code"] for p in provinces])
    totals: dict[str, dict] = {}
    for province in provinces:
        for code, name in regions[province["code"]]:
            row = totals.setdefault(code, {"code": code, "name": name, "funds": 0, "members": 0})
            row["funds"] += province["funds"]
            row["members"] += province["members"] or 0
    return sorted(totals.values(), key=_region_sort_key)


def fund_rollup(*, user: User, level: str = "district") -> list[dict]:
    """Funds and members per district, province, region or for the country, from the funds the user can see.

    Each level is one grouped query (region adds one read of the region memberships), however many rows.
    """
    if level not in ROLLUP_LEVELS:
        raise WelfareError.ROLLUP_LEVEL_UNKNOWN.error("level")
    funds = Fund.objects.filter(scope_for(user).subtree_q("area_id")).order_by()
    if level == "region":
        return _rollup_by_region(funds)
    if level == "country":
        totals = funds.aggregate(funds=Count("id"), members=Sum("members"))
        if not totals["funds"]:
            return []
        return [
            {
                "code": COUNTRY_CODE,
                "name": _("Thailand"),
                "funds": totals["funds"],
                "members": totals["members"] or 0,
            }
        ]
    rows = _rollup_by_prefix(funds, {"province": 2, "district": 4}[level])
    names = dict(Area.objects.filter(code__in=[r["code"] for r in rows]).values_list("code", "name_th"))
    for row in rows:
        row["name"] = names.get(row["code"], row["code"])
        row["members"] = row["members"] or 0
    return rows


def years_reported(*, user: User) -> list[int]:
    """The years (BE) for which any fund the user can see has figures, latest first."""
    return list(
        FundYear.objects.filter(scope_for(user).subtree_q("fund__area_id"))
        .order_by("-year_be")
        .values_list("year_be", flat=True)
        .distinct()
    )


def _in_satang(row: dict) -> dict:
    # SQLite sums decimals as floats; every database's sums come back to two places, as the figures were entered.
    for name in MONEY_FIELDS:
        if row.get(name) is not None and not isinstance(row[name], Decimal):
            row[name] = Decimal(str(row[name])).quantize(SATANG)
    return row


def _by_code(queryset: QuerySet, level: str, **sums) -> dict[str, dict]:
    """Sums of yearly rows grouped by the area code of a partitioning level (district or province)."""
    length = 4 if level == "district" else 2
    grouped = queryset.annotate(code=Substr("fund__area_id", 1, length)).values("code").annotate(**sums)
    return {row.pop("code"): row for row in grouped}


def _partition(level: str) -> str:
    # Districts and provinces each divide the country; a region or the country is summed from provinces.
    return "district" if level == "district" else "province"


def _to_level(rows: dict[str, dict], level: str, regions: dict | None = None) -> dict[str, dict]:
    """Rows of the partitioning level summed up to the level asked for; a province in several regions counts in
    each, as the funds roll-up does (regions: province_regions of the rows, if already read)."""
    if level in ("district", "province"):
        return rows
    totals: dict[str, dict] = {}
    if level == "country":
        for row in rows.values():
            add_figures(totals.setdefault(COUNTRY_CODE, {}), row)
        return totals
    regions = regions if regions is not None else province_regions(rows)
    for province_code, row in rows.items():
        for code, _name in regions[province_code]:
            add_figures(totals.setdefault(code, {}), row)
    return totals


def _years(user: User, *years: int) -> QuerySet:
    return FundYear.objects.filter(scope_for(user).subtree_q("fund__area_id"), year_be__in=years).order_by()


def figures_rollup(*, user: User, level: str, year_be: int) -> dict[str, dict]:
    """Per area code of the level (district, province, region slug or the country), the year's figures summed over
    the funds that reported them: {"reporting": funds, "members": …, "savings": …, …}.

    One grouped query by district or province; regions and the country are summed from the provinces.
    """
    rows = _by_code(
        _years(user, year_be),
        _partition(level),
        reporting=Count("fund_id"),
        **{name: Sum(name) for name in FIGURE_FIELDS},
    )
    return {code: _in_satang(row) for code, row in _to_level(rows, level).items()}


def add_figures(total: dict, row: dict) -> dict:
    """Add one area's figures into a running total (a region's, from its provinces)."""
    for name in ("reporting", *FIGURE_FIELDS):
        if row.get(name) is not None:
            total[name] = (total.get(name) or 0) + row[name]
    return total


def matching_total(row: dict) -> Decimal | None:
    values = [row.get(name) for name in MATCHING_FIELDS if row.get(name) is not None]
    return sum(values, Decimal(0)) if values else None


def benefits_total(row: dict) -> Decimal | None:
    values = [row.get(name) for name in BENEFIT_FIELDS if row.get(name) is not None]
    return sum(values, Decimal(0)) if values else None


def _labelled(year, names) -> list[tuple[str, object]]:
    return [
        (FundYear._meta.get_field(name).verbose_name, getattr(year, name))
        for name in names
        if getattr(year, name) is not None
    ]


def year_rows(years) -> list[dict]:
    """Each year's figures as the fund page shows them: totals with their parts named."""
    rows = []
    for year in years:
        values = {name: getattr(year, name) for name in FIGURE_FIELDS}
        rows.append(
            {
                "year": year,
                "matching_total": matching_total(values),
                "benefits_total": benefits_total(values),
                "age_groups": _labelled(year, AGE_GROUP_FIELDS),
                "matching": _labelled(year, MATCHING_FIELDS),
                "benefits": _labelled(year, BENEFIT_FIELDS),
            }
        )
    return rows


def _change(now, before) -> Decimal | None:
    """The change from one year to the next in per cent, one decimal; None where either year is unknown or zero."""
    if now is None or not before:
        return None
    return (Decimal(now - before) * 100 / Decimal(before)).quantize(Decimal("0.1"))


def _grouped_rollup(user: User, length: int, year_be: int | None) -> list[dict]:
    """The one grouped query of the roll-up: per area code prefix (district 4, province 2), the registry's funds and
    members and, for a year, its figures summed over the funds that reported it and the compared figures of that
    year and the year before over the funds that reported both. Each fund joins at most one row of each year."""
    funds = Fund.objects.filter(scope_for(user).subtree_q("area_id")).order_by()
    sums = {"funds": Count("id"), "members": Sum("members")}
    if year_be:
        funds = funds.annotate(
            now=FilteredRelation("years", condition=Q(years__year_be=year_be)),
            before=FilteredRelation("years", condition=Q(years__year_be=year_be - 1)),
        )
        sums["reporting"] = Count("now__id")
        sums.update({f"figure_{name}": Sum(f"now__{name}") for name in FIGURE_FIELDS})
        for name in COMPARED_FIELDS:
            sums[f"now_{name}"] = Sum(f"now__{name}", filter=Q(before__id__isnull=False))
            sums[f"before_{name}"] = Sum(f"before__{name}", filter=Q(now__id__isnull=False))
    grouped = (
        funds.annotate(code=Substr("area_id", 1, length)).values("code").annotate(**sums).order_by("code")
    )
    # Read on the cursor: the database's sums as its driver gives them (Decimal, or float on SQLite, which
    # _in_satang rounds), without the ORM converting each of a thousand rows' twenty sums again.
    try:
        sql, params = grouped.query.sql_with_params()
    except EmptyResultSet:  # a user of no area: the filter can match nothing, so there is no query to run
        return []
    with connections[grouped.db].cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _summed(rows: list[dict]) -> dict:
    """The sums of grouped rows (a region's provinces, the country's districts), column by column: a column is None
    only where every row's is."""
    total: dict = {}
    for key in rows[0] if rows else ():
        if key != "code":
            values = [row[key] for row in rows if row[key] is not None]
            total[key] = sum(values) if values else None
    return total


def _table_row(code: str, name: str, grouped: dict, year_be: int | None) -> dict:
    """A roll-up row as the page, the exports and the API show it, from the grouped sums of its area."""
    row = {
        "code": code,
        "name": name,
        "funds": grouped.get("funds") or 0,
        "members": grouped.get("members") or 0,
    }
    if not year_be:
        return row
    figures = None
    if grouped.get("reporting"):
        figures = _in_satang(
            {
                "reporting": grouped["reporting"],
                **{name: grouped.get(f"figure_{name}") for name in FIGURE_FIELDS},
            }
        )
    row["figures"] = figures
    row["matching_total"] = matching_total(figures) if figures else None
    row["benefits_total"] = benefits_total(figures) if figures else None
    row["change"] = {
        name: _change(grouped.get(f"now_{name}"), grouped.get(f"before_{name}")) for name in COMPARED_FIELDS
    }
    return row


def rollup_table(*, user: User, level: str, year_be: int | None = None) -> tuple[list[dict], dict]:
    """The roll-up's rows at a level and the country's total row, each with the year's figures if a year is given,
    and the change in members, savings and balance since the year before, over the funds that reported both years
    (S14 compares years: a fund that reported only one of them would show as growth or loss).

    One grouped query by district (or by province for the other levels), however many funds; the country's total
    is the sum of its rows, and a region's the sum of its provinces. Regions overlap, so their rows need not add up
    to the total: the country row is the total at every level.
    """
    if level not in ROLLUP_LEVELS:
        raise WelfareError.ROLLUP_LEVEL_UNKNOWN.error("level")
    grouped = _grouped_rollup(user, 4 if level == "district" else 2, year_be)
    total = _table_row(COUNTRY_CODE, _("Thailand") if grouped else "", _summed(grouped), year_be)
    if level == "country":
        return ([total] if grouped else []), total
    if level == "region":
        regions = province_regions([found["code"] for found in grouped])
        members: dict[str, list[dict]] = defaultdict(list)
        names = {}
        for found in grouped:
            for code, name in regions[found["code"]]:
                members[code].append(found)
                names[code] = name
        rows = [_table_row(code, names[code], _summed(found), year_be) for code, found in members.items()]
        return sorted(rows, key=_region_sort_key), total
    names = dict(
        Area.objects.filter(
            scope_for(user).with_ancestors_q("code"),
            level=AreaLevel.DISTRICT if level == "district" else AreaLevel.PROVINCE,
        ).values_list("code", "name_th")
    )
    return [
        _table_row(found["code"], names.get(found["code"], found["code"]), found, year_be)
        for found in grouped
    ], total
