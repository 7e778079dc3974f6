"""Importing a source again: its records stay in the funds they were in, and settled history keeps its source."""

import pytest

from sanphalang.welfare.models import Fund, Settlement, SourceRecord
from sanphalang.welfare.services.reconcile import link_split, reconcile
from sanphalang.welfare.services.settle import settle

from ..registry_data import import_source, matching_rows, program_rows


@pytest.fixture
def reconciled(cast):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Fund.objects.get(fund_code="F001")


def _import_all_again(cast, program=None):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program or program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    return reconcile(by=cast.chiangrai_coordinator, province_code="57")


class TestReimport:
    def test_a_renamed_fund_is_not_made_again_when_every_source_is_imported_again(self, cast, reconciled):
        # given the officer settled the fund's name to one no source writes
        settle(
            by=cast.chiangrai_coordinator,
            fund=reconciled,
            field="fund_name",
            value="กองทุนสวัสดิการชุมชนตำบลแม่ยาว (บ้านป่าอ้อ)",
            reason="ชื่อตามข้อบังคับ",
        )
        funds_before = Fund.objects.count()
        # when every source is imported again and reconciled
        summary = _import_all_again(cast)
        # then no fund is made, and the records are back in the renamed fund
        assert summary["created"] == 0 and Fund.objects.count() == funds_before
        assert SourceRecord.objects.filter(fund=reconciled).count() == 2
        assert Fund.objects.get(pk=reconciled.pk).name_th == "กองทุนสวัสดิการชุมชนตำบลแม่ยาว (บ้านป่าอ้อ)"

    def test_a_record_the_officer_split_off_stays_split_after_its_source_is_imported_again(
        self, cast, reconciled
    ):
        record = SourceRecord.objects.get(source__name="สมทบ", fund=reconciled)
        # given the officer split the matching list's record into a fund of its own (the name stays the source's)
        settle(
            by=cast.chiangrai_coordinator,
            fund=reconciled,
            field="fund_name",
            value="กองทุนสวัสดิการชุมชนตำบลแม่ยาว (เดิม)",
            reason="คนละกองทุน",
        )
        split_fund = link_split(by=cast.chiangrai_coordinator, record=record)
        # when the sources are imported again and reconciled
        _import_all_again(cast)
        # then the record is still in the split fund, as the officer's decision
        again = SourceRecord.objects.get(source__name="สมทบ", row=record.row)
        assert again.fund == split_fund and again.link_reasons[0] == ["officer"]
        assert SourceRecord.objects.filter(source__name="โปรแกรม", fund=reconciled).count() == 1

    def test_a_changed_row_is_recognised_by_its_fund_code(self, cast, reconciled):
        settle(
            by=cast.chiangrai_coordinator,
            fund=reconciled,
            field="fund_name",
            value="กองทุนแม่ยาวรวมใจ",
            reason="ชื่อใหม่",
        )
        rows = program_rows()
        rows[0][1], rows[0][5] = "กองทุนแม่ยาวรวมใจ", "1,250"  # now named as settled, with a new member count
        _import_all_again(cast, program=rows)
        assert SourceRecord.objects.get(source__name="โปรแกรม", row=2).fund == reconciled

    def test_a_settlement_keeps_its_source_and_row_after_the_record_is_replaced(self, cast, reconciled):
        record = SourceRecord.objects.get(source__name="สมทบ", fund=reconciled)
        settle(
            by=cast.chiangrai_coordinator,
            fund=reconciled,
            field="members",
            from_record=record,
            value="",
            reason="ตรงกับบัญชี",
        )
        _import_all_again(cast)
        settlement = Settlement.objects.get()
        assert settlement.from_record is None  # the record it pointed to was replaced
        assert (settlement.source_name, settlement.source_row, settlement.value) == (
            "สมทบ",
            record.row,
            "๑๓๐๐",
        )
