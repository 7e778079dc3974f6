"""The welfare API's funds: the list, one fund with what its page explains, settling a value, and the roll-up."""

from decimal import Decimal

import pytest

from sanphalang.areas.services import region_create
from sanphalang.welfare.models import Fund, FundStatus, FundYear, Settlement
from sanphalang.welfare.services.settle import settle

from ..conftest import assert_error
from ..test_errors import GARBAGE_BODIES
from .data import MATCHING, PROGRAM, build_phayao_fund, reimport_program


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def _settle_url(fund: Fund) -> str:
    return f"/api/welfare/funds/{fund.pk}/settlements"


class TestFundList:
    def test_the_owner_lists_the_funds_of_their_province_with_area_and_record_counts(
        self, cast, api_for, registry
    ):
        # when the Chiang Rai coordinator lists the funds
        body = api_for(cast.chiangrai_coordinator).get("/api/welfare/funds").json()
        # then every fund of the province is there, in Thai order
        assert body["count"] == 3
        assert [item["id"] for item in body["items"]] == [
            registry.mae_yao.pk,
            registry.mae_sai.pk,
            registry.rim_kok.pk,
        ]
        # and each says where it is and how many source records hold it
        mae_yao = body["items"][0]
        assert (mae_yao["area_code"], mae_yao["fund_code"], mae_yao["members"], mae_yao["status"]) == (
            "570106",
            "F001",
            1300,
            "active",
        )
        assert mae_yao["area_path_th"] == "ตำบลแม่ยาว อำเภอเมืองเชียงราย จังหวัดเชียงราย"
        assert mae_yao["area_path_en"] == "Mae Yao, Mueang Chiang Rai, Chiang Rai"
        assert (mae_yao["record_count"], mae_yao["review_count"]) == (2, 0)
        assert body["items"][1]["record_count"] == 1  # Mae Sai: the program only

    def test_a_district_coordinator_lists_only_the_funds_of_their_district(self, cast, api_for, registry):
        assert _ids(api_for(cast.mueang_coordinator).get("/api/welfare/funds")) == [
            registry.mae_yao.pk,
            registry.rim_kok.pk,
        ]

    @pytest.mark.parametrize(
        "params, expected",
        [
            ({"q": "แม่ยาว"}, ["mae_yao"]),
            ({"q": "ต.ริมกก"}, ["rim_kok"]),
            ({"district": "5709"}, ["mae_sai"]),
            ({"district": "๕๗๐๙"}, ["mae_sai"]),
            ({"status": "paused"}, ["rim_kok"]),
            ({"status": "active", "district": "5701"}, ["mae_yao"]),
            ({"limit": 1, "offset": 1}, ["mae_sai"]),
        ],
    )
    def test_filters_narrow_the_list(self, cast, api_for, registry, params, expected):
        # given Rim Kok settled as paused, as the matching list says
        settle(
            by=cast.chiangrai_coordinator,
            fund=registry.rim_kok,
            field="status",
            value="paused",
            reason="ยืนยันกับคณะกรรมการ",
        )
        # when the list is filtered
        response = api_for(cast.chiangrai_coordinator).get("/api/welfare/funds", params)
        # then only the matching funds are listed
        assert _ids(response) == [getattr(registry, name).pk for name in expected]

    def test_the_viewer_reads_the_whole_list(self, cast, api_for, registry):
        assert len(_ids(api_for(cast.chiangrai_viewer).get("/api/welfare/funds"))) == 3

    def test_the_outsider_gets_an_empty_list(self, cast, api_for, registry):
        # given a Phayao fund the outsider owns
        phayao = build_phayao_fund(cast)
        # then they list their own fund and none of Chiang Rai's
        assert _ids(api_for(cast.phayao_coordinator).get("/api/welfare/funds")) == [phayao.pk]
        assert _ids(api_for(cast.unassigned).get("/api/welfare/funds")) == []

    @pytest.mark.parametrize(
        "params, field",
        [
            ({"district": "57"}, "district"),
            ({"district": "เมือง"}, "district"),
            ({"status": "closed"}, "status"),
            ({"limit": 0}, "limit"),
            ({"offset": "x"}, "offset"),
        ],
    )
    def test_a_bad_filter_is_422_at_the_parameter(self, cast, api_for, registry, params, field):
        assert_error(api_for(cast.chiangrai_coordinator).get("/api/welfare/funds", params), 422, field)


