"""The fund list at scale: a page chosen by ids alone, exports streamed, and filters picked by typing."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from sanphalang.imports.tabular import read_table
from sanphalang.web.areas import area_label
from sanphalang.welfare.models import Fund, Source, SourceRecord

from ..registry_data import page_choice, reconciled_fund


def _page_queries(client, **params) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("welfare:fund_list"), params).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


class TestPaging:
    def test_the_page_is_chosen_by_ids_alone_with_no_join_or_count_of_records(
        self, cast, client_for, settings
    ):
        # given three funds, two a page
        reconciled_fund(cast)
        settings.LIST_PAGE_SIZE = 2
        client = client_for(cast.chiangrai_coordinator)
        # when the second page is read
        queries = _page_queries(client, page=2)
        # then the query that picks the page selects the funds' ids only, from the funds alone
        page_query = page_choice(queries)
        assert "OFFSET" in page_query
        selected = page_query.split(" FROM ")[0]
        assert re.fullmatch(r'SELECT (U0|"welfare_fund")\."id"( AS "pk")?', selected.strip())
        assert "JOIN" not in page_query and "COUNT" not in page_query.upper()
        # and the records are counted for the page's fund only, in the query that picks them: one round trip
        counted = [q for q in queries if "welfare_sourcerecord" in q and "COUNT" in q.upper()]
        assert len(counted) == 1 and page_query in counted[0]

    def test_the_last_page_reads_what_the_first_does_with_its_counts(self, cast, client_for, settings):
        reconciled_fund(cast)
        settings.LIST_PAGE_SIZE = 1
        client = client_for(cast.chiangrai_coordinator)
        assert len(_page_queries(client, page=1)) == len(_page_queries(client, page=3))
        [fund] = client.get(reverse("welfare:fund_list"), {"page": 1}).context["listing"].page
        assert fund.pk == Fund.objects.order_by("sort_key", "pk").first().pk
        assert fund.record_count == SourceRecord.objects.filter(fund_id=fund.pk).count()

    def test_the_records_column_does_not_sort_as_it_would_count_every_funds_records(self, cast, client_for):
        reconciled_fund(cast)
        listing = client_for(cast.chiangrai_coordinator).get(
            reverse("welfare:fund_list"), {"sort": "-records"}
        )
        assert listing.context["listing"].sort == "name"


class TestExport:
    @pytest.mark.parametrize("fmt", ["csv", "xlsx"])
    def test_every_fund_is_streamed_with_its_area_named(self, cast, client_for, fmt):
        # given three funds
        reconciled_fund(cast)
        # when the list is exported
        response = client_for(cast.chiangrai_coordinator).get(reverse("welfare:fund_list"), {"export": fmt})
        # then it is sent as a stream, and reads back with each fund's area as the pages name it
        assert response.status_code == 200 and response.streaming
        data = b"".join(response.streaming_content)
        rows = {row[0]: row for _line, row in read_table(data, f"funds.{fmt}").rows}
        for fund in Fund.objects.select_related("area__parent__parent"):
            assert rows[fund.name_th][2] == area_label(fund.area)
            assert rows[fund.name_th][4] == str(fund.get_status_display())
        if fmt == "xlsx":
            sheet = load_workbook(io.BytesIO(data)).active
            assert sheet.max_row == 4 and sheet["F2"].data_type == "n"

    def test_the_outsider_exports_nothing(self, cast, client_for):
        reconciled_fund(cast)
        response = client_for(cast.phayao_coordinator).get(reverse("welfare:fund_list"), {"export": "csv"})
        # the headings alone
        assert b"".join(response.streaming_content).decode("utf-8-sig").strip().count("\n") == 0


class TestFilterPickers:
    def test_the_filter_form_lists_no_district_or_source_until_one_is_chosen(self, cast, client_for):
        reconciled_fund(cast)
        client = client_for(cast.chiangrai_coordinator)
        page = client.get(reverse("welfare:fund_list")).content.decode()
        for name in ("district", "missing_from"):
            select = re.search(rf'<select name="{name}".*?</select>', page, re.S).group(0)
            assert "<option" not in select
        # a chosen district is the one option, named with its province, and it filters the list
        response = client.get(reverse("welfare:fund_list"), {"district": "5709"})
        select = re.search(r'<select name="district".*?</select>', response.content.decode(), re.S).group(0)
        assert select.count("<option") == 1 and "แม่สาย (เชียงราย)" in select
        assert [f.fund_code for f in response.context["listing"].page] == ["F003"]

    def test_the_district_picker_suggests_districts_of_the_users_areas(self, cast, client_for):
        url = reverse("welfare:district_options")
        suggested = client_for(cast.chiangrai_coordinator).get(url, {"q": "แม่สาย"}).content.decode()
        assert "แม่สาย (เชียงราย)" in suggested
        assert "แม่สาย" not in client_for(cast.phayao_coordinator).get(url, {"q": "แม่สาย"}).content.decode()

    def test_the_source_picker_names_each_source_once_with_its_area(self, cast, client_for):
        reconciled_fund(cast)
        url = reverse("welfare:source_options")
        suggested = client_for(cast.chiangrai_coordinator).get(url, {"q": "สมทบ"}).content.decode()
        assert suggested.count("สมทบ (เชียงราย)") == 1
        assert "สมทบ" not in client_for(cast.phayao_coordinator).get(url, {"q": "สมทบ"}).content.decode()

    def test_missing_from_takes_the_source_the_picker_gave(self, cast, client_for):
        reconciled_fund(cast)
        matching = Source.objects.get(name="สมทบ")
        listed = set(SourceRecord.objects.filter(source=matching).values_list("fund_id", flat=True))
        response = client_for(cast.chiangrai_coordinator).get(
            reverse("welfare:fund_list"), {"missing_from": matching.pk}
        )
        shown = {f.pk for f in response.context["listing"].page}
        assert shown and not shown & listed
