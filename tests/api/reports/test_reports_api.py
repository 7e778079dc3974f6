"""The reports API: the catalogue of figures, dashboards, one figure by area, a region's comparison; its answers
equal the records, a bad value is a 422 JSON error and an outsider gets 404."""

import datetime as dt

import pytest
from model_bakery import baker

from sanphalang.areas.services import region_create
from sanphalang.reports.figures import FIGURES


@pytest.fixture
def records(db):
    baker.make("care.Incident", area_id="570101", occurred_on=dt.date(2025, 1, 10), risk_area=None)
    baker.make("care.Incident", area_id="570901", occurred_on=dt.date(2025, 2, 10), risk_area=None)
    baker.make("care.Incident", area_id="570101", occurred_on=dt.date(2024, 11, 10), risk_area=None)


def test_the_catalogue_lists_every_figure_in_the_requests_language(cast, api_for):
    api = api_for(cast.chiangrai_viewer)
    response = api.client.get("/api/reports/figures", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    body = response.json()
    assert [f["key"] for f in body] == list(FIGURES)
    incidents = next(f for f in body if f["key"] == "incidents")
    assert incidents["work_area"] == "care" and incidents["kind"] == "flow"


def test_a_dashboard_gives_value_previous_series_and_areas(cast, api_for, records):
    response = api_for(cast.chiangrai_coordinator).get(
        "/api/reports/dashboards/57", {"quarter": "2025-03-01"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    figure = next(f for f in body["figures"] if f["key"] == "incidents")
    assert (float(figure["value"]), float(figure["previous"]), float(figure["change"])) == (2, 1, 1)
    assert len(figure["series"]) == 8 and figure["series"][-1]["starts_on"] == "2025-01-01"
    by_area = {a["code"]: float(a["value"]) for a in figure["by_area"]}
    assert by_area["5701"] == 1 and by_area["5709"] == 1


def test_one_figure_by_child_area(cast, api_for, records):
    response = api_for(cast.admin).get(
        "/api/reports/figures/incidents", {"area": "57", "quarter": "๑๐/๑/๒๕๖๘", "year_kind": "calendar"}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert float(body["value"]) == 2 and body["quarter_starts_on"] == "2025-01-01"
    assert api_for(cast.admin).get("/api/reports/figures/nothing").status_code == 404


def test_a_regions_comparison(cast, api_for, records):
    region_create(by=cast.admin, slug="north", name_th="ภาคเหนือตอนบน", province_codes=["57", "50"])
    response = api_for(cast.mueang_coordinator).get("/api/reports/comparisons/north", {"year": "2568"})
    assert response.status_code == 200, response.content
    care = next(w for w in response.json()["work_areas"] if w["work_area"] == "care")
    incidents = next(f for f in care["figures"] if f["key"] == "incidents")
    rows = {p["code"]: p for p in incidents["provinces"]}
    assert float(rows["57"]["this_year"]) == 2  # Mueang's two incidents, not Mae Sai's
    assert rows["50"]["readable"] is False and rows["50"]["this_year"] is None


@pytest.mark.parametrize(
    "path, params",
    [
        ("/api/reports/dashboards/57", {"quarter": "not a day"}),
        ("/api/reports/dashboards/57", {"quarter": "9999-12-31"}),
        ("/api/reports/dashboards/57", {"year_kind": "lunar"}),
        ("/api/reports/comparisons/north", {"year": "99"}),
    ],
)
def test_a_bad_value_is_a_json_422(cast, api_for, path, params):
    region_create(by=cast.admin, slug="north", name_th="ภาคเหนือตอนบน", province_codes=["57"])
    response = api_for(cast.admin).get(path, params)
    assert response.status_code == 422 and response.json()["code"]


def test_an_outsider_gets_404(cast, api_for, records):
    region_create(by=cast.admin, slug="north", name_th="ภาคเหนือตอนบน", province_codes=["57"])
    api = api_for(cast.phayao_coordinator)
    assert api.get("/api/reports/dashboards/57").status_code == 404
    assert api.get("/api/reports/figures/incidents", {"area": "5701"}).status_code == 404
    assert api.get("/api/reports/comparisons/north").status_code == 404
    assert api.get("/api/reports/dashboards/nowhere").status_code == 404
