"""Two clients change one record through the API on the same version: the first lands and answers with the new
ETag, the second is refused with 409 and both values. For every operation that changes a record."""

import json

import pytest

from tests.access.routes import api_operations

from .helpers import api_url, sent, value_now
from .kinds import API_EDITS


def _send(client, method: str, path: str, body: dict, **headers):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json", headers=headers)


@pytest.mark.parametrize("edit", API_EDITS, ids=lambda edit: edit.kind)
def test_a_change_built_on_an_old_version_is_refused_with_409_and_both_values(world, db, edit):
    # given two clients that read the record at the same version (its ETag)
    records = world.maesai
    version = records.objects[edit.kind].version
    method, path = api_url(edit, records)
    first_client, second_client = (world.client(getattr(world.cast, name), api=True) for name in edit.editors)
    # when the first changes it naming that version in If-Match
    saved = _send(first_client, method, path, {edit.field: sent(edit.first)}, if_match=f'W/"{version}"')
    # then it lands, answering with the record's next version
    assert saved.status_code == 200, saved.content
    assert saved["ETag"] == f'W/"{version + 1}"'
    assert saved.json()["version"] == version + 1
    # when the second changes it on the version it read, named in the body
    refused = _send(second_client, method, path, {edit.field: sent(edit.second), "version": version})
    # then it is refused with both values, and the first change stands
    assert refused.status_code == 409, refused.content
    body = refused.json()
    assert body["code"] == "stale_version"
    assert body["detail"]
    current, yours = (
        {k: v for k, v in side.items() if k not in edit.stamped} for side in (body["current"], body["yours"])
    )
    assert current == {edit.field: edit.first, "version": version + 1}
    assert yours == {edit.field: edit.second, "version": version}
    assert [error["field"] for error in body["errors"] if error["field"] not in edit.stamped] == [edit.field]
    assert refused["ETag"] == f'W/"{version + 1}"'
    assert value_now(edit, records) == edit.first


def test_a_record_read_answers_with_its_version_as_etag(world, db):
    # given an organisation saved once
    records = world.maesai
    client = world.client(world.cast.maesai_coordinator, api=True)
    # when it is read
    answer = client.get(f"/api/organisations/{records.pk('organisation')}")
    # then its ETag is its version
    assert answer["ETag"] == f'W/"{records.objects["organisation"].version}"'


def test_a_change_naming_no_version_is_applied_to_the_record_as_it_is(world, db):
    # given an organisation someone changed since the client read it
    records = world.maesai
    client = world.client(world.cast.maesai_coordinator, api=True)
    path = f"/api/organisations/{records.pk('organisation')}"
    assert _send(client, "patch", path, {"phone": "053000001"}).status_code == 200
    # when a change naming no version is sent
    answer = _send(client, "patch", path, {"email": "group@example.org"})
    # then it lands on the record as it is: the earlier change is kept
    assert answer.status_code == 200
    assert answer.json()["phone"] == "053000001" and answer.json()["email"] == "group@example.org"


def test_an_if_match_that_is_not_an_etag_is_refused(world, db):
    records = world.maesai
    client = world.client(world.cast.maesai_coordinator, api=True)
    answer = _send(client, "patch", f"/api/organisations/{records.pk('organisation')}", {}, if_match="3")
    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid_if_match"


# Changes the race below cannot drive, each proved in its own tests.
OWN_RACE_TESTS = {
    "PUT /api/indicators/{indicator_id}/splits": "replaces a target's whole split on the target's version "
    "(tests/api/plans/test_projects_api.py)",
}


def test_every_operation_that_changes_a_record_documents_409_and_is_in_the_table():
    changing = {
        f"{method.upper()} {path}"
        for path, operations in api_operations().items()
        for method, operation in operations.items()
        if method in ("patch", "put")
    }
    assert changing == {edit.api for edit in API_EDITS} | set(OWN_RACE_TESTS)
    for key in changing:
        method, path = key.split(" ")
        assert 409 in api_operations()[path][method.lower()]["responses"], key
