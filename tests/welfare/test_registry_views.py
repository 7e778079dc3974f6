"""The registry's pages against the cast: list, detail, settle, sources, review queue and roll-up."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.welfare.models import Fund, Settlement, SourceRecord
from sanphalang.welfare.services import reconcile

from .registry_data import import_source, matching_rows, program_rows


def _reconciled(cast):
    import_source(cast.chiangrai_coordinator, "โปรแกรม", program_rows())
    import_source(cast.chiangrai_coordinator, "สมทบ", matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Fund.objects.get(fund_code="F001")


class TestFundList:
    def test_it_lists_filters_and_exports_the_funds_of_the_users_areas(self, cast, client_for):
        _reconciled(cast)
        client = client_for(cast.chiangrai_coordinator)
        response = client.get(reverse("welfare:fund_list"))
        assert response.status_code == 200 and response.context["nav_active"] == "welfare"
        assert response.context["listing"].total == 3
        response = client.get(reverse("welfare:fund_list"), {"district": "5709"})
        assert [f.fund_code for f in response.context["listing"].page] == ["F003"]
        export = client.get(reverse("welfare:fund_list"), {"export": "csv"})
        assert "F001" in export.content.decode("utf-8-sig")

    def test_it_shows_an_outsider_nothing(self, cast, client_for):
        fund = _reconciled(cast)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("welfare:fund_list")).context["listing"].total == 0
        assert client.get(reverse("welfare:fund_detail", args=[fund.pk])).status_code == 404
        assert client.get(reverse("welfare:review_queue")).context["records"] == []
        assert list(client.get(reverse("welfare:source_list")).context["sources"]) == []
        assert client.get(reverse("welfare:rollup")).context["rows"] == []

    def test_it_reads_the_list_in_a_constant_number_of_queries(self, cast, client_for,
                                                               django_assert_max_num_queries):
        _reconciled(cast)
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("welfare:fund_list")).status_code == 200


class TestFundDetailAndSettle:
    def test_it_shows_disagreements_and_the_tambon(self, cast, client_for):
        fund = _reconciled(cast)
        response = client_for(cast.chiangrai_viewer).get(reverse("welfare:fund_detail", args=[fund.pk]))
        assert response.status_code == 200
        assert "members" in [row["field"] for row in response.context["disagreements"]]
        assert not response.context["can_settle"]

    def test_it_settles_from_the_form(self, cast, client_for):
        fund = _reconciled(cast)
        record = fund.source_records.get(source__name="สมทบ")
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:fund_settle", args=[fund.pk]),
            {"field": "members", "from_record": record.pk, "value": "", "reason": "ตรวจแล้ว"})
        assert response.status_code == 302
        fund.refresh_from_db()
        assert fund.members == 1300
        assert Settlement.objects.get().decided_by == cast.chiangrai_coordinator

    def test_it_refuses_a_viewer_settle_and_writes_nothing(self, cast, client_for):
        fund = _reconciled(cast)
        response = client_for(cast.chiangrai_viewer).post(
            reverse("welfare:fund_settle", args=[fund.pk]), {"field": "members", "value": "9", "reason": "x"})
        assert response.status_code == 403
        fund.refresh_from_db()
        assert fund.members == 1200 and not Settlement.objects.exists()

    def test_it_refuses_an_outsider_settle(self, cast, client_for):
        fund = _reconciled(cast)
        response = client_for(cast.phayao_coordinator).post(
            reverse("welfare:fund_settle", args=[fund.pk]), {"field": "members", "value": "9", "reason": "x"})
        assert response.status_code == 404 and not Settlement.objects.exists()


class TestSourcesPage:
    def test_it_uploads_a_csv_and_reconciles(self, cast, client_for):
        client = client_for(cast.chiangrai_coordinator)
        content = "ชื่อกองทุน,ตำบล,อำเภอ,จำนวนสมาชิก\nกองทุนสวัสดิการชุมชนตำบลแม่ยาว,แม่ยาว,เมืองเชียงราย,1200\n"
        upload = SimpleUploadedFile("program.csv", content.encode("utf-8"), content_type="text/csv")
        response = client.post(reverse("welfare:source_list"),
                               {"source_name": "โปรแกรม", "province_code": "57", "file": upload})
        assert response.status_code == 302
        assert SourceRecord.objects.count() == 1
        response = client.post(reverse("welfare:reconcile"), {"province_code": "57"})
        assert response.status_code == 302 and Fund.objects.count() == 1

    def test_it_explains_a_file_without_a_fund_name_column(self, cast, client_for):
        upload = SimpleUploadedFile("x.csv", io.BytesIO("ตำบล,สมาชิก\nแม่ยาว,3\n".encode()).read())
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:source_list"), {"source_name": "x", "province_code": "57", "file": upload})
        assert response.status_code == 400
        assert "ชื่อกองทุน" in response.content.decode()
        assert not SourceRecord.objects.exists()

    def test_it_refuses_a_viewer_upload(self, cast, client_for):
        upload = SimpleUploadedFile("x.csv", "ชื่อกองทุน\nก\n".encode())
        response = client_for(cast.chiangrai_viewer).post(
            reverse("welfare:source_list"), {"source_name": "x", "province_code": "57", "file": upload})
        assert response.status_code == 403 and not SourceRecord.objects.exists()


class TestReviewQueue:
    def test_it_splits_a_record_from_the_queue(self, cast, client_for):
        fund = _reconciled(cast)
        record = fund.source_records.get(source__name="สมทบ")
        SourceRecord.objects.filter(pk=record.pk).update(needs_review=True)
        client = client_for(cast.chiangrai_coordinator)
        assert [r.pk for r in client.get(reverse("welfare:review_queue")).context["records"]] == [record.pk]
        response = client.post(reverse("welfare:review_decide", args=[record.pk]), {"action": "split"})
        assert response.status_code == 302
        record.refresh_from_db()
        assert record.fund != fund and not record.needs_review

    def test_it_shows_the_rollup(self, cast, client_for):
        _reconciled(cast)
        response = client_for(cast.chiangrai_coordinator).get(reverse("welfare:rollup"))
        assert {r["code"]: r["funds"] for r in response.context["rows"]} == {"5701": 2, "5709": 1}
