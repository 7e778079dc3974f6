"""Reconciling the sources into funds, and the officer's split and merge surviving a new reconcile."""

import pytest

from sanphalang.errors import AccessDenied
from sanphalang.welfare.models import Fund, SourceRecord
from sanphalang.welfare.selectors.figures import fund_rollup
from sanphalang.welfare.services.reconcile import link_merge, link_split, reconcile
from sanphalang.welfare.services.settle import settle

from ..registry_data import import_source


class TestReconcile:
    def test_it_links_the_same_fund_across_sources_and_is_idempotent(self, cast, two_sources):
        # then name variants of one fund are one fund, each record with a score and reasons
        assert Fund.objects.count() == 3
        mae_yao = two_sources
        linked = mae_yao.source_records.order_by("source__name")
        assert {r.source.name for r in linked} == {"โปรแกรม", "สมทบ"}
        assert all(r.link_score and r.link_reasons for r in linked)
        # when reconcile runs again after a settlement
        settle(by=cast.chiangrai_coordinator, fund=mae_yao, field="members", value="1250", reason="นับใหม่")
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        # then no fund is duplicated and the settled value stays
        assert Fund.objects.count() == 3
        mae_yao.refresh_from_db()
        assert mae_yao.members == 1250

    def test_it_links_three_generated_sources(self, cast):
        from sanphalang.demo.fund_sources import generate_sources

        # given three generated sources of five Chiang Rai funds with name variants
        sources, truth = generate_sources(5, seed=3)
        headings = ["ชื่อกองทุน", "ตำบล", "อำเภอ", "จังหวัด", "ที่ตั้ง", "จำนวนสมาชิก", "สถานะ", "รหัสกองทุน"]
        for name, records in sources.items():
            rows = [
                [
                    r.fund_name,
                    r.tambon,
                    r.district,
                    r.province,
                    r.location,
                    "" if r.members is None else str(r.members),
                    r.status,
                    r.fund_code,
                ]
                for r in records
            ]
            import_source(cast.chiangrai_coordinator, name, rows, headings=headings)
        # when they are reconciled twice
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        funds_after_first = Fund.objects.count()
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        # then records of one true fund share a fund, and nothing is duplicated
        assert Fund.objects.count() == funds_after_first
        fund_of_truth: dict[str, set] = {}
        for record in SourceRecord.objects.select_related("source"):
            # the truth counts data rows; a record keeps the file's line, the heading being line 1
            fund_of_truth.setdefault(truth[(record.source.name, record.row - 1)], set()).add(record.fund_id)
        assert sum(len(funds) == 1 for funds in fund_of_truth.values()) >= 4

    def test_it_refuses_a_viewer(self, cast, two_sources):
        with pytest.raises(AccessDenied):
            reconcile(by=cast.chiangrai_viewer, province_code="57")


class TestReviewAndRollup:
    def test_split_and_merge_survive_a_new_reconcile(self, cast, two_sources):
        record = two_sources.source_records.get(source__name="สมทบ")
        own = link_split(by=cast.chiangrai_coordinator, record=record)
        assert own != two_sources and Fund.objects.count() == 4
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        record.refresh_from_db()
        assert record.fund == own
        link_merge(by=cast.chiangrai_coordinator, record=record, fund=two_sources)
        record.refresh_from_db()
        assert record.fund == two_sources and not record.needs_review

    def test_it_sums_funds_and_members_by_district_in_the_users_scope(self, cast, two_sources):
        rows = {r["code"]: r for r in fund_rollup(user=cast.chiangrai_coordinator, level="district")}
        # Mae Yao's members are the matching list's 1,300 (trusted for members before the program's 1,200) + 850
        assert rows["5701"]["funds"] == 2 and rows["5701"]["members"] == 2150
        assert rows["5709"]["funds"] == 1
        assert fund_rollup(user=cast.phayao_coordinator, level="district") == []