class TestFundDetail:
    def test_it_shows_years_records_disagreements_and_the_settlements_history(self, cast, api_for, registry):
        # given a year's figures and a member count settled from the matching list
        FundYear.objects.create(
            fund=registry.mae_yao,
            year_be=2566,
            members=1300,
            savings=Decimal("452000.50"),
            benefits_death=Decimal("36000"),
            balance=Decimal("1250000"),
        )
        FundYear.objects.create(fund=registry.mae_yao, year_be=2565, members=1200)
        matching = registry.record(registry.mae_yao, MATCHING)
        settle(
            by=cast.chiangrai_coordinator,
            fund=registry.mae_yao,
            field="members",
            value="",
            from_record=matching,
            reason="ตรวจทะเบียนแล้ว",
        )
        # when the coordinator reads the fund
        fund = api_for(cast.chiangrai_coordinator).get(f"/api/welfare/funds/{registry.mae_yao.pk}").json()
        # then it holds the settled value and may be settled again
        assert (fund["members"], fund["record_count"], fund["can_settle"]) == (1300, 2, True)
        # and the years come newest first, with every figure, amounts as decimal strings
        assert [year["year_be"] for year in fund["years"]] == [2566, 2565]
        latest = fund["years"][0]
        assert (latest["savings"], latest["benefits_death"], latest["balance"]) == (
            "452000.50",
            "36000.00",
            "1250000.00",
        )
        assert latest["matching_government"] is None and latest["members_elderly"] is None
        # and each source record says where it came from and why it was linked
        records = {record["source_name"]: record for record in fund["source_records"]}
        assert set(records) == {PROGRAM, MATCHING}
        assert records[MATCHING]["id"] == matching.pk and records[MATCHING]["row"] == 2
        assert (
            records[MATCHING]["link_score"] == 1.0
            and ["same_fund_code", "F001"] in records[MATCHING]["link_reasons"]
        )
        assert len(records[MATCHING]["link_reason_labels"]) == len(records[MATCHING]["link_reasons"])
        assert (records[MATCHING]["needs_review"], records[MATCHING]["duplicate_of"]) == (False, None)
        # and the member count, settled, no longer waits as a disagreement
        assert "members" not in {row["field"] for row in fund["disagreements"]}
        # and the history says who took which value from where, and why
        [decision] = fund["settlements"]
        assert (decision["field"], decision["value"], decision["from_record"], decision["from_source"]) == (
            "members",
            "๑๓๐๐",
            matching.pk,
            MATCHING,
        )
        assert (decision["reason"], decision["decided_by"]) == ("ตรวจทะเบียนแล้ว", "cr_coord")
        assert fund["settlement_conflicts"] == []

    def test_a_disagreement_names_each_source_value_until_it_is_settled(self, cast, api_for, registry):
        api = api_for(cast.chiangrai_coordinator)
        fund = api.get(f"/api/welfare/funds/{registry.mae_yao.pk}").json()
        [members] = [row for row in fund["disagreements"] if row["field"] == "members"]
        assert {v["source"]: v["value"] for v in members["values"]} == {PROGRAM: 1200, MATCHING: 1300}
        settle(
            by=cast.chiangrai_coordinator,
            fund=registry.mae_yao,
            field="members",
            value="1300",
            reason="นับแล้ว",
        )
        fund = api.get(f"/api/welfare/funds/{registry.mae_yao.pk}").json()
        assert "members" not in {row["field"] for row in fund["disagreements"]}

    def test_it_names_a_source_missing_a_fund_as_a_disagreement(self, cast, api_for, registry):
        fund = api_for(cast.chiangrai_coordinator).get(f"/api/welfare/funds/{registry.mae_sai.pk}").json()
        members = {row["field"]: row["values"] for row in fund["disagreements"]}["members"]
        assert {v["source"]: v["value"] for v in members} == {PROGRAM: 640, MATCHING: None}

    def test_it_shows_a_settled_value_that_a_later_import_contradicts(self, cast, api_for, registry):
        # given Mae Yao's members settled at 400, and then the program imported again saying 420
        settle(
            by=cast.chiangrai_coordinator,
            fund=registry.mae_yao,
            field="members",
            value="400",
            reason="นับจากสมุดทะเบียน",
        )
        reimport_program(cast, mae_yao_members="420")
        # when the fund is read
        fund = api_for(cast.chiangrai_coordinator).get(f"/api/welfare/funds/{registry.mae_yao.pk}").json()
        # then the settled value stands and the conflict names both values and the source
        assert fund["members"] == 400
        [conflict] = fund["settlement_conflicts"]
        assert (
            conflict["field"],
            conflict["settled_value"],
            conflict["source"],
            conflict["source_value"],
        ) == ("members", "400", PROGRAM, 420)
        assert conflict["settlement_id"] == fund["settlements"][0]["id"]
        assert conflict["record_id"] == registry.record(registry.mae_yao, PROGRAM).pk
        assert conflict["source_imported_at"] > fund["settlements"][0]["decided_at"]

    def test_the_viewer_reads_it_but_may_not_settle(self, cast, api_for, registry):
        response = api_for(cast.chiangrai_viewer).get(f"/api/welfare/funds/{registry.rim_kok.pk}")
        assert response.status_code == 200 and response.json()["can_settle"] is False

    @pytest.mark.parametrize(
        "user, fund",
        [
            ("phayao_coordinator", "mae_yao"),
            ("maesai_coordinator", "rim_kok"),
            ("mueang_coordinator", "mae_sai"),
        ],
    )
    def test_a_fund_outside_the_callers_areas_is_404(self, cast, api_for, registry, user, fund):
        response = api_for(getattr(cast, user)).get(f"/api/welfare/funds/{getattr(registry, fund).pk}")
        assert assert_error(response, 404)["code"] == "not_found"

    @pytest.mark.parametrize(
        "path",
        ["/api/welfare/funds/999999", "/api/welfare/funds/abc", "/api/welfare/funds/99999999999999999999999"],
    )
    def test_no_such_fund_is_a_4xx_json_error(self, cast, api_for, path):
        response = api_for(cast.admin).get(path)
        assert_error(response, response.status_code)
        assert 400 <= response.status_code < 500


