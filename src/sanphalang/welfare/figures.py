"""Writes and reads of the funds' yearly figures: enter or import a year, and roll the figures up by area."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, F, QuerySet, Sum, When
from django.db.models.functions import Substr
from django.utils import timezone

from sanphalang.accounts.audit import stamp, validated_save
from sanphalang.areas.models import COUNTRY_CODE
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.thai.dates import BE_OFFSET

from .errors import WelfareError
from .models import Fund, FundYear
from .services import fund_rollup, province_regions

AGE_GROUP_FIELDS = ("members_children", "members_working_age", "members_elderly")
COUNT_FIELDS = ("members", *AGE_GROUP_FIELDS)
MATCHING_FIELDS = ("matching_government", "matching_local_government", "matching_other")
BENEFIT_FIELDS = ("benefits_birth", "benefits_sickness", "benefits_death", "benefits_elderly", "benefits_education",
                  "benefits_disaster")
MONEY_FIELDS = ("savings", *MATCHING_FIELDS, *BENEFIT_FIELDS, "balance")
FIGURE_FIELDS = (*COUNT_FIELDS, *MONEY_FIELDS)
# Community welfare funds began in the 2540s BE; a year before this is a typing mistake, not history.
FIRST_YEAR_BE = 2540
SATANG = Decimal("0.01")


def current_year_be() -> int:
    return timezone.localdate().year + BE_OFFSET


def _check_year(year_be: int) -> None:
    last = current_year_be() + 1
    if not FIRST_YEAR_BE <= year_be <= last:
        raise WelfareError.YEAR_OUT_OF_RANGE.error("year_be", first=FIRST_YEAR_BE, last=last)


def _check_values(values: dict) -> dict:
    unknown = sorted(set(values) - set(FIGURE_FIELDS))
    if unknown:
        raise WelfareError.UNKNOWN_FIELD.error(None, fields=", ".join(unknown))
    cleaned = {name: values.get(name) for name in FIGURE_FIELDS}
    errors = {}
    for name, value in cleaned.items():
        if value is not None and value < 0:
            errors[name] = WelfareError.NEGATIVE_FIGURE.message()
    if errors:
        raise ValidationError(errors)
    if all(value is None for value in cleaned.values()):
        raise WelfareError.NO_FIGURES.error(None)
    by_age = [cleaned[name] for name in AGE_GROUP_FIELDS if cleaned[name] is not None]
    if cleaned["members"] is not None and sum(by_age) > cleaned["members"]:
        raise WelfareError.AGE_GROUPS_EXCEED_MEMBERS.error("members", groups=sum(by_age), members=cleaned["members"])
    return cleaned


@transaction.atomic
def fund_year_save(*, by, fund: Fund, year_be: int, values: dict) -> tuple[FundYear, bool]:
    """Record a fund's figures for a year (BE), replacing what that year held; returns (row, created).

    Every field of the year is written, so a figure left out is cleared rather than kept from an earlier entry:
    a year's figures come from one report and are replaced as a whole.
    """
    require_write(by, fund.area_id)
    _check_year(year_be)
    cleaned = _check_values(values)
    year = FundYear.objects.select_for_update().filter(fund=fund, year_be=year_be).first()
    created = year is None
    if created:
        year = FundYear(fund=fund, year_be=year_be)
    for name, value in cleaned.items():
        setattr(year, name, value)
    return validated_save(year, by), created


@transaction.atomic
def fund_year_delete(*, by, fund_year: FundYear) -> None:
    require_write(by, fund_year.fund.area_id)
    stamp(fund_year, by).delete()


# --- roll-up --------------------------------------------------------------------------------------------------

def years_reported(*, user) -> list[int]:
    """The years (BE) for which any fund the user can see has figures, latest first."""
    return list(FundYear.objects.filter(scope_for(user).subtree_q("fund__area_id")).order_by("-year_be")
                .values_list("year_be", flat=True).distinct())


def _in_satang(row: dict) -> dict:
    # SQLite sums decimals as floats; every database's sums come back to two places, as the figures were entered.
    for name in MONEY_FIELDS:
        if row.get(name) is not None:
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


def _years(user, *years: int) -> QuerySet:
    return FundYear.objects.filter(scope_for(user).subtree_q("fund__area_id"), year_be__in=years).order_by()


def figures_rollup(*, user, level: str, year_be: int) -> dict[str, dict]:
    """Per area code of the level (district, province, region slug or the country), the year's figures summed over
    the funds that reported them: {"reporting": funds, "members": …, "savings": …, …}.

    One grouped query by district or province; regions and the country are summed from the provinces.
    """
    rows = _by_code(_years(user, year_be), _partition(level), reporting=Count("fund_id"),
                    **{name: Sum(name) for name in FIGURE_FIELDS})
    return {code: _in_satang(row) for code, row in _to_level(rows, level).items()}


def _compared(user, level: str, year_be: int) -> tuple[dict[str, dict], dict[str, dict]]:
    """The compared figures of the year and of the year before, over the funds that reported both: one query."""
    both = (FundYear.objects.filter(year_be__in=(year_be, year_be - 1)).order_by().values("fund_id")
            .annotate(reported=Count("id")).filter(reported=2).values("fund_id"))
    sums = {f"{name}@{year}": Sum(Case(When(year_be=year, then=F(name))))
            for name in COMPARED_FIELDS for year in (year_be, year_be - 1)}
    rows = _by_code(_years(user, year_be, year_be - 1).filter(fund_id__in=both), _partition(level), **sums)
    now, before = ({code: {name: row[f"{name}@{year}"] for name in COMPARED_FIELDS} for code, row in rows.items()}
                   for year in (year_be, year_be - 1))
    return _to_level(now, level), _to_level(before, level)


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
    return [(FundYear._meta.get_field(name).verbose_name, getattr(year, name)) for name in names
            if getattr(year, name) is not None]


def year_rows(years) -> list[dict]:
    """Each year's figures as the fund page shows them: totals with their parts named."""
    rows = []
    for year in years:
        values = {name: getattr(year, name) for name in FIGURE_FIELDS}
        rows.append({"year": year, "matching_total": matching_total(values), "benefits_total": benefits_total(values),
                     "age_groups": _labelled(year, AGE_GROUP_FIELDS), "matching": _labelled(year, MATCHING_FIELDS),
                     "benefits": _labelled(year, BENEFIT_FIELDS)})
    return rows


