"""The yearly figures of 6,000 funds (one per subdistrict, as nationally) over five years, rolled up by district.

The roll-up page's table sums the year's figures per district, compares them with the year before over the funds
that reported both years, and adds the funds and members of the registry, the districts' names and the country's
total row: five queries scoped to the user, however many funds there are. The baseline is the one bare grouped
query that sums the year's figures per district, unscoped, with nothing compared. Target: at most 5x the
baseline's time, so the table stays a few aggregate queries at national scale rather than work per fund.
"""

import random
import sys
from decimal import Decimal

from common import best_of_interleaved, report, setup_django

FUNDS = 6_000
YEARS = range(2563, 2568)
ROUNDS = 7


def _load() -> None:
    from sanphalang.areas.models import Area
    from sanphalang.welfare.models import FIGURE_FIELDS, MONEY_FIELDS, Fund, FundYear

    rng = random.Random(2562)
    codes = list(Area.objects.filter(level="subdistrict").order_by("code").values_list("code", flat=True))
    chosen = sorted(rng.sample(codes, FUNDS))
    Fund.objects.bulk_create(
        [
            Fund(name_th=f"กองทุนสวัสดิการชุมชน {code}", area_id=code, members=rng.randint(100, 3000))
            for code in chosen
        ],
        batch_size=2000,
    )
    years = []
    for fund_id, members in Fund.objects.values_list("pk", "members"):
        for year in YEARS:
            if rng.random() < 0.9:  # one year in ten is not reported
                values = {name: Decimal(rng.randint(0, 500_000)) for name in MONEY_FIELDS}
                counts = {name: None for name in FIGURE_FIELDS if name not in MONEY_FIELDS}
                years.append(
                    FundYear(fund_id=fund_id, year_be=year, **{**counts, **values, "members": members})
                )
    FundYear.objects.bulk_create(years, batch_size=5000)


def main() -> int:
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Sum
    from django.db.models.functions import Substr

    from sanphalang.welfare.models import FIGURE_FIELDS, FundYear
    from sanphalang.welfare.selectors.figures import rollup_table

    _load()
    admin = get_user_model().objects.create_user(username="bench-admin", password="x", role="admin")
    year = max(YEARS)

    def baseline():
        list(
            FundYear.objects.filter(year_be=year)
            .order_by()
            .annotate(code=Substr("fund__area_id", 1, 4))
            .values("code")
            .annotate(reporting=Count("fund_id"), **{name: Sum(name) for name in FIGURE_FIELDS})
        )

    def measured():
        rows, total = rollup_table(user=admin, level="district", year_be=year)
        assert rows and total["figures"]["reporting"]

    rows, _total = rollup_table(user=admin, level="district", year_be=year)
    print(f"{FUNDS:,} funds, {FundYear.objects.count():,} yearly rows; {len(rows)} districts in the table")
    base, took = best_of_interleaved(ROUNDS, baseline, measured)
    return report(
        "welfare roll-up by district (seconds)", took, base, unit="s", limit=5.0, higher_is_better=False
    )


if __name__ == "__main__":
    sys.exit(main())