class TestSettle:
    def test_the_owner_settles_a_typed_value_and_the_history_names_them(self, cast, api_for, registry):
        # when the coordinator types the member count in Thai digits
        response = api_for(cast.chiangrai_coordinator).post(
            _settle_url(registry.mae_yao), {"field": "members", "value": "๑,๒๕๐", "reason": "นับใหม่ในที่ประชุม"}
        )
        # then the settlement is created with who and why
        assert response.status_code == 201, response.content
        decision = response.json()
        assert (decision["field"], decision["value"], decision["from_record"]) == ("members", "๑,๒๕๐", None)
        assert (decision["reason"], decision["decided_by"]) == ("นับใหม่ในที่ประชุม", "cr_coord")
        # and the registry holds the value, its history naming the coordinator
        fund = Fund.objects.get(pk=registry.mae_yao.pk)
        assert fund.members == 1250
        assert fund.history.first().history_user == cast.chiangrai_coordinator

    def test_a_district_coordinator_takes_a_value_from_a_source_record(self, cast, api_for, registry):
        # given the program's record of Mae Yao, which says 1,200 members where the fund took the matching
        # list's 1,300 (the list it trusts more for members)
        program = registry.record(registry.mae_yao, PROGRAM)
        # when Mueang's coordinator takes the member count from it
        response = api_for(cast.mueang_coordinator).post(
            _settle_url(registry.mae_yao),
            {"field": "members", "from_record": program.pk, "reason": "ยืนยันแล้ว"},
        )
        # then the fund has 1,200 members and the settlement points at the record
        assert response.status_code == 201, response.content
        assert (response.json()["from_record"], response.json()["from_source"]) == (program.pk, PROGRAM)
        assert Fund.objects.get(pk=registry.mae_yao.pk).members == 1200

    def test_a_district_coordinator_cannot_settle_a_fund_of_another_district(self, cast, api_for, registry):
        response = api_for(cast.maesai_coordinator).post(
            _settle_url(registry.mae_yao), {"field": "members", "value": "1", "reason": "x"}
        )
        assert_error(response, 404)
        assert Fund.objects.get(pk=registry.mae_yao.pk).members == 1300

    def test_an_integer_value_and_a_be_founding_date_are_read(self, cast, api_for, registry):
        client = api_for(cast.chiangrai_coordinator)
        assert (
            client.post(
                _settle_url(registry.mae_sai), {"field": "members", "value": 700, "reason": "x"}
            ).status_code
            == 201
        )
        assert (
            client.post(
                _settle_url(registry.mae_sai), {"field": "founded", "value": "20/7/2558", "reason": "x"}
            ).status_code
            == 201
        )
        fund = Fund.objects.get(pk=registry.mae_sai.pk)
        assert (fund.members, fund.founded_on.isoformat()) == (700, "2015-07-20")

    def test_the_viewer_is_refused_and_nothing_changes(self, cast, api_for, registry):
        response = api_for(cast.chiangrai_viewer).post(
            _settle_url(registry.mae_yao), {"field": "members", "value": "1", "reason": "x"}
        )
        assert assert_error(response, 403)["code"] == "read_only_role"
        assert Fund.objects.get(pk=registry.mae_yao.pk).members == 1300
        assert not Settlement.objects.exists()

    def test_the_outsider_gets_404_and_nothing_changes(self, cast, api_for, registry):
        response = api_for(cast.phayao_coordinator).post(
            _settle_url(registry.mae_yao), {"field": "members", "value": "1", "reason": "x"}
        )
        assert_error(response, 404)
        assert Fund.objects.get(pk=registry.mae_yao.pk).members == 1300
        assert not Settlement.objects.exists()

    @pytest.mark.parametrize(
        "payload, field",
        [
            ({"field": "address", "value": "1", "reason": "x"}, "field"),
            ({"field": 3, "value": "1", "reason": "x"}, "field"),
            ({"value": "1", "reason": "x"}, "field"),
            ({"field": "members", "value": "many", "reason": "x"}, "value"),
            ({"field": "members", "value": [1250], "reason": "x"}, "value"),
            ({"field": "members", "value": 12.5, "reason": "x"}, "value"),
            ({"field": "members", "value": True, "reason": "x"}, "value"),
            ({"field": "members", "value": "1" * 301, "reason": "x"}, "value"),
            ({"field": "founded", "value": "31/02/2558", "reason": "x"}, "value"),
            ({"field": "fund_name", "value": " ", "reason": "x"}, "value"),
            ({"field": "members", "reason": "x"}, "value"),
            ({"field": "members", "value": "1"}, "reason"),
            ({"field": "members", "value": "1", "reason": " "}, "reason"),
            ({"field": "members", "value": "1", "reason": {"why": "x"}}, "reason"),
            ({"field": "members", "from_record": "the matching list", "reason": "x"}, "from_record"),
            ({"field": "members", "from_record": 999999, "reason": "x"}, "from_record"),
            ({"field": "fund_code", "value": "F" * 41, "reason": "x"}, "any"),
            ({"field": "members", "value": "1", "reason": "x", "from_recrod": 4}, "from_recrod"),
        ],
    )
    def test_bad_input_is_422_at_the_field_and_changes_nothing(self, cast, api_for, registry, payload, field):
        response = api_for(cast.chiangrai_coordinator).post(_settle_url(registry.mae_yao), payload)
        assert_error(response, 422, field)
        fund = Fund.objects.get(pk=registry.mae_yao.pk)
        assert (fund.members, fund.name_th, fund.fund_code) == (1300, registry.mae_yao.name_th, "F001")
        assert not Settlement.objects.exists()

    def test_a_record_of_another_fund_is_422_at_from_record(self, cast, api_for, registry):
        other = registry.record(registry.rim_kok, MATCHING)
        response = api_for(cast.chiangrai_coordinator).post(
            _settle_url(registry.mae_yao), {"field": "status", "from_record": other.pk, "reason": "x"}
        )
        assert_error(response, 422, "from_record")
        assert Fund.objects.get(pk=registry.mae_yao.pk).status == FundStatus.ACTIVE

    def test_no_garbage_body_gives_a_500(self, cast, api_for, registry):
        client = api_for(cast.chiangrai_coordinator)
        for body in GARBAGE_BODIES:
            response = client.post(_settle_url(registry.mae_yao), body)
            assert 400 <= response.status_code < 500, (body, response.content)
            assert_error(response, response.status_code)
        assert not Settlement.objects.exists()


