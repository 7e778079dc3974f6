"""A fund's yearly figures: entered, corrected and removed through the service, and rolled up by area."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from sanphalang.areas.services import region_create
from sanphalang.errors import AccessDenied
from sanphalang.welfare.models import Fund, FundYear
from sanphalang.welfare.selectors.figures import figures_rollup, years_reported
from sanphalang.welfare.services.figures import fund_year_delete, fund_year_save
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.sources import source_import

from ..registry_data import THAI_HEADINGS, import_source, program_rows, table

PHAYAO_ROWS = [["1", "กองทุนสวัสดิการชุมชนตำบลแม่กา", "แม่กา", "เมืองพะเยา", "พะเยา", "300", "ดำเนินการ", "P001"]]


@pytest.fixture
def funds(cast):
    """Chiang Rai's three funds (two in Mueang, one in Mae Sai) and Phayao's one, reconciled."""
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    source_import(
        by=cast.admin, source_name="โปรแกรม", area_code="56", table=table(THAI_HEADINGS, PHAYAO_ROWS)
    )
    reconcile(by=cast.admin, province_code="56")
    return {fund.fund_code: fund for fund in Fund.objects.all()}


def _save(by, fund, year=2567, **values):
    return fund_year_save(by=by, fund=fund, year_be=year, values=values)


class TestFundYearSave:
    def test_it_records_a_years_figures_and_keeps_who_entered_them(self, cast, funds):
        # when the coordinator enters 2567 for F001
        year, created = _save(
            cast.chiangrai_coordinator,
            funds["F001"],
            members=1200,
            members_elderly=400,
            savings=Decimal("350000.50"),
            matching_government=Decimal("120000"),
            benefits_death=Decimal("45000"),
            balance=Decimal("980000"),
        )
        # then the year is stored with its figures, and history names the coordinator
        assert created and year.members == 1200 and year.savings == Decimal("350000.50")
        assert year.history.latest().history_user == cast.chiangrai_coordinator

    def test_saving_a_year_again_replaces_its_figures_as_a_whole(self, cast, funds):
        _save(cast.chiangrai_coordinator, funds["F001"], members=1200, savings=Decimal("1000"))
        # when the year is saved again from a corrected report that gives only the members
        year, created = _save(cast.chiangrai_coordinator, funds["F001"], members=1250)
        # then there is still one row for the year, and the savings it no longer gives are cleared
        assert not created and FundYear.objects.filter(fund=funds["F001"]).count() == 1
        assert year.members == 1250 and year.savings is None

    @pytest.mark.parametrize(
        "values,field",
        [
            ({"savings": Decimal("-1")}, "savings"),
            ({"members": 100, "members_children": 60, "members_elderly": 50}, "members"),
        ],
    )
    def test_it_refuses_impossible_figures_at_their_field(self, cast, funds, values, field):
        with pytest.raises(ValidationError) as error:
            _save(cast.chiangrai_coordinator, funds["F001"], **values)
        assert field in error.value.message_dict
        assert not FundYear.objects.exists()

    @pytest.mark.parametrize("year", [2400, 2539, 9999])
    def test_it_refuses_a_year_no_report_can_have(self, cast, funds, year):
        with pytest.raises(ValidationError) as error:
            _save(cast.chiangrai_coordinator, funds["F001"], year=year, members=10)
        assert "year_be" in error.value.message_dict

    def test_it_refuses_a_year_without_any_figure(self, cast, funds):
        with pytest.raises(ValidationError) as error:
            _save(cast.chiangrai_coordinator, funds["F001"])
        assert error.value.code == "no_figures"

    def test_it_refuses_an_unknown_figure(self, cast, funds):
        with pytest.raises(ValidationError) as error:
            _save(cast.chiangrai_coordinator, funds["F001"], members=1, lottery=5)
        assert error.value.code == "unknown_field"

    def test_it_refuses_a_district_coordinator_another_districts_fund(self, cast, funds):
        with pytest.raises(AccessDenied):
            _save(cast.mueang_coordinator, funds["F003"], members=10)
        assert not FundYear.objects.exists()

    def test_it_refuses_a_viewer(self, cast, funds):
        with pytest.raises(AccessDenied):
            _save(cast.chiangrai_viewer, funds["F001"], members=10)

    def test_removing_a_year_keeps_it_in_history(self, cast, funds):
        year, _created = _save(cast.chiangrai_coordinator, funds["F001"], members=1200)
        fund_year_delete(by=cast.chiangrai_coordinator, fund_year=year)
        assert not FundYear.objects.exists()
        removed = FundYear.history.filter(history_type="-").get()
        assert removed.history_user == cast.chiangrai_coordinator and removed.members == 1200


@pytest.fixture
def reported(cast, funds):
    """2567 figures of all four funds, and one 2566 figure; Phayao is in two regions, Chiang Rai in one."""
    _save(
        cast.chiangrai_coordinator,
        funds["F001"],
        members=1200,
        savings=Decimal("100"),
        matching_government=Decimal("10"),
        benefits_birth=Decimal("1"),
    )
    _save(
        cast.chiangrai_coordinator,
        funds["F002"],
        members=850,
        savings=Decimal("200"),
        matching_local_government=Decimal("20"),
    )
    _save(cast.chiangrai_coordinator, funds["F003"], members=640, balance=Decimal("5000"))
    _save(cast.admin, funds["P001"], members=300, savings=Decimal("50"))
    _save(cast.chiangrai_coordinator, funds["F001"], year=2566, members=1100)
    region_create(by=cast.admin, name_th="ภาคเหนือตอนบน", slug="upper-north", province_codes=["57", "56"])
    region_create(by=cast.admin, name_th="ลุ่มน้ำอิง", slug="ing-basin", province_codes=["56"])


class TestFiguresRollup:
    def test_it_sums_a_years_figures_by_district(self, cast, reported):
        rows = figures_rollup(user=cast.admin, level="district", year_be=2567)
        assert rows["5701"]["reporting"] == 2 and rows["5701"]["members"] == 2050
        assert rows["5701"]["savings"] == Decimal("300") and rows["5701"]["balance"] is None
        assert rows["5709"]["balance"] == Decimal("5000")
        assert set(rows) == {"5701", "5709", "5601"}

    def test_the_country_is_the_sum_of_its_provinces(self, cast, reported):
        provinces = figures_rollup(user=cast.admin, level="province", year_be=2567)
        [country] = figures_rollup(user=cast.admin, level="country", year_be=2567).values()
        assert country["members"] == sum(r["members"] for r in provinces.values()) == 2990
        assert country["reporting"] == 4

    def test_a_region_sums_its_provinces_and_a_shared_province_counts_in_each(self, cast, reported):
        rows = figures_rollup(user=cast.admin, level="region", year_be=2567)
        assert rows["upper-north"]["members"] == 2990 and rows["ing-basin"]["members"] == 300
        assert rows["ing-basin"]["savings"] == Decimal("50")

    def test_each_year_is_rolled_up_on_its_own(self, cast, reported):
        [country] = figures_rollup(user=cast.admin, level="country", year_be=2566).values()
        assert country["members"] == 1100 and country["reporting"] == 1
        assert years_reported(user=cast.admin) == [2567, 2566]

    def test_it_rolls_up_only_the_funds_a_user_can_see(self, cast, reported):
        assert set(figures_rollup(user=cast.maesai_coordinator, level="district", year_be=2567)) == {"5709"}
        assert figures_rollup(user=cast.unassigned, level="country", year_be=2567) == {}
        assert years_reported(user=cast.phayao_coordinator) == [2567]

    @pytest.mark.parametrize(
        "level,queries", [("district", 1), ("province", 1), ("region", 3), ("country", 1)]
    )
    def test_it_reads_each_level_in_a_constant_number_of_queries(
        self, cast, reported, level, queries, django_assert_max_num_queries
    ):
        cast.admin.refresh_from_db()
        with django_assert_max_num_queries(queries):
            assert figures_rollup(user=cast.admin, level=level, year_be=2567)


class TestYearOnYear:
    def test_the_rollup_compares_each_area_with_the_year_before_over_the_same_funds(self, cast, reported):
        from sanphalang.welfare.selectors.figures import rollup_table

        rows, total = rollup_table(user=cast.admin, level="province", year_be=2567)
        chiang_rai = next(row for row in rows if row["code"] == "57")
        # only F001 reported both years: 1,100 members in 2566, 1,200 in 2567; the funds new in 2567 are not growth
        assert chiang_rai["change"]["members"] == Decimal("9.1")
        assert chiang_rai["figures"]["members"] == 2690
        assert chiang_rai["change"]["savings"] is None  # F001 gave no savings in 2566
        phayao = next(row for row in rows if row["code"] == "56")
        assert phayao["change"]["members"] is None
        assert total["change"]["members"] == Decimal("9.1")

    def test_without_a_year_there_is_nothing_to_compare(self, cast, reported):
        from sanphalang.welfare.selectors.figures import rollup_table

        rows, _total = rollup_table(user=cast.admin, level="district")
        assert rows and all("change" not in row for row in rows)


@pytest.mark.parametrize("level", ["district", "province", "region", "country"])
def test_the_rollup_table_reads_a_few_queries_at_any_level(
    cast, reported, level, django_assert_max_num_queries
):
    from sanphalang.welfare.selectors.figures import rollup_table

    cast.admin.refresh_from_db()
    # the registry's counts (two reads), the year's figures, the comparison, and for regions their memberships
    with django_assert_max_num_queries(8):
        rows, total = rollup_table(user=cast.admin, level=level, year_be=2567)
    assert rows and total["figures"]["members"] == 2990
