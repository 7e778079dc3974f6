"""GET /api/welfare/funds at any offset: the page chosen by ids alone, its rows and counts read for those ids."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sanphalang.welfare.models import Fund, SourceRecord
from tests.welfare.registry_data import page_choice


def _queries(client, path: str) -> tuple[dict, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return response.json(), [q["sql"] for q in captured.captured_queries]


def test_a_later_page_reads_as_the_first_does_and_counts_only_its_funds(cast, api_for, registry):
    client = api_for(cast.chiangrai_coordinator)
    client.get("/api/welfare/funds?limit=1")  # the token is read once, then kept for a while
    # when the first and the last page of one fund each are read
    first, first_queries = _queries(client, "/api/welfare/funds?limit=1")
    last, last_queries = _queries(client, "/api/welfare/funds?limit=1&offset=2")
    # then both read as many queries, and the whole list is counted without its records
    assert len(first_queries) == len(last_queries)
    assert first["count"] == last["count"] == 3
    page_query = page_choice(last_queries)
    assert "OFFSET" in page_query
    assert "JOIN" not in page_query and "welfare_sourcerecord" not in page_query
    # and the last page's fund carries its own counts
    [item] = last["items"]
    fund = Fund.objects.order_by("sort_key", "pk").last()
    assert item["id"] == fund.pk
    assert item["record_count"] == SourceRecord.objects.filter(fund=fund).count()
    assert item["review_count"] == SourceRecord.objects.filter(fund=fund, needs_review=True).count()


def test_the_outsider_gets_an_empty_page(cast, api_for, registry):
    body = api_for(cast.phayao_coordinator).get("/api/welfare/funds?offset=0").json()
    assert body["count"] == 0 and body["items"] == []


def test_a_full_page_counts_its_list_in_its_own_query(cast, api_for, registry):
    client = api_for(cast.chiangrai_coordinator)
    client.get("/api/welfare/funds?limit=1")
    body, queries = _queries(client, "/api/welfare/funds?limit=1")
    assert body["count"] == 3 and len(body["items"]) == 1
    # no COUNT of its own: the list's length is a column of the page's query
    assert not [sql for sql in queries if sql.lstrip().upper().startswith("SELECT COUNT(")]
    assert len([sql for sql in queries if "welfare_fund" in sql]) == 1
