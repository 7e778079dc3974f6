"""The welfare API's yearly figures: a year saved and removed, and the roll-up of a year's figures."""

import pytest

from sanphalang.welfare.models import FundYear

from ..conftest import assert_error
from .data import documentation_problems, openapi


def _url(fund, year=2561) -> str:
    return f"/api/welfare/funds/{fund.pk}/years/{year}"


FIGURES = {
    "members": 1200,
    "members_elderly": 300,
    "savings": "350000.50",
    "matching_government": 120000,
    "benefits_death": "15000",
}


class TestFundYear:
    def test_the_owner_saves_a_year_and_saving_it_again_replaces_it(self, cast, api_for, registry):
        api = api_for(cast.chiangrai_coordinator)
        # when the year is saved, then it is created (201) with its figures, amounts as decimal strings
        response = api.put(_url(registry.mae_yao), FIGURES)
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["year_be"], body["members"], body["savings"]) == (2561, 1200, "350000.50")
        assert (
            documentation_problems(
                openapi(), "/api/welfare/funds/{fund_id}/years/{year_be}", body, method="put", status="201"
            )
            == []
        )
        # when it is saved again with only the members, then it is replaced (200) and the rest cleared
        response = api.put(_url(registry.mae_yao), {"members": 1250})
        assert response.status_code == 200
        year = FundYear.objects.get(fund=registry.mae_yao)
        assert (year.members, year.savings) == (1250, None)

    @pytest.mark.parametrize(
        "body,field",
        [
            ({"savings": "-1"}, "savings"),
            ({"members": 10, "members_children": 20}, "members"),
            ({"members": "many"}, "members"),
            ({"members": 1, "lottery": 5}, "lottery"),
        ],
    )
    def test_bad_figures_are_refused_at_their_field(self, cast, api_for, registry, body, field):
        response = api_for(cast.chiangrai_coordinator).put(_url(registry.mae_yao), body)
        assert response.status_code == 422, response.content
        assert field in {error["field"] for error in response.json()["errors"]}
        assert not FundYear.objects.exists()

    def test_a_year_no_report_can_have_is_refused(self, cast, api_for, registry):
        response = api_for(cast.chiangrai_coordinator).put(_url(registry.mae_yao, 2400), {"members": 1})
        assert_error(response, 422, field="year_be")

    def test_a_viewer_and_an_outsider_cannot_save_or_remove(self, cast, api_for, registry):
        api_for(cast.chiangrai_coordinator).put(_url(registry.mae_yao), FIGURES)
        assert api_for(cast.chiangrai_viewer).put(_url(registry.mae_yao), {"members": 1}).status_code == 403
        assert api_for(cast.chiangrai_viewer).delete(_url(registry.mae_yao)).status_code == 403
        assert api_for(cast.phayao_coordinator).put(_url(registry.mae_yao), {"members": 1}).status_code == 404
        assert api_for(cast.phayao_coordinator).delete(_url(registry.mae_yao)).status_code == 404
        assert FundYear.objects.get().members == 1200

    def test_the_owner_removes_a_year(self, cast, api_for, registry):
        api = api_for(cast.chiangrai_coordinator)
        api.put(_url(registry.mae_yao), FIGURES)
        assert api.delete(_url(registry.mae_yao)).status_code == 204
        assert not FundYear.objects.exists()
        assert api.delete(_url(registry.mae_yao)).status_code == 404

    def test_the_fund_shows_its_years(self, cast, api_for, registry):
        api = api_for(cast.chiangrai_coordinator)
        api.put(_url(registry.mae_yao), FIGURES)
        years = api.get(f"/api/welfare/funds/{registry.mae_yao.pk}").json()["years"]
        assert [(y["year_be"], y["members_elderly"]) for y in years] == [(2561, 300)]


class TestRollupOfAYear:
    def test_it_sums_the_years_figures_per_district_and_in_total(self, cast, api_for, registry):
        api = api_for(cast.chiangrai_coordinator)
        api.put(_url(registry.mae_yao), FIGURES)
        api.put(_url(registry.rim_kok), {"members": 850, "savings": "100"})
        api.put(_url(registry.mae_sai), {"members": 640})
        body = api.get("/api/welfare/rollup", {"level": "district", "year": "๒๕๖๑"}).json()
        assert body["year"] == 2561
        mueang = next(row for row in body["rows"] if row["code"] == "5701")
        assert mueang["figures"]["reporting"] == 2 and mueang["figures"]["savings"] == "350100.50"
        assert body["total_figures"]["members"] == 1200 + 850 + 640
        assert body["total_change"] == {
            "members": None,
            "savings": None,
            "balance": None,
        }  # no 2560 to compare with
        assert documentation_problems(openapi(), "/api/welfare/rollup", body) == []

    def test_a_year_nobody_reported_has_no_figures(self, cast, api_for, registry):
        body = api_for(cast.chiangrai_coordinator).get("/api/welfare/rollup", {"year": 2550}).json()
        assert all(row["figures"] is None for row in body["rows"]) and body["total_figures"] is None
        assert body["rows"]
