"""The sources page: upload, map the columns, import; a changed layout pointed out."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.welfare.models import Fund, SourceRecord


def _upload(client, content: str, name="program.csv", source="โปรแกรม"):
    upload = SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")
    return client.post(
        reverse("welfare:source_list"), {"source_name": source, "area_code": "57", "file": upload}
    )


PROGRAM_CSV = "ชื่อกองทุน,ตำบล,อำเภอ,จำนวนสมาชิก\nกองทุนสวัสดิการชุมชนตำบลแม่ยาว,แม่ยาว,เมืองเชียงราย,1200\n"


MAPPED = {
    "map_fund_name": "ชื่อกองทุน",
    "map_tambon": "ตำบล",
    "map_district": "อำเภอ",
    "map_members": "จำนวนสมาชิก",
}


class TestSourcesPage:
    def test_it_uploads_maps_imports_and_reconciles(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        # when a file is uploaded, nothing is imported yet: the mapping page comes first, with recognised columns
        response = _upload(client, PROGRAM_CSV)
        assert response.status_code == 302 and not SourceRecord.objects.exists()
        page = client.get(response.url)
        assert page.status_code == 200
        assert page.context["form"]["map_fund_name"].initial == "ชื่อกองทุน"
        assert [row for row, _values in page.context["preview_rows"]] == [2]  # the file's own line
        # when the user imports under the mapping, then the rows are records of the source
        response = client.post(response.url, {**MAPPED, "action": "import"})
        assert response.status_code == 302 and SourceRecord.objects.count() == 1
        response = client.post(reverse("welfare:reconcile"), {"province_code": "57"})
        assert response.status_code == 302 and Fund.objects.count() == 1

    def test_the_mapping_offers_the_files_own_headings_and_is_remembered_for_the_layout(
        self, cast, client_for
    ):
        client = client_for(cast.chiangrai_coordinator)
        content = "ชื่อ กทส.,พื้นที่ตั้ง,คน\nกองทุนสวัสดิการชุมชนตำบลแม่ยาว,ต.แม่ยาว อ.เมือง,1200\n"
        url = _upload(client, content).url
        page = client.get(url)
        choices = [value for value, _label in page.context["form"].fields["map_fund_name"].choices]
        assert choices == ["", "ชื่อ กทส.", "พื้นที่ตั้ง", "คน"]
        # when nothing is recognised, then no fund name is mapped and the page says so instead of importing
        assert page.context["preview"].mapping_error
        mapping = {"map_fund_name": "ชื่อ กทส.", "map_location": "พื้นที่ตั้ง", "map_members": "คน"}
        assert client.post(url, {**mapping, "action": "import"}).status_code == 302
        record = SourceRecord.objects.get()
        assert record.area_id == "570106" and record.data["members"] == "1200"
        # when a file of the same layout comes for another source, then the mapping is offered again
        page = client.get(_upload(client, content, source="สำรวจ").url)
        assert page.context["form"]["map_location"].initial == "พื้นที่ตั้ง"
        assert page.context["form"]["map_members"].initial == "คน"

    def test_it_lists_each_bad_row_and_imports_nothing_unless_told_to_skip(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        content = PROGRAM_CSV + ",ริมกก,เมืองเชียงราย,850\nกองทุนสวัสดิการชุมชนตำบลแม่สาย,แม่สาย,แม่สาย,หกร้อย\n"
        url = _upload(client, content).url
        preview = client.get(url).context["preview"]
        assert [(e.line, e.column) for e in preview.errors] == [(3, "ชื่อกองทุน"), (4, "จำนวนสมาชิก")]
        response = client.post(url, {**MAPPED, "action": "import"})
        assert response.status_code == 400 and not SourceRecord.objects.exists()
        assert "3" in response.content.decode()
        response = client.post(url, {**MAPPED, "action": "import", "skip_bad_rows": "on"})
        assert response.status_code == 302
        assert list(SourceRecord.objects.values_list("row", flat=True)) == [2]

    def test_a_mapping_to_a_column_twice_is_explained(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        url = _upload(client, PROGRAM_CSV).url
        response = client.post(url, {**MAPPED, "map_tambon": "ชื่อกองทุน", "action": "preview"})
        assert "ชื่อกองทุน" in response.context["preview"].mapping_error
        assert not SourceRecord.objects.exists()

    def test_it_explains_a_file_it_cannot_read(self, cast, client_for):
        upload = SimpleUploadedFile("x.xlsx", b"not a workbook")
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:source_list"), {"source_name": "x", "area_code": "57", "file": upload}
        )
        assert response.status_code == 400 and response.context["form"].errors["file"]

    def test_it_refuses_a_viewer_upload(self, cast, client_for):
        upload = SimpleUploadedFile("x.csv", "ชื่อกองทุน\nก\n".encode())
        response = client_for(cast.chiangrai_viewer).post(
            reverse("welfare:source_list"), {"source_name": "x", "area_code": "57", "file": upload}
        )
        assert response.status_code == 403 and not SourceRecord.objects.exists()

    def test_another_user_cannot_see_or_import_someone_elses_upload(self, cast, client_for):
        url = _upload(client_for(cast.chiangrai_coordinator), PROGRAM_CSV).url
        for user in (cast.phayao_coordinator, cast.admin):
            client = client_for(user)
            assert client.get(url).status_code == 404
            assert client.post(url, {**MAPPED, "action": "import"}).status_code == 404
        assert not SourceRecord.objects.exists()

    def test_an_upload_is_imported_once(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        url = _upload(client, PROGRAM_CSV).url
        client.post(url, {**MAPPED, "action": "import"})
        response = client.post(url, {**MAPPED, "action": "import"})
        assert response.status_code == 302 and SourceRecord.objects.count() == 1


class TestChangedLayout:
    def test_a_new_layout_of_a_known_source_is_pointed_out_and_mapped_again(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        # given the program was imported with its usual headings
        url = _upload(client, PROGRAM_CSV).url
        client.post(url, {**MAPPED, "action": "import"})
        # when this year's file renames the members column
        renamed = PROGRAM_CSV.replace("จำนวนสมาชิก", "สมาชิก (คน) ปี 2562")
        page = client.get(_upload(client, renamed).url)
        # then the page says which remembered column is gone, and offers the file's own heading instead
        assert page.context["preview"].missing_remembered == ["จำนวนสมาชิก"]
        assert "จำนวนสมาชิก" in page.content.decode()
        assert page.context["form"]["map_fund_name"].initial == "ชื่อกองทุน"
        assert not page.context["form"]["map_members"].initial
