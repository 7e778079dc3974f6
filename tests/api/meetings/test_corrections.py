"""Correcting a meeting's record through the API: PATCH and DELETE of agenda items, attendance lines, resolutions
and action items, under the rules of the pages, with JSON errors and never a 500."""

import datetime as dt

import pytest
from django.test import Client

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.models import ActionItem, AgendaItem, Attendance, Resolution
from tests.api.conftest import assert_error
from tests.meetings.corrections_data import recorded_meeting, snapshot


@pytest.fixture
def s1(cast):
    return recorded_meeting(cast)


def _routes(s1) -> list[tuple[str, dict]]:
    """(path, a valid PATCH body) of one record of every kind the API corrects."""
    meeting = s1.meeting.pk
    return [
        (f"/api/meetings/{meeting}/agenda-items/{s1.agenda[1].pk}", {"title": "แก้ไขแล้ว"}),
        (f"/api/meetings/{meeting}/attendance/{s1.visitor_line.pk}", {"role": "ผู้แทน"}),
        (f"/api/meetings/{meeting}/resolutions/{s1.bare_resolution.pk}", {"text": "แก้ไขแล้ว"}),
        (f"/api/action-items/{s1.single_item.pk}", {"title": "แก้ไขแล้ว"}),
    ]


class TestTheOwner:
    def test_an_agenda_item_is_corrected_and_moved(self, cast, api_for, s1):
        client = api_for(cast.chiangrai_coordinator)
        response = client.patch(
            f"/api/meetings/{s1.meeting.pk}/agenda-items/{s1.agenda[2].pk}",
            {"title": "เรื่องอื่น ๆ (ถ้ามี)", "order": "๑", "working_group": s1.group.pk, "report": "ไม่มี"},
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert (body["order"], body["title"], body["working_group_id"], body["report"]) == (
            1,
            "เรื่องอื่น ๆ (ถ้ามี)",
            s1.group.pk,
            "ไม่มี",
        )
        assert list(AgendaItem.objects.order_by("order").values_list("pk", flat=True)) == [
            s1.agenda[2].pk,
            s1.agenda[0].pk,
            s1.agenda[1].pk,
        ]
        assert (
            AgendaItem.objects.get(pk=s1.agenda[2].pk).history.latest().history_user
            == cast.chiangrai_coordinator
        )

    def test_null_clears_the_reporting_working_group(self, cast, api_for, s1):
        client = api_for(cast.chiangrai_coordinator)
        path = f"/api/meetings/{s1.meeting.pk}/agenda-items/{s1.agenda[1].pk}"
        client.patch(path, {"working_group": s1.group.pk})
        response = client.patch(path, {"working_group": None})
        assert response.json()["working_group_id"] is None
        assert AgendaItem.objects.get(pk=s1.agenda[1].pk).working_group is None

    def test_the_role_of_an_attendance_line_is_corrected_and_a_line_removed(self, cast, api_for, s1):
        client = api_for(cast.chiangrai_coordinator)
        path = f"/api/meetings/{s1.meeting.pk}/attendance/{s1.visitor_line.pk}"
        response = client.patch(path, {"role": "ผู้แทน พอช."})
        assert response.status_code == 200 and response.json()["role"] == "ผู้แทน พอช."
        assert client.delete(path).status_code == 204
        assert not Attendance.objects.filter(pk=s1.visitor_line.pk).exists()
        removal = Attendance.history.get(id=s1.visitor_line.pk, history_type="-")
        assert removal.history_user == cast.chiangrai_coordinator
        assert_error(client.delete(path), 404)

    def test_a_resolution_is_renumbered_and_removed_once_it_has_no_action_items(self, cast, api_for, s1):
        client = api_for(cast.chiangrai_coordinator)
        path = f"/api/meetings/{s1.meeting.pk}/resolutions/{s1.bare_resolution.pk}"
        response = client.patch(path, {"number": 7, "text": "รับทราบรายงานคณะทำงาน"})
        assert response.status_code == 200
        assert (response.json()["number"], response.json()["action_item_ids"]) == (7, [])
        assert client.delete(path).status_code == 204
        assert (
            Resolution.history.get(id=s1.bare_resolution.pk, history_type="-").history_user
            == cast.chiangrai_coordinator
        )

    def test_an_action_item_is_corrected_and_one_recorded_by_mistake_removed(self, cast, api_for, s1):
        client = api_for(cast.chiangrai_coordinator)
        agency = organisation_create(
            by=cast.chiangrai_coordinator, kind="agency", area_code="57", name_th="องค์การบริหารส่วนจังหวัดเชียงราย"
        )
        path = f"/api/action-items/{s1.single_item.pk}"
        response = client.patch(
            path,
            {
                "title": "ส่งรายงานการประชุมให้ อบจ.",
                "due_on": "15 ส.ค. 2558",
                "owner_organisation": agency.pk,
                "owner_person": s1.member.pk,
                "outcome": "ส่งแล้ว",
            },
        )
        assert response.status_code == 200, response.content
        body = response.json()
        assert (body["due_on"], body["owner_organisation_id"], body["owner_person_id"], body["outcome"]) == (
            "2015-08-15",
            agency.pk,
            s1.member.pk,
            "ส่งแล้ว",
        )
        assert body["status"] == "open"
        assert (
            ActionItem.objects.get(pk=s1.single_item.pk).history.latest().history_user
            == cast.chiangrai_coordinator
        )
        assert client.delete(path).status_code == 204
        assert (
            ActionItem.history.get(id=s1.single_item.pk, history_type="-").history_user
            == cast.chiangrai_coordinator
        )


class TestRefusedAndBadInput:
    @pytest.mark.parametrize(
        ("route", "body", "field"),
        [
            (0, {"title": None}, "title"),
            (0, {"order": 0}, "order"),
            (0, {"order": "ก"}, "order"),
            (0, {"working_group": 999999}, "working_group"),
            (0, {"meeting": 1}, "meeting"),
            (1, {"role": None}, "role"),
            (1, {"person": 1}, "person"),
            (2, {"number": 1}, "number"),
            (2, {"text": "   "}, "text"),
            (2, {"number": -3}, "number"),
            (3, {"due_on": "1 ก.ค. 2558"}, "due_on"),
            (3, {"due_on": "31/2/2558"}, "due_on"),
            (3, {"due_on": None}, "due_on"),
            (3, {"status": "done"}, "status"),
            (3, {"owner_organisation": "abc"}, "owner_organisation"),
        ],
    )
    def test_bad_input_is_a_422_at_the_field_and_nothing_changes(self, cast, api_for, s1, route, body, field):
        before = snapshot()
        path, _valid = _routes(s1)[route]
        assert_error(api_for(cast.chiangrai_coordinator).patch(path, body), 422, field)
        assert snapshot() == before

    def test_an_owner_outside_the_users_areas_is_a_422_at_the_field(self, cast, api_for, s1):
        phayao_office = organisation_create(
            by=cast.phayao_coordinator,
            kind="agency",
            area_code="56",
            name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา",
        )
        before = snapshot()
        assert_error(
            api_for(cast.chiangrai_coordinator).patch(
                f"/api/action-items/{s1.single_item.pk}", {"owner_organisation": phayao_office.pk}
            ),
            422,
            "owner_organisation",
        )
        assert snapshot() == before

    def test_a_body_that_is_not_json_is_a_400_not_a_500(self, cast, api_for, s1):
        for path, _valid in _routes(s1):
            assert_error(api_for(cast.chiangrai_coordinator).patch(path, "{not json"), 400)

    def test_a_resolution_with_action_items_is_not_removed(self, cast, api_for, s1):
        before = snapshot()
        body = assert_error(
            api_for(cast.chiangrai_coordinator).delete(
                f"/api/meetings/{s1.meeting.pk}/resolutions/{s1.resolution.pk}"
            ),
            422,
        )
        assert body["errors"][0]["message"] == body["detail"]
        assert snapshot() == before

    def test_an_occurrence_of_a_series_with_others_is_not_removed(self, cast, api_for, s1):
        ActionItem.objects.create(
            body=s1.body,
            meeting=s1.meeting,
            resolution=s1.resolution,
            title="รายงานผู้ว่าฯ",
            due_on=dt.date(2016, 1, 20),
            recurrence_months=3,
            series=s1.item,
            sequence=2,
        )
        before = snapshot()
        assert_error(api_for(cast.chiangrai_coordinator).delete(f"/api/action-items/{s1.item.pk}"), 422)
        assert snapshot() == before

    def test_a_record_of_another_meeting_is_not_found_under_this_one(self, cast, api_for, s1):
        other = s1.meeting.body.meetings.exclude(pk=s1.meeting.pk).first()
        client = api_for(cast.chiangrai_coordinator)
        before = snapshot()
        assert_error(
            client.patch(f"/api/meetings/{other.pk}/agenda-items/{s1.agenda[0].pk}", {"title": "x"}), 404
        )
        assert_error(client.delete(f"/api/meetings/{other.pk}/attendance/{s1.visitor_line.pk}"), 404)
        assert_error(client.delete(f"/api/meetings/{other.pk}/resolutions/{s1.bare_resolution.pk}"), 404)
        assert snapshot() == before


class TestTheViewerTheDistrictAndTheOutsider:
    @pytest.mark.parametrize("who", ["chiangrai_viewer", "mueang_coordinator"])
    def test_they_can_read_but_every_correction_is_403_and_nothing_changes(self, cast, api_for, s1, who):
        client = api_for(getattr(cast, who))
        assert client.get(f"/api/meetings/{s1.meeting.pk}").status_code == 200
        before = snapshot()
        for path, valid in _routes(s1):
            assert_error(client.patch(path, valid), 403)
            assert_error(client.delete(path), 403)
        assert snapshot() == before

    def test_the_outsider_gets_404_and_nothing_changes(self, cast, api_for, s1):
        client = api_for(cast.phayao_coordinator)
        before = snapshot()
        for path, valid in _routes(s1):
            assert_error(client.patch(path, valid), 404)
            assert_error(client.delete(path), 404)
        assert snapshot() == before

    def test_without_a_token_it_is_401(self, s1):
        path, valid = _routes(s1)[0]
        assert Client().delete(path).status_code == 401


def test_the_openapi_document_lists_the_corrections(db):
    paths = Client().get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/meetings/{meeting_id}/agenda-items/{item_id}",
        "/api/meetings/{meeting_id}/attendance/{attendance_id}",
        "/api/meetings/{meeting_id}/resolutions/{resolution_id}",
        "/api/action-items/{item_id}",
    ):
        assert {"patch", "delete"} <= set(paths[path]), path
        assert paths[path]["patch"]["description"] and "204" in paths[path]["delete"]["responses"], path
