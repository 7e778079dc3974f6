"""The dashboards in the browser, with the Content-Security-Policy on: the country's dashboard draws its charts
and tile map, another figure colours the map (HTMX swaps the map alone), and choosing Chiang Rai's tile opens
the province's dashboard for the same quarter and figure; nothing is blocked by the policy."""

import re

import pytest
from playwright.sync_api import expect

from tests.reports.dashboards_data import QUARTER, chiang_rai_meetings

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_switches_the_map_and_drills_down_to_a_province(page, cast, log_in):
    # given meetings held in Chiang Rai this quarter
    chiang_rai_meetings()
    console = []
    page.on("console", lambda message: console.append(message.text))
    log_in(page, cast.admin)
    # when the administrator opens the country's dashboard
    page.goto(f"/reports/dashboards/TH/?quarter={QUARTER.isoformat()}")
    # then the charts are drawn, and the map holds the 77 provinces' tiles
    expect(page.locator("h1")).to_contain_text("ประเทศไทย")
    tiles = page.locator("#dashboard-map [data-chart] svg [aria-label^='เชียงราย:']")
    expect(tiles).to_have_count(1)
    expect(page.locator("#dashboard-map svg g.mark-rect.role-mark path")).to_have_count(77)
    assert page.locator(".key-figure .vega-embed svg").count() >= 10
    expect(page.get_by_text("gridmap-layout-thailand")).to_be_visible()
    # and hovering Chiang Rai's tile shows its meetings
    tiles.first.hover(force=True)  # at its middle, where its label is: the label hovers the same
    expect(page.locator("#vg-tooltip-element")).to_contain_text("เชียงราย")
    expect(page.locator("#vg-tooltip-element")).to_contain_text("4")
    # when they colour the map by the cases open instead
    page.select_option("#map-figure", "cases_open")
    # then the map alone is redrawn, and the address says so
    expect(page).to_have_url(re.compile(r"figure=cases_open"))
    expect(page.locator("#dashboard-map figure[data-chart]")).to_have_attribute("data-drawn", "1")
    expect(page.locator("#dashboard-map svg [aria-label^='เชียงราย:']")).to_have_count(1)
    expect(page.locator("#dashboard-map thead")).to_contain_text("กรณีช่วยเหลือ")
    # when they choose Chiang Rai's tile
    page.locator("#dashboard-map svg [aria-label^='เชียงราย:']").first.click(force=True)
    # then Chiang Rai's dashboard opens for the same quarter and figure, its districts on the map
    expect(page).to_have_url(
        re.compile(r"/reports/dashboards/57/\?quarter=2025-10-01&year_kind=fiscal&figure=cases_open")
    )
    expect(page.locator("h1")).to_contain_text("เชียงราย")
    expect(page.locator("#dashboard-map svg [aria-label^='เมืองเชียงราย:']")).to_have_count(1)
    # and the browser reported nothing the policy refused, and no chart failed
    assert page.locator(".chart-failed").count() == 0
    assert [text for text in console if "Content Security Policy" in text] == [], console
