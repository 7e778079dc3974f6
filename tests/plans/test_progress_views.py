"""Progress pages on the Chiang Rai fixture (progress_data.py): the plan's bars and statuses in Thai, a target's rows
per area in the cumulative and per-period views and their Excel export, a district reporting with Thai digits and
refused for another district, the province's approvals and locks (reopened only by an administrator), evidence
files, and the reads staying the same however many districts report."""

import io
import types
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.plans.models import EntryStatus, PeriodLock, ProgressEntry
from sanphalang.plans.selectors import progress as progress_selectors

from .progress_data import MID_YEAR, Q1, Q2, Q3, build, entry, make_indicator, make_plan

pytestmark = pytest.mark.django_db

LOCKED = "งวดนี้จังหวัดอนุมัติและปิดแล้ว ผู้ดูแลระบบเปิดใหม่ได้"


@pytest.fixture
def fixture(cast, monkeypatch):
    # The standings compare progress with the time elapsed: the pages are read at the middle of the plan's year.
    monkeypatch.setattr(progress_selectors, "timezone", types.SimpleNamespace(localdate=lambda: MID_YEAR))
    return build(cast)


def _row(rolled, code):
    return next(row for row in rolled.rows if row.code == code)


def _html(response) -> str:
    return response.content.decode()


def _waiting(indicator, area_code, period) -> ProgressEntry:
    return ProgressEntry.objects.get(
        indicator=indicator, area_id=area_code, period_start=period, status=EntryStatus.SUBMITTED
    )


class TestThePlanPage:
    def test_each_target_is_a_bar_with_its_status_in_thai(self, cast, client_for, fixture):
        plan, households, villages, members = fixture
        page = client_for(cast.chiangrai_coordinator).get(f"/plans/{plan.pk}/")
        assert page.status_code == 200
        html = _html(page)
        assert "เป้าหมายและความก้าวหน้า" in html
        for indicator in (households, villages, members):
            assert f'aria-label="{indicator.name}"' in html
        shown = {r.indicator.pk: r.whole for r in page.context["targets_section"]["rollups"]}
        # 29 of 100 households half way through the year is behind; 68.18 % of 80 % and 170 of 400 are on track.
        assert shown[households.pk].percent_done == 29
        assert 'value="29"' in html
        assert shown[households.pk].standing_label == "ล่าช้ากว่าแผน"
        assert shown[villages.pk].standing_label == "เป็นไปตามแผน"
        assert shown[members.pk].standing_label == "เป็นไปตามแผน"
        assert html.count("ล่าช้ากว่าแผน<") == 1 and html.count("เป็นไปตามแผน<") == 2
        # Mae Sai's households and villages wait for approval: the plan's page says so.
        assert "รออนุมัติ ๒ รายการ" in html or "รออนุมัติ 2 รายการ" in html