COMPARED_FIELDS = ("members", "savings", "balance")


def _change(now, before) -> Decimal | None:
    """The change from one year to the next in per cent, one decimal; None where either year is unknown or zero."""
    if now is None or not before:
        return None
    return (Decimal(now - before) * 100 / Decimal(before)).quantize(Decimal("0.1"))


def _attach(rows: list[dict], by_code: dict[str, dict], now: dict[str, dict], before: dict[str, dict]) -> None:
    """Put the year's figures on each row, and the change over the funds that reported both years."""
    for row in rows:
        figures = row["figures"] = by_code.get(row["code"])
        row["matching_total"] = matching_total(figures) if figures else None
        row["benefits_total"] = benefits_total(figures) if figures else None
        both, previous = now.get(row["code"]) or {}, before.get(row["code"]) or {}
        row["change"] = {name: _change(both.get(name), previous.get(name)) for name in COMPARED_FIELDS}


def rollup_table(*, user, level: str, year_be: int | None = None) -> tuple[list[dict], dict]:
    """The roll-up's rows at a level and the country's total row, each with the year's figures if a year is given,
    and the change in members, savings and balance since the year before, over the funds that reported both years
    (S14 compares years: a fund that reported only one of them would show as growth or loss).

    Regions overlap, so their rows need not add up to the total: the country row is the total at every level.
    """
    rows = fund_rollup(user=user, level=level)
    total = next(iter(fund_rollup(user=user, level="country")),
                 {"code": COUNTRY_CODE, "name": "", "funds": 0, "members": 0})
    if year_be:
        # Read once by district or province; the rows and the country's total are both summed from those.
        part = _partition(level)
        figures = figures_rollup(user=user, level=part, year_be=year_be)
        now, before = _compared(user, part, year_be)
        regions = province_regions(figures.keys() | now.keys()) if level == "region" else None
        for these, at in ((rows, level), ([total], "country")):
            _attach(these, *(_to_level(found, at, regions) for found in (figures, now, before)))
    return rows, total
