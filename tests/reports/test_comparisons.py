"""A region's provinces compared, this year against last: the values equal the records, the years are the right
ones (fiscal or calendar), provinces outside the user's areas have no figures, outsiders get nothing."""

import datetime as dt
from decimal import Decimal

import pytest
from django.http import Http404
from django.urls import reverse
from model_bakery import baker

from sanphalang.areas.services import region_create
from sanphalang.reports.selectors.comparisons import comparison


@pytest.fixture
def north(cast):
    return region_create(by=cast.admin, slug="north", name_th="ภาคเหนือตอนบน", province_codes=["57", "50"])


def incident(code: str, day: dt.date):
    return baker.make("care.Incident", area_id=code, occurred_on=day, risk_area=None)


def incidents_row(found, code):
    work = next(w for w in found.work_areas if w.work == "care")
    item = next(i for i in work.figures if i.figure.key == "incidents")
    return item, next(r for r in item.rows if r.code == code)


@pytest.fixture
def records(db):
    # fiscal 2568 runs from 1 October 2024 to 30 September 2025
    incident("570101", dt.date(2024, 10, 1))  # fiscal 2568, calendar 2567
    incident("570901", dt.date(2025, 9, 30))  # fiscal 2568, calendar 2568
    incident("570101", dt.date(2024, 9, 30))  # fiscal 2567, calendar 2567
    incident("500101", dt.date(2025, 1, 5))  # Chiang Mai: fiscal 2568


def test_it_counts_each_provinces_incidents_this_fiscal_year_and_last(cast, north, records):
    found = comparison(user=cast.admin, region="north", year_kind="fiscal", year_be=2568)
    item, chiang_rai = incidents_row(found, "57")
    assert (chiang_rai.this_year, chiang_rai.last_year, chiang_rai.change) == (2, 1, 1)
    _item, chiang_mai = incidents_row(found, "50")
    assert (chiang_mai.this_year, chiang_mai.last_year) == (1, 0)
    assert (item.total_this_year, item.total_last_year) == (Decimal(3), Decimal(1))


def test_a_calendar_year_counts_january_to_december(cast, north, records):
    found = comparison(user=cast.admin, region="north", year_kind="calendar", year_be=2567)
    _item, chiang_rai = incidents_row(found, "57")
    assert (chiang_rai.this_year, chiang_rai.last_year) == (2, 0)


def test_a_stock_stands_at_the_years_end(cast, north):
    baker.make("care.Case", area_id="570101", opened_on=dt.date(2023, 11, 1), closed_on=dt.date(2025, 3, 1))
    found = comparison(user=cast.admin, region="north", year_kind="fiscal", year_be=2568)
    work = next(w for w in found.work_areas if w.work == "care")
    row = next(r for i in work.figures if i.figure.key == "cases_open" for r in i.rows if r.code == "57")
    assert (row.this_year, row.last_year) == (0, 1)


def test_a_province_outside_the_users_areas_has_no_figures(cast, north, records):
    found = comparison(user=cast.mueang_coordinator, region="north", year_kind="fiscal", year_be=2568)
    _item, chiang_rai = incidents_row(found, "57")
    assert chiang_rai.this_year == 1  # only Mueang's own incident counts
    _item, chiang_mai = incidents_row(found, "50")
    assert chiang_mai.this_year is None and chiang_mai.change is None


def test_an_outsider_gets_nothing(cast, north, client_for):
    with pytest.raises(Http404):
        comparison(user=cast.unassigned, region="north")
    with pytest.raises(Http404):
        comparison(user=cast.admin, region="nowhere")
    url = reverse("reports:comparison", args=["north"])
    assert client_for(cast.unassigned).get(url).status_code == 404


def test_the_page_shows_the_years_charts_and_accepts_thai_digits(cast, north, records, client_for):
    client = client_for(cast.chiangrai_coordinator)
    url = reverse("reports:comparison", args=["north"])
    page = client.get(url, {"year_kind": "fiscal", "year": "๒๕๖๘"})
    body = page.content.decode()
    assert page.status_code == 200
    assert 'data-chart="chart-incidents"' in body and 'id="chart-incidents"' in body
    assert "charts-" in body and "2567" in body or "๒๕๖๗" in body
    assert client.get(url, {"year": "ปีนี้"}).status_code == 400


def test_the_table_downloads_as_excel(cast, north, records, client_for):
    import io

    from openpyxl import load_workbook

    response = client_for(cast.admin).get(
        reverse("reports:comparison", args=["north"]), {"year": "2568", "export": "xlsx"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    incidents = [r for r in rows if "57" in r and any("ภัย" in str(v) or "ncident" in str(v) for v in r)]
    assert incidents and incidents[0][-3:] == [2, 1, 1]
