"""The pages of yearly figures: the fund page's table, the form to add or correct a year, and the roll-up by year."""

from decimal import Decimal

import pytest
from django.urls import reverse

from sanphalang.welfare.models import Fund, FundYear
from sanphalang.welfare.services.figures import fund_year_save
from sanphalang.welfare.services.reconcile import reconcile

from ..registry_data import import_source, program_rows


@pytest.fixture
def fund(cast):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Fund.objects.get(fund_code="F001")


@pytest.fixture
def year_2566(cast, fund):
    year, _created = fund_year_save(
        by=cast.chiangrai_coordinator,
        fund=fund,
        year_be=2566,
        values={
            "members": 1100,
            "members_elderly": 300,
            "savings": Decimal("1234567.5"),
            "benefits_death": Decimal("1000"),
            "benefits_sickness": Decimal("500"),
        },
    )
    return year


class TestFundYearPages:
    def test_the_fund_page_shows_each_year_with_totals_and_their_parts(self, cast, client_for, year_2566):
        html = (
            client_for(cast.chiangrai_viewer)
            .get(reverse("welfare:fund_detail", args=[year_2566.fund_id]))
            .content
        )
        text = html.decode()
        assert "2566" in text and "1,234,567.50" in text and "1,500.00" in text
        # a reader sees the figures but no way to change them
        assert reverse("welfare:fund_year_add", args=[year_2566.fund_id]) not in text

    def test_a_coordinator_adds_a_year_typed_in_thai_digits(self, cast, client_for, fund):
        client = client_for(cast.chiangrai_coordinator)
        assert client.get(reverse("welfare:fund_year_add", args=[fund.pk])).status_code == 200
        response = client.post(
            reverse("welfare:fund_year_add", args=[fund.pk]),
            {"year_be": "๒๕๖๗", "members": "๑,๒๐๐", "savings": "๓๕๐,๐๐๐.๕๐", "matching_government": "120000"},
        )
        assert response.status_code == 302
        year = FundYear.objects.get(fund=fund)
        assert (year.year_be, year.members, year.savings) == (2567, 1200, Decimal("350000.50"))

    @pytest.mark.parametrize(
        "posted,field",
        [
            ({"savings": "-5"}, "savings"),
            ({"members": "100", "members_children": "80", "members_elderly": "50"}, "members"),
            ({"year_be": "2450", "members": "1"}, "year_be"),
        ],
    )
    def test_a_bad_figure_is_shown_at_its_field_and_nothing_is_saved(
        self, cast, client_for, fund, posted, field
    ):
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:fund_year_add", args=[fund.pk]), {"year_be": "2567", **posted}
        )
        assert response.status_code == 400
        assert response.context["form"].errors[field]
        assert 'aria-invalid="true"' in response.content.decode()
        assert not FundYear.objects.exists()

    def test_correcting_a_year_keeps_its_year_whatever_is_posted(self, cast, client_for, year_2566):
        url = reverse("welfare:fund_year_edit", args=[year_2566.fund_id, 2566])
        client = client_for(cast.chiangrai_coordinator)
        assert client.get(url).context["form"].initial["members"] == 1100
        response = client.post(url, {"year_be": "2567", "members": "1150"})
        assert response.status_code == 302
        assert list(FundYear.objects.values_list("year_be", "members")) == [(2566, 1150)]

    def test_a_coordinator_removes_a_year(self, cast, client_for, year_2566):
        url = reverse("welfare:fund_year_delete", args=[year_2566.fund_id, 2566])
        assert client_for(cast.chiangrai_coordinator).post(url).status_code == 302
        assert not FundYear.objects.exists()

    def test_a_viewer_can_neither_add_nor_remove(self, cast, client_for, year_2566):
        client = client_for(cast.chiangrai_viewer)
        add = client.post(
            reverse("welfare:fund_year_add", args=[year_2566.fund_id]), {"year_be": "2567", "members": "1"}
        )
        remove = client.post(reverse("welfare:fund_year_delete", args=[year_2566.fund_id, 2566]))
        assert add.status_code == 403 and remove.status_code == 403
        assert list(FundYear.objects.values_list("year_be", flat=True)) == [2566]

    def test_an_outsider_gets_nothing(self, cast, client_for, year_2566):
        client = client_for(cast.phayao_coordinator)
        for url in (
            reverse("welfare:fund_year_add", args=[year_2566.fund_id]),
            reverse("welfare:fund_year_edit", args=[year_2566.fund_id, 2566]),
        ):
            assert client.get(url).status_code == 404
            assert client.post(url, {"year_be": "2566", "members": "1"}).status_code == 404
        assert (
            client.post(reverse("welfare:fund_year_delete", args=[year_2566.fund_id, 2566])).status_code
            == 404
        )
        assert FundYear.objects.get().members == 1100

    def test_an_unknown_year_is_not_found(self, cast, client_for, year_2566):
        client = client_for(cast.chiangrai_coordinator)
        assert (
            client.get(reverse("welfare:fund_year_edit", args=[year_2566.fund_id, 2500])).status_code == 404
        )