class TestRollup:
    def test_it_sums_funds_and_members_per_district_for_the_owner_and_the_viewer(
        self, cast, api_for, registry
    ):
        for user in (cast.chiangrai_coordinator, cast.chiangrai_viewer):
            body = api_for(user).get("/api/welfare/rollup").json()
            assert body["level"] == "district"
            assert [(r["code"], r["funds"], r["members"]) for r in body["rows"]] == [
                ("5701", 2, 2150),
                ("5709", 1, 640),
            ]
            assert body["rows"][0]["name"] == "เมืองเชียงราย"
            assert (body["total_funds"], body["total_members"]) == (3, 2790)

    def test_regions_overlap_so_the_total_is_the_countrys(self, cast, api_for, registry):
        # given Chiang Rai in two regions
        region_create(by=cast.admin, name_th="ภาคเหนือตอนบน", slug="upper-north", province_codes=["57", "56"])
        region_create(by=cast.admin, name_th="ลุ่มน้ำโขง", slug="mekong", province_codes=["57"])
        # when rolled up by region
        body = api_for(cast.chiangrai_coordinator).get("/api/welfare/rollup", {"level": "region"}).json()
        # then each region counts the province, and the total counts each fund once
        assert sorted((r["code"], r["funds"]) for r in body["rows"]) == [("mekong", 3), ("upper-north", 3)]
        assert body["total_funds"] == 3

    @pytest.mark.parametrize("level, code", [("province", "57"), ("country", "TH")])
    def test_it_rolls_up_to_the_province_and_the_country(self, cast, api_for, registry, level, code):
        body = api_for(cast.mueang_coordinator).get("/api/welfare/rollup", {"level": level}).json()
        assert [(r["code"], r["funds"], r["members"]) for r in body["rows"]] == [(code, 2, 2150)]

    def test_the_outsider_gets_no_rows(self, cast, api_for, registry):
        body = api_for(cast.phayao_coordinator).get("/api/welfare/rollup", {"level": "country"}).json()
        assert body == {
            "level": "country",
            "year": None,
            "rows": [],
            "total_funds": 0,
            "total_members": 0,
            "total_figures": None,
            "total_change": None,
        }

    def test_an_unknown_level_is_422(self, cast, api_for):
        assert_error(
            api_for(cast.chiangrai_coordinator).get("/api/welfare/rollup", {"level": "tambon"}), 422, "level"
        )
