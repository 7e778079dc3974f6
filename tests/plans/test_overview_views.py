"""Overview pages on the Chiang Rai fixture (progress_data.py): the province's plans and targets with the districts
reporting and its export, a tambon's page with its split, entries, funds and meetings as far as the reader may see,
and a region's provinces compared this year and last."""

import io
import types
from decimal import Decimal

import openpyxl
import pytest

from sanphalang.areas.services import region_create
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import meeting_create
from sanphalang.plans.models import Measure
from sanphalang.plans.selectors import progress as progress_selectors
from sanphalang.welfare.services.registry import fund_create

from .progress_data import MID_YEAR, build, entry, make_indicator, make_plan

pytestmark = pytest.mark.django_db

Q1_2567 = MID_YEAR.replace(year=2023, month=10, day=1)  # the first quarter of fiscal year 2567


@pytest.fixture
def fixture(cast, monkeypatch):
    monkeypatch.setattr(progress_selectors, "timezone", types.SimpleNamespace(localdate=lambda: MID_YEAR))
    return build(cast)


def _html(response) -> str:
    return response.content.decode()


class TestTheProvincePage:
    def test_it_lists_the_plans_and_each_target_with_the_districts_reporting(self, cast, client_for, fixture):
        plan, households, villages, members = fixture
        page = client_for(cast.chiangrai_coordinator).get("/plans/provinces/57/")
        assert page.status_code == 200
        html = _html(page)
        assert "แผนและเป้าหมายของ" in html and plan.title in html
        assert "เป้าหมาย 3 รายการ โครงการ 0 โครงการ" in html
        assert page.context["year"] == 2568
        rollups = {r.indicator.pk: r for r in page.context["rollups"]}
        assert set(rollups) == {households.pk, villages.pk, members.pk}
        assert rollups[households.pk].whole.actual == Decimal(29)
        # Mueang and Mae Sai report on each target; the other 16 districts have nothing yet.
        for indicator in (households, villages, members):
            row = html[html.index(f'progress/">{indicator.name}</a>') :].split("</tr>")[0]
            assert "2 / 18" in row, indicator.name

    def test_it_exports_every_target_for_the_province_and_each_district(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        response = client_for(cast.chiangrai_coordinator).get("/plans/provinces/57/", {"export": "xlsx"})
        assert response.status_code == 200
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
        assert rows[0][:6] == ("แผน", "เป้าหมาย", "หน่วยนับ", "รหัสพื้นที่", "พื้นที่", "ค่าเป้าหมาย")
        assert len(rows) == 1 + 3 * (1 + 18)
        mueang = next(row for row in rows if row[1] == households.name and row[3] == "5701")
        assert (Decimal(str(mueang[5])), Decimal(str(mueang[6]))) == (Decimal(60), Decimal(27))
        assert mueang[2] == "ครัวเรือน"

    def test_an_outsider_gets_nothing(self, cast, client_for, fixture):
        outsider = client_for(cast.phayao_coordinator)
        assert outsider.get("/plans/provinces/57/").status_code == 404
        assert outsider.get("/plans/provinces/57/", {"export": "xlsx"}).status_code == 404


@pytest.fixture
def tambon_records(cast):
    """A fund and a council meeting in Mueang's tambon 570101, a fund in its neighbour 570102 and one in Mae Sai."""
    here = fund_create(by=cast.mueang_coordinator, name="กองทุนสวัสดิการชุมชนตำบลเวียง", area_code="570101")
    neighbour = fund_create(
        by=cast.mueang_coordinator, name="กองทุนสวัสดิการชุมชนตำบลรอบเวียง", area_code="570102"
    )
    maesai = fund_create(by=cast.maesai_coordinator, name="กองทุนสวัสดิการชุมชนตำบลเวียงพางคำ", area_code="570901")
    council = body_create(by=cast.mueang_coordinator, name_th="สภาองค์กรชุมชนตำบลเวียง", area_code="570101")
    meeting = meeting_create(by=cast.mueang_coordinator, body=council, held_on=MID_YEAR)
    return here, neighbour, maesai, meeting


class TestTheAreaPage:
    def test_a_tambon_shows_its_split_its_entries_and_its_funds_and_meetings(
        self, cast, client_for, fixture, tambon_records
    ):
        _plan, households, _villages, _members = fixture
        here, neighbour, maesai, meeting = tambon_records
        page = client_for(cast.mueang_coordinator).get("/plans/areas/570101/")
        assert page.status_code == 200
        overview = page.context["overview"]
        assert [(s.indicator_id, s.target) for s in overview.targets] == [(households.pk, Decimal(20))]
        assert sorted(e.value for e in overview.entries) == [
            Decimal(5),
            Decimal(12),
        ]  # Q2, and Q1 as corrected
        assert {e.area_id for e in overview.entries} == {"570101"}
        assert list(overview.funds) == [here]
        assert list(overview.meetings) == [meeting]
        html = _html(page)
        assert f"/plans/indicators/{households.pk}/progress/?area=570101" in html
        assert here.name_th in html and neighbour.name_th not in html and maesai.name_th not in html
        assert "สภาองค์กรชุมชนตำบลเวียง" in html

    def test_a_district_sees_of_its_province_only_what_its_areas_let_it(
        self, cast, client_for, fixture, tambon_records
    ):
        here, neighbour, maesai, _meeting = tambon_records
        mueang = client_for(cast.mueang_coordinator).get("/plans/areas/57/").context["overview"]
        assert set(mueang.funds) == {here, neighbour}
        province = client_for(cast.chiangrai_coordinator).get("/plans/areas/57/").context["overview"]
        assert set(province.funds) == {here, neighbour, maesai}

    def test_another_district_and_an_outsider_get_nothing_of_the_tambon(
        self, cast, client_for, fixture, tambon_records
    ):
        assert client_for(cast.maesai_coordinator).get("/plans/areas/570101/").status_code == 404
        assert client_for(cast.phayao_coordinator).get("/plans/areas/570101/").status_code == 404


class TestTheRegionPage:
    @pytest.fixture
    def region(self, cast, fixture):
        """Households repaired, a common measure of Chiang Rai's plans of 2568 and 2567 and of Phayao's of 2568."""
        _plan, households, _villages, _members = fixture
        measure = Measure.objects.create(slug="houses-repaired", name_th="ครัวเรือนที่ซ่อมบ้าน", unit="households")
        households.measure = measure
        households.save()
        province = cast.chiangrai_coordinator
        earlier = make_plan(province, year_be=2567, title="แผนขับเคลื่อนเชียงราย 2567")
        last_year = make_indicator(
            earlier, province, name="ครัวเรือนที่ได้รับการซ่อมบ้าน", target=80, measure=measure
        )
        entry(cast.mueang_coordinator, last_year, "5701", Q1_2567, 50, approve_by=province)
        phayao = make_plan(cast.phayao_coordinator, area_code="56", title="วาระคนพะเยา 2568")
        housing = make_indicator(
            phayao, cast.phayao_coordinator, name="บ้านพอเพียงชนบท", target=618, measure=measure
        )
        entry(
            cast.phayao_coordinator,
            housing,
            "5601",
            MID_YEAR.replace(month=1, day=1),
            100,
            approve_by=cast.phayao_coordinator,
        )
        return region_create(
            by=cast.admin, name_th="ภาคเหนือตอนบน", province_codes=["57", "56"], slug="upper-north"
        )

    def test_it_compares_this_year_with_last_for_the_provinces_the_reader_reads(
        self, cast, client_for, region
    ):
        page = client_for(cast.chiangrai_coordinator).get("/plans/regions/upper-north/")
        assert page.status_code == 200
        assert page.context["year"] == 2568 and page.context["years"] == [2568, 2567]
        [compared] = page.context["comparisons"]
        rows = {row["code"]: row for row in compared.rows}
        now, before = rows["57"]["this_year"], rows["57"]["last_year"]
        assert (now.target, now.value) == (Decimal(100), Decimal(29))
        assert (before.target, before.value) == (Decimal(80), Decimal(50))
        assert rows["56"]["this_year"] is None  # Phayao's figures are not Chiang Rai's to read
        html = _html(page)
        assert "เป้าหมายปี 2568" in html and "ความก้าวหน้าปี 2567" in html
        assert "เปรียบเทียบรายจังหวัด" in html
        row = html[html.index('/plans/provinces/57/"') :].split("</tr>")[0]
        assert "100.00" in row and "29.00" in row and "80.00" in row and "50.00" in row

    def test_an_administrator_reads_every_province_and_exports_it(self, cast, client_for, region):
        client = client_for(cast.admin)
        [compared] = client.get("/plans/regions/upper-north/").context["comparisons"]
        phayao = next(row for row in compared.rows if row["code"] == "56")
        assert (phayao["this_year"].target, phayao["this_year"].value) == (Decimal(618), Decimal(100))
        response = client.get("/plans/regions/upper-north/", {"export": "xlsx"})
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
        assert rows[0] == (
            "ตัวชี้วัดร่วม",
            "รหัสพื้นที่",
            "จังหวัด",
            "เป้าหมายปีนี้",
            "ความก้าวหน้าปีนี้",
            "เป้าหมายปีที่แล้ว",
            "ความก้าวหน้าปีที่แล้ว",
        )
        chiang_rai = next(row for row in rows[1:] if row[1] == "57")
        assert [Decimal(str(v)) for v in chiang_rai[3:]] == [100, 29, 80, 50]

    def test_last_year_is_asked_for_with_thai_digits(self, cast, client_for, region):
        page = client_for(cast.chiangrai_coordinator).get("/plans/regions/upper-north/", {"year": "๒๕๖๗"})
        assert page.context["year"] == 2567
        [compared] = page.context["comparisons"]
        chiang_rai = next(row for row in compared.rows if row["code"] == "57")
        assert chiang_rai["this_year"].value == Decimal(50) and chiang_rai["last_year"] is None

    def test_an_outsider_of_every_province_of_the_region_gets_nothing(self, cast, client_for, region):
        from sanphalang.accounts.services import user_create

        chumphon = user_create(
            username="cp", password="x-Long-pass-123", role="provincial_coordinator", area_codes=["86"]
        )
        assert client_for(chumphon).get("/plans/regions/upper-north/").status_code == 404
