"""Every API list runs a fixed number of queries, however many rows it returns."""

import pytest

from sanphalang.areas.services import region_create
from sanphalang.directory.models import Position
from sanphalang.directory.services import issue_area_create, organisation_create, person_create

# A page of 10: few rows fit in one page, many rows fill it and need a count.
LISTS = [
    "/api/organisations?limit=10",
    "/api/people?limit=10",
    "/api/areas?within=57&limit=10",
    "/api/areas/5701/children?limit=10",
    "/api/regions?limit=10",
    "/api/issue-areas?limit=10",
]
MAX_QUERIES = 8  # token, scope, count, page, prefetches


def _add_rows(cast, start: int, how_many: int) -> None:
    for n in range(start, start + how_many):
        issue = issue_area_create(
            by=cast.chiangrai_coordinator, name_th=f"ประเด็น {n}", name_en=f"issue {n}", province_code="57"
        )
        org = organisation_create(
            by=cast.chiangrai_coordinator,
            kind="network",
            name_th=f"เครือข่าย {n}",
            area_code="5701",
            issue_areas=[issue.slug],
        )
        person = person_create(by=cast.chiangrai_coordinator, first_name=f"สมชาย{n}", area_code="5701")
        Position.objects.create(person=person, organisation=org)
        region_create(by=cast.admin, name_th=f"ภาค {n}", province_codes=["57", "56"])


@pytest.mark.parametrize("path", LISTS)
def test_a_list_does_not_grow_its_queries_with_its_rows(cast, api_for, django_assert_max_num_queries, path):
    client = api_for(cast.chiangrai_coordinator)
    client.get(path)  # the token's last use is written once a minute: not part of what is measured
    # given a few rows
    _add_rows(cast, 0, 3)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        assert client.get(path).status_code == 200
    # given many more rows
    _add_rows(cast, 3, 25)
    with django_assert_max_num_queries(MAX_QUERIES) as many:
        response = client.get(path)
    # then the number of queries is the same
    assert response.status_code == 200 and response.json()["count"] > 3
    assert (
        len(many.captured_queries) <= max(len(few.captured_queries), 1) + 1
    )  # +1: the count once a page fills
