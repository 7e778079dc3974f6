"""The province roll-up of all targets on the national synthetic plans (77 provinces, all tambons, 20 projects per
province over two fiscal years, targets split over districts and tambons, four quarters of entries a year).

The roll-up gives, for every target of the province's plans, its target and its approved progress per district and
for the province: entries added up over the year, or for a standing figure each area's latest approved entry;
a percentage as its parts added up and divided, never summed. It is read through the product's selector, as a
provincial coordinator reads it, for the province with the most entries. The baseline is the best hand-written
SQL for the same figures: one aggregate over the approved entries and one read of the targets, unscoped. Both
must give the same numbers. Target: at most 2x the baseline's time.

The other apps' synthetic data is kept small (no meetings, no villages, no households, fewer funds): the roll-up
reads none of it, and CI has a minute for this benchmark.
"""

import dataclasses
import datetime as dt
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
        SCALES["national"],
        name="national-plans",
        meetings=0,
        funds=2000,
        village_share=0.0,
        people_per_district=1,
        households=0,  # the roll-up reads no care records: a million households would only cost minutes
    )
    started = time.perf_counter()
    ctx = synthesize(scale=scale, seed=SEED)
    counts = ctx.counts
    print(
        f"national synthetic data in {time.perf_counter() - started:.0f} s "
        f"(the plans part {ctx.made['seconds']['plans']:.0f} s): {counts['plans.Plan']:,} plans, "
        f"{counts['plans.Project']:,} projects, {counts['plans.Indicator']:,} targets, "
        f"{counts['plans.TargetSplit']:,} area targets, {counts['plans.ProgressEntry']:,} progress entries"
    )


def _cents(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(CENT)


def _progress(value) -> Decimal | None:
    """A figure's progress as compared: nothing approved and only zeros approved read alike."""
    return None if value is None or value == 0 else _cents(value)


def _percent(numerator, denominator) -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(str(numerator)) * 100 / Decimal(str(denominator))).quantize(CENT)


