"""Legal status cases (S8): opening one for a member, recording its steps (the case follows the latest; a final
step closes it), the dates a step may take, and documents."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sanphalang.accounts.models import AccessLog
from sanphalang.care.models import DocumentKind, LegalStatusCase, StatusSought, StatusStep
from sanphalang.care.services.status import (
    status_case_open,
    status_document_add,
    status_document_remove,
    status_step_record,
)
from sanphalang.errors import AccessDenied

from .people import head_of, household_in
from .status_data import open_case

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_a_case_opens_at_its_first_step_on_the_day_it_was_opened(cast):
    case = open_case(cast.mueang_coordinator)
    assert (case.step, case.step_since, case.area_id) == (
        StatusStep.FACTS_GATHERED,
        dt.date(2024, 1, 10),
        "570101",
    )
    assert case.events.count() == 1
    assert AccessLog.objects.filter(model="care.legalstatuscase", action="create").exists()


@pytest.mark.parametrize(
    "who", ["maesai_coordinator", "chiangrai_viewer", "chiangrai_partner", "phayao_coordinator"]
)
def test_it_refuses_those_who_may_not_change_the_persons_records(cast, who):
    member = head_of(household_in("570101"))
    with pytest.raises(AccessDenied):
        status_case_open(
            by=getattr(cast, who), member=member, status_sought=StatusSought.STATUS_CARD, opened_on=TODAY
        )
    assert not LegalStatusCase.objects.exists()


def test_the_case_follows_its_latest_step_and_a_final_step_closes_it(cast):
    user = cast.mueang_coordinator
    case = open_case(
        user,
        steps=[(StatusStep.FILED, dt.date(2024, 3, 1)), (StatusStep.DISTRICT_REVIEW, dt.date(2024, 4, 2))],
    )
    assert (case.step, case.step_since) == (StatusStep.DISTRICT_REVIEW, dt.date(2024, 4, 2))
    status_step_record(by=user, case=case, step=StatusStep.GRANTED, happened_on=dt.date(2024, 9, 9))
    case.refresh_from_db()
    assert case.is_final
    with pytest.raises(ValidationError) as raised:
        status_step_record(by=user, case=case, step=StatusStep.FILED, happened_on=TODAY)
    assert raised.value.error_list[0].code == "status_case_closed"


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (TODAY + dt.timedelta(days=1), "date_in_future"),
        (dt.date(2024, 1, 9), "status_date_before_opened"),
        (dt.date(2024, 2, 28), "status_date_before_step"),
    ],
)
def test_a_step_is_dated_between_the_current_step_and_today(cast, day, code):
    case = open_case(cast.mueang_coordinator, steps=[(StatusStep.FILED, dt.date(2024, 3, 1))])
    with pytest.raises(ValidationError) as raised:
        status_step_record(
            by=cast.mueang_coordinator, case=case, step=StatusStep.DISTRICT_REVIEW, happened_on=day
        )
    assert raised.value.error_dict["happened_on"][0].code == code
    case.refresh_from_db()
    assert case.step == StatusStep.FILED


def test_a_document_is_kept_and_removed_with_the_access_log(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    user = cast.mueang_coordinator
    case = open_case(user)
    document = status_document_add(
        by=user,
        case=case,
        kind=DocumentKind.BIRTH_CERTIFICATE,
        file=SimpleUploadedFile("birth.pdf", b"%PDF-1.4 test"),
        received_on=dt.date(2024, 2, 1),
    )
    assert document.file.read() == b"%PDF-1.4 test"
    with pytest.raises(AccessDenied):
        status_document_remove(by=cast.maesai_coordinator, document=document)
    status_document_remove(by=user, document=document)
    assert not case.documents.exists()
    assert AccessLog.objects.filter(model="care.legalstatusdocument", action="delete").exists()
