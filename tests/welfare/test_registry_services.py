"""The registry's services: import a source, reconcile the sources into funds, explain and settle disagreements."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.imports.tabular import Table
from sanphalang.welfare.linkage.records import suggest_mapping
from sanphalang.welfare.models import Fund, Settlement, Source, SourceRecord
from sanphalang.welfare.selectors.figures import fund_rollup
from sanphalang.welfare.selectors.settle import disagreements
from sanphalang.welfare.services.reconcile import link_merge, link_split, reconcile
from sanphalang.welfare.services.settle import settle
from sanphalang.welfare.services.sources import source_import

from .registry_data import THAI_HEADINGS, import_source, matching_rows, program_rows


class TestImport:
    def test_it_recognises_thai_headings_and_remembers_the_mapping(self, cast):
        # when a file with Thai headings is imported without a mapping
        result = import_source(cast.chiangrai_coordinator, "โปรแกรมบริหารกองทุน", program_rows())
        # then each row is a record with our field names, and the mapping is remembered
        assert result.created == 3 and result.recognised
        record = SourceRecord.objects.get(source=result.source, row=1)
        assert record.fund_name == "กองทุนสวัสดิการชุมชนตำบลแม่ยาว"
        assert record.data["members"] == "1,200" and record.data["tambon"] == "แม่ยาว"
        assert record.area_id and record.area_id.startswith("5701")
        assert Source.objects.get().column_mapping["fund_name"] == "ชื่อกองทุน"

    def test_it_uses_and_suggests_the_remembered_mapping_next_time(self, cast):
        # given a source imported once with an explicit mapping of odd headings
        headings = ["เลขที่", "กองทุน สวัสดิการ", "ที่ตั้ง", "คน"]
        mapping = {"fund_name": "กองทุน สวัสดิการ", "location": "ที่ตั้ง", "members": "คน"}
        rows = [["1", "กองทุนสวัสดิการ ต.แม่ยาว", "ต.แม่ยาว อ.เมือง จ.เชียงราย", "1300"]]
        import_source(cast.chiangrai_coordinator, "สำรวจเครือข่าย", rows, headings=headings, column_mapping=mapping)
        source = Source.objects.get()
        # when the same layout comes again without a mapping
        result = import_source(cast.chiangrai_coordinator, "สำรวจเครือข่าย", rows * 2, headings=headings)
        # then the remembered mapping is used and suggested, and the old rows are replaced
        assert result.mapping == mapping and not result.recognised
        assert SourceRecord.objects.filter(source=source).count() == 2
        assert suggest_mapping(source, headings) == mapping

    def test_it_refuses_a_mapping_that_no_longer_fits_and_writes_nothing(self, cast):
        # given a source whose remembered mapping names "จำนวนสมาชิก"
        import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
        before = list(SourceRecord.objects.values_list("pk", flat=True))
        # when the office renames that column
        headings = [h if h != "จำนวนสมาชิก" else "สมาชิก (คน)" for h in THAI_HEADINGS]
        with pytest.raises(ValidationError) as error:
            import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows()[:1], headings=headings)
        # then the error names the missing column and the old rows are kept
        assert "จำนวนสมาชิก" in " ".join(error.value.messages)
        assert list(SourceRecord.objects.values_list("pk", flat=True)) == before

    def test_it_refuses_a_file_without_a_fund_name_column(self, cast):
        with pytest.raises(ValidationError) as error:
            source_import(by=cast.chiangrai_coordinator, source_name="x", province_code="57",
                          table=Table(headings=["ตำบล", "สมาชิก"], rows=[(2, ["แม่ยาว", "3"])]))
        assert error.value.code == "no_fund_name"
        assert not Source.objects.exists()

    def test_it_refuses_an_outsider(self, cast):
        with pytest.raises(AccessDenied):
            import_source(cast.phayao_coordinator, "โปรแกรม", program_rows())
        assert not SourceRecord.objects.exists()


@pytest.fixture
def two_sources(cast):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Fund.objects.get(fund_code="F001")


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
            rows = [[r.fund_name, r.tambon, r.district, r.province, r.location,
                     "" if r.members is None else str(r.members), r.status, r.fund_code] for r in records]
            import_source(cast.chiangrai_coordinator, name, rows, headings=headings)
        # when they are reconciled twice
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        funds_after_first = Fund.objects.count()
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        # then records of one true fund share a fund, and nothing is duplicated
        assert Fund.objects.count() == funds_after_first
        fund_of_truth: dict[str, set] = {}
        for record in SourceRecord.objects.select_related("source"):
            fund_of_truth.setdefault(truth[(record.source.name, record.row)], set()).add(record.fund_id)
        assert sum(len(funds) == 1 for funds in fund_of_truth.values()) >= 4

    def test_it_refuses_a_viewer(self, cast, two_sources):
        with pytest.raises(AccessDenied):
            reconcile(by=cast.chiangrai_viewer, province_code="57")


class TestDisagreementsAndSettle:
    def test_it_lists_differing_member_counts_and_a_missing_source(self, cast, two_sources):
        found = dict(disagreements(two_sources))
        assert found["members"] == {"โปรแกรม": 1200, "สมทบ": 1300}
        mae_sai = Fund.objects.get(fund_code="F003")
        assert dict(disagreements(mae_sai))["members"] == {"โปรแกรม": 640, "สมทบ": None}

    def test_it_settles_a_field_from_a_source_with_the_user_and_reason(self, cast, two_sources):
        # given the matching list's record of the fund
        record = two_sources.source_records.get(source__name="สมทบ")
        # when the coordinator takes its member count
        settlement = settle(by=cast.chiangrai_coordinator, fund=two_sources, field="members", value="",
                            from_record=record, reason="ตรวจเยี่ยมแล้ว")
        # then the fund holds it and the settlement says who, from where and why
        two_sources.refresh_from_db()
        assert two_sources.members == 1300
        assert (settlement.decided_by, settlement.from_record, settlement.reason) == (
            cast.chiangrai_coordinator, record, "ตรวจเยี่ยมแล้ว")
        assert two_sources.history.first().history_user == cast.chiangrai_coordinator

    def test_it_requires_a_reason(self, cast, two_sources):
        with pytest.raises(ValidationError):
            settle(by=cast.chiangrai_coordinator, fund=two_sources, field="status", value="paused", reason=" ")
        assert not Settlement.objects.exists()

    def test_it_refuses_a_viewer_and_writes_nothing(self, cast, two_sources):
        with pytest.raises(AccessDenied):
            settle(by=cast.chiangrai_viewer, fund=two_sources, field="members", value="1", reason="x")
        two_sources.refresh_from_db()
        assert two_sources.members == 1200 and not Settlement.objects.exists()


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
        assert rows["5701"]["funds"] == 2 and rows["5701"]["members"] == 2050
        assert rows["5709"]["funds"] == 1
        assert fund_rollup(user=cast.phayao_coordinator, level="district") == []