class TestTheTargetsPage:
    def test_the_rows_show_each_district_with_its_target_and_where_the_figure_comes_from(
        self, cast, client_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        entry(cast.chiangrai_coordinator, households, "570301", Q1, 4, approve_by=cast.chiangrai_coordinator)
        page = client_for(cast.chiangrai_coordinator).get(f"/plans/indicators/{households.pk}/progress/")
        assert page.status_code == 200
        rolled = page.context["rolled"]
        mueang, maesai, mueang_next = _row(rolled, "5701"), _row(rolled, "5709"), _row(rolled, "5703")
        assert (mueang.actual, mueang.target) == (Decimal(27), Decimal(60))
        html = _html(page)
        mueang_row = html[html.index(f'?area=5701&amp;view=cumulative">{mueang.name}') :].split("</tr>")[0]
        assert "27.00" in mueang_row and "60.00" in mueang_row
        assert "บันทึกที่พื้นที่นี้และรวมยอดจากพื้นที่ย่อย" in mueang_row  # entered on 5701 and below it
        maesai_row = html[html.index(f">{maesai.name}</a>") :].split("</tr>")[0]
        assert "บันทึกที่พื้นที่นี้<" in maesai_row and "8.00" in maesai_row  # waiting, shown apart
        assert maesai.actual == 0
        next_row = html[html.index(f">{mueang_next.name}</a>") :].split("</tr>")[0]
        assert "รวมยอดจากพื้นที่ย่อย<" in next_row and "4.00" in next_row  # a subdistrict's entry rolled up

    def test_the_period_view_shows_the_period_alone_and_the_cumulative_view_adds_up_to_it(
        self, cast, client_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        client = client_for(cast.chiangrai_coordinator)
        url = f"/plans/indicators/{households.pk}/progress/"
        alone = client.get(url, {"view": "period", "upto": Q2.isoformat()})
        # Mueang in Q2 alone: 5 on 570101 and 3 on the district itself.
        assert alone.context["view"] == "period"
        assert _row(alone.context["rolled"], "5701").actual == Decimal(8)
        assert alone.context["rolled"].whole.actual == Decimal(8)
        so_far = client.get(url, {"view": "cumulative", "upto": Q1.isoformat()})
        # Mueang up to Q1: 12 (corrected) on 570101 and 7 on 570102.
        assert _row(so_far.context["rolled"], "5701").actual == Decimal(19)
        up_to_q2 = client.get(url, {"upto": Q2.isoformat()})
        assert _row(up_to_q2.context["rolled"], "5701").actual == Decimal(27)
        # The series: what each period added, and the running total.
        series = {item.period.starts_on: item for item in alone.context["series"]}
        assert (series[Q1].figure.actual, series[Q1].cumulative.actual) == (Decimal(19), Decimal(19))
        assert (series[Q2].figure.actual, series[Q2].cumulative.actual) == (Decimal(8), Decimal(27))
        assert (series[Q3].figure.actual, series[Q3].cumulative.actual) == (Decimal(2), Decimal(29))
        html = _html(alone)
        assert "สะสมถึงงวด" in html and "เฉพาะงวด" in html and "ยังไม่ปิดงวด" in html

    def test_a_district_reads_its_subdistricts(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        page = client_for(cast.mueang_coordinator).get(
            f"/plans/indicators/{households.pk}/progress/", {"area": "5701"}
        )
        rolled = page.context["rolled"]
        assert (rolled.whole.actual, rolled.whole.target) == (Decimal(27), Decimal(60))
        assert _row(rolled, "570101").actual == Decimal(17)

    def test_the_excel_export_opens_with_thai_headings_and_the_rows_shown(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        response = client_for(cast.chiangrai_coordinator).get(
            f"/plans/indicators/{households.pk}/progress/", {"export": "xlsx"}
        )
        assert response.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:5] == ("รหัสพื้นที่", "พื้นที่", "เป้าหมาย", "ความก้าวหน้า", "อนุมัติแล้ว (จำนวนส่วน)")
        assert "ที่มาของตัวเลข" in rows[0]
        assert len(rows) == 1 + 1 + 18  # the headings, the province, each of its 18 districts
        by_code = {row[0]: row for row in rows[1:]}
        assert Decimal(str(by_code["57"][3])) == 29 and Decimal(str(by_code["57"][2])) == 100
        assert Decimal(str(by_code["5701"][3])) == 27 and Decimal(str(by_code["5701"][2])) == 60
        assert by_code["5709"][-1] == "บันทึกที่พื้นที่นี้"


class TestReportingProgress:
    def test_a_district_coordinator_reports_with_thai_digits_and_it_waits_for_approval(
        self, cast, client_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        client = client_for(cast.mueang_coordinator)
        form_page = client.get(f"/plans/indicators/{households.pk}/progress/new/")
        assert form_page.status_code == 200
        offered = [code for code, _label in form_page.context["form"].fields["area"].choices]
        assert "5701" in offered and "570103" in offered
        response = client.post(
            f"/plans/indicators/{households.pk}/progress/new/",
            {"area": "570103", "period": Q3.isoformat(), "value": "๑๒", "note": "ซ่อมหลังคา"},
        )
        assert response.status_code == 302
        made = ProgressEntry.objects.get(indicator=households, area_id="570103", period_start=Q3)
        assert (made.value, made.status, made.submitted_by) == (
            Decimal(12),
            EntryStatus.SUBMITTED,
            cast.mueang_coordinator,
        )
        page = client.get(response["Location"])
        assert "ส่งความก้าวหน้าแล้ว จะนับเมื่อจังหวัดอนุมัติ" in _html(page)

    def test_a_district_cannot_report_for_another_district(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        client = client_for(cast.mueang_coordinator)
        offered = [
            code
            for code, _label in client.get(f"/plans/indicators/{households.pk}/progress/new/")
            .context["form"]
            .fields["area"]
            .choices
        ]
        assert offered and all(code.startswith("5701") for code in offered)  # not Mae Sai, not the province
        before = ProgressEntry.objects.count()
        forged = client.post(
            f"/plans/indicators/{households.pk}/progress/new/",
            {"area": "570901", "period": Q3.isoformat(), "value": "5"},
        )
        assert forged.status_code == 400
        assert "area" in forged.context["form"].errors
        assert ProgressEntry.objects.count() == before
        assert not ProgressEntry.objects.filter(area_id="570901").exists()

    def test_a_viewer_cannot_report(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        before = ProgressEntry.objects.count()
        response = client_for(cast.chiangrai_viewer).post(
            f"/plans/indicators/{households.pk}/progress/new/",
            {"area": "57", "period": Q3.isoformat(), "value": "5"},
        )
        assert response.status_code == 403
        assert ProgressEntry.objects.count() == before


class TestApprovals:
    def test_the_province_approves_one_entry_and_returns_another_with_a_reason(
        self, cast, client_for, fixture
    ):
        _plan, households, villages, _members = fixture
        client = client_for(cast.chiangrai_coordinator)
        waiting = _waiting(households, "5709", Q1)
        page = client.get(f"/plans/{households.plan_id}/approvals/", {"period": Q1.isoformat()})
        assert page.status_code == 200
        assert waiting in page.context["entries"]
        assert f"/plans/progress/{waiting.pk}/approve/" in _html(page)
        approved = client.post(f"/plans/progress/{waiting.pk}/approve/", {"version": waiting.version})
        assert approved.status_code == 302
        assert approved["Location"].endswith(
            f"/plans/{households.plan_id}/approvals/?period={Q1.isoformat()}"
        )
        waiting.refresh_from_db()
        assert (waiting.status, waiting.decided_by) == (EntryStatus.APPROVED, cast.chiangrai_coordinator)
        assert "อนุมัติรายการแล้ว" in _html(client.get(approved["Location"]))

        standing = _waiting(villages, "5709", Q2)
        returned = client.post(
            f"/plans/progress/{standing.pk}/return/",
            {"version": standing.version, "return-reason": "ไม่มีรายชื่อหมู่บ้านแนบ"},
        )
        assert returned.status_code == 302
        standing.refresh_from_db()
        assert (standing.status, standing.return_reason) == (EntryStatus.RETURNED, "ไม่มีรายชื่อหมู่บ้านแนบ")
        listed = _html(client.get(returned["Location"]))
        assert "ไม่มีรายชื่อหมู่บ้านแนบ" in listed and "ส่งกลับให้แก้ไข" in listed

    def test_a_return_without_a_reason_is_refused(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        waiting = _waiting(households, "5709", Q1)
        client = client_for(cast.chiangrai_coordinator)
        response = client.post(f"/plans/progress/{waiting.pk}/return/", {"return-reason": " "}, follow=True)
        assert "กรุณาระบุเหตุผลที่ส่งกลับ" in _html(response)
        waiting.refresh_from_db()
        assert waiting.status == EntryStatus.SUBMITTED

    def test_a_district_cannot_approve(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        waiting = _waiting(households, "5709", Q1)
        assert (
            client_for(cast.mueang_coordinator).post(f"/plans/progress/{waiting.pk}/approve/").status_code
            == 403
        )
        waiting.refresh_from_db()
        assert waiting.status == EntryStatus.SUBMITTED

    def test_an_approved_and_locked_period_refuses_the_districts_correction_until_an_administrator_reopens_it(
        self, cast, client_for, fixture
    ):
        plan, households, _villages, _members = fixture
        province = client_for(cast.chiangrai_coordinator)
        waiting = _waiting(households, "5709", Q1)
        locked = province.post(f"/plans/{plan.pk}/periods/{Q1.isoformat()}/approve/")
        assert locked.status_code == 302
        lock = PeriodLock.objects.get(plan=plan, period_start=Q1)
        assert lock.locked_by == cast.chiangrai_coordinator and lock.reopened_at is None
        waiting.refresh_from_db()
        assert waiting.status == EntryStatus.APPROVED  # approving the period approved what waited in it
        page = province.get(locked["Location"])
        assert "อนุมัติและปิดงวดแล้ว" in _html(page) and page.context["state"].locked

        # The district's correction of its Q1 entry is refused with the locked message; nothing changes.
        mueang_q1 = ProgressEntry.objects.get(indicator=households, area_id="570102", period_start=Q1)
        refused = client_for(cast.mueang_coordinator).post(
            f"/plans/progress/{mueang_q1.pk}/edit/", {"value": "9", "version": mueang_q1.version}
        )
        assert refused.status_code == 400
        assert LOCKED in _html(refused)
        mueang_q1.refresh_from_db()
        assert mueang_q1.value == Decimal(7)

        # The province coordinator may not reopen it; an administrator may, saying why.
        denied = province.post(
            f"/plans/{plan.pk}/periods/{Q1.isoformat()}/reopen/", {"reopen-reason": "แก้ไขตัวเลข"}
        )
        assert denied.status_code == 403
        lock.refresh_from_db()
        assert lock.reopened_at is None
        reopened = client_for(cast.admin).post(
            f"/plans/{plan.pk}/periods/{Q1.isoformat()}/reopen/", {"reopen-reason": "แม่สายนับซ้ำ"}
        )
        assert reopened.status_code == 302
        lock.refresh_from_db()
        assert (lock.reopened_by, lock.reopen_reason) == (cast.admin, "แม่สายนับซ้ำ")

        # Open again: the district's correction lands and waits for approval.
        corrected = client_for(cast.mueang_coordinator).post(
            f"/plans/progress/{mueang_q1.pk}/edit/", {"value": "๙", "version": mueang_q1.version}
        )
        assert corrected.status_code == 302
        mueang_q1.refresh_from_db()
        assert (mueang_q1.value, mueang_q1.status) == (Decimal(9), EntryStatus.SUBMITTED)

        # The record of approvals lists the lock with who reopened it and why.
        record = province.get(f"/plans/{plan.pk}/approvals/", {"period": Q1.isoformat()})
        assert list(record.context["locks"]) == [lock]
        html = _html(record)
        assert "ประวัติการอนุมัติ" in html and "เปิดใหม่โดย" in html and "แม่สายนับซ้ำ" in html

    def test_the_reopen_form_is_offered_to_an_administrator_only(self, cast, client_for, fixture):
        plan, _households, _villages, _members = fixture
        client_for(cast.chiangrai_coordinator).post(f"/plans/{plan.pk}/periods/{Q1.isoformat()}/approve/")
        url = f"/plans/{plan.pk}/approvals/?period={Q1.isoformat()}"
        reopen = f"/plans/{plan.pk}/periods/{Q1.isoformat()}/reopen/"
        assert reopen not in _html(client_for(cast.chiangrai_coordinator).get(url))
        assert reopen in _html(client_for(cast.admin).get(url))


class TestEvidence:
    def test_an_evidence_file_is_uploaded_and_downloaded_and_an_outsider_gets_nothing(
        self, cast, client_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        upload = SimpleUploadedFile("รายชื่อครัวเรือน.csv", "บ้านเลขที่,ชื่อ\n12,สมชาย\n".encode(), "text/csv")
        response = client_for(cast.mueang_coordinator).post(
            f"/plans/indicators/{households.pk}/progress/new/",
            {"area": "570104", "period": Q3.isoformat(), "value": "3", "evidence_file": upload},
        )
        assert response.status_code == 302
        made = ProgressEntry.objects.get(area_id="570104", period_start=Q3)
        assert made.evidence_file
        download = client_for(cast.chiangrai_coordinator).get(f"/plans/progress/{made.pk}/evidence/")
        assert download.status_code == 200
        assert b"".join(download.streaming_content) == "บ้านเลขที่,ชื่อ\n12,สมชาย\n".encode()
        assert "attachment" in download["Content-Disposition"]
        assert (
            client_for(cast.phayao_coordinator).get(f"/plans/progress/{made.pk}/evidence/").status_code == 404
        )

    def test_an_entry_without_a_file_has_no_evidence_to_download(self, cast, client_for, fixture):
        _plan, households, _villages, _members = fixture
        plain = ProgressEntry.objects.get(indicator=households, area_id="570102", period_start=Q1)
        assert (
            client_for(cast.chiangrai_coordinator).get(f"/plans/progress/{plain.pk}/evidence/").status_code
            == 404
        )


def _districts(count: int) -> list[str]:
    codes = list(
        Area.objects.filter(parent_id="57", level=AreaLevel.DISTRICT)
        .order_by("code")
        .values_list("code", flat=True)
    )
    assert len(codes) >= count
    return codes[:count]


def test_the_targets_page_reads_the_same_for_2_districts_as_for_12(
    cast, client_for, django_assert_num_queries, django_assert_max_num_queries
):
    # given a province whose target has entries in two districts
    province = cast.chiangrai_coordinator
    plan = make_plan(province, title="แผนทดสอบจำนวนการอ่าน")
    target = make_indicator(plan, province, name="ครัวเรือนที่ได้รับการซ่อมบ้าน", target=500)
    districts = _districts(12)
    for code in districts[:2]:
        entry(province, target, code, Q1, 3, approve_by=province)
    client = client_for(province)
    url = f"/plans/indicators/{target.pk}/progress/"
    assert client.get(url).status_code == 200  # sessions and caches warmed
    with django_assert_max_num_queries(200) as two:
        few = client.get(url)
    assert few.context["rolled"].whole.actual == Decimal(6)
    # when ten more districts report, in two periods
    for code in districts[2:]:
        entry(province, target, code, Q1, 3, approve_by=province)
        entry(province, target, code, Q2, 1)
    # then the page issues the same queries
    with django_assert_num_queries(len(two.captured_queries)):
        many = client.get(url)
    assert many.context["rolled"].whole.actual == Decimal(36)
    assert many.context["rolled"].whole.pending == Decimal(10)
    assert sum(1 for row in many.context["rolled"].rows if row.entries) == 12


def test_an_outsider_gets_nothing_of_the_progress_pages(cast, client_for, fixture):
    plan, households, _villages, _members = fixture
    outsider = client_for(cast.phayao_coordinator)
    waiting = _waiting(households, "5709", Q1)
    assert outsider.get(f"/plans/indicators/{households.pk}/progress/").status_code == 404
    assert outsider.get(f"/plans/{plan.pk}/approvals/").status_code == 404
    assert outsider.post(f"/plans/progress/{waiting.pk}/approve/").status_code == 404
    waiting.refresh_from_db()
    assert waiting.status == EntryStatus.SUBMITTED
