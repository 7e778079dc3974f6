"""The welfare API's sources: the list, reconciling a province, and the review queue of uncertain links."""

import pytest

from sanphalang.welfare.models import Fund, SourceRecord

from ..conftest import assert_error
from .data import MATCHING, PROGRAM, SURVEY, build_phayao_fund, import_survey


def _links() -> list[tuple]:
    """Every record's link as it stands, to show that a refused request changed none."""
    return list(
        SourceRecord.objects.order_by("pk").values_list("pk", "fund_id", "needs_review", "link_reasons")
    )


class TestSources:
    def test_the_owner_and_the_viewer_list_the_provinces_sources(self, cast, api_for, registry):
        for user in (cast.chiangrai_coordinator, cast.chiangrai_viewer, cast.mueang_coordinator):
            body = api_for(user).get("/api/welfare/sources").json()
            sources = {item["name"]: item for item in body["items"]}
            assert body["count"] == 2 and set(sources) == {PROGRAM, MATCHING}
            assert (sources[PROGRAM]["record_count"], sources[MATCHING]["record_count"]) == (3, 2)
            assert sources[PROGRAM]["area_code"] == "57" and sources[PROGRAM]["imported_by"] == "cr_coord"
            assert sources[PROGRAM]["column_mapping"]["fund_name"] == "ชื่อกองทุน"

    def test_the_outsider_lists_only_their_own_provinces_sources(self, cast, api_for, registry):
        assert api_for(cast.phayao_coordinator).get("/api/welfare/sources").json()["count"] == 0
        build_phayao_fund(cast)
        items = api_for(cast.phayao_coordinator).get("/api/welfare/sources").json()["items"]
        assert [(item["name"], item["area_code"]) for item in items] == [(PROGRAM, "56")]

    def test_a_national_source_shows_the_area_it_covers_and_its_kind(self, cast, api_for, registry):
        # given a national office's list given by a national user
        from sanphalang.welfare.services.sources import source_import

        from ...welfare.registry_data import THAI_HEADINGS, program_rows, table

        source_import(
            by=cast.admin,
            source_name="รายชื่อสมทบ",
            area_code="TH",
            kind="matching",
            table=table(THAI_HEADINGS, program_rows()),
        )
        # then Chiang Rai's coordinator lists it beside the province's own, with its coverage and kind
        items = {
            item["name"]: item
            for item in api_for(cast.chiangrai_coordinator).get("/api/welfare/sources").json()["items"]
        }
        national = items["รายชื่อสมทบ"]
        assert (national["area_level"], national["area_code"], national["area_name_th"]) == (
            "country",
            "TH",
            "ประเทศไทย",
        )
        assert (national["kind"], national["label"]) == ("matching", "รายชื่อสมทบ (ประเทศไทย)")
        assert len(national["province_codes"]) == 77 and items[PROGRAM]["area_level"] == "province"
        # and an outsider of no area does not
        assert api_for(cast.unassigned).get("/api/welfare/sources").json()["count"] == 0


