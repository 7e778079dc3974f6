"""The registry's list and a fund's page against the cast."""

import datetime as dt

from django.urls import reverse

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import attendance_record, meeting_create
from sanphalang.welfare.models import Fund, Source, SourceRecord
from sanphalang.welfare.selectors.sources import source_label
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.registry import fund_update
from sanphalang.welfare.services.settle import settle

from ..registry_data import import_source, program_rows, reconciled_fund


def _text(export) -> str:
    """An export as text, sent whole or as a stream."""
    body = b"".join(export.streaming_content) if export.streaming else export.content
    return body.decode("utf-8-sig")


class TestFundList:
    def test_it_lists_filters_and_exports_the_funds_of_the_users_areas(self, cast, client_for):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        response = client.get(reverse("welfare:fund_list"))
        assert response.status_code == 200 and response.context["nav_active"] == "welfare"
        assert response.context["listing"].total == 3
        response = client.get(reverse("welfare:fund_list"), {"district": "5709"})
        assert [f.fund_code for f in response.context["listing"].page] == ["F003"]
        export = client.get(reverse("welfare:fund_list"), {"export": "csv"})
        assert "F001" in _text(export)

    def test_it_shows_an_outsider_nothing(self, cast, client_for):
        fund = reconciled_fund(cast)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("welfare:fund_list")).context["listing"].total == 0
        assert client.get(reverse("welfare:fund_detail", args=[fund.pk])).status_code == 404
        assert client.get(reverse("welfare:review_queue")).context["records"] == []
        assert list(client.get(reverse("welfare:source_list")).context["sources"]) == []
        assert client.get(reverse("welfare:rollup")).context["rows"] == []

    def test_it_reads_the_list_in_a_constant_number_of_queries(
        self, cast, client_for, django_assert_max_num_queries
    ):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(12):
            assert client.get(reverse("welfare:fund_list")).status_code == 200


class TestMissingFromASource:
    def test_the_list_shows_the_funds_a_source_does_not_list(self, cast, client_for):
        # given the program lists three funds and the matching list two of them
        reconciled_fund(cast)
        matching = SourceRecord.objects.filter(source__name="สมทบ").first().source
        client = client_for(cast.chiangrai_coordinator)
        # when the coordinator asks for the funds missing from the matching list
        response = client.get(reverse("welfare:fund_list"), {"missing_from": matching.pk})
        # then only Mae Sai, which the matching list lacks, is listed, and the export agrees
        assert [f.fund_code for f in response.context["listing"].page] == ["F003"]
        export = client.get(reverse("welfare:fund_list"), {"missing_from": matching.pk, "export": "csv"})
        assert "F003" in _text(export) and "F001" not in _text(export)

    def test_another_provinces_source_is_not_offered(self, cast, client_for):
        reconciled_fund(cast)
        matching = SourceRecord.objects.filter(source__name="สมทบ").first().source
        response = client_for(cast.phayao_coordinator).get(
            reverse("welfare:fund_list"), {"missing_from": matching.pk}
        )
        assert response.context["filters"].errors["missing_from"]
        assert response.context["listing"].total == 0


def _page(client, fund):
    response = client.get(reverse("welfare:fund_detail", args=[fund.pk]))
    assert response.status_code == 200
    return response


class TestOneBoxPerField:
    def test_each_open_field_shows_once_with_its_status_words_in_thai(self, cast, client_for):
        reconciled_fund(cast)
        rim_kok = Fund.objects.get(fund_code="F002")
        response = _page(client_for(cast.chiangrai_coordinator), rim_kok)
        html = response.content.decode()
        fields = [item.field for item in response.context["open_fields"]]
        assert len(fields) == len(set(fields)) and "status" in fields
        # the box reads the statuses as words (ดำเนินงานอยู่ / หยุดชั่วคราว), never as the stored codes
        assert "หยุดชั่วคราว" in html and "ดำเนินงานอยู่" in html
        for code in ("paused", "active", "unknown"):
            assert f": {code}<" not in html and f">{code}<" not in html

    def test_a_settled_field_leaves_the_page_and_a_later_import_shows_one_box_for_it(self, cast, client_for):
        fund = reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        settle(by=cast.chiangrai_coordinator, fund=fund, field="members", value="1300", reason="ตรวจแล้ว")
        # then members is no longer open
        assert "members" not in [item.field for item in _page(client, fund).context["open_fields"]]
        # when the program is imported again saying 1,400
        rows = program_rows()
        rows[0][5] = "1400"
        import_source(cast.chiangrai_coordinator, "โปรแกรม", rows)
        reconcile(by=cast.chiangrai_coordinator, province_code="57")
        # then members shows in one box, as a conflict
        response = _page(client, fund)
        [members] = [item for item in response.context["open_fields"] if item.field == "members"]
        assert members.kind == "conflict"
        assert response.content.decode().count('data-field="members"') == 1


