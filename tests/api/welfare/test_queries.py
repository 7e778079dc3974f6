"""Every welfare list runs a fixed number of queries however many rows it holds, and every welfare answer is as the
OpenAPI document describes it."""

from decimal import Decimal

import pytest

from sanphalang.areas.services import region_create
from sanphalang.welfare.models import FundYear
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.settle import settle

from .data import (
    MATCHING,
    add_rows,
    build_audit_round,
    documentation_problems,
    import_survey,
    openapi,
    reimport_program,
)

MAX_QUERIES = 8  # token, scope, count, page, prefetches
# Each list, and what in its answer grows with the rows.
LISTS = {
    "/api/welfare/funds?limit=10": "count",
    "/api/welfare/sources?limit=10": "count",
    "/api/welfare/review?limit=10": "count",
    "/api/welfare/audit-rounds?limit=10": "count",
    "/api/welfare/rollup?level=district": "rows",
    "/api/welfare/audit-rounds/{round}": "visits",  # one round, with a list of visits
}


def _size(body: dict, grows: str) -> int:
    return body[grows] if grows == "count" else len(body[grows])


@pytest.fixture
def audit_round(cast, registry, ratchanee):
    return build_audit_round(cast, registry, team_member=ratchanee)


@pytest.mark.parametrize("path, grows", LISTS.items())
def test_a_welfare_list_does_not_grow_its_queries_with_its_rows(
    cast, api_for, django_assert_max_num_queries, audit_round, path, grows
):
    client = api_for(cast.chiangrai_coordinator)
    path = path.format(round=audit_round.pk)
    client.get(path)  # the token's last use is written once a minute: not part of what is measured
    # given a few rows
    add_rows(cast, audit_round, 0, 2)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        few_body = client.get(path).json()
    # given many more rows
    add_rows(cast, audit_round, 2, 25)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        many_body = client.get(path).json()
    # then the answer grew, and the number of queries did not
    assert _size(many_body, grows) > _size(few_body, grows) >= 2
    assert len(many.captured_queries) <= len(few.captured_queries) + 1  # +1: the count once a page fills


WELFARE_ROUTES = [
    ("get", "/api/welfare/funds"),
    ("get", "/api/welfare/funds/{fund_id}"),
    ("post", "/api/welfare/funds/{fund_id}/settlements"),
    ("get", "/api/welfare/rollup"),
    ("get", "/api/welfare/sources"),
    ("post", "/api/welfare/reconcile"),
    ("get", "/api/welfare/review"),
    ("post", "/api/welfare/review/{record_id}"),
    ("get", "/api/welfare/audit-rounds"),
    ("get", "/api/welfare/audit-rounds/{round_id}"),
    ("put", "/api/welfare/funds/{fund_id}/years/{year_be}"),
    ("delete", "/api/welfare/funds/{fund_id}/years/{year_be}"),
]


def test_the_openapi_document_lists_every_welfare_route_under_its_tag(db):
    document = openapi()
    documented = sorted(
        (method, path)
        for path, operations in document["paths"].items()
        if path.startswith("/api/welfare")
        for method in operations
    )
    assert documented == sorted(WELFARE_ROUTES)
    assert all(document["paths"][path][method]["tags"] == ["welfare"] for method, path in WELFARE_ROUTES)


@pytest.fixture
def everything(cast, registry, audit_round):
    """Every part of every answer filled: years, a settlement a later import contradicts, links to review, and
    regions."""
    FundYear.objects.create(fund=registry.mae_yao, year_be=2566, members=1300, savings=Decimal("452000.50"))
    settle(
        by=cast.chiangrai_coordinator,
        fund=registry.mae_yao,
        field="members",
        value="",
        from_record=registry.record(registry.mae_yao, MATCHING),
        reason="ตรวจทะเบียนแล้ว",
    )
    reimport_program(cast, mae_yao_members="420")
    import_survey(cast)
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    region_create(by=cast.admin, name_th="ภาคเหนือตอนบน", slug="upper-north", province_codes=["57"])
    return registry


def test_every_welfare_answer_is_as_the_openapi_document_describes(cast, api_for, everything, audit_round):
    document = openapi()
    client = api_for(cast.chiangrai_coordinator)
    fund_id = everything.mae_yao.pk
    reads = {
        "/api/welfare/funds": "/api/welfare/funds",
        "/api/welfare/funds/{fund_id}": f"/api/welfare/funds/{fund_id}",
        "/api/welfare/rollup": "/api/welfare/rollup?level=region",
        "/api/welfare/sources": "/api/welfare/sources",
        "/api/welfare/review": "/api/welfare/review",
        "/api/welfare/audit-rounds": "/api/welfare/audit-rounds",
        "/api/welfare/audit-rounds/{round_id}": f"/api/welfare/audit-rounds/{audit_round.pk}",
    }
    answers = {route: client.get(url).json() for route, url in reads.items()}
    # given every list in the answers holds something to check
    fund = answers["/api/welfare/funds/{fund_id}"]
    assert all(
        fund[part]
        for part in ("years", "source_records", "disagreements", "settlement_conflicts", "settlements")
    )
    assert answers["/api/welfare/review"]["items"] and answers["/api/welfare/rollup"]["rows"]
    assert answers["/api/welfare/audit-rounds/{round_id}"]["visits"][0]["findings"]
    # then each read is as documented
    for route, body in answers.items():
        assert documentation_problems(document, route, body) == [], route
    # and so is each write's answer
    review_id = answers["/api/welfare/review"]["items"][0]["id"]
    writes = [
        (
            "/api/welfare/funds/{fund_id}/settlements",
            f"/api/welfare/funds/{fund_id}/settlements",
            {"field": "fund_code", "value": "F001", "reason": "ยืนยัน"},
            "201",
        ),
        ("/api/welfare/reconcile", "/api/welfare/reconcile", {"province_code": "57"}, "200"),
        ("/api/welfare/review/{record_id}", f"/api/welfare/review/{review_id}", {"action": "confirm"}, "200"),
    ]
    for route, url, payload, status in writes:
        response = client.post(url, payload)
        assert str(response.status_code) == status, response.content
        assert documentation_problems(document, route, response.json(), method="post", status=status) == [], (
            route
        )


def test_the_document_check_notices_an_answer_that_departs_from_it(cast, api_for, registry):
    document = openapi()
    body = api_for(cast.chiangrai_coordinator).get("/api/welfare/funds").json()
    body["items"][0]["members"] = "many"
    body["items"][1]["secret"] = 1
    del body["items"][2]["status"]
    assert documentation_problems(document, "/api/welfare/funds", body) == [
        "/api/welfare/funds.items[0].members: 'many' fits none of [{'type': 'integer'}, {'type': 'null'}]",
        "/api/welfare/funds.items[1]: secret is undocumented",
        "/api/welfare/funds.items[2]: status is missing",
    ]
