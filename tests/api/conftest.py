"""API test helpers: clients that call with a bearer token, JSON in and out, and records in Chiang Rai."""

import json

import pytest
from django.test import Client

from sanphalang.directory.services import organisation_create, person_create

MSDHS_CHIANG_RAI = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"
VALID_ID = "1101700203450"  # check digit 0 (stdnum.th.pin)


class ApiClient:
    """A test client that sends a bearer token and JSON bodies."""

    def __init__(self, token: str | None = None, client: Client | None = None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = client or Client(headers=headers)

    def get(self, path, params=None):
        return self.client.get(path, params or {})

    def _send(self, method, path, body):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        return getattr(self.client, method)(path, data, content_type="application/json")

    def post(self, path, body=None):
        return self._send("post", path, {} if body is None else body)

    def patch(self, path, body):
        return self._send("patch", path, body)

    def put(self, path, body):
        return self._send("put", path, body)

    def delete(self, path):
        return self.client.delete(path)


@pytest.fixture
def msdhs(cast):
    return organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        name_th=MSDHS_CHIANG_RAI,
        abbreviation="พมจ.เชียงราย",
        area_code="57",
    )


@pytest.fixture
def maesai_group(cast):
    return organisation_create(
        by=cast.maesai_coordinator,
        kind="community_organisation",
        name_th="กลุ่มออมทรัพย์บ้านป่าซาง",
        area_code="570901",
    )


@pytest.fixture
def ratchanee(cast):
    """A person of Mueang Chiang Rai."""
    return person_create(
        by=cast.chiangrai_coordinator,
        first_name="นางสาวรัชนี",
        last_name="ตรัยตรึงศ์โกศล",
        area_code="5701",
        national_id=VALID_ID,
    )


@pytest.fixture
def somchai(cast):
    """A person of Mae Sai."""
    return person_create(by=cast.maesai_coordinator, first_name="สมชาย", last_name="ใจดี", area_code="5709")


def letter_to(organisation, *, by):
    """A letter from a Chiang Rai council to the organisation: a record that keeps it from being deleted."""
    import datetime as dt

    from sanphalang.meetings.services.bodies import body_create
    from sanphalang.meetings.services.letters import letter_create

    council = body_create(by=by, name_th="สภาพลเมืองเชียงราย", area_code="57")
    return letter_create(
        by=by,
        body=council,
        direction="out",
        dated_on=dt.date(2015, 7, 20),
        subject="ขอเชิญประชุม",
        counterpart=organisation,
    )


def assert_error(response, status: int, field: str | None = "any") -> dict:
    """The response is a JSON error of this status; if field is given, one error names it."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"] and body["code"]
    assert isinstance(body["errors"], list)
    if field != "any":
        assert field in [error["field"] for error in body["errors"]], body
        assert all(error["message"] for error in body["errors"])
    return body
