"""Sources that cover the country or a region: given once, each province reconciles its own rows; a province's file
with other provinces' rows names them; the row checks of every import; bad files refused with nothing written."""

import pytest
from django.core.exceptions import ValidationError

from sanphalang.areas.models import Area, Region
from sanphalang.errors import AccessDenied
from sanphalang.imports.models import ImportBatch
from sanphalang.welfare.models import Fund, Source, SourceKind, SourceRecord
from sanphalang.welfare.selectors.sources import (
    source_label,
    source_list,
    source_upload_suggestion,
    source_upload_table,
)
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.sources import source_import, source_upload_create

from ..registry_data import THAI_HEADINGS, table

NATIONAL_ROWS = [
    ["1", "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "1,200", "ดำเนินการ", "F001"],
    ["2", "กองทุนสวัสดิการชุมชนตำบลแม่สาย", "แม่สาย", "แม่สาย", "เชียงราย", "640", "ดำเนินการ", "F003"],
    ["3", "กองทุนสวัสดิการชุมชนตำบลแม่กา", "แม่กา", "เมืองพะเยา", "พะเยา", "900", "หยุดดำเนินการ", "P001"],
]


def _national(by, rows=NATIONAL_ROWS, name="โปรแกรมบริหารกองทุน (ส่วนกลาง)", **kwargs):
    return source_import(by=by, source_name=name, area_code="TH", table=table(THAI_HEADINGS, rows), **kwargs)


def _refused(**kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        source_import(**kwargs)
    return refused.value


class TestNationalSource:
    def test_one_upload_gives_each_province_its_rows_to_reconcile(self, cast):
        # given the national office's file, given once by a national user
        result = _national(cast.admin)
        assert result.source.area_id == "TH" and result.source.kind == SourceKind.PROGRAM  # told by its name
        assert dict(SourceRecord.objects.values_list("row", "province_id")) == {2: "57", 3: "57", 4: "56"}
        # then each province's coordinators see it, named with its area
        for user in (cast.chiangrai_coordinator, cast.mueang_coordinator, cast.phayao_coordinator):
            assert list(source_list(user=user)) == [result.source]
        assert source_label(result.source) == "โปรแกรมบริหารกองทุน (ส่วนกลาง) (ประเทศไทย)"
        assert list(source_list(user=cast.unassigned)) == []
        # when Chiang Rai's coordinator reconciles Chiang Rai, then only its two rows become its funds
        assert reconcile(by=cast.chiangrai_coordinator, province_code="57")["records"] == 2
        assert sorted(code[:4] for code in Fund.objects.values_list("area_id", flat=True)) == ["5701", "5709"]
        # and Phayao's coordinator reconciles Phayao's row from the same source
        assert reconcile(by=cast.phayao_coordinator, province_code="56")["records"] == 1
        assert Fund.objects.get(fund_code="P001").area_id.startswith("56")

    def test_a_province_takes_its_rows_from_every_source_covering_it(self, cast):
        # given a national list and Chiang Rai's own survey of Mae Yao
        _national(cast.admin)
        survey = [["1", "กองทุนสวัสดิการ ต.แม่ยาว", "แม่ยาว", "เมือง", "เชียงราย", "1,250", "ชะงัก", ""]]
        source_import(
            by=cast.chiangrai_coordinator,
            source_name="ผลสำรวจของเครือข่าย",
            area_code="57",
            kind=SourceKind.SURVEY,
            table=table(THAI_HEADINGS, survey),
        )
        # when Chiang Rai is reconciled, then Mae Yao is one fund of both sources' rows
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        mae_yao = Fund.objects.get(fund_code="F001")
        assert mae_yao.source_records.count() == 2

    def test_only_a_national_user_gives_a_national_source(self, cast):
        with pytest.raises(AccessDenied):
            _national(cast.chiangrai_coordinator)
        assert not Source.objects.exists()

    def test_a_region_source_covers_the_regions_provinces_only(self, cast):
        # given a region of Chiang Rai and Phayao, and a file of theirs with a row of Lampang
        region = Region.objects.create(slug="upper-north", name_th="ภาคเหนือตอนบน")
        region.provinces.set(Area.objects.filter(code__in=["57", "56"]))
        lampang = ["4", "กองทุนสวัสดิการชุมชนตำบลพระบาท", "พระบาท", "เมืองลำปาง", "ลำปาง", "500", "ดำเนินการ", ""]
        kwargs = {"by": cast.admin, "source_name": "สำรวจภาค", "area_code": "region:upper-north"}
        # then the Lampang row is named, and nothing is written
        refused = _refused(**kwargs, table=table(THAI_HEADINGS, [*NATIONAL_ROWS, lampang]))
        assert "บรรทัด 5" in refused.messages[0] and "ลำปาง" in refused.messages[0]
        assert not Source.objects.exists()
        # when the region's own rows come, then both provinces see the source and nobody else does
        source = source_import(**kwargs, table=table(THAI_HEADINGS, NATIONAL_ROWS)).source
        assert source.region == region and source_label(source) == "สำรวจภาค (ภาคเหนือตอนบน)"
        assert list(source_list(user=cast.phayao_coordinator)) == [source]
        assert list(source_list(user=cast.maesai_coordinator)) == [source]
        # and a provincial coordinator of one of them cannot replace it
        with pytest.raises(AccessDenied):
            source_import(
                **{**kwargs, "by": cast.chiangrai_coordinator}, table=table(THAI_HEADINGS, NATIONAL_ROWS)
            )


class TestRowChecks:
    def test_a_province_file_names_the_rows_of_other_provinces_and_takes_none(self, cast):
        # when Chiang Rai's coordinator imports the national file as Chiang Rai's
        refused = _refused(
            by=cast.chiangrai_coordinator,
            source_name="โปรแกรม",
            area_code="57",
            table=table(THAI_HEADINGS, NATIONAL_ROWS),
        )
        # then the Phayao row is named by its line in the file and its province, and nothing is imported
        assert refused.code == "bad_rows"
        assert "บรรทัด 4" in refused.messages[0] and "พะเยา" in refused.messages[0]
        assert not SourceRecord.objects.exists()
        # when the coordinator chooses to skip bad rows, then Chiang Rai's rows alone are kept
        result = source_import(
            by=cast.chiangrai_coordinator,
            source_name="โปรแกรม",
            area_code="57",
            table=table(THAI_HEADINGS, NATIONAL_ROWS),
            skip_bad_rows=True,
        )
        assert [error.line for error in result.skipped] == [4]
        assert list(SourceRecord.objects.values_list("row", flat=True).order_by("row")) == [2, 3]

    def test_an_area_matching_nothing_and_an_unknown_status_are_row_errors_with_their_reason(self, cast):
        rows = [
            ["1", "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "1,200", "ดำเนินการ", "F1"],
            ["2", "กองทุนสวัสดิการชุมชนตำบลหนองอะไร", "หนองอะไรสักอย่าง", "", "เชียงราย", "10", "ดำเนินการ", "F2"],
            ["3", "กองทุนสวัสดิการชุมชนตำบลริมกก", "ริมกก", "อำเภอที่ไม่มี", "เชียงราย", "10", "ดำเนินการ", "F3"],
            ["4", "กองทุนสวัสดิการชุมชนตำบลแม่สาย", "แม่สาย", "แม่สาย", "เมืองสมมุติ", "10", "ดำเนินการ", "F4"],
            ["5", "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "10", "รอพิจารณา", "F5"],
        ]
        refused = _refused(
            by=cast.chiangrai_coordinator,
            source_name="โปรแกรม",
            area_code="57",
            table=table(THAI_HEADINGS, rows),
        )
        errors = {error.line: (error.column, error.message) for error in refused.row_errors}
        assert set(errors) == {3, 4, 5, 6}
        assert errors[3][0] == "ตำบล" and "หนองอะไรสักอย่าง" in errors[3][1]
        assert errors[4][0] == "อำเภอ" and "อำเภอที่ไม่มี" in errors[4][1]
        assert errors[5][0] == "จังหวัด" and "เมืองสมมุติ" in errors[5][1]
        assert errors[6][0] == "สถานะ" and "รอพิจารณา" in errors[6][1]
        assert not Source.objects.exists()

    def test_a_row_with_several_problems_reports_each(self, cast):
        rows = [["1", "", "ไม่มีตำบลนี้", "", "เชียงราย", "หกร้อย", "ไม่รู้", ""]]
        refused = _refused(
            by=cast.chiangrai_coordinator,
            source_name="x",
            area_code="57",
            table=table(THAI_HEADINGS, rows * 2),
        )
        columns = sorted(error.column for error in refused.row_errors if error.line == 2)
        assert columns == ["จำนวนสมาชิก", "ชื่อกองทุน", "ตำบล", "สถานะ"]


class TestBadInput:
    def test_an_empty_source_is_refused_and_nothing_is_written(self, cast):
        refused = _refused(
            by=cast.chiangrai_coordinator, source_name="x", area_code="57", table=table(THAI_HEADINGS, [])
        )
        assert refused.code == "source_empty" and "ไม่มี" in refused.messages[0]
        assert not Source.objects.exists()
        with pytest.raises(ValidationError) as upload:
            source_upload_create(
                by=cast.chiangrai_coordinator,
                source_name="x",
                area_code="57",
                filename="x.csv",
                data=",".join(THAI_HEADINGS).encode() + b"\n",
            )
        assert "ไม่มี" in upload.value.message_dict["file"][0] and not ImportBatch.objects.exists()

    def test_a_source_whose_every_row_is_bad_is_refused_even_when_skipping(self, cast):
        rows = [["1", "", "แม่ยาว", "", "", "", "", ""], NATIONAL_ROWS[2]]
        refused = _refused(
            by=cast.chiangrai_coordinator,
            source_name="x",
            area_code="57",
            table=table(THAI_HEADINGS, rows),
            skip_bad_rows=True,
        )
        assert refused.code == "source_all_rows_bad" and "บรรทัด 2" in refused.messages[0]
        assert not Source.objects.exists() and not SourceRecord.objects.exists()

    def test_a_file_that_is_not_what_its_name_says_is_refused_in_thai(self, cast):
        for filename, data in (
            ("program.xlsx", "ชื่อกองทุน,ตำบล\nกองทุน,แม่ยาว\n".encode()),
            ("x.csv", b"\x00\x01PK"),
        ):
            with pytest.raises(ValidationError) as refused:
                source_upload_create(
                    by=cast.chiangrai_coordinator,
                    source_name="x",
                    area_code="57",
                    filename=filename,
                    data=data,
                )
            message = " ".join(refused.value.messages)
            assert any("\u0e00" <= ch <= "\u0e7f" for ch in message), message
        assert not ImportBatch.objects.exists()

    def test_an_area_that_a_source_cannot_cover_is_refused(self, cast):
        for code in ("5701", "99", "region:nowhere", ""):
            refused = _refused(
                by=cast.admin, source_name="x", area_code=code, table=table(THAI_HEADINGS, NATIONAL_ROWS)
            )
            assert "area_code" in refused.message_dict


class TestRememberedMappings:
    def test_a_mapping_remembered_in_one_province_is_offered_for_the_same_kind_in_another(self, cast):
        # given Phayao's survey, imported under a mapping of odd headings
        headings = ["ลำดับ", "ชื่อ กทส.", "ที่ตั้ง", "คน"]
        mapping = {"fund_name": "ชื่อ กทส.", "location": "ที่ตั้ง", "members": "คน"}
        rows = [["1", "กองทุนสวัสดิการ ต.แม่กา", "ต.แม่กา อ.เมือง จ.พะเยา", "900"]]
        source_import(
            by=cast.phayao_coordinator,
            source_name="สำรวจพะเยา",
            area_code="56",
            kind=SourceKind.SURVEY,
            table=table(headings, rows),
            column_mapping=mapping,
        )
        # when Chiang Rai uploads a survey of that layout under another name
        content = "ลำดับ,ชื่อ กทส.,ที่ตั้ง,คน\n1,กองทุนสวัสดิการ ต.แม่ยาว,ต.แม่ยาว อ.เมือง จ.เชียงราย,1200\n"
        batch = source_upload_create(
            by=cast.chiangrai_coordinator,
            source_name="ผลสำรวจเชียงราย",
            area_code="57",
            kind=SourceKind.SURVEY,
            filename="survey.csv",
            data=content.encode(),
        )
        # then Phayao's mapping is offered
        assert source_upload_suggestion(batch, source_upload_table(batch)) == mapping
