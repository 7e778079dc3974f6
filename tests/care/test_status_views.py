"""The pages of legal status cases (S8): the list and the case as the owner; refusals to partners, viewers and
other districts; the document download checked and written to the access log."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import DocumentKind, StatusStep
from sanphalang.care.services.status import status_document_add

from .people import head_of, household_in
from .status_data import open_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    case = open_case(cast.mueang_coordinator, steps=[(StatusStep.FILED, dt.date(2024, 3, 1))])
    status_document_add(
        by=cast.mueang_coordinator,
        case=case,
        kind=DocumentKind.DNA_RESULT,
        file=SimpleUploadedFile("dna.pdf", b"%PDF dna"),
    )
    return case


def test_the_list_names_the_person_with_the_days_at_the_step(
    cast, client_for, case, django_assert_max_num_queries
):
    client = client_for(cast.mueang_coordinator)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("care:status_case_list"))
    assert page.status_code == 200 and "หน่อแก้ว" in page.content.decode()
    assert AccessLog.objects.filter(
        model="care.legalstatuscase", action="read", object_id=str(case.pk)
    ).exists()


@pytest.mark.parametrize("who", ["chiangrai_partner", "chiangrai_viewer", "maesai_coordinator"])
def test_legal_status_is_refused_to_those_who_may_not_see_it(cast, client_for, case, who):
    client = client_for(getattr(cast, who))
    assert "หน่อแก้ว" not in client.get(reverse("care:status_case_list")).content.decode()
    assert client.get(reverse("care:status_case_detail", args=[case.pk])).status_code == 404
    document = case.documents.get()
    assert client.get(reverse("care:status_document_download", args=[document.pk])).status_code == 404


def test_the_document_download_is_logged(cast, client_for, case):
    document = case.documents.get()
    response = client_for(cast.mueang_coordinator).get(
        reverse("care:status_document_download", args=[document.pk])
    )
    assert b"".join(response.streaming_content) == b"%PDF dna"
    assert AccessLog.objects.filter(
        model="care.legalstatusdocument", action="read", object_id=str(document.pk)
    ).exists()


def test_a_step_is_recorded_through_the_case_page(cast, client_for, case):
    client = client_for(cast.mueang_coordinator)
    response = client.post(
        reverse("care:status_step_create", args=[case.pk]),
        {"step-step": "district_review", "step-happened_on": "2/4/2567"},
    )
    case.refresh_from_db()
    assert response.status_code == 302 and (case.step, case.step_since) == (
        "district_review",
        dt.date(2024, 4, 2),
    )
    bad = client.post(
        reverse("care:status_step_create", args=[case.pk]),
        {"step-step": "province_review", "step-happened_on": "1/1/2566"},
    )
    assert bad.status_code == 400


def test_a_case_is_opened_for_a_member(cast, client_for):
    member = head_of(household_in("570101"))
    response = client_for(cast.mueang_coordinator).post(
        reverse("care:status_case_create", args=[member.pk]),
        {"status_sought": "status_card", "opened_on": "5/1/2567"},
    )
    assert response.status_code == 302 and member.legal_status_cases.count() == 1
    assert (
        client_for(cast.maesai_coordinator)
        .get(reverse("care:status_case_create", args=[member.pk]))
        .status_code
        == 404
    )


def test_where_cases_are_stuck_shows_counts_to_a_viewer(cast, client_for, case):
    page = client_for(cast.chiangrai_viewer).get(reverse("care:status_stuck"))
    rows = {row.step: row for row in page.context["rows"]}
    assert rows["filed"].count == 1 and "หน่อแก้ว" not in page.content.decode()
