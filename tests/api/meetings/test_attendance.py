"""Attendance in bulk through the API: POST /api/meetings/{id}/attendance/bulk, by id or by name, all or nothing,
each refused line named by its place (422), never a 500."""

import re

import pytest

from sanphalang.directory.models import Organisation
from tests.meetings.attendance_data import KNOWN_AGENCIES, MSDHS, NEW_AGENCIES, SHEET, s1_with_directory


@pytest.fixture
def meeting(cast):
    return s1_with_directory(cast)


def _url(meeting):
    return f"/api/meetings/{meeting.pk}/attendance/bulk"


def test_the_50_participants_are_recorded_by_name_creating_the_agencies_the_directory_lacks(
    cast, api_for, meeting
):
    # when the sign-in sheet's 50 names are sent, those not found to be created as organisations
    response = api_for(cast.chiangrai_coordinator).post(
        _url(meeting), {"entries": [{"name": name, "if_unmatched": "organisation"} for name in SHEET]}
    )
    # then 50 lines are recorded and 40 agencies created, as agencies
    assert response.status_code == 201, response.content
    body = response.json()
    assert len(body["recorded"]) == meeting.attendances.count() == 50
    assert len(body["created_organisation_ids"]) == len(NEW_AGENCIES)
    assert set(
        Organisation.objects.filter(pk__in=body["created_organisation_ids"]).values_list("kind", flat=True)
    ) >= {"agency"}
    assert body["head_count"] == 50


def test_ids_names_and_counts_mix_and_thai_digits_count(cast, api_for, meeting):
    labour = Organisation.objects.get(name_th=KNOWN_AGENCIES[2])
    response = api_for(cast.chiangrai_coordinator).post(
        _url(meeting),
        {
            "entries": [
                {"organisation": labour.pk, "role": "ผู้แทน"},
                {"name": "พมจ.เชียงราย"},
                {"name": "ผู้สังเกตการณ์จากภายนอก", "if_unmatched": "count"},
                {"name": "นางสาวรัชนี ตรัยตรึงศ์โกศล", "if_unmatched": "person"},
            ],
            "unnamed": "๔๘",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert [line["organisation_name_th"] for line in body["recorded"][:2]] == [KNOWN_AGENCIES[2], MSDHS]
    assert body["recorded"][0]["role"] == "ผู้แทน"
    assert body["recorded"][2]["is_guest"] is True
    assert len(body["created_person_ids"]) == 1
    assert body["head_count"] == 3 + 1 + 48


def test_an_unmatched_or_ambiguous_name_refuses_the_request_with_each_line_s_place(cast, api_for, meeting):
    response = api_for(cast.chiangrai_coordinator).post(
        _url(meeting),
        {"entries": [{"name": KNOWN_AGENCIES[0]}, {"name": "สำนักงาน"}, {"name": NEW_AGENCIES[0]}]},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert [error["field"] for error in body["errors"]] == ["entries.1.name", "entries.2.name"]
    # the ambiguous line names the records it could be, as the client can send them
    named = re.findall(r"organisation:(\d+)", body["errors"][0]["message"])
    assert len(named) > 1
    assert Organisation.objects.filter(pk__in=named, name_th__startswith="สำนักงาน").count() == len(named)
    assert not meeting.attendances.exists()


def test_an_id_outside_the_callers_areas_is_refused_at_its_line(cast, api_for, meeting):
    phayao = Organisation.objects.create(kind="agency", name_th="สำนักงานแรงงานจังหวัดพะเยา", area_id="56")
    response = api_for(cast.chiangrai_coordinator).post(
        _url(meeting), {"entries": [{"name": KNOWN_AGENCIES[0]}, {"organisation": phayao.pk}]}
    )
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["entries.1.organisation"]
    assert not meeting.attendances.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"entries": [{}]},
        {"entries": [{"name": "  "}]},
        {"entries": [], "unnamed": -1},
        {"entries": [{"name": "x", "if_unmatched": "everything"}]},
        {"entries": "สำนักงาน"},
        {"entries": [{"organisation": "abc"}]},
        {"entries": [{"name": "x", "colour": "red"}]},
    ],
)
def test_malformed_bodies_are_told_not_crashed_on(cast, api_for, meeting, body):
    response = api_for(cast.chiangrai_coordinator).post(_url(meeting), body)
    assert response.status_code in (400, 422), response.content
    assert response.json()["errors"]
    assert not meeting.attendances.exists()


def test_who_may_not_change_the_council_is_refused(cast, api_for, meeting):
    body = {"entries": [{"name": NEW_AGENCIES[0], "if_unmatched": "organisation"}]}
    assert api_for(cast.chiangrai_viewer).post(_url(meeting), body).status_code == 403
    assert api_for(cast.mueang_coordinator).post(_url(meeting), body).status_code == 403
    assert api_for(cast.phayao_coordinator).post(_url(meeting), body).status_code == 404
    assert not meeting.attendances.exists()
    assert not Organisation.objects.filter(name_th=NEW_AGENCIES[0]).exists()
