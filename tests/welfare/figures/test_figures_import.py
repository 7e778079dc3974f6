"""Importing yearly figures of many funds from one spreadsheet: the fund found by code or name, all or nothing."""

from decimal import Decimal

import pytest

from sanphalang.imports.services import run_import
from sanphalang.imports.tabular import read_table
from sanphalang.welfare.models import Fund, FundYear
from sanphalang.welfare.services.reconcile import reconcile

from ..registry_data import import_source, matching_rows, program_rows, table

HEADINGS = [
    "ชื่อกองทุน",
    "ตำบล",
    "อำเภอ",
    "ปี พ.ศ.",
    "จำนวนสมาชิก",
    "เงินออมสมาชิก",
    "เงินสมทบจากรัฐ",
    "สวัสดิการเสียชีวิต",
    "เงินกองทุนคงเหลือ",
]


@pytest.fixture
def funds(cast):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return {fund.fund_code: fund for fund in Fund.objects.all()}


def _import(by, rows, headings=HEADINGS, **kwargs):
    return run_import(entity="fund_figures", table=table(headings, rows), by=by, commit=True, **kwargs)


class TestFiguresImport:
    def test_it_finds_each_fund_by_a_name_any_source_gave_it_and_reads_thai_numbers(self, cast, funds):
        # given rows naming the funds as the matching list did, with Thai digits and separators
        rows = [
            [
                "กองทุนสวัสดิการ ต.แม่ยาว",
                "แม่ยาว",
                "เมืองเชียงราย",
                "๒๕๖๗",
                "๑,๓๐๐",
                "350,000.50",
                "120,000 บาท",
                "45000",
                "980000",
            ],
            ["กองทุนสวัสดิการชุมชนตำบลริมกก", "", "", "2567", "850", "", "", "", "-"],
        ]
        # when they are imported
        result = _import(cast.chiangrai_coordinator, rows)
        # then both years are stored against the right funds
        assert result.written and result.created == 2 and not result.errors
        year = FundYear.objects.get(fund=funds["F001"], year_be=2567)
        assert year.members == 1300 and year.savings == Decimal("350000.50")
        assert year.matching_government == Decimal("120000") and year.balance == Decimal("980000")
        assert FundYear.objects.get(fund=funds["F002"]).savings is None

    def test_it_finds_a_fund_by_its_code_and_reads_a_christian_era_year_as_be(self, cast, funds):
        result = _import(
            cast.chiangrai_coordinator, [["F003", "2024", "640"]], headings=["รหัสกองทุน", "year", "members"]
        )
        assert result.written
        assert FundYear.objects.get(fund=funds["F003"]).year_be == 2567

    def test_it_reads_a_two_row_heading_band(self, cast, funds, tmp_path):
        # given a CSV whose benefits are grouped under one heading over their kinds
        csv = (
            "ชื่อกองทุน,ปี,สวัสดิการที่จ่าย,,\n,,เกิด,เจ็บป่วย,เสียชีวิต\nกองทุนสวัสดิการชุมชนตำบลแม่สาย,2567,1000,2000,3000\n"
        ).encode()
        result = run_import(
            entity="fund_figures",
            table=read_table(csv, "figures.csv"),
            by=cast.chiangrai_coordinator,
            commit=True,
        )
        assert result.written, result.errors
        year = FundYear.objects.get(fund=funds["F003"])
        assert (year.benefits_birth, year.benefits_sickness, year.benefits_death) == (1000, 2000, 3000)

    def test_it_reports_every_bad_row_with_its_line_and_writes_nothing(self, cast, funds):
        rows = [
            ["กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "", "", "2567", "1200", "", "", "", ""],
            ["กองทุนสวัสดิการชุมชนตำบลไม่มีจริง", "", "", "2567", "10", "", "", "", ""],
            ["กองทุนสวัสดิการชุมชนตำบลริมกก", "", "", "ปีหน้า", "10", "", "", "", ""],
            ["กองทุนสวัสดิการชุมชนตำบลริมกก", "", "", "2567", "สิบ", "", "", "", ""],
            ["กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "", "", "2567", "1250", "", "", "", ""],
        ]
        result = _import(cast.chiangrai_coordinator, rows)
        assert not result.written and not FundYear.objects.exists()
        by_line = {error.line: (error.column, error.message) for error in result.errors}
        assert set(by_line) == {3, 4, 5, 6}
        assert by_line[3][0] == "ชื่อกองทุน" and "ไม่มีจริง" in by_line[3][1]
        assert by_line[4][0] == "ปี พ.ศ."
        assert by_line[5][0] == "จำนวนสมาชิก"
        assert "2" in by_line[6][1]  # the repeat names the line it repeats

    def test_it_keeps_the_good_rows_when_told_to_skip_the_bad(self, cast, funds):
        rows = [
            ["กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "", "", "2567", "1200", "", "", "", ""],
            ["กองทุนสวัสดิการชุมชนตำบลไม่มีจริง", "", "", "2567", "10", "", "", "", ""],
        ]
        result = _import(cast.chiangrai_coordinator, rows, skip_bad_rows=True)
        assert result.written and result.created == 1 and result.bad_rows == 1
        assert FundYear.objects.get().fund == funds["F001"]

    def test_a_district_coordinator_cannot_reach_another_districts_fund(self, cast, funds):
        result = _import(
            cast.mueang_coordinator, [["F003", "2567", "640"]], headings=["รหัสกองทุน", "ปี", "สมาชิก"]
        )
        assert not result.written and "F003" in result.errors[0].message
        assert not FundYear.objects.exists()


class TestFiguresImportElsewhere:
    def test_the_command_imports_a_figures_file_as_a_user(self, cast, funds, tmp_path):
        import io

        from django.core.management import call_command

        path = tmp_path / "figures.csv"
        path.write_text('รหัสกองทุน,ปี,จำนวนสมาชิก,เงินกองทุนคงเหลือ\nF002,2567,850,"1,000,000"\n', encoding="utf-8")
        out = io.StringIO()
        call_command("import", "fund_figures", str(path), user="cr_coord", stdout=out)
        assert FundYear.objects.get(fund=funds["F002"]).balance == Decimal("1000000")

    def test_the_import_page_offers_the_figures_and_their_template(self, cast, client_for, funds):
        from django.urls import reverse

        client = client_for(cast.chiangrai_coordinator)
        page = client.get(reverse("imports:index"), {"entity": "fund_figures"})
        choices = [value for value, _label in page.context["form"].fields["entity"].choices]
        assert "fund_figures" in choices and "fund_source" not in choices
        template = client.get(reverse("imports:template", args=["fund_figures", "csv"]))
        assert template.status_code == 200
        assert "ปี พ.ศ." in template.content.decode("utf-8-sig").splitlines()[0]


class TestEveryErrorOfARow:
    def test_a_row_reports_each_of_its_bad_cells_not_only_the_first(self, cast, funds):
        # given a row naming no fund we know, a year that is not one, and two figures that are not numbers
        rows = [["กองทุนที่ไม่มีอยู่", "", "", "ปีหน้า", "หนึ่งร้อย", "", "", "สามพัน", ""]]
        # when it is imported
        result = _import(cast.chiangrai_coordinator, rows)
        # then nothing is written, and each problem is named at its column, all on line 2
        assert not result.written and not FundYear.objects.exists()
        assert {error.line for error in result.errors} == {2}
        assert {error.column for error in result.errors} == {
            "ชื่อกองทุน",
            "ปี พ.ศ.",
            "จำนวนสมาชิก",
            "สวัสดิการเสียชีวิต",
        }

    def test_a_known_fund_with_a_negative_figure_and_age_groups_over_its_members_reports_both(
        self, cast, funds
    ):
        headings = ["รหัสกองทุน", "ปี พ.ศ.", "จำนวนสมาชิก", "สมาชิกอายุ 60 ปีขึ้นไป", "เงินกองทุนคงเหลือ"]
        result = _import(
            cast.chiangrai_coordinator, [["F001", "2567", "100", "150", "-5"]], headings=headings
        )
        assert not result.written
        messages = {(error.column, error.message) for error in result.errors}
        assert len(messages) == 2
        assert {column for column, _message in messages} == {"จำนวนสมาชิก", "เงินกองทุนคงเหลือ"}

    def test_a_year_out_of_range_and_a_bad_number_are_both_reported(self, cast, funds):
        headings = ["รหัสกองทุน", "ปี พ.ศ.", "จำนวนสมาชิก", "เงินออมสมาชิก"]
        result = _import(cast.chiangrai_coordinator, [["F001", "2300", "100", "มาก"]], headings=headings)
        assert {error.column for error in result.errors} == {"ปี พ.ศ.", "เงินออมสมาชิก"}
