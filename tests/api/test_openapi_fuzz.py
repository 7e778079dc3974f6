"""The whole OpenAPI document, fuzzed: every operation, valid and invalid input, as a provincial coordinator with
real records of their province. No answer may be a server error, leave its documented schema or carry a status
the document does not list.

The examples are bounded and derandomised, so every run sends the same requests in the same order.
"""

import time

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from sanphalang.accounts.services import api_token_create
from sanphalang.api.router import api
from sanphalang.wsgi import application
from tests.access.records import build_area_records
from tests.conftest import build_cast, rolled_back

pytestmark = pytest.mark.one_database

MAX_EXAMPLES = 3
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


def _load_schema():
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/"))
    schema.app = application
    # Answering an unlisted method with 405 is Django's and ninja's own work: not worth a request per method.
    schema.config.phases.coverage.unexpected_methods = set()
    return schema


schema = _load_schema()
sent = {"requests": 0, "started": 0.0}


@pytest.fixture(scope="module")
def coordinator_token(django_db_setup, django_db_blocker):
    """A provincial coordinator of Chiang Rai and every kind of record of one of its districts, kept for the
    module inside a transaction that is rolled back at its end."""
    # Requests go to the WSGI app itself, which would close the test's connection (and its transaction) after
    # each answer: as Django's test client does, it keeps the connection open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with rolled_back(django_db_blocker):
            cast = build_cast()
            build_area_records(
                label="maesai",
                owner=cast.maesai_coordinator,
                province_owner=cast.chiangrai_coordinator,
                district_code="5709",
                subdistrict_code="570901",
                marker="แม่สาย",
                province_marker="เชียงราย",
                id_stem="310170020345",
            )
            sent["started"] = time.monotonic()
            yield api_token_create(user=cast.chiangrai_coordinator, name="fuzz")[1]
            print(
                f"\nOpenAPI fuzz: {sent['requests']} requests in {time.monotonic() - sent['started']:.1f} s"
            )
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_with_a_server_error_or_outside_its_schema(case, coordinator_token, db):
    sent["requests"] += 1
    case.call_and_validate(headers={"Authorization": f"Bearer {coordinator_token}"}, checks=CHECKS)
