"""Importing a source: its headings recognised and remembered, a changed layout refused, the outsider refused."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.imports.tabular import Table
from sanphalang.welfare.linkage.records import suggest_mapping
from sanphalang.welfare.models import Source, SourceRecord
from sanphalang.welfare.services.sources import source_import

from ..registry_data import THAI_HEADINGS, import_source, program_rows


class TestImport:
    def test_it_recognises_thai_headings_and_remembers_the_mapping(self, cast):
        # when a file with Thai headings is imported without a mapping
        result = import_source(cast.chiangrai_coordinator, "โปรแกรมบริหารกองทุน", program_rows())
        # then each row is a record with our field names, and the mapping is remembered
        assert result.created == 3 and result.recognised
        record = SourceRecord.objects.get(source=result.source, row=2)
        assert record.fund_name == "กองทุนสวัสดิการชุมชนตำบลแม่ยาว"
        assert record.data["members"] == "1,200" and record.data["tambon"] == "แม่ยาว"
        assert record.area_id and record.area_id.startswith("5701")
        assert Source.objects.get().column_mapping["fund_name"] == "ชื่อกองทุน"

    def test_it_uses_and_suggests_the_remembered_mapping_next_time(self, cast):
        # given a source imported once with an explicit mapping of odd headings
        headings = ["เลขที่", "กองทุน สวัสดิการ", "ที่ตั้ง", "คน"]
        mapping = {"fund_name": "กองทุน สวัสดิการ", "location": "ที่ตั้ง", "members": "คน"}
        rows = [["1", "กองทุนสวัสดิการ ต.แม่ยาว", "ต.แม่ยาว อ.เมือง จ.เชียงราย", "1300"]]
        import_source(
            cast.chiangrai_coordinator, "สำรวจเครือข่าย", rows, headings=headings, column_mapping=mapping
        )
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
            source_import(
                by=cast.chiangrai_coordinator,
                source_name="x",
                area_code="57",
                table=Table(headings=["ตำบล", "สมาชิก"], rows=[(2, ["แม่ยาว", "3"])]),
            )
        assert error.value.code == "no_fund_name"
        assert not Source.objects.exists()

    def test_it_refuses_an_outsider(self, cast):
        with pytest.raises(AccessDenied):
            import_source(cast.phayao_coordinator, "โปรแกรม", program_rows())
        assert not SourceRecord.objects.exists()