class TestReconcile:
    def test_the_owner_reconciles_a_new_source_into_the_registry(self, cast, api_for, registry):
        # given the network survey is imported
        import_survey(cast)
        # when the coordinator reconciles Chiang Rai
        response = api_for(cast.chiangrai_coordinator).post("/api/welfare/reconcile", {"province_code": "57"})
        # then the summary counts the records, the one new (village) fund and the links to review
        assert response.status_code == 200, response.content
        summary = response.json()
        assert (summary["records"], summary["created"], summary["review"], summary["duplicates"]) == (
            7,
            1,
            4,
            0,
        )
        assert Fund.objects.count() == 4
        assert Fund.objects.filter(name_th="กองทุนสวัสดิการชุมชนบ้านแม่ยาว").exists()

    def test_reconciling_again_finds_the_same_funds(self, cast, api_for, registry):
        client = api_for(cast.chiangrai_coordinator)
        first = client.post("/api/welfare/reconcile", {"province_code": "๕๗"}).json()
        assert client.post("/api/welfare/reconcile", {"province_code": "57"}).json() == first
        assert first["created"] == 0 and Fund.objects.count() == 3

    @pytest.mark.parametrize(
        "user, code",
        [
            ("chiangrai_viewer", "read_only_role"),
            ("phayao_coordinator", "outside_area"),
            ("mueang_coordinator", "outside_area"),
        ],
    )
    def test_who_may_not_write_the_province_is_refused_and_nothing_changes(
        self, cast, api_for, registry, user, code
    ):
        # given a new source waiting to be reconciled
        import_survey(cast)
        before = _links()
        # when someone without write access to the province reconciles it
        response = api_for(getattr(cast, user)).post("/api/welfare/reconcile", {"province_code": "57"})
        # then they are refused, and no record is linked
        assert assert_error(response, 403)["code"] == code
        assert _links() == before and Fund.objects.count() == 3

    @pytest.mark.parametrize(
        "body, field",
        [
            ({"province_code": "99"}, "province_code"),
            ({"province_code": "5701"}, "province_code"),
            ({"province_code": ""}, "province_code"),
            ({"province_code": 57}, "province_code"),
            ({"province_code": ["57"]}, "province_code"),
            ({}, "province_code"),
            ({"province_code": "57", "province": "56"}, "province"),
        ],
    )
    def test_a_province_code_that_names_no_province_is_422(self, cast, api_for, body, field):
        assert_error(api_for(cast.admin).post("/api/welfare/reconcile", body), 422, field)

    def test_a_province_without_sources_is_422(self, cast, api_for, registry):
        body = assert_error(
            api_for(cast.phayao_coordinator).post("/api/welfare/reconcile", {"province_code": "56"}),
            422,
            "province_code",
        )
        assert body["code"] == "no_sources"


