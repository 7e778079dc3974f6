"""The area index, its live search and an area's page."""

import pytest

from sanphalang.areas.keys import area_search_key, area_sort_key
from sanphalang.areas.models import Area, AreaLevel

# The index with results, and a subdistrict's page, stay within this many queries however many rows they show.
MAX_QUERIES = 8


def found_codes(response) -> list[str]:
    return [row["area"].code for row in response.context["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("จ.เชียงราย", "57"),
        ("อ.แม่สาย", "5709"),
        ("ต.เวียง", "570101"),
        ("Mae Sai", "5709"),
        ("chiang rai", "57"),
        ("570901", "570901"),
        ("๕๗๐๑", "5701"),
    ],
)
def test_the_search_finds_an_area_by_name_prefix_english_name_or_code(cast, client_for, query, expected):
    # given a logged-in viewer
    client = client_for(cast.chiangrai_viewer)
    # when they type the query (HTMX asks for the results partial)
    response = client.get("/areas/search/", {"q": query}, HTTP_HX_REQUEST="true")
    # then the area is among the results
    assert response.status_code == 200
    assert expected in found_codes(response)


def test_the_search_also_works_without_javascript(cast, client_for):
    # given a browser without JavaScript
    client = client_for(cast.chiangrai_viewer)
    # when the search form is submitted as a normal GET
    response = client.get("/areas/", {"q": "อ.แม่สาย"})
    # then the index page itself lists the results with their level and path
    assert found_codes(response)[0] == "5709"
    html = response.content.decode()
    assert 'id="area-result-list"' in html
    assert "เชียงราย" in html


def test_a_result_shows_its_level_and_the_areas_above_it(cast, client_for):
    # given a logged-in user
    client = client_for(cast.chiangrai_viewer)
    # when they search for a subdistrict
    response = client.get("/areas/search/", {"q": "570901"})
    # then the subdistrict shows its district and province
    row = response.context["results"][0]
    assert row["area"].level == AreaLevel.SUBDISTRICT
    assert row["path"] == "ตำบลแม่สาย อำเภอแม่สาย จังหวัดเชียงราย"


def test_the_index_lists_the_77_provinces_in_thai_order(cast, client_for):
    # given a logged-in user
    client = client_for(cast.chiangrai_viewer)
    # when they open the areas index
    response = client.get("/areas/")
    # then it lists all 77 provinces, Krabi first in Thai alphabetical order
    provinces = list(response.context["provinces"])
    assert len(provinces) == 77
    assert provinces[0].name_th == "กระบี่"
    assert [p.sort_key for p in provinces] == sorted(p.sort_key for p in provinces)
    assert response.context["nav_active"] == "areas"
    assert b'href="/areas/regions/"' in response.content


def test_the_english_switch_shows_english_names(cast, client_for):
    # given a user who switched the site to English
    client = client_for(cast.chiangrai_viewer)
    client.cookies["django_language"] = "en"
    # when they open Chiang Rai and search for Mae Sai
    detail = client.get("/areas/57/").content.decode()
    search = client.get("/areas/search/", {"q": "570901"})
    # then names are in English
    assert "Chiang Rai" in detail
    assert "Mueang Chiang Rai" in detail
    assert search.context["results"][0]["path"] == "Mae Sai, Mae Sai, Chiang Rai"


def test_an_area_page_shows_its_path_code_names_and_children_with_counts(cast, client_for):
    # given a logged-in user
    client = client_for(cast.chiangrai_viewer)
    # when they open the district of Mueang Chiang Rai
    response = client.get("/areas/5701/")
    # then they see the path from the province, the code, and the subdistricts with their village counts
    assert [a.code for a in response.context["path"]] == ["57", "5701"]
    html = response.content.decode()
    assert "5701" in html and "Mueang Chiang Rai" in html
    children = list(response.context["listing"].page)
    assert "570101" in [c.code for c in children]
    assert all(c.level == AreaLevel.SUBDISTRICT and c.child_count == 0 for c in children)
    assert response.context["village_form"] is None


def test_it_says_404_for_an_unknown_code(cast, client_for):
    response = client_for(cast.chiangrai_viewer).get("/areas/999999/")
    assert response.status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_children_of_an_area_can_be_exported(cast, client_for, fmt):
    # given a logged-in user
    client = client_for(cast.chiangrai_viewer)
    # when they export the districts of Chiang Rai
    response = client.get("/areas/57/", {"export": fmt})
    # then the file holds every district
    assert response.status_code == 200
    assert f'areas-57.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode("utf-8-sig").splitlines()
        assert len(lines) == 1 + Area.objects.filter(parent_id="57").count()
        assert any(line.startswith("5709,แม่สาย,") for line in lines)


def test_the_area_pages_refuse_anonymous_visitors(client, db):
    response = client.get("/areas/")
    assert response.status_code == 302


def make_villages(subdistrict_code: str, count: int) -> None:
    subdistrict = Area.objects.get(code=subdistrict_code)
    Area.objects.bulk_create(
        [
            Area(
                code=f"{subdistrict_code}{moo:02d}",
                level=AreaLevel.VILLAGE,
                name_th=f"บ้านทดสอบ {moo}",
                parent=subdistrict,
                moo=moo,
                is_official=False,
                search_key=area_search_key(f"บ้านทดสอบ {moo}"),
                path_th=f"หมู่ที่ {moo} บ้านทดสอบ {moo} {subdistrict.path_th}",
                sort_key=area_sort_key(f"บ้านทดสอบ {moo}"),
            )
            for moo in range(1, count + 1)
        ]
    )


@pytest.mark.parametrize("village_count", [2, 99])
def test_the_query_count_of_a_subdistrict_page_does_not_grow_with_its_villages(
    cast, client_for, django_assert_max_num_queries, village_count
):
    # given a subdistrict with few or many villages, and its coordinator (who also sees the add form)
    make_villages("570101", village_count)
    client = client_for(cast.mueang_coordinator)
    # when they open it, then the page stays within a fixed number of queries
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get("/areas/570101/", {"sort": "moo"})
    assert response.context["listing"].total == village_count


@pytest.mark.parametrize("village_count", [2, 99])
def test_the_query_count_of_a_search_does_not_grow_with_its_results(
    cast, client_for, django_assert_max_num_queries, village_count
):
    # given many villages whose names match the query
    make_villages("570101", village_count)
    client = client_for(cast.chiangrai_viewer)
    # when a user searches for them, then the index stays within a fixed number of queries
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get("/areas/", {"q": "บ้านทดสอบ"})
    assert len(response.context["results"]) == min(village_count, 50)
    assert all(
        row["path"].endswith("ตำบลเวียง อำเภอเมืองเชียงราย จังหวัดเชียงราย") for row in response.context["results"]
    )
