"""The province roll-up of all targets on the national synthetic plans (77 provinces, all tambons, 20 projects per
province over two fiscal years, targets split over districts and tambons, four quarters of entries a year).

The roll-up gives, for every target of the province's plans, its target and its approved progress per district and
for the province: entries added up over the year, or for a standing figure each area's latest approved entry;
a percentage as its parts added up and divided, never summed. It is read through the product's selector, as a
provincial coordinator reads it, for the province with the most entries. The baseline is the best hand-written
SQL for the same figures: one aggregate over the approved entries and one read of the targets, unscoped. Both
must give the same numbers. Target: at most 2x the baseline's time.

The other apps' synthetic data is kept small (no meetings, no villages, fewer funds): the roll-up reads none of
it, and CI has a minute for this benchmark.
"""

import dataclasses
import sys
import time
from decimal import Decimal

from common import best_of_interleaved, report, setup_django

SEED = 1
ROUNDS = 7
CENT = Decimal("0.01")


def _build() -> None:
    from sanphalang.demo.synth import synthesize
    from sanphalang.demo.synth.scales import SCALES

    scale = dataclasses.replace(
        SCALES["national"], name="national-plans", meetings=0, funds=2000, village_share=0.0, people_per_district=1
    )
    started = time.perf_counter()
    ctx = synthesize(scale=scale, seed=SEED)
    counts = ctx.counts
    print(
        f"national synthetic plans in {time.perf_counter() - started:.0f} s: {counts['plans.Plan']:,} plans, "
        f"{counts['plans.Project']:,} projects, {counts['plans.Indicator']:,} targets, "
        f"{counts['plans.TargetSplit']:,} area targets, {counts['plans.ProgressEntry']:,} progress entries"
    )


def _cents(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(CENT)


def _percent(numerator, denominator) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(str(numerator)) * 100 / Decimal(str(denominator))).quantize(CENT)


def sql_rollup(province_code: str) -> dict:
    """{indicator id: {"target", "progress", "districts": {code: {"target", "progress"}}}}, from two statements.

    progress is the sum of approved entries (the latest approved one per area for a standing figure), and for a
    percentage the parts' sum over their wholes' sum, in percent."""
    from django.db import connection

    from sanphalang.plans.models import Indicator, Plan, ProgressEntry, TargetSplit

    entry, indicator, plan = ProgressEntry._meta.db_table, Indicator._meta.db_table, Plan._meta.db_table
    split = TargetSplit._meta.db_table
    progress_sql = f"""
        SELECT indicator_id, SUBSTR(area_id, 1, 4) AS district, SUM(value), SUM(denominator)
        FROM (
            SELECT e.indicator_id, e.area_id, e.value, e.denominator
            FROM {entry} e
            JOIN {indicator} i ON i.id = e.indicator_id
            JOIN {plan} p ON p.id = i.plan_id
            WHERE p.area_id = %(code)s AND i.counted_by = '' AND i.accumulates AND e.status = 'approved'
            UNION ALL
            SELECT indicator_id, area_id, value, denominator FROM (
                SELECT e.indicator_id, e.area_id, e.value, e.denominator, ROW_NUMBER() OVER (
                    PARTITION BY e.indicator_id, e.area_id ORDER BY e.period_start DESC) AS latest
                FROM {entry} e
                JOIN {indicator} i ON i.id = e.indicator_id
                JOIN {plan} p ON p.id = i.plan_id
                WHERE p.area_id = %(code)s AND i.counted_by = '' AND NOT i.accumulates AND e.status = 'approved'
            ) ranked WHERE latest = 1
        ) counted
        GROUP BY indicator_id, district
    """
    target_sql = f"""
        SELECT i.id, i.unit, i.target, s.area_id, s.target
        FROM {indicator} i
        JOIN {plan} p ON p.id = i.plan_id
        LEFT JOIN {split} s ON s.indicator_id = i.id AND LENGTH(s.area_id) = 4
        WHERE p.area_id = %(code)s AND i.counted_by = ''
    """
    figures: dict[int, dict] = {}
    with connection.cursor() as cursor:
        cursor.execute(target_sql, {"code": province_code})
        for pk, unit, target, district, district_target in cursor.fetchall():
            row = figures.setdefault(
                pk, {"percent": unit == "percent", "target": _cents(target), "parts": {}, "districts": {}}
            )
            if district:
                row["districts"][district] = {"target": _cents(district_target), "progress": None}
        cursor.execute(progress_sql, {"code": province_code})
        for pk, district, value, denominator in cursor.fetchall():
            row = figures[pk]
            row["parts"][district] = (Decimal(str(value)), Decimal(str(denominator or 0)))
    for row in figures.values():
        parts = row.pop("parts")
        for district, (value, denominator) in parts.items():
            shown = _percent(value, denominator) if row["percent"] else _cents(value)
            row["districts"].setdefault(district, {"target": None, "progress": None})["progress"] = shown
        value = sum((v for v, _d in parts.values()), Decimal(0))
        denominator = sum((d for _v, d in parts.values()), Decimal(0))
        if not parts:
            row["progress"] = None
        else:
            row["progress"] = _percent(value, denominator) if row["percent"] else _cents(value)
        del row["percent"]
    return figures


def product_rollup(user, province_code: str) -> dict:
    """The same figures as the product's selector gives them."""
    try:
        from sanphalang.plans.selectors.progress import province_rollup
    except ImportError as missing:
        raise SystemExit(
            f"bench_plans_rollup: the roll-up selector is not there ({missing}); "
            "expected sanphalang.plans.selectors.progress.province_rollup(user=, province_code=)"
        ) from None
    return province_rollup(user=user, province_code=province_code)


def product_figures(rollup) -> dict:
    """The selector's answer in the baseline's shape."""
    raise NotImplementedError("map province_rollup's answer to the baseline's shape")


def _first_difference(expected: dict, got: dict) -> str | None:
    for pk in sorted(set(expected) | set(got)):
        if expected.get(pk) != got.get(pk):
            return f"target {pk}: SQL {expected.get(pk)!r}\n  product {got.get(pk)!r}"
    return None


def main() -> int:
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from sanphalang.demo.synth.accounts import USERNAME_PREFIX
    from sanphalang.plans.models import ProgressEntry

    _build()
    # The province with the most entries: the heaviest roll-up a coordinator opens.
    by_province = (
        ProgressEntry.objects.values("indicator__plan__area_id")
        .annotate(entries=Count("pk"))
        .order_by("-entries", "indicator__plan__area_id")
    )
    busiest = by_province[0]
    code = busiest["indicator__plan__area_id"]
    coordinator = get_user_model().objects.get(username=f"{USERNAME_PREFIX}p{code}")
    expected = sql_rollup(code)
    got = product_figures(product_rollup(coordinator, code))
    difference = _first_difference(expected, got)
    if difference:
        print(f"bench_plans_rollup: the selector and the SQL disagree on province {code}:\n  {difference}")
        return 1
    districts = len({d for row in expected.values() for d in row["districts"]})
    print(
        f"province {code}: {len(expected)} targets over {districts} districts from {busiest['entries']:,} "
        "entries; the selector and the SQL give the same figures"
    )
    base, took = best_of_interleaved(
        ROUNDS, lambda: sql_rollup(code), lambda: product_figures(product_rollup(coordinator, code))
    )
    return report(
        "province roll-up of all targets (seconds)", took, base, unit="s", limit=2.0, higher_is_better=False
    )


if __name__ == "__main__":
    sys.exit(main())