def sql_rollup(province_code: str) -> dict:
    """{target id: {"target", "progress", "districts": {code: {"target", "progress"}}}} for every target of the
    province's plans, from four statements.

    progress is the sum of the approved entries, or for a standing (and every percentage) the sum of each area's
    latest approved entry; a percentage is its parts' sum over their wholes' sum. A district's target is its own
    split, else the sum of its tambons' splits; a percentage's, its own split or else the whole's. A counted target
    counts the tambons whose first charter was enacted in the plan's year."""
    from django.db import connection

    from sanphalang.areas.models import Area
    from sanphalang.plans.models import Charter, Indicator, Plan, ProgressEntry, StageEvent, TargetSplit
    from sanphalang.plans.models.stages import CHARTER_ENACTED_STAGES
    from sanphalang.plans.periods import year_bounds

    tables = {
        "entry": ProgressEntry._meta.db_table,
        "indicator": Indicator._meta.db_table,
        "plan": Plan._meta.db_table,
        "split": TargetSplit._meta.db_table,
        "area": Area._meta.db_table,
        "event": StageEvent._meta.db_table,
        "charter": Charter._meta.db_table,
    }
    typed = "p.area_id = %(code)s AND i.counted_by = ''"
    progress_sql = """
        SELECT indicator_id, SUBSTR(area_id, 1, 4) AS district, SUM(value), SUM(denominator)
        FROM (
            SELECT e.indicator_id, e.area_id, e.value, e.denominator
            FROM {entry} e
            JOIN {indicator} i ON i.id = e.indicator_id
            JOIN {plan} p ON p.id = i.plan_id
            WHERE {typed} AND i.accumulates AND i.unit <> 'percent' AND e.status = 'approved'
            UNION ALL
            SELECT indicator_id, area_id, value, denominator FROM (
                SELECT e.indicator_id, e.area_id, e.value, e.denominator, ROW_NUMBER() OVER (
                    PARTITION BY e.indicator_id, e.area_id ORDER BY e.period_start DESC) AS latest
                FROM {entry} e
                JOIN {indicator} i ON i.id = e.indicator_id
                JOIN {plan} p ON p.id = i.plan_id
                WHERE {typed} AND (NOT i.accumulates OR i.unit = 'percent') AND e.status = 'approved'
            ) ranked WHERE latest = 1
        ) counted
        GROUP BY indicator_id, district
    """.format(typed=typed, **tables)
    target_sql = """
        SELECT i.id, i.unit, i.target, SUBSTR(s.area_id, 1, 4), LENGTH(s.area_id), SUM(s.target)
        FROM {indicator} i
        JOIN {plan} p ON p.id = i.plan_id
        LEFT JOIN {split} s ON s.indicator_id = i.id AND LENGTH(s.area_id) IN (4, 6)
        WHERE p.area_id = %(code)s
        GROUP BY i.id, i.unit, i.target, SUBSTR(s.area_id, 1, 4), LENGTH(s.area_id)
    """.format(**tables)
    stages = ", ".join(f"'{stage}'" for stage in CHARTER_ENACTED_STAGES)
    # Each tambon's first enacted charter, and the counted targets' years.
    charter_sql = """
        SELECT c.area_id, MIN(ev.happened_on)
        FROM {event} ev JOIN {charter} c ON c.id = ev.charter_id
        WHERE c.area_id LIKE %(prefix)s AND ev.stage IN ({stages})
        GROUP BY c.area_id
    """.format(stages=stages, **tables)
    counted_sql = """
        SELECT i.id, p.year_kind, p.year_be FROM {indicator} i JOIN {plan} p ON p.id = i.plan_id
        WHERE p.area_id = %(code)s AND i.counted_by = 'charters_enacted'
    """.format(**tables)
    figures: dict[int, dict] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT code FROM {tables['area']} WHERE parent_id = %(code)s", {"code": province_code}
        )
        districts = [code for (code,) in cursor.fetchall()]
        cursor.execute(target_sql, {"code": province_code})
        own: dict[tuple[int, str], Decimal] = {}
        below: dict[tuple[int, str], Decimal] = {}
        for pk, unit, target, district, length, split in cursor.fetchall():
            figures.setdefault(pk, {"percent": unit == "percent", "target": _cents(target), "parts": {}})
            if district:
                (own if length == 4 else below)[pk, district] = _cents(split)
        cursor.execute(progress_sql, {"code": province_code})
        for pk, district, value, denominator in cursor.fetchall():
            figures[pk]["parts"][district] = (Decimal(str(value)), Decimal(str(denominator or 0)))
        cursor.execute(charter_sql, {"prefix": f"{province_code}%"})
        enacted = [(code[:4], _day(day)) for code, day in cursor.fetchall()]
        cursor.execute(counted_sql, {"code": province_code})
        for pk, year_kind, year_be in cursor.fetchall():
            starts_on, ends_on = year_bounds(year_kind, year_be)
            for district, day in enacted:
                if starts_on <= day <= ends_on:
                    value, _whole = figures[pk]["parts"].get(district, (Decimal(0), Decimal(0)))
                    figures[pk]["parts"][district] = (value + 1, Decimal(0))
    for pk, row in figures.items():
        percent, parts = row.pop("percent"), row.pop("parts")
        shown = {}
        for code in districts:
            target = own.get((pk, code))
            if target is None:
                target = row["target"] if percent else below.get((pk, code))
            value, denominator = parts.get(code, (None, None))
            progress = _progress(_percent(value, denominator) if percent and value is not None else value)
            if target is not None or progress is not None:
                shown[code] = {"target": target, "progress": progress}
        row["districts"] = shown
        value = sum((v for v, _d in parts.values()), Decimal(0))
        denominator = sum((d for _v, d in parts.values()), Decimal(0))
        row["progress"] = _progress(_percent(value, denominator) if percent else value)
    return figures


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def product_rollup(user, province_code: str) -> list:
    """The roll-up of the province's targets of both years, through the product's selector."""
    try:
        from sanphalang.plans.selectors.progress import province_rollup
    except ImportError as missing:
        raise SystemExit(
            f"bench_plans_rollup: the roll-up selector is not there ({missing}); "
            "expected sanphalang.plans.selectors.progress.province_rollup(user=, province_code=)"
        ) from None
    from sanphalang.demo.synth.plans import YEARS

    return [
        rolled
        for year in YEARS
        for rolled in province_rollup(user=user, province_code=province_code, year_be=year)
    ]


def product_figures(rollups: list) -> dict:
    """The selector's answer in the baseline's shape."""
    figures = {}
    for rolled in rollups:
        districts = {}
        for row in rolled.rows:
            target, progress = _cents(row.target), _progress(row.value)
            if target is not None or progress is not None:
                districts[row.code] = {"target": target, "progress": progress}
        figures[rolled.indicator.pk] = {
            "target": _cents(rolled.whole.target),
            "progress": _progress(rolled.whole.value),
            "districts": districts,
        }
    return figures


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
    assert expected, f"province {code} has no targets"
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
        ROUNDS, lambda: sql_rollup(code), lambda: product_rollup(coordinator, code)
    )
    return report(
        "province roll-up of all targets (seconds)", took, base, unit="s", limit=2.0, higher_is_better=False
    )


if __name__ == "__main__":
    sys.exit(main())