class TestReviewQueue:
    def test_the_owner_and_the_viewer_list_the_uncertain_links_with_their_funds(self, cast, api_for, survey):
        for user in (cast.mueang_coordinator, cast.chiangrai_viewer):
            body = api_for(user).get("/api/welfare/review").json()
            assert body["count"] == 4
            assert all(item["needs_review"] and item["link_reasons"] for item in body["items"])
        survey_row = next(item for item in body["items"] if item["id"] == survey[2].pk)
        assert (survey_row["source_name"], survey_row["fund_name_th"], survey_row["fund_area_code"]) == (
            SURVEY,
            "กองทุนสวัสดิการชุมชนตำบลแม่ยาว",
            "570106",
        )
        assert ["different_fund_code", "F001", "F007"] in survey_row["link_reasons"]
        assert survey_row["link_score"] < 0.9

    @pytest.mark.parametrize("user", ["phayao_coordinator", "maesai_coordinator"])
    def test_those_outside_mae_yao_get_an_empty_queue_and_404(self, cast, api_for, survey, user):
        client = api_for(getattr(cast, user))
        assert client.get("/api/welfare/review").json()["count"] == 0
        before = _links()
        assert_error(client.post(f"/api/welfare/review/{survey[2].pk}", {"action": "confirm"}), 404)
        assert _links() == before

    def test_the_owner_confirms_a_link_and_it_leaves_the_queue(self, cast, api_for, survey):
        client = api_for(cast.mueang_coordinator)
        # when the coordinator confirms the survey's Mae Yao row
        response = client.post(f"/api/welfare/review/{survey[2].pk}", {"action": "confirm"})
        # then the record stays with Mae Yao, marked as an officer's decision
        assert response.status_code == 200, response.content
        decided = response.json()
        assert (decided["needs_review"], decided["fund_name_th"]) == (False, "กองทุนสวัสดิการชุมชนตำบลแม่ยาว")
        assert decided["link_reasons"][0] == ["officer"]
        # and it is no longer in the queue
        assert survey[2].pk not in [item["id"] for item in client.get("/api/welfare/review").json()["items"]]

    def test_the_owner_merges_the_village_fund_into_mae_yao(self, cast, api_for, registry, survey):
        response = api_for(cast.mueang_coordinator).post(
            f"/api/welfare/review/{survey[3].pk}", {"action": "merge", "fund": str(registry.mae_yao.pk)}
        )
        assert response.status_code == 200, response.content
        assert response.json()["fund_id"] == registry.mae_yao.pk
        survey[3].refresh_from_db()
        assert (survey[3].fund_id, survey[3].needs_review) == (registry.mae_yao.pk, False)

    def test_the_owner_splits_a_record_into_a_fund_of_its_own(self, cast, api_for, registry, survey):
        # given the matching list's Mae Yao record, which the linkage was unsure of
        matching = registry.record(registry.mae_yao, MATCHING)
        # when the coordinator splits it off
        response = api_for(cast.chiangrai_coordinator).post(
            f"/api/welfare/review/{matching.pk}", {"action": "split"}
        )
        # then it holds a new fund of the name it is written with, in Mae Yao
        assert response.status_code == 200, response.content
        own = Fund.objects.get(pk=response.json()["fund_id"])
        assert (own.name_th, own.area_id) == ("กองทุนสวัสดิการ ต.แม่ยาว", "570106")
        assert registry.mae_yao.source_records.filter(pk=matching.pk).count() == 0

    def test_a_split_that_would_repeat_the_funds_name_is_422(self, cast, api_for, survey):
        before = _links()
        response = api_for(cast.chiangrai_coordinator).post(
            f"/api/welfare/review/{survey[2].pk}", {"action": "split"}
        )
        assert_error(response, 422)
        assert _links() == before

    @pytest.mark.parametrize(
        "action", [{"action": "confirm"}, {"action": "split"}, {"action": "merge", "fund": 1}]
    )
    def test_the_viewer_is_refused_and_nothing_changes(self, cast, api_for, survey, action):
        before = _links()
        response = api_for(cast.chiangrai_viewer).post(f"/api/welfare/review/{survey[2].pk}", action)
        assert assert_error(response, 403)["code"] == "read_only_role"
        assert _links() == before

    @pytest.mark.parametrize(
        "payload, field",
        [
            ({"action": "delete"}, "action"),
            ({}, "action"),
            ({"action": ["confirm"]}, "action"),
            ({"action": "merge"}, "fund"),
            ({"action": "merge", "fund": "Mae Yao"}, "fund"),
            ({"action": "merge", "fund": 999999}, "fund"),
            ({"action": "merge", "fund": "mae_sai"}, "fund"),
            ({"action": "merge", "fund": "phayao"}, "fund"),
            ({"action": "confirm", "fund_id": 1}, "fund_id"),
        ],
    )
    def test_bad_input_is_422_at_the_field_and_changes_nothing(
        self, cast, api_for, registry, survey, payload, field
    ):
        # funds the Mueang coordinator cannot see: Mae Sai's, and one in Phayao
        others = {"mae_sai": registry.mae_sai.pk, "phayao": build_phayao_fund(cast).pk}
        payload = {**payload, "fund": others.get(payload.get("fund"), payload.get("fund"))}
        before = _links()
        response = api_for(cast.mueang_coordinator).post(f"/api/welfare/review/{survey[3].pk}", payload)
        assert_error(response, 422, field)
        assert _links() == before

    @pytest.mark.parametrize("record", ["rim_kok", "999999", "abc"])
    def test_a_record_not_waiting_for_review_is_a_4xx(self, cast, api_for, registry, survey, record):
        record_id = registry.record(registry.rim_kok, PROGRAM).pk if record == "rim_kok" else record
        response = api_for(cast.chiangrai_coordinator).post(
            f"/api/welfare/review/{record_id}", {"action": "confirm"}
        )
        assert 400 <= response.status_code < 500
        assert_error(response, response.status_code)