class TestWhereValuesCameFrom:
    def test_the_history_reads_from_the_source_and_the_files_row(self, cast, client_for):
        fund = reconciled_fund(cast)
        matching = fund.source_records.get(source__name="สมทบ")
        settle(
            by=cast.chiangrai_coordinator,
            fund=fund,
            field="members",
            from_record=matching,
            value="",
            reason="ตรวจ",
        )
        html = _page(client_for(cast.chiangrai_viewer), fund).content.decode()
        # the settlement and the link decisions say "จาก <source> แถวที่ <the row as the file numbers it>"
        assert f"จาก สมทบ แถวที่ {matching.row}" in html
        assert "#" + str(matching.row) not in html

    def test_each_registry_value_names_the_source_row_it_was_taken_from(self, cast, client_for):
        fund = reconciled_fund(cast)
        program = Source.objects.get(name="โปรแกรม")
        record = fund.source_records.get(source=program)
        Fund.objects.filter(pk=fund.pk).update(field_sources={"fund_code": [program.pk, record.row]})
        response = _page(client_for(cast.chiangrai_viewer), fund)
        assert response.context["origins"]["fund_code"] == {
            "source": source_label(program),
            "row": record.row,
        }
        assert f"จาก {source_label(program)} แถวที่ {record.row}" in response.content.decode()


class TestTheFundsDirectoryEntryPartnersAndMeetings:
    def _entry(self, cast, fund, **fields):
        return organisation_create(
            by=cast.chiangrai_coordinator,
            kind="welfare_fund",
            area_code=fund.area_id,
            name_th=fund.name_th,
            **fields,
        )

    def test_an_entry_of_the_same_name_and_area_is_proposed_and_linked_by_an_officer(self, cast, client_for):
        fund = reconciled_fund(cast)
        company = organisation_create(
            by=cast.chiangrai_coordinator, kind="business", area_code="57", name_th="บริษัทตัวอย่าง จำกัด"
        )
        entry = self._entry(cast, fund, partners=[company])
        # an entry of the same name elsewhere is not proposed
        organisation_create(
            by=cast.chiangrai_coordinator, kind="welfare_fund", area_code="570901", name_th=fund.name_th
        )
        client = client_for(cast.chiangrai_coordinator)
        response = _page(client, fund)
        assert response.context["proposed_entry"] == entry
        assert reverse("welfare:fund_entry_link", args=[fund.pk]) in response.content.decode()
        # when the officer links it
        client.post(reverse("welfare:fund_entry_link", args=[fund.pk]), {"organisation": entry.pk})
        # then the page shows it linked, with its partners
        response = _page(client, fund)
        assert Fund.objects.get(pk=fund.pk).organisation == entry
        assert response.context["proposed_entry"] is None and response.context["partners"] == [company]

    def test_a_viewer_cannot_link_and_an_outsider_gets_nothing(self, cast, client_for):
        fund = reconciled_fund(cast)
        entry = self._entry(cast, fund)
        url = reverse("welfare:fund_entry_link", args=[fund.pk])
        assert client_for(cast.chiangrai_viewer).post(url, {"organisation": entry.pk}).status_code == 403
        assert client_for(cast.phayao_coordinator).post(url, {"organisation": entry.pk}).status_code == 404
        assert Fund.objects.get(pk=fund.pk).organisation is None

    def test_the_latest_meetings_of_the_tambon_include_those_the_funds_entry_attended(self, cast, client_for):
        by = cast.chiangrai_coordinator
        fund = reconciled_fund(cast)
        entry = self._entry(cast, fund)
        fund_update(by=by, fund=fund, organisation=entry)
        # given the tambon's council meeting, and a district network's meeting the fund's entry attended
        council = body_create(by=by, name_th="สภาองค์กรชุมชนตำบลแม่ยาว", area_code=fund.area_id, kind="council")
        network = body_create(by=by, name_th="เครือข่ายกองทุนอำเภอเมือง", area_code="5701", kind="committee")
        here = meeting_create(by=by, body=council, held_on=dt.date(2024, 6, 1))
        attended = meeting_create(by=by, body=network, held_on=dt.date(2024, 7, 1))
        attendance_record(by=by, meeting=attended, organisation=entry)
        elsewhere = meeting_create(by=by, body=network, held_on=dt.date(2024, 8, 1))
        # then both show, the latest first, and the network's other meeting does not
        meetings = _page(client_for(cast.chiangrai_viewer), fund).context["meetings"]
        assert meetings == [attended, here] and elsewhere not in meetings
