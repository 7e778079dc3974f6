"""The worklist page: the funds of the user's areas whose sources disagree, filtered, counted, exported, settled."""

import csv
import io
from urllib.parse import urlencode

from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.welfare.models import Fund, FundDisagreement, Settlement, Source

from ..registry_data import reconciled_fund

URL = reverse("welfare:worklist")


def _listed(response) -> set[tuple[str, str]]:
    assert response.status_code == 200
    return {(row.fund.fund_code, row.field) for row in response.context["listing"].page}


class TestWorklistPage:
    def test_it_lists_the_open_fields_of_the_users_areas_with_counts_per_field(self, cast, client_for):
        reconciled_fund(cast)
        response = client_for(cast.chiangrai_viewer).get(URL)
        listed = _listed(response)
        assert {("F001", "members"), ("F002", "status"), ("F003", "members")} <= listed
        counts = {field: count for field, _label, count in response.context["field_counts"]}
        assert counts["members"] == 2 and counts["status"] == 2 and counts["fund_code"] == 1
        # and the statuses read as words of the page, not as stored codes
        html = response.content.decode()
        assert "หยุดชั่วคราว" in html and ">paused<" not in html and ": paused" not in html

    def test_it_shows_an_outsider_nothing(self, cast, client_for):
        reconciled_fund(cast)
        assert _listed(client_for(cast.phayao_coordinator).get(URL)) == set()
        export = client_for(cast.phayao_coordinator).get(URL, {"export": "csv"})
        assert len(b"".join(export.streaming_content).decode("utf-8-sig").strip().splitlines()) == 1

    def test_it_filters_by_district_field_source_and_kind(self, cast, client_for):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        # by district: Mae Sai's fund only
        assert {code for code, _f in _listed(client.get(URL, {"district": "5709"}))} == {"F003"}
        # by field
        assert _listed(client.get(URL, {"field": "status"})) == {("F002", "status"), ("F003", "status")}
        # by source: every row holds both sources here; a source of another province is refused as a choice
        matching = Source.objects.get(name="สมทบ")
        assert _listed(client.get(URL, {"source": matching.pk})) == _listed(client.get(URL))
        # by kind: nothing is settled, so no conflicts
        assert _listed(client.get(URL, {"kind": "conflict"})) == set()
        # and a district coordinator sees only their district's funds
        mueang = _listed(client_for(cast.mueang_coordinator).get(URL))
        assert mueang and {code for code, _f in mueang} <= {"F001", "F002"}

    def test_the_district_filter_is_a_search_picker_not_a_list_of_every_district(self, cast, client_for):
        reconciled_fund(cast)
        html = client_for(cast.chiangrai_coordinator).get(URL).content.decode()
        assert "<autocomplete-select" in html and reverse("welfare:district_options") in html
        assert html.count("<option") < 20

    def test_it_exports_the_filtered_list_to_csv_and_excel(self, cast, client_for):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        response = client.get(URL, {"field": "status", "export": "csv"})
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        assert len(rows) == 3 and {row[1] for row in rows[1:]} == {"F002", "F003"}
        assert any("หยุดชั่วคราว" in cell for cell in rows[1] + rows[2])
        response = client.get(URL, {"field": "status", "export": "xlsx"})
        sheet = list(
            load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True)
        )
        assert len(sheet) == 3 and {row[1] for row in sheet[1:]} == {"F002", "F003"}

    def test_it_pages_the_list(self, cast, client_for, settings):
        reconciled_fund(cast)
        settings.LIST_PAGE_SIZE = 2
        client = client_for(cast.chiangrai_coordinator)
        total = FundDisagreement.objects.filter(settled_at__isnull=True).count()
        first, second = client.get(URL), client.get(URL, {"page": 2})
        assert first.context["listing"].total == total and len(first.context["listing"].page) == 2
        assert _listed(first).isdisjoint(_listed(second))

    def test_the_page_costs_the_same_queries_however_many_rows(
        self, cast, client_for, django_assert_max_num_queries
    ):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        with django_assert_max_num_queries(16):
            client.get(URL)


class TestSettleFromTheWorklist:
    def test_an_officer_settles_a_field_and_comes_back_to_the_list_without_it(self, cast, client_for):
        fund = reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        back = URL + "?" + urlencode({"field": "members"})
        listing = client.get(back)
        [row] = [r for r in listing.context["listing"].page if r.fund_id == fund.pk]
        # when the officer follows the row's settle link
        page = client.get(row.settle_url)
        assert page.status_code == 200 and page.context["item"].field == "members"
        record = fund.source_records.get(source__name="สมทบ")
        response = client.post(
            row.settle_url,
            {"field": "members", "from_record": record.pk, "reason": "ตรวจทะเบียนแล้ว", "next": back},
        )
        # then they are back on the list they came from, without the field
        assert response.status_code == 302 and response["Location"] == back
        assert ("F001", "members") not in _listed(client.get(back))
        assert Fund.objects.get(pk=fund.pk).members == 1300

    def test_a_refused_settlement_shows_the_box_again_with_the_reason(self, cast, client_for):
        fund = reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        url = reverse("welfare:fund_settle", args=[fund.pk])
        response = client.post(url, {"field": "members", "value": "ไม่ทราบ", "reason": "x", "next": URL})
        assert response.status_code == 400 and response.context["item"].field == "members"
        assert not Settlement.objects.exists()

    def test_it_never_sends_the_officer_to_another_site(self, cast, client_for):
        fund = reconciled_fund(cast)
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:fund_settle", args=[fund.pk]),
            {"field": "members", "value": "1300", "reason": "ตรวจแล้ว", "next": "https://example.com/"},
        )
        assert response["Location"] == reverse("welfare:fund_detail", args=[fund.pk])

    def test_a_viewer_and_an_outsider_cannot_open_the_settle_form(self, cast, client_for):
        fund = reconciled_fund(cast)
        url = reverse("welfare:fund_settle", args=[fund.pk]) + "?field=members"
        assert client_for(cast.chiangrai_viewer).get(url).status_code == 403
        assert client_for(cast.phayao_coordinator).get(url).status_code == 404

    def test_a_field_settled_meanwhile_sends_the_officer_back(self, cast, client_for):
        fund = reconciled_fund(cast)
        url = (
            reverse("welfare:fund_settle", args=[fund.pk])
            + "?"
            + urlencode({"field": "fund_code", "next": URL})
        )
        response = client_for(cast.chiangrai_coordinator).get(url)
        assert response.status_code == 302 and response["Location"] == URL


def test_the_fund_list_leads_to_the_worklist(cast, client_for):
    reconciled_fund(cast)
    html = client_for(cast.chiangrai_viewer).get(reverse("welfare:fund_list")).content.decode()
    assert f'href="{URL}"' in html and "ข้อมูลไม่ตรงกันที่รอยืนยันค่า" in html
