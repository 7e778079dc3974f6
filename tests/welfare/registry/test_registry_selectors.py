"""The fund list's rows (selectors.registry.fund_rows and fund_page): the page's funds in its order, in the
reader's areas, with their counts and the list's length, read in one query."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sanphalang.welfare.models import Fund, FundStatus, Source, SourceKind, SourceRecord
from sanphalang.welfare.selectors.registry import fund_list, fund_page, fund_rows


@pytest.fixture
def funds(db):
    """Four funds of Chiang Rai (one municipal, founded on a date, with records, one waiting for review) and
    one of Phayao."""
    made = {
        key: Fund.objects.create(name_th=name, area_id=area, status=status, **extra)
        for key, name, area, status, extra in (
            ("wiang", "กองทุนสวัสดิการชุมชนตำบลเวียง", "570101", FundStatus.ACTIVE, {}),
            (
                "mae_yao",
                "กองทุนสวัสดิการชุมชนตำบลแม่ยาว",
                "570106",
                FundStatus.ACTIVE,
                {"is_municipal": True, "founded_on": dt.date(2010, 5, 1), "members": 120},
            ),
            ("rim_kok", "กองทุนสวัสดิการชุมชนตำบลริมกก", "570107", FundStatus.PAUSED, {}),
            ("mae_sai", "กองทุนสวัสดิการชุมชนตำบลแม่สาย", "571301", FundStatus.ACTIVE, {}),
            ("phayao", "กองทุนสวัสดิการชุมชนตำบลเวียงพะเยา", "560101", FundStatus.ACTIVE, {}),
        )
    }
    source = Source.objects.create(name="แบบสำรวจ", kind=SourceKind.SURVEY, area_id="57")
    for row, needs_review in ((2, False), (3, True)):
        SourceRecord.objects.create(
            source=source,
            row=row,
            data={},
            fund_name="แม่ยาว",
            fund=made["mae_yao"],
            needs_review=needs_review,
        )
    return made


def _page(user, offset=0, limit=2, **filters):
    listed = fund_list(user=user, **filters).order_by("sort_key", "id")
    return listed, listed[offset : offset + limit].values_list("pk", flat=True)


def test_a_page_is_read_with_its_lists_length_in_one_query(cast, funds):
    listed, ids = _page(cast.chiangrai_coordinator)
    # when a page of two of the province's four funds is read with its list
    with CaptureQueriesContext(connection) as captured:
        rows, length = fund_page(user=cast.chiangrai_coordinator, ids=ids, listed=listed)
    # then one query gives the page, in the list's order, and the whole list's length
    assert len(captured.captured_queries) == 1
    assert [row.pk for row in rows] == list(ids)
    assert len(rows) == 2 and length == 4


def test_the_length_is_of_the_filtered_list_in_the_readers_areas(cast, funds):
    listed, ids = _page(cast.chiangrai_coordinator, limit=1, status=FundStatus.ACTIVE)
    rows, length = fund_page(user=cast.chiangrai_coordinator, ids=ids, listed=listed)
    assert length == 3  # the paused fund and Phayao's are not in the list
    assert rows[0].status == FundStatus.ACTIVE


def test_a_row_carries_its_counts_area_and_typed_values(cast, funds):
    [row] = fund_rows(user=cast.chiangrai_coordinator, ids=[funds["mae_yao"].pk])
    assert (row.pk, row.record_count, row.review_count, row.members) == (funds["mae_yao"].pk, 2, 1, 120)
    # a date and booleans as such on either database, not as the text or the 0/1 a driver may give
    assert row.founded_on == dt.date(2010, 5, 1)
    assert row.is_municipal is True and row.registered_welfare_organisation is False
    assert (row.area.code, row.area.parent.code) == ("570106", "5701")
    assert row.area_path_th.startswith("ตำบลแม่ยาว")


def test_ids_given_as_a_list_keep_their_order_and_lose_those_outside_the_readers_areas(cast, funds):
    wanted = [funds["rim_kok"].pk, funds["phayao"].pk, funds["wiang"].pk]
    rows = fund_rows(user=cast.chiangrai_coordinator, ids=wanted)
    assert [row.pk for row in rows] == [funds["rim_kok"].pk, funds["wiang"].pk]


def test_an_empty_page_or_a_reader_of_no_area_reads_nothing_and_gives_no_length(cast, funds):
    listed, ids = _page(cast.chiangrai_coordinator, offset=10)
    assert fund_page(user=cast.chiangrai_coordinator, ids=ids, listed=listed) == ([], None)
    listed, ids = _page(cast.unassigned)
    assert fund_page(user=cast.unassigned, ids=ids, listed=listed) == ([], None)
    assert fund_rows(user=cast.chiangrai_coordinator, ids=[]) == []


def test_a_page_sorted_another_way_is_read_in_that_order(cast, funds):
    ids = fund_list(user=cast.chiangrai_coordinator).order_by("-id")[:4].values_list("pk", flat=True)
    rows = fund_rows(user=cast.chiangrai_coordinator, ids=ids)
    assert [row.pk for row in rows] == sorted((f.pk for k, f in funds.items() if k != "phayao"), reverse=True)
