"""Progress of targets through the API: the roll-ups give the figures of the selectors (progress_data.py's hand-
worked totals), entries are submitted, corrected, returned and approved under the rules of the services, an approved
period is locked until an administrator reopens it, and an outsider reads nothing."""

import datetime as dt
from decimal import Decimal

import pytest

from sanphalang.plans.models import EntryStatus, PeriodLock, ProgressEntry
from tests.api.conftest import assert_error
from tests.plans.progress_data import Q1, Q2, Q3, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def fixture(cast):
    return build(cast)


def _row(figure_set, code):
    return next(row for row in figure_set["rows"] if row["code"] == code)


class TestTheRollUps:
    def test_a_target_rolls_up_over_the_districts_with_where_each_figure_comes_from(
        self, cast, api_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        response = api_for(cast.chiangrai_coordinator).get(f"/api/plans/targets/{households.pk}/progress")
        assert response.status_code == 200, response.content
        body = response.json()
        whole = body["whole"]
        assert (Decimal(whole["actual"]), Decimal(whole["pending"]), Decimal(whole["target"])) == (29, 8, 100)
        assert (whole["source"], whole["target_source"], whole["denominator"]) == ("both", "entered", None)
        assert whole["source_label"] and whole["standing_label"]
        mueang = _row(body, "5701")
        assert (Decimal(mueang["actual"]), Decimal(mueang["target"]), mueang["source"]) == (27, 60, "both")
        maesai = _row(body, "5709")
        assert (Decimal(maesai["actual"]), Decimal(maesai["pending"]), maesai["source"]) == (0, 8, "entered")
        assert _row(body, "5703")["source"] == "none" and _row(body, "5703")["entries"] == 0
        assert len(body["rows"]) == 18
        assert body["target"]["id"] == households.pk and body["target"]["unit"] == "households"
        assert "ETag" not in response  # a roll-up is no record to change

    def test_a_percentage_is_computed_from_its_parts(self, cast, api_for, fixture):
        _plan, _households, villages, _members = fixture
        body = api_for(cast.chiangrai_viewer).get(f"/api/plans/targets/{villages.pk}/progress").json()
        assert (Decimal(body["whole"]["actual"]), Decimal(body["whole"]["denominator"])) == (15, 22)
        assert Decimal(body["whole"]["value"]) == Decimal("68.18")
        assert Decimal(_row(body, "5709")["value"]) == Decimal("75.00")
        assert Decimal(_row(body, "5709")["pending_denominator"]) == 12

    def test_a_district_with_thai_digits_a_period_and_cumulative_up_to_a_period(self, cast, api_for, fixture):
        _plan, households, _villages, _members = fixture
        client = api_for(cast.mueang_coordinator)
        path = f"/api/plans/targets/{households.pk}/progress"
        district = client.get(path, {"area": "๕๗๐๑"}).json()
        assert (district["whole"]["code"], Decimal(district["whole"]["actual"])) == ("5701", 27)
        assert Decimal(_row(district, "570101")["actual"]) == 17
        assert Decimal(client.get(path, {"upto": Q1.isoformat()}).json()["whole"]["actual"]) == 19
        assert Decimal(client.get(path, {"period": Q2.isoformat()}).json()["whole"]["actual"]) == 8
        # BE dates are read too: 1 January 2568 is the second quarter
        assert Decimal(client.get(path, {"period": "1/1/2568"}).json()["whole"]["actual"]) == 8

    def test_an_area_outside_the_plan_or_a_period_not_of_it_is_refused_with_its_code(
        self, cast, api_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        client = api_for(cast.chiangrai_coordinator)
        path = f"/api/plans/targets/{households.pk}/progress"
        assert (
            assert_error(client.get(path, {"area": "5601"}), 422, field="area")["code"]
            == "area_outside_owner"
        )
        refused = assert_error(client.get(path, {"period": "2024-10-15"}), 422, field="period")
        assert refused["code"] == "period_unknown"

    def test_the_series_gives_each_period_and_the_cumulative_figure(self, cast, api_for, fixture):
        _plan, households, _villages, _members = fixture
        body = api_for(cast.chiangrai_coordinator).get(f"/api/plans/targets/{households.pk}/series").json()
        assert body["area_code"] == "57"
        assert [p["key"] for p in body["periods"]] == [
            q.isoformat() for q in (Q1, Q2, Q3, dt.date(2025, 7, 1))
        ]
        assert [Decimal(p["figure"]["actual"]) for p in body["periods"]] == [19, 8, 2, 0]
        assert [Decimal(p["cumulative"]["actual"]) for p in body["periods"]] == [19, 27, 29, 29]
        assert body["periods"][0]["label"] and not any(p["locked"] for p in body["periods"])

    def test_the_plan_and_the_province_give_every_target(self, cast, api_for, fixture):
        plan, households, villages, members = fixture
        client = api_for(cast.chiangrai_viewer)
        by_plan = client.get(f"/api/plans/{plan.pk}/progress").json()
        assert (by_plan["plan_id"], by_plan["year_be"], by_plan["area_code"]) == (plan.pk, 2568, "57")
        assert [t["target"]["id"] for t in by_plan["targets"]] == [households.pk, villages.pk, members.pk]
        actuals = [Decimal(t["whole"]["actual"]) for t in by_plan["targets"]]
        assert actuals == [29, 15, 170]
        by_province = client.get("/api/plans/provinces/57/rollup").json()
        assert by_province["year_be"] == 2568
        assert [Decimal(t["whole"]["actual"]) for t in by_province["targets"]] == actuals
        assert client.get("/api/plans/provinces/57/rollup", {"year": "๒๕๖๗"}).json()["targets"] == []

    def test_a_region_compares_its_provinces_on_common_measures(self, cast, api_for, fixture):
        from sanphalang.areas.services import region_create
        from sanphalang.plans.models import Measure

        _plan, households, _villages, _members = fixture
        measure = Measure.objects.create(slug="houses-repaired", name_th="ครัวเรือนที่ซ่อมบ้าน", unit="households")
        households.measure = measure
        households.save()
        region_create(by=cast.admin, name_th="ภาคเหนือตอนบน", province_codes=["57", "56"], slug="upper-north")
        body = api_for(cast.chiangrai_coordinator).get("/api/plans/regions/upper-north/comparison").json()
        assert body["year_be"] == 2568
        [compared] = body["measures"]
        assert compared["measure"]["slug"] == "houses-repaired"
        chiang_rai = next(row for row in compared["rows"] if row["code"] == "57")
        assert Decimal(chiang_rai["this_year"]["actual"]) == 29 and chiang_rai["last_year"] is None
        assert next(row for row in compared["rows"] if row["code"] == "56")["this_year"] is None


class TestEntries:
    def test_an_entry_is_submitted_with_thai_digits_and_evidence_and_waits_for_approval(
        self, cast, api_for, fixture
    ):
        _plan, households, _villages, _members = fixture
        response = api_for(cast.mueang_coordinator).post(
            f"/api/plans/targets/{households.pk}/entries",
            {
                "area_code": "๕๗๐๑๐๓",
                "period": "1/10/2567",
                "value": "๑๒",
                "note": "ซ่อมหลังคา",
                "evidence_link": "https://example.org/photos",
            },
        )
        assert response.status_code == 201, response.content
        body = response.json()
        assert (body["area_code"], body["period"], Decimal(body["value"])) == ("570103", "2024-10-01", 12)
        assert (body["status"], body["note"], body["submitted_by"]) == (
            "submitted",
            "ซ่อมหลังคา",
            "mueang_coord",
        )
        assert body["period_label"] and body["status_label"] and body["has_evidence_file"] is False
        assert response["ETag"] == f'W/"{body["version"]}"'
        assert (
            ProgressEntry.objects.get(pk=body["id"]).history.latest().history_user == cast.mueang_coordinator
        )

    def test_the_province_approves_or_returns_and_the_area_corrects(self, cast, api_for, fixture):
        _plan, households, _villages, _members = fixture
        area, province = api_for(cast.maesai_coordinator), api_for(cast.chiangrai_coordinator)
        made = area.post(
            f"/api/plans/targets/{households.pk}/entries",
            {"area_code": "5709", "period": Q2.isoformat(), "value": 3},
        ).json()
        path = f"/api/plans/entries/{made['id']}"
        assert assert_error(area.post(f"{path}/approve"), 403)["code"]  # an area does not approve itself
        assert assert_error(province.post(f"{path}/return", {"reason": " "}), 422, field="reason")[
            "code"
        ] == ("return_needs_reason")
        returned = province.post(f"{path}/return", {"reason": "ขอรูปถ่าย"}).json()
        assert (returned["status"], returned["return_reason"], returned["decided_by"]) == (
            "returned",
            "ขอรูปถ่าย",
            "cr_coord",
        )
        corrected = area.patch(path, {"value": "4", "note": "แนบรูปแล้ว"})
        assert corrected.status_code == 200, corrected.content
        assert (corrected.json()["status"], Decimal(corrected.json()["value"])) == ("submitted", 4)
        approved = province.post(f"{path}/approve", {})
        assert approved.status_code == 200 and approved.json()["status"] == "approved"
        assert assert_error(province.post(f"{path}/approve"), 409)["code"] == "entry_already_approved"
        rolled = province.get(f"/api/plans/targets/{households.pk}/progress").json()
        assert Decimal(_row(rolled, "5709")["actual"]) == 4

    def test_the_list_of_a_plan_filters_by_period_and_status_and_pages(self, cast, api_for, fixture):
        plan, *_ = fixture
        client = api_for(cast.chiangrai_viewer)
        everything = client.get(f"/api/plans/{plan.pk}/entries").json()
        assert everything["count"] == ProgressEntry.objects.filter(indicator__plan=plan).count() == 14
        waiting = client.get(f"/api/plans/{plan.pk}/entries", {"status": "submitted"}).json()
        assert {item["status"] for item in waiting["items"]} == {"submitted"} and waiting["count"] == 2
        first = client.get(f"/api/plans/{plan.pk}/entries", {"period": Q1.isoformat(), "limit": 2}).json()
        assert first["count"] == ProgressEntry.objects.filter(indicator__plan=plan, period_start=Q1).count()
        assert len(first["items"]) == 2 and {item["period"] for item in first["items"]} == {Q1.isoformat()}

    def test_a_change_built_on_an_old_version_is_refused_with_409(self, cast, api_for, fixture):
        _plan, households, _villages, _members = fixture
        client = api_for(cast.maesai_coordinator)
        made = client.post(
            f"/api/plans/targets/{households.pk}/entries",
            {"area_code": "5709", "period": Q3.isoformat(), "value": 1},
        )
        path, etag = f"/api/plans/entries/{made.json()['id']}", made["ETag"]
        saved = client.client.patch(
            path, '{"note": "ครั้งแรก"}', content_type="application/json", headers={"if-match": etag}
        )
        assert saved.status_code == 200 and saved.json()["note"] == "ครั้งแรก"
        stale = client.client.patch(
            path, '{"note": "ครั้งที่สอง"}', content_type="application/json", headers={"if-match": etag}
        )
        body = assert_error(stale, 409)
        assert body["code"] == "stale_version" and body["current"]["note"] == "ครั้งแรก"
        refused = api_for(cast.chiangrai_coordinator).post(
            f"{path}/approve", {"version": made.json()["version"]}
        )
        assert assert_error(refused, 409)["code"] == "stale_version"
        assert ProgressEntry.objects.get(pk=made.json()["id"]).note == "ครั้งแรก"

    def test_an_entry_waiting_is_withdrawn_an_approved_one_is_not(self, cast, api_for, fixture):
        _plan, households, _villages, _members = fixture
        client = api_for(cast.maesai_coordinator)
        waiting = ProgressEntry.objects.get(indicator=households, area_id="5709")
        assert client.delete(f"/api/plans/entries/{waiting.pk}").status_code == 204
        assert not ProgressEntry.objects.filter(pk=waiting.pk).exists()
        approved = ProgressEntry.objects.filter(indicator=households, area_id="570101").first()
        assert (
            assert_error(api_for(cast.mueang_coordinator).delete(f"/api/plans/entries/{approved.pk}"), 409)[
                "code"
            ]
            == "entry_already_approved"
        )

    def test_a_counted_target_and_a_meeting_the_caller_cannot_see_are_refused(self, cast, api_for, fixture):
        from sanphalang.meetings.services.bodies import body_create
        from sanphalang.meetings.services.meetings import meeting_create
        from tests.plans.progress_data import make_indicator

        plan, households, *_ = fixture
        counted = make_indicator(
            plan,
            cast.chiangrai_coordinator,
            name="ตำบลที่มีธรรมนูญ",
            target=5,
            unit="subdistricts",
            counted_by="charters_enacted",
        )
        client = api_for(cast.chiangrai_coordinator)
        typed = client.post(
            f"/api/plans/targets/{counted.pk}/entries",
            {"area_code": "57", "period": Q1.isoformat(), "value": 1},
        )
        assert assert_error(typed, 422)["code"] == "counted_target_typed"
        body = body_create(by=cast.phayao_coordinator, name_th="สภาพลเมืองพะเยา", area_code="56")
        meeting = meeting_create(
            by=cast.phayao_coordinator, body=body, held_on=dt.date(2024, 11, 1), title="ประชุม"
        )
        elsewhere = client.post(
            f"/api/plans/targets/{households.pk}/entries",
            {"area_code": "5703", "period": Q1.isoformat(), "value": 1, "evidence_meeting": meeting.pk},
        )
        assert_error(elsewhere, 422, field="evidence_meeting")
        assert not ProgressEntry.objects.filter(area_id="5703").exists()


class TestApprovedPeriods:
    def test_an_approved_period_is_locked_and_only_an_administrator_reopens_it(self, cast, api_for, fixture):
        plan, households, _villages, _members = fixture
        province, area = api_for(cast.chiangrai_coordinator), api_for(cast.maesai_coordinator)
        waiting = ProgressEntry.objects.get(indicator=households, area_id="5709", period_start=Q1)
        # when the province approves the first quarter
        locked = province.post(f"/api/plans/{plan.pk}/periods/{Q1.isoformat()}/approve")
        assert locked.status_code == 201, locked.content
        assert (locked.json()["is_active"], locked.json()["locked_by"]) == (True, "cr_coord")
        waiting.refresh_from_db()
        assert waiting.status == EntryStatus.APPROVED
        # then nothing of it changes, and nothing is added to it
        refusals = [
            area.patch(f"/api/plans/entries/{waiting.pk}", {"value": 9}),
            area.post(
                f"/api/plans/targets/{households.pk}/entries",
                {"area_code": "570901", "period": Q1.isoformat(), "value": 1},
            ),
            province.post(f"/api/plans/{plan.pk}/periods/{Q1.isoformat()}/approve"),
        ]
        for refused in refusals:
            assert assert_error(refused, 409)["code"] == "period_locked"
        series = province.get(f"/api/plans/targets/{households.pk}/series").json()
        assert [p["locked"] for p in series["periods"]] == [True, False, False, False]
        # a provincial coordinator may not reopen it; an administrator may, saying why
        reopen = f"/api/plans/{plan.pk}/periods/{Q1.isoformat()}/reopen"
        assert assert_error(province.post(reopen, {"reason": "แก้ตัวเลข"}), 403)["code"] == "administrator_only"
        admin = api_for(cast.admin)
        assert (
            assert_error(admin.post(reopen, {"reason": ""}), 422, field="reason")["code"]
            == "reopen_needs_reason"
        )
        reopened = admin.post(reopen, {"reason": "อำเภอแจ้งตัวเลขผิด"})
        assert reopened.status_code == 200, reopened.content
        assert (reopened.json()["is_active"], reopened.json()["reopen_reason"]) == (False, "อำเภอแจ้งตัวเลขผิด")
        assert area.patch(f"/api/plans/entries/{waiting.pk}", {"value": 9}).status_code == 200
        assert assert_error(admin.post(reopen, {"reason": "อีกครั้ง"}), 409)["code"] == "period_not_locked"
        assert PeriodLock.objects.filter(plan=plan).count() == 1

    def test_a_period_not_of_the_plan_or_with_nothing_to_approve_is_refused(self, cast, api_for, fixture):
        plan, *_ = fixture
        province = api_for(cast.chiangrai_coordinator)
        outside = province.post(f"/api/plans/{plan.pk}/periods/2025-10-01/approve")
        assert assert_error(outside, 422, field="period")["code"] == "period_outside_target"
        empty = province.post(f"/api/plans/{plan.pk}/periods/2025-07-01/approve")
        assert assert_error(empty, 409)["code"] == "nothing_to_approve"
        assert assert_error(
            api_for(cast.mueang_coordinator).post(f"/api/plans/{plan.pk}/periods/{Q2}/approve"), 403
        )


class TestWhoMay:
    def _reads(self, fixture):
        plan, households, *_ = fixture
        entry = ProgressEntry.objects.filter(indicator=households).first()
        return [
            f"/api/plans/targets/{households.pk}/progress",
            f"/api/plans/targets/{households.pk}/series",
            f"/api/plans/{plan.pk}/progress",
            "/api/plans/provinces/57/rollup",
            f"/api/plans/{plan.pk}/entries",
            f"/api/plans/entries/{entry.pk}",
        ]

    def test_an_outsider_reads_nothing(self, cast, api_for, fixture):
        from sanphalang.areas.services import region_create

        region_create(by=cast.admin, name_th="ภาคทดสอบ", province_codes=["57"], slug="only-chiang-rai")
        client = api_for(cast.phayao_coordinator)
        for path in [*self._reads(fixture), "/api/plans/regions/only-chiang-rai/comparison"]:
            assert assert_error(client.get(path), 404)["code"] == "not_found", path

    def test_an_outsider_writes_nothing(self, cast, api_for, fixture):
        plan, households, *_ = fixture
        entry = ProgressEntry.objects.filter(indicator=households).first()
        client = api_for(cast.phayao_coordinator)
        before = list(ProgressEntry.objects.order_by("pk").values_list("pk", "version"))
        for response in (
            client.post(
                f"/api/plans/targets/{households.pk}/entries",
                {"area_code": "57", "period": Q1.isoformat(), "value": 1},
            ),
            client.patch(f"/api/plans/entries/{entry.pk}", {"value": 1}),
            client.delete(f"/api/plans/entries/{entry.pk}"),
            client.post(f"/api/plans/entries/{entry.pk}/approve"),
            client.post(f"/api/plans/entries/{entry.pk}/return", {"reason": "ไม่"}),
            client.post(f"/api/plans/{plan.pk}/periods/{Q1}/approve"),
            client.post(f"/api/plans/{plan.pk}/periods/{Q1}/reopen", {"reason": "ไม่"}),
        ):
            assert_error(response, 404)
        assert list(ProgressEntry.objects.order_by("pk").values_list("pk", "version")) == before

    def test_a_viewer_reads_but_writes_nothing(self, cast, api_for, fixture):
        plan, households, *_ = fixture
        entry = ProgressEntry.objects.filter(indicator=households, status=EntryStatus.SUBMITTED).first()
        client = api_for(cast.chiangrai_viewer)
        for path in self._reads(fixture):
            assert client.get(path).status_code == 200, path
        for response in (
            client.post(
                f"/api/plans/targets/{households.pk}/entries",
                {"area_code": "57", "period": Q1.isoformat(), "value": 1},
            ),
            client.patch(f"/api/plans/entries/{entry.pk}", {"value": 1}),
            client.delete(f"/api/plans/entries/{entry.pk}"),
            client.post(f"/api/plans/entries/{entry.pk}/approve"),
            client.post(f"/api/plans/entries/{entry.pk}/return", {"reason": "ไม่"}),
            client.post(f"/api/plans/{plan.pk}/periods/{Q1}/approve"),
            client.post(f"/api/plans/{plan.pk}/periods/{Q1}/reopen", {"reason": "ไม่"}),
        ):
            assert_error(response, 403)
        entry.refresh_from_db()
        assert entry.status == EntryStatus.SUBMITTED and not PeriodLock.objects.exists()
