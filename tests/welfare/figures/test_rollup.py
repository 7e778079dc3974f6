"""The funds rolled up by region and the country, only those a user can see."""

import pytest
from django.urls import reverse

from sanphalang.areas.models import Region
from sanphalang.areas.services import region_create
from sanphalang.welfare.selectors.figures import fund_rollup
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.sources import source_import

from ..registry_data import THAI_HEADINGS, import_source, program_rows, table

PHAYAO_ROWS = [
    ["1", "กองทุนสวัสดิการชุมชนตำบลแม่กา", "แม่กา", "เมืองพะเยา", "พะเยา", "300", "ดำเนินการ", "P001"],
    ["2", "กองทุนสวัสดิการชุมชนตำบลบ้านต๋อม", "บ้านต๋อม", "เมืองพะเยา", "พะเยา", "120", "ดำเนินการ", "P002"],
]


@pytest.fixture
def two_provinces(cast):
    """Chiang Rai (3 funds, 2,690 members) and Phayao (2 funds, 420 members); Phayao is in two regions."""
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    source_import(
        by=cast.admin, source_name="โปรแกรม", area_code="56", table=table(THAI_HEADINGS, PHAYAO_ROWS)
    )
    reconcile(by=cast.admin, province_code="56")
    region_create(
        by=cast.admin,
        name_th="ภาคเหนือตอนบน",
        name_en="Upper North",
        slug="upper-north",
        province_codes=["57", "56"],
    )
    region_create(
        by=cast.admin, name_th="ลุ่มน้ำอิง", name_en="Ing Basin", slug="ing-basin", province_codes=["56"]
    )


class TestRollup:
    def test_it_sums_a_regions_provinces_and_counts_a_shared_province_in_each_region(
        self, cast, two_provinces
    ):
        rows = {r["code"]: r for r in fund_rollup(user=cast.admin, level="region")}
        assert {code: (r["funds"], r["members"]) for code, r in rows.items()} == {
            "upper-north": (5, 2690 + 420),
            "ing-basin": (2, 420),
        }

    def test_it_puts_funds_of_provinces_in_no_region_in_a_row_of_their_own(self, cast, two_provinces):
        region_create(by=cast.admin, name_th="เฉพาะพะเยา", slug="phayao-only", province_codes=["56"])
        Region.objects.get(slug="upper-north").provinces.remove("57")
        rows = {r["code"]: r for r in fund_rollup(user=cast.admin, level="region")}
        assert rows[""]["funds"] == 3 and rows[""]["members"] == 2690

    def test_the_country_equals_the_sum_of_the_provinces(self, cast, two_provinces):
        provinces = fund_rollup(user=cast.admin, level="province")
        [country] = fund_rollup(user=cast.admin, level="country")
        assert country["funds"] == sum(r["funds"] for r in provinces) == 5
        assert country["members"] == sum(r["members"] for r in provinces) == 3110

    def test_it_rolls_up_only_the_funds_a_user_can_see(self, cast, two_provinces):
        rows = {r["code"]: r["funds"] for r in fund_rollup(user=cast.phayao_coordinator, level="region")}
        assert rows == {"upper-north": 2, "ing-basin": 2}
        assert fund_rollup(user=cast.chiangrai_coordinator, level="country")[0]["funds"] == 3

    def test_it_shows_an_outsider_nothing(self, cast, client_for):
        import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        region_create(by=cast.admin, name_th="ภาคเหนือตอนบน", slug="upper-north", province_codes=["57", "56"])
        for level in ("region", "country"):
            assert fund_rollup(user=cast.phayao_coordinator, level=level) == []
            assert fund_rollup(user=cast.unassigned, level=level) == []
            response = client_for(cast.phayao_coordinator).get(reverse("welfare:rollup"), {"level": level})
            assert response.context["rows"] == [] and response.context["total"]["funds"] == 0

    @pytest.mark.parametrize(
        "level,queries", [("district", 2), ("province", 2), ("region", 3), ("country", 1)]
    )
    def test_it_reads_each_level_in_a_constant_number_of_queries(
        self, cast, two_provinces, level, queries, django_assert_max_num_queries
    ):
        cast.admin.refresh_from_db()
        with django_assert_max_num_queries(queries):
            assert fund_rollup(user=cast.admin, level=level)

    def test_it_switches_levels_on_the_page(self, cast, client_for, two_provinces):
        client = client_for(cast.admin)
        response = client.get(reverse("welfare:rollup"), {"level": "region"})
        assert response.status_code == 200 and response.context["level"] == "region"
        assert {r["code"] for r in response.context["rows"]} == {"upper-north", "ing-basin"}
        # regions overlap, so the total is the country's, not the sum of the rows
        assert response.context["total"]["funds"] == 5
        assert "?level=country" in response.content.decode()
        response = client.get(reverse("welfare:rollup"), {"level": "country"})
        assert [r["funds"] for r in response.context["rows"]] == [5]
        assert client.get(reverse("welfare:rollup"), {"level": "nonsense"}).context["level"] == "district"


