"""Inputs that once gave a server error, each refused (or taken) at the API's edge with a JSON reason: nulls for
optional text, integers past 64 bits, a delete the database refuses, a body that is not an object, a very long
search, and names carrying control or direction-override characters."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.models import NOTE_MAX_LENGTH, Organisation
from sanphalang.directory.services import person_create

from .conftest import assert_error, letter_to

TOO_BIG = 2**63


def test_null_for_an_optional_text_is_stored_as_empty(cast, api_for):
    # when an organisation is created with null for its note and its other names
    response = api_for(cast.chiangrai_coordinator).post(
        "/api/organisations",
        {
            "kind": "agency",
            "name_th": "สำนักงานจังหวัดเชียงราย",
            "area_code": "57",
            "note": None,
            "other_names": None,
        },
    )
    # then it is created, with both empty
    assert response.status_code == 201, response.content
    assert response.json()["note"] == "" and response.json()["other_names"] == []
    assert Organisation.objects.get().note == ""


def test_null_for_a_required_text_is_refused_at_the_field(cast, api_for, msdhs):
    response = api_for(cast.chiangrai_coordinator).patch(f"/api/organisations/{msdhs.pk}", {"name_th": None})
    assert_error(response, 422, field="name_th")


def test_an_offset_past_64_bits_is_refused_at_the_field(cast, api_for):
    response = api_for(cast.chiangrai_coordinator).get("/api/meetings", {"offset": TOO_BIG})
    assert_error(response, 422, field="offset")


def test_an_id_past_64_bits_is_refused_at_the_field(cast, api_for):
    response = api_for(cast.chiangrai_coordinator).delete(f"/api/meetings/{TOO_BIG}/resolutions/1")
    assert_error(response, 422, field="meeting_id")


def test_a_number_past_64_bits_in_a_list_of_ids_is_refused(cast, api_for):
    response = api_for(cast.chiangrai_coordinator).post(
        "/api/organisations",
        {"kind": "agency", "name_th": "ก", "area_code": "57", "issue_areas": [str(TOO_BIG)]},
    )
    assert response.status_code == 422, response.content
    assert_error(response, 422)


def test_deleting_an_organisation_a_letter_refers_to_is_a_conflict_that_names_the_letters(
    cast, api_for, msdhs
):
    # given a letter to the provincial office
    letter_to(msdhs, by=cast.chiangrai_coordinator)
    # when the office is deleted
    response = api_for(cast.chiangrai_coordinator).delete(f"/api/organisations/{msdhs.pk}")
    # then the answer is a conflict that says what still refers to it, and the office is kept
    body = assert_error(response, 409)
    assert body["code"] == "still_referred_to"
    assert "(1)" in body["detail"]
    assert Organisation.objects.filter(pk=msdhs.pk).exists()


def test_a_body_that_is_not_an_object_is_refused(cast, api_for, msdhs):
    client = api_for(cast.chiangrai_coordinator)
    for body in ("[null,null]", "[]", "null", "42", '"text"'):
        response = client.patch(f"/api/organisations/{msdhs.pk}", body)
        assert assert_error(response, 400)["code"] == "body_not_object", body


def test_a_search_of_5000_characters_is_answered(cast, api_for, msdhs, ratchanee):
    client = api_for(cast.chiangrai_coordinator)
    for path in ("/api/organisations", "/api/people", "/api/bodies", "/api/areas"):
        response = client.get(path, {"q": "ก " * 2500})
        assert response.status_code == 200, (path, response.content[:200])


def test_a_body_without_an_area_is_refused_at_the_area(cast, api_for):
    response = api_for(cast.chiangrai_coordinator).post("/api/bodies", {"name_th": "สภา", "area_code": ""})
    assert_error(response, 422, field="area_code")


def test_control_and_direction_override_characters_are_not_stored_in_names(cast, api_for):
    response = api_for(cast.chiangrai_coordinator).post(
        "/api/people",
        {"first_name": "รัช\u202enee\x00นี", "last_name": "\u2066ใจดี\u2069", "area_code": "5701"},
    )
    assert response.status_code == 201, response.content
    assert (response.json()["first_name"], response.json()["last_name"]) == ("รัชneeนี", "ใจดี")


def test_a_note_longer_than_the_models_is_refused_at_the_field(cast, api_for, msdhs):
    response = api_for(cast.chiangrai_coordinator).patch(
        f"/api/organisations/{msdhs.pk}", {"note": "ก" * (NOTE_MAX_LENGTH + 1)}
    )
    assert_error(response, 422, field="note")


def test_a_consent_date_before_2500_be_or_after_tomorrow_is_refused(cast, api_for):
    client = api_for(cast.chiangrai_coordinator)
    for consent_on in ("1900-01-01", "9999-12-31", str(dt.date.today() + dt.timedelta(days=2))):
        response = client.post(
            "/api/people", {"first_name": "สมหญิง", "area_code": "5701", "consent_on": consent_on}
        )
        assert_error(response, 422, field="consent_on")


def test_every_operation_documents_the_error_answers(db, client):
    schema = client.get("/api/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert {"400", "401", "403", "404", "409", "422"} <= set(operation["responses"]), (method, path)
    assert set(schema["components"]["schemas"]["Error"]["required"]) == {"detail", "code", "errors"}


def test_the_service_refuses_a_consent_date_of_year_1_for_every_channel(cast):
    with pytest.raises(ValidationError) as refused:
        person_create(
            by=cast.chiangrai_coordinator, first_name="สมหญิง", area_code="5701", consent_on=dt.date(1, 1, 1)
        )
    assert "consent_on" in refused.value.message_dict