class TestRollupByYear:
    def test_it_shows_the_latest_years_figures_and_switches_year(self, cast, client_for, year_2566):
        fund_year_save(
            by=cast.chiangrai_coordinator, fund=year_2566.fund, year_be=2567, values={"members": 1200}
        )
        client = client_for(cast.chiangrai_coordinator)
        response = client.get(reverse("welfare:rollup"), {"level": "district"})
        assert response.context["year"] == 2567 and response.context["years"] == [2567, 2566]
        [row] = [r for r in response.context["rows"] if r["code"] == "5701"]
        assert row["figures"]["members"] == 1200
        response = client.get(reverse("welfare:rollup"), {"level": "province", "year": "๒๕๖๖"})
        assert response.context["year"] == 2566
        assert response.context["rows"][0]["benefits_total"] == Decimal("1500")
        assert response.context["total"]["figures"]["savings"] == Decimal("1234567.5")

    def test_a_year_without_figures_falls_back_to_the_latest(self, cast, client_for, year_2566):
        response = client_for(cast.chiangrai_coordinator).get(reverse("welfare:rollup"), {"year": "nonsense"})
        assert response.status_code == 200 and response.context["year"] == 2566

    def test_it_exports_the_rollup_with_every_figure(self, cast, client_for, year_2566):
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("welfare:rollup"), {"level": "province", "year": "2566", "export": "csv"}
        )
        assert response.status_code == 200
        lines = response.content.decode("utf-8-sig").splitlines()
        assert len(lines) == 2 and lines[1].startswith("57,")
        assert "1234567.5" in lines[1] and "1100" in lines[1]

    def test_an_outsider_sees_no_figures(self, cast, client_for, year_2566):
        response = client_for(cast.phayao_coordinator).get(reverse("welfare:rollup"))
        assert response.context["rows"] == [] and response.context["year"] is None


def test_the_fund_page_reads_in_a_constant_number_of_queries(
    cast, client_for, fund, django_assert_max_num_queries
):
    # given a fund with one year of figures and its two source records
    fund_year_save(by=cast.chiangrai_coordinator, fund=fund, year_be=2566, values={"members": 1})
    client = client_for(cast.chiangrai_coordinator)
    url = reverse("welfare:fund_detail", args=[fund.pk])
    with django_assert_max_num_queries(40) as few:
        assert client.get(url).status_code == 200
    # when it gains eight more years and a settlement
    for year in range(2557, 2565):
        fund_year_save(
            by=cast.chiangrai_coordinator, fund=fund, year_be=year, values={"members": year - 2500}
        )
    from sanphalang.welfare.services.settle import settle

    settle(by=cast.chiangrai_coordinator, fund=fund, field="members", value="1250", reason="นับใหม่")
    with django_assert_max_num_queries(40) as many:
        assert client.get(url).status_code == 200
    # then the page reads no more queries than before
    assert len(many.captured_queries) <= len(few.captured_queries)


def test_the_rollup_prints_as_a_pdf_in_thai(cast, client_for, year_2566, tmp_path):
    import shutil
    import subprocess

    # when the coordinator prints the province roll-up of 2566
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("welfare:rollup"), {"level": "province", "year": "2566", "export": "pdf"}
    )
    # then a PDF comes back whose text is the Thai table with the province and its figures
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    path = tmp_path / "rollup.pdf"
    path.write_bytes(response.content)
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils is installed by run.sh test"
    subprocess.run([pdftotext, "-raw", "-enc", "UTF-8", str(path), str(tmp_path / "rollup.txt")], check=True)
    text = (tmp_path / "rollup.txt").read_text(encoding="utf-8")
    assert "เชียงราย" in text and "1,234,567.50" in text and "2566" in text
    assert "\u25cc" not in text and "\ufffd" not in text  # no dotted circles or replacement characters


def _pdf_text(content: bytes, tmp_path) -> str:
    import shutil
    import subprocess

    path = tmp_path / "rollup.pdf"
    path.write_bytes(content)
    subprocess.run(
        [shutil.which("pdftotext"), "-raw", "-enc", "UTF-8", str(path), str(tmp_path / "rollup.txt")],
        check=True,
    )
    return (tmp_path / "rollup.txt").read_text(encoding="utf-8")


def test_the_printed_rollup_names_its_area_and_year_and_totals_once_at_the_end(cast, year_2566, tmp_path):
    from django.utils import translation

    from sanphalang.welfare.documents import render_rollup_pdf
    from sanphalang.welfare.selectors.figures import rollup_table

    # given the district roll-up of Chiang Rai in 2566, made long enough (its row 80 times) to fill several pages
    rows, total = rollup_table(user=cast.chiangrai_coordinator, level="district", year_be=2566)
    with translation.override("th"):
        content = render_rollup_pdf(
            title="กองทุนรายอำเภอ", rows=rows * 80, total=total, year=2566, user=cast.chiangrai_coordinator
        )
    text = _pdf_text(content, tmp_path)
    # then the title names the province and the year
    assert "จังหวัดเชียงราย" in text.splitlines()[0] and "ปี 2566" in text.splitlines()[0]
    # and the document has several pages, but the total row once, after the last district
    assert text.count("\f") >= 2
    assert text.count("รวม ") == 1
    assert text.rindex("รวม ") > text.rindex(rows[0]["name"])