@pytest.fixture
def two_provinces_reported(cast, two_provinces):
    """The two provinces' funds with figures of 2567 for all but one, and of 2566 for two of them."""
    from decimal import Decimal

    from sanphalang.welfare.models import Fund
    from sanphalang.welfare.services.figures import fund_year_save

    figures = {"F001": (1200, "100.50"), "F002": (850, "200"), "P001": (300, "50.25"), "P002": (120, None)}
    for code, (members, savings) in figures.items():
        fund = Fund.objects.get(fund_code=code)
        values = {"members": members, "savings": Decimal(savings) if savings else None}
        fund_year_save(by=cast.admin, fund=fund, year_be=2567, values=values)
    for code, members in {"F001": 1100, "P001": 330}.items():
        fund = Fund.objects.get(fund_code=code)
        fund_year_save(by=cast.admin, fund=fund, year_be=2566, values={"members": members})


class TestRollupTable:
    @pytest.mark.parametrize("level", ["district", "province", "region", "country"])
    def test_its_one_grouped_query_agrees_with_each_figure_read_apart(
        self, cast, two_provinces_reported, level
    ):
        from sanphalang.welfare.selectors.figures import figures_rollup, rollup_table

        # given the registry's funds and the year's figures, each read on its own
        funds = {r["code"]: (r["funds"], r["members"]) for r in fund_rollup(user=cast.admin, level=level)}
        figures = figures_rollup(user=cast.admin, level=level, year_be=2567)
        # when the table reads them together
        rows, total = rollup_table(user=cast.admin, level=level, year_be=2567)
        # then every row holds the same numbers
        assert {r["code"]: (r["funds"], r["members"]) for r in rows} == funds
        known = {
            r["code"]: {k: v for k, v in r["figures"].items() if v is not None} for r in rows if r["figures"]
        }
        assert known == {code: {k: v for k, v in f.items() if v is not None} for code, f in figures.items()}
        assert (total["funds"], total["members"]) == (5, 3110)
        assert total["figures"]["reporting"] == 4 and str(total["figures"]["savings"]) == "350.75"

    def test_the_change_is_over_the_funds_that_reported_both_years(self, cast, two_provinces_reported):
        from decimal import Decimal

        from sanphalang.welfare.selectors.figures import rollup_table

        rows, total = rollup_table(user=cast.admin, level="province", year_be=2567)
        by_code = {r["code"]: r for r in rows}
        # Chiang Rai: F001 alone reported both years (1,100 then 1,200); Phayao: P001 (330 then 300)
        assert by_code["57"]["change"]["members"] == Decimal("9.1")
        assert by_code["56"]["change"]["members"] == Decimal("-9.1")
        # the country: 1,430 then 1,500 over those two
        assert total["change"]["members"] == Decimal("4.9")

    @pytest.mark.parametrize(
        "level,queries", [("district", 2), ("province", 2), ("region", 3), ("country", 1)]
    )
    def test_it_is_one_grouped_query_and_the_areas_names(
        self, cast, two_provinces_reported, level, queries, django_assert_max_num_queries
    ):
        from sanphalang.welfare.selectors.figures import rollup_table

        cast.admin.refresh_from_db()
        with django_assert_max_num_queries(queries):
            rows, _total = rollup_table(user=cast.admin, level=level, year_be=2567)
        assert rows

    def test_the_page_shows_each_change_once_under_its_figure(self, cast, client_for, two_provinces_reported):
        response = client_for(cast.admin).get(reverse("welfare:rollup"), {"level": "province", "year": 2567})
        page = response.content.decode()
        assert page.count('class="small text-danger">-9.1%') == 1
        assert page.count('class="small text-success">+9.1%') == 1
