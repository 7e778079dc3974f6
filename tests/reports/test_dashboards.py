"""The dashboards: figures on the page equal the records counted, change since the quarter before, the map's
areas and their values, the overdue items, the quarter picker, and the outsider turned away."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from sanphalang.care.models import Case
from tests.care.cases_data import household

from .dashboards_data import QUARTER, chiang_rai_meetings, overdue_item

pytestmark = pytest.mark.django_db


def _open(client, code: str, headers=None, **query):
    return client.get(
        reverse("reports:dashboard", args=[code]), {"quarter": QUARTER.isoformat(), **query}, headers=headers
    )


def _key_figure(response, key: str):
    for group in response.context["groups"]:
        for item in group["figures"]:
            if item["key"] == key:
                return item["key_figure"]
    raise AssertionError(f"{key} is not on the dashboard")


def _children(response) -> dict[str, object]:
    return {child.code: child.value for child in response.context["map"].children}


def test_the_province_dashboard_counts_every_meeting_held_in_the_province(cast, client_for):
    # given meetings in Mueang, Mae Sai and of the province's own council
    chiang_rai_meetings()
    # when the province's coordinator opens its dashboard
    response = _open(client_for(cast.chiangrai_coordinator), "57", figure="meetings_held")
    # then the quarter's four meetings are counted, three more than the one of the quarter before
    assert response.status_code == 200
    meetings = _key_figure(response, "meetings_held")
    assert (meetings.value, meetings.previous, meetings.change) == (4, 1, 3)
    assert meetings.change_share == 3
    content = response.content.decode()
    assert "+300%" in content
    # and the map shows each district's meetings, the council's one said to be at the province's level
    values = _children(response)
    assert values["5701"] == 2 and values["5709"] == 1
    assert values["5702"] == 0  # nothing held there: a real zero, not a missing report
    assert response.context["map"].at_level == 1
    assert response.context["map"].total == 4


def test_a_district_user_on_the_country_dashboard_sees_only_their_districts_figures(cast, client_for):
    # given meetings across Chiang Rai
    chiang_rai_meetings()
    # when Mueang's coordinator opens the country's dashboard
    response = _open(client_for(cast.mueang_coordinator), "TH", figure="meetings_held")
    # then only Mueang's two meetings count, and only Chiang Rai's tile holds a value
    assert response.status_code == 200
    assert _key_figure(response, "meetings_held").value == 2
    values = _children(response)
    assert values["57"] == 2
    assert all(value is None for code, value in values.items() if code != "57")
    readable = {child.code for child in response.context["map"].children if child.readable}
    assert readable == {"57"}


def test_cases_opened_count_on_the_tambon_dashboard(cast, client_for):
    # given two cases opened in tambon 570101 this quarter and one in the quarter before
    home = household("570101")
    for day in (dt.date(2025, 10, 2), dt.date(2025, 11, 30), dt.date(2025, 9, 30)):
        Case.objects.create(
            household=home, area_id=home.area_id, kind="elderly", summary="ดูแล", opened_on=day
        )
    # when the district's coordinator opens the tambon's dashboard
    response = _open(client_for(cast.mueang_coordinator), "570101", figure="cases_opened")
    # then the cases are counted, and the open ones stand at three at the quarter's end
    assert _key_figure(response, "cases_opened").value == 2
    assert _key_figure(response, "cases_opened").previous == 1
    assert _key_figure(response, "cases_open").value == 3


@pytest.mark.parametrize("who", ["phayao_coordinator", "maesai_coordinator", "unassigned"])
def test_it_refuses_a_user_of_another_area(cast, client_for, who):
    chiang_rai_meetings()
    response = _open(client_for(getattr(cast, who)), "5701")
    assert response.status_code == 404


def test_an_unknown_code_is_not_found(cast, client_for):
    assert _open(client_for(cast.admin), "99x").status_code == 404


def test_the_overdue_items_are_those_of_the_area_and_the_users_own_areas(cast, client_for):
    # given an overdue item of Mueang's body and one of Mae Sai's
    bodies = chiang_rai_meetings()
    mine = overdue_item(bodies["5701"], due_on=dt.date(2025, 9, 1), title="ซ่อมฝายบ้านดอย")
    overdue_item(bodies["5709"], due_on=dt.date(2025, 9, 1), title="สำรวจครัวเรือนแม่สาย")
    # when Mueang's coordinator opens the province's dashboard
    response = _open(client_for(cast.mueang_coordinator), "57")
    # then only Mueang's item is listed, linked to its page
    content = response.content.decode()
    assert "ซ่อมฝายบ้านดอย" in content and "สำรวจครัวเรือนแม่สาย" not in content
    assert reverse("meetings:action_item_detail", args=[mine.pk]) in content
    # and the province's coordinator sees both
    both = _open(client_for(cast.chiangrai_coordinator), "57").content.decode()
    assert "ซ่อมฝายบ้านดอย" in both and "สำรวจครัวเรือนแม่สาย" in both


def test_the_quarter_is_picked_by_year_and_number_in_thai_digits(cast, client_for):
    # when the quarter is typed as the first quarter of fiscal year ๒๕๖๙
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("reports:dashboard", args=["57"]), {"year_kind": "fiscal", "year": "๒๕๖๙", "number": "1"}
    )
    # then the dashboard is of October to December 2568 BE (2025)
    assert response.context["board"].quarter.starts_on == QUARTER
    # and nonsense falls back to today's quarter rather than failing
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("reports:dashboard", args=["57"]), {"quarter": "not-a-date", "figure": "nope", "number": "9"}
    )
    assert response.status_code == 200
    assert response.context["query"]["figure"] == "meetings_held"


def test_switching_the_figure_swaps_the_map_alone(cast, client_for):
    chiang_rai_meetings()
    response = _open(
        client_for(cast.chiangrai_coordinator),
        "57",
        figure="action_items_overdue",
        headers={"HX-Request": "true", "HX-Target": "dashboard-map"},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and 'id="map-chart"' in content
    assert response.context["map"].figure.key == "action_items_overdue"
    assert "HX-Target" in response["Vary"]


def test_each_child_links_down_to_its_dashboard_for_the_same_quarter_and_figure(cast, client_for):
    response = _open(client_for(cast.chiangrai_coordinator), "57", figure="cases_open")
    cells = response.context["map"].spec["layer"][0]
    assert cells["encoding"]["href"] == {"field": "href"}
    rows = {row["code"]: row for row in response.context["map"].spec["data"]["values"]}
    assert rows["5701"]["href"] == (
        reverse("reports:dashboard", args=["5701"]) + "?quarter=2025-10-01&year_kind=fiscal&figure=cases_open"
    )


def _records(response, key: str) -> str:
    for group in response.context["groups"]:
        for item in group["figures"]:
            if item["key"] == key:
                return item["records"]
    raise AssertionError(f"{key} is not on the dashboard")


def test_each_figure_links_to_the_records_it_counts_narrowed_to_the_place(cast, client_for):
    district = _open(client_for(cast.mueang_coordinator), "5701")
    assert _records(district, "welfare_funds") == reverse("welfare:fund_list") + "?district=5701"
    assert _records(district, "meetings_held") == reverse("plans:area_page", args=["5701"])
    assert _records(district, "progress_reported") == reverse("plans:province_page", args=["57"])
    assert _records(district, "cases_open") == reverse("care:case_list") + "?area=5701"
    country = _open(client_for(cast.admin), "TH")
    assert (
        _records(country, "action_items_overdue") == reverse("meetings:action_item_list") + "?state=overdue"
    )
    assert _records(country, "welfare_funds") == reverse("welfare:fund_list")
    # a reader who may not see people is led to the counts, not to the cases
    viewer = _open(client_for(cast.chiangrai_viewer), "57")
    assert _records(viewer, "cases_open") == reverse("care:household_counts")


def test_the_home_page_opens_the_users_own_dashboard(cast, client_for):
    home = reverse("reports:dashboard_home")
    assert client_for(cast.admin).get(home).url == reverse("reports:dashboard", args=["TH"])
    assert client_for(cast.mueang_coordinator).get(home).url == reverse("reports:dashboard", args=["5701"])
    assert client_for(cast.unassigned).get(home).status_code == 404


def test_the_region_dashboard_counts_its_provinces(cast, client_for):
    from sanphalang.areas.models import Region

    region = Region.objects.create(slug="upper-north", name_th="ภาคเหนือตอนบน")
    region.provinces.set(["57", "56"])
    chiang_rai_meetings()
    response = _open(client_for(cast.admin), "upper-north", figure="meetings_held")
    assert _key_figure(response, "meetings_held").value == 4
    assert set(_children(response)) == {"56", "57"}


def test_the_dashboard_reads_in_a_fixed_number_of_queries(cast, client_for, django_assert_max_num_queries):
    chiang_rai_meetings()
    client = client_for(cast.admin)
    with django_assert_max_num_queries(60):
        assert _open(client, "TH").status_code == 200


def test_the_change_has_no_share_when_there_was_nothing_before(cast, client_for):
    chiang_rai_meetings()
    figure = _key_figure(_open(client_for(cast.chiangrai_coordinator), "5709"), "meetings_held")
    assert (figure.value, figure.previous, figure.change_share) == (1, 0, None)
    assert figure.change == Decimal(1)


def _target_of_chiang_rai(cast):
    from tests.plans.progress_data import entry, make_indicator, make_plan

    plan = make_plan(cast.chiangrai_coordinator, year_be=2569, title="แผนขับเคลื่อนเชียงราย 2569")
    homes = make_indicator(plan, cast.chiangrai_coordinator, name="ครัวเรือนที่ได้รับการซ่อมบ้าน", target=100)
    entry(cast.mueang_coordinator, homes, "5701", QUARTER, 30, approve_by=cast.chiangrai_coordinator)
    entry(cast.maesai_coordinator, homes, "5709", QUARTER, 10, approve_by=cast.chiangrai_coordinator)
    return homes


def test_the_province_dashboard_shows_its_targets_as_progress_bars(cast, client_for):
    # given a Chiang Rai target of 100 homes, 40 done in the quarter
    homes = _target_of_chiang_rai(cast)
    # when the province's dashboard is opened
    response = _open(client_for(cast.chiangrai_coordinator), "57")
    # then the target stands at 40%, drawn as a bar linked to its progress page
    (rolled,) = response.context["targets"].rollups
    assert (rolled.whole.actual, rolled.whole.percent_done) == (40, 40)
    content = response.content.decode()
    assert 'data-width-percent="40"' in content
    assert reverse("plans:indicator_progress", args=[homes.pk]) in content
    # and a district's dashboard reads the district's own part
    (district,) = _open(client_for(cast.mueang_coordinator), "5701").context["targets"].rollups
    assert district.whole.actual == 30


def test_the_country_dashboard_counts_the_targets_by_standing(cast, client_for):
    # given the Chiang Rai target, 40% done a quarter into its year
    _target_of_chiang_rai(cast)
    # when the country's dashboard is opened
    targets = _open(client_for(cast.admin), "TH").context["targets"]
    # then one target is on track, Chiang Rai's
    assert targets.by_standing == {"on_track": 1}
    assert [(p.code, p.total) for p in targets.provinces] == [("57", 1)]
    # and Phayao's coordinator counts none of Chiang Rai's targets
    assert _open(client_for(cast.phayao_coordinator), "TH").context["targets"].total == 0
