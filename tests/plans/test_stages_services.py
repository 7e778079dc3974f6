"""The one stage mechanism of area charters (S4) and registrations (S10): the order rules, the document versions,
taking the latest stage back, and the rows that counted targets read."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sanphalang.errors import AccessDenied, VersionConflict
from sanphalang.plans.errors import PlanError
from sanphalang.plans.models import (
    Charter,
    CharterStage,
    Registration,
    RegistrationLaw,
    RegistrationStage,
    StageEvent,
)
from sanphalang.plans.selectors.stages import (
    charters_enacted_rows,
    registrations_completed_rows,
    stage_summary,
)
from sanphalang.plans.services.stages import (
    charter_create,
    charter_delete,
    charter_update,
    registration_create,
    registration_update,
    stage_event_remove,
    stage_record,
)
from sanphalang.welfare.models import Fund

from .stages_data import CHUMPHON_TAMBONS

D = dt.date


def _file(name="charter.pdf", text="ธรรมนูญตำบล"):
    return SimpleUploadedFile(name, text.encode())


def _codes(error: ValidationError) -> set[str]:
    return {item.code for items in error.error_dict.values() for item in items}


@pytest.fixture
def charter(chumphon_coordinator):
    return charter_create(by=chumphon_coordinator, area_code="860101", title="ธรรมนูญตำบลท่าตะเภา")


@pytest.fixture
def registration(cast, chiangrai_network, chiangrai_office):
    return registration_create(
        by=cast.chiangrai_coordinator,
        organisation=chiangrai_network,
        law=RegistrationLaw.WELFARE_ORGANISATION,
        authority=chiangrai_office,
    )


# ---- charters


def test_a_charter_belongs_to_a_subdistrict(chumphon_coordinator):
    # when a charter is given a district
    with pytest.raises(ValidationError) as refused:
        charter_create(by=chumphon_coordinator, area_code="8601", title="ธรรมนูญอำเภอ")
    # then it is refused at the area, nothing written
    assert _codes(refused.value) == {PlanError.CHARTER_NOT_IN_SUBDISTRICT.code}
    assert not Charter.objects.exists()


def test_a_charter_is_created_at_drafting_without_a_date(charter):
    assert (charter.stage, charter.stage_on, charter.area_id) == (CharterStage.DRAFTING, None, "860101")
    assert charter.history.count() == 1


def test_it_refuses_a_charter_outside_the_writers_areas(cast):
    with pytest.raises(AccessDenied):
        charter_create(by=cast.chiangrai_coordinator, area_code="860101", title="ธรรมนูญตำบลท่าตะเภา")


def test_a_charter_update_built_on_an_old_version_is_refused(chumphon_coordinator, charter):
    charter_update(by=chumphon_coordinator, charter=charter, title="ธรรมนูญตำบลท่าตะเภา ฉบับที่ 1", version=1)
    stale = Charter.objects.get(pk=charter.pk)
    stale.version = 1
    with pytest.raises(VersionConflict):
        charter_update(by=chumphon_coordinator, charter=stale, note="แก้ไข", version=1)
    assert Charter.objects.get(pk=charter.pk).title == "ธรรมนูญตำบลท่าตะเภา ฉบับที่ 1"


def test_the_adopting_body_must_be_one_the_writer_sees(chumphon_coordinator, charter, chiangrai_network):
    with pytest.raises(ValidationError) as refused:
        charter_update(by=chumphon_coordinator, charter=charter, adopted_by=chiangrai_network)
    assert _codes(refused.value) == {PlanError.ORGANISATION_NOT_SHOWN.code}


# ---- the stage mechanism, for either kind


def test_a_charter_moves_through_its_stages_with_its_documents_versioned(chumphon_coordinator, charter):
    # given a charter drafted with a first draft, heard with a second, then enacted without a document
    by = chumphon_coordinator
    stage_record(by=by, record=charter, stage="drafting", happened_on=D(2024, 1, 10), document=_file())
    stage_record(
        by=by,
        record=charter,
        stage="hearing",
        happened_on=D(2024, 3, 5),
        note="เวทีประชาคม 120 คน",
        document=_file("draft2.pdf"),
        document_title="ร่างธรรมนูญ ฉบับรับฟังความคิดเห็น",
    )
    enacted = stage_record(by=by, record=charter, stage="enacted", happened_on=D(2024, 4, 1))
    # then the record is at the last stage, and each document has the next version
    charter.refresh_from_db()
    assert (charter.stage, charter.stage_on) == (CharterStage.ENACTED, D(2024, 4, 1))
    events = list(charter.events.order_by("happened_on"))
    assert [(e.stage, e.document_version) for e in events] == [
        ("drafting", 1),
        ("hearing", 2),
        ("enacted", None),
    ]
    assert events[0].document_title == "charter.pdf"
    assert events[1].document_title == "ร่างธรรมนูญ ฉบับรับฟังความคิดเห็น"
    assert enacted.recorded_by == by
    # and each step is a saved version of the charter, in its history
    assert charter.version == 4


def test_a_registration_moves_through_the_same_mechanism_and_takes_its_number(cast, registration):
    # given the Chiang Rai network preparing its bylaws, submitting to the provincial office, reviewed
    by = cast.chiangrai_coordinator
    stage_record(by=by, record=registration, stage="preparing", happened_on=D(2024, 2, 1), document=_file())
    stage_record(by=by, record=registration, stage="submitted", happened_on=D(2024, 5, 2), document=_file())
    stage_record(by=by, record=registration, stage="reviewing", happened_on=D(2024, 6, 1))
    # when it is certified, with its number
    stage_record(
        by=by,
        record=registration,
        stage="registered",
        happened_on=D(2024, 7, 15),
        registration_number="สวช. 57/2567",
        expires_on=D(2027, 7, 14),
        document=_file("certificate.pdf"),
    )
    # then the registration holds the number and dates, and the documents are versions 1, 2 and 3
    registration.refresh_from_db()
    assert registration.stage == RegistrationStage.REGISTERED
    assert (registration.registration_number, registration.registered_on, registration.expires_on) == (
        "สวช. 57/2567",
        D(2024, 7, 15),
        D(2027, 7, 14),
    )
    versions = list(registration.events.exclude(document="").values_list("document_version", flat=True))
    assert versions == [1, 2, 3]
    # and charters' events are not mixed with it
    assert StageEvent.objects.filter(charter__isnull=False).count() == 0


def test_a_renewal_keeps_the_first_registration_date(cast, registration):
    by = cast.chiangrai_coordinator
    stage_record(by=by, record=registration, stage="registered", happened_on=D(2021, 7, 15))
    stage_record(
        by=by, record=registration, stage="renewed", happened_on=D(2024, 7, 1), expires_on=D(2027, 7, 1)
    )
    stage_record(by=by, record=registration, stage="renewed", happened_on=D(2024, 7, 2))
    registration.refresh_from_db()
    assert (registration.registered_on, registration.expires_on) == (D(2021, 7, 15), D(2027, 7, 1))


def test_a_stage_of_the_other_kind_is_refused(chumphon_coordinator, charter):
    with pytest.raises(ValidationError) as refused:
        stage_record(by=chumphon_coordinator, record=charter, stage="registered", happened_on=D(2024, 1, 1))
    assert _codes(refused.value) == {PlanError.STAGE_UNKNOWN.code}
    assert not charter.events.exists()


def test_a_stage_cannot_be_dated_before_the_previous_one_or_in_the_future(chumphon_coordinator, charter):
    by = chumphon_coordinator
    stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 3, 5))
    with pytest.raises(ValidationError) as before:
        stage_record(by=by, record=charter, stage="enacted", happened_on=D(2024, 3, 4))
    assert _codes(before.value) == {PlanError.STAGE_BEFORE_PREVIOUS.code}
    assert "2567" in str(before.value)  # the previous date, in the Buddhist Era
    with pytest.raises(ValidationError) as future:
        stage_record(
            by=by, record=charter, stage="enacted", happened_on=dt.date.today() + dt.timedelta(days=1)
        )
    assert _codes(future.value) == {PlanError.STAGE_DATE_IN_FUTURE.code}
    assert charter.events.count() == 1


def test_the_same_stage_twice_in_a_row_is_refused_but_a_revision_may_repeat(chumphon_coordinator, charter):
    by = chumphon_coordinator
    stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 3, 5))
    with pytest.raises(ValidationError) as refused:
        stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 3, 6))
    assert _codes(refused.value) == {PlanError.STAGE_UNCHANGED.code}
    stage_record(by=by, record=charter, stage="revised", happened_on=D(2024, 5, 1))
    stage_record(by=by, record=charter, stage="revised", happened_on=D(2025, 5, 1))
    assert charter.events.count() == 3


def test_a_stage_built_on_an_old_version_of_the_record_is_refused(chumphon_coordinator, charter):
    stage_record(
        by=chumphon_coordinator, record=charter, stage="hearing", happened_on=D(2024, 3, 5), version=1
    )
    stale = Charter.objects.get(pk=charter.pk)
    with pytest.raises(VersionConflict):
        stage_record(
            by=chumphon_coordinator, record=stale, stage="enacted", happened_on=D(2024, 4, 1), version=1
        )
    assert list(charter.events.values_list("stage", flat=True)) == ["hearing"]


def test_a_viewer_records_no_stage(cast, registration):
    with pytest.raises(AccessDenied):
        stage_record(
            by=cast.chiangrai_viewer, record=registration, stage="submitted", happened_on=D(2024, 1, 1)
        )
    assert not registration.events.exists()


def test_removing_the_latest_stage_puts_the_record_back(chumphon_coordinator, charter):
    by = chumphon_coordinator
    heard = stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 3, 5))
    enacted = stage_record(
        by=by, record=charter, stage="enacted", happened_on=D(2024, 4, 1), document=_file()
    )
    # only the latest can be removed
    with pytest.raises(ValidationError) as refused:
        stage_event_remove(by=by, event=heard)
    assert refused.value.code == PlanError.STAGE_EVENT_NOT_LATEST.code
    stage_event_remove(by=by, event=enacted)
    charter.refresh_from_db()
    assert (charter.stage, charter.stage_on) == (CharterStage.HEARING, D(2024, 3, 5))
    stage_event_remove(by=by, event=heard)
    charter.refresh_from_db()
    assert (charter.stage, charter.stage_on) == (CharterStage.DRAFTING, None)
    assert not charter.events.exists()


def test_a_removed_document_version_is_given_again(chumphon_coordinator, charter):
    by = chumphon_coordinator
    first = stage_record(by=by, record=charter, stage="drafting", happened_on=D(2024, 1, 1), document=_file())
    stage_event_remove(by=by, event=first)
    again = stage_record(by=by, record=charter, stage="drafting", happened_on=D(2024, 1, 2), document=_file())
    assert again.document_version == 1


def test_deleting_a_charter_removes_its_stages(chumphon_coordinator, charter):
    stage_record(by=chumphon_coordinator, record=charter, stage="hearing", happened_on=D(2024, 3, 5))
    charter_delete(by=chumphon_coordinator, charter=charter)
    assert not Charter.objects.exists() and not StageEvent.objects.exists()


# ---- registrations


def test_a_registration_needs_an_organisation_or_a_fund(cast):
    with pytest.raises(ValidationError) as refused:
        registration_create(by=cast.chiangrai_coordinator)
    assert _codes(refused.value) == {PlanError.REGISTRATION_NEEDS_SUBJECT.code}


def test_a_registration_takes_the_area_of_what_registers(cast, chiangrai_network):
    fund = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลแม่ยาว", area_id="570106")
    registration = registration_create(
        by=cast.chiangrai_coordinator, organisation=chiangrai_network, fund=fund
    )
    assert registration.area_id == "570106"
    # a district coordinator of another district cannot move it to their own
    with pytest.raises(AccessDenied):
        registration_update(by=cast.maesai_coordinator, registration=registration, fund=None)


def test_a_registration_cannot_expire_before_it_was_made(cast, registration):
    with pytest.raises(ValidationError) as refused:
        registration_update(
            by=cast.chiangrai_coordinator,
            registration=registration,
            registered_on=D(2024, 7, 15),
            expires_on=D(2024, 7, 1),
        )
    assert _codes(refused.value) == {PlanError.EXPIRES_BEFORE_REGISTERED.code}


# ---- the summary and the rows counted targets read


def _chumphon_charters(by):
    """S4: Chumphon's 11 tambons, six months into the year: 5 enacted, 2 in public hearing, 4 drafting."""
    charters = [
        charter_create(by=by, area_code=code, title=f"ธรรมนูญตำบล {code}") for code in CHUMPHON_TAMBONS
    ]
    for charter in charters[:7]:
        stage_record(by=by, record=charter, stage="hearing", happened_on=D(2024, 1, 15))
    for number, charter in enumerate(charters[:5]):
        stage_record(by=by, record=charter, stage="enacted", happened_on=D(2024, 2, 1 + number))
    return charters


def test_the_summary_counts_the_charters_of_the_province_by_stage(
    chumphon_coordinator, django_assert_num_queries
):
    _chumphon_charters(chumphon_coordinator)
    with django_assert_num_queries(1):
        summary = stage_summary(user=chumphon_coordinator, province_code="86")
    counts = {row["stage"]: row["count"] for row in summary}
    assert counts == {"drafting": 4, "hearing": 2, "enacted": 5, "in_force": 0, "revised": 0}
    assert [row["stage"] for row in summary] == list(CharterStage.values)


def test_the_summary_of_another_province_is_empty_for_an_outsider(cast, chumphon_coordinator):
    _chumphon_charters(chumphon_coordinator)
    assert (
        sum(row["count"] for row in stage_summary(user=cast.chiangrai_coordinator, province_code="86")) == 0
    )


def test_the_enacted_rows_give_each_charter_once_at_its_first_enactment(chumphon_coordinator):
    # given Chumphon's charters, one of them since in force and revised, and one recorded only from in force
    by = chumphon_coordinator
    charters = _chumphon_charters(by)
    stage_record(by=by, record=charters[0], stage="in_force", happened_on=D(2024, 3, 1))
    stage_record(by=by, record=charters[0], stage="revised", happened_on=D(2024, 5, 1))
    stage_record(by=by, record=charters[7], stage="in_force", happened_on=D(2024, 4, 1))
    # when the rows of the first half of 2024 are read
    rows = list(charters_enacted_rows(area_prefixes=["86"], starts_on=D(2024, 1, 1), ends_on=D(2024, 6, 30)))
    # then each of the six charters counts once, on the date it was first enacted
    assert sorted((row["area_id"], row["happened_on"]) for row in rows) == [
        ("860101", D(2024, 2, 1)),
        ("860102", D(2024, 2, 2)),
        ("860103", D(2024, 2, 3)),
        ("860104", D(2024, 2, 4)),
        ("860105", D(2024, 2, 5)),
        ("860108", D(2024, 4, 1)),
    ]
    # and a period after the enactments counts none, and another area's prefix none
    assert not charters_enacted_rows(area_prefixes=["86"], starts_on=D(2024, 7, 1), ends_on=D(2024, 12, 31))
    assert not charters_enacted_rows(area_prefixes=["57"], starts_on=D(2024, 1, 1), ends_on=D(2024, 6, 30))
    assert len(charters_enacted_rows(area_prefixes=None, starts_on=D(2024, 1, 1), ends_on=D(2024, 2, 2))) == 2


def test_the_completed_rows_count_the_first_registration_under_the_law(cast, registration):
    by = cast.chiangrai_coordinator
    stage_record(by=by, record=registration, stage="registered", happened_on=D(2021, 7, 15))
    stage_record(by=by, record=registration, stage="renewed", happened_on=D(2024, 7, 1))
    rows = registrations_completed_rows(
        area_prefixes=["57"], starts_on=D(2021, 1, 1), ends_on=D(2021, 12, 31)
    )
    assert list(rows) == [{"area_id": "57", "happened_on": D(2021, 7, 15)}]
    # a renewal is not a new registration, and another law counts none
    assert not registrations_completed_rows(
        area_prefixes=["57"], starts_on=D(2024, 1, 1), ends_on=D(2024, 12, 31)
    )
    assert not registrations_completed_rows(
        area_prefixes=None, starts_on=D(2021, 1, 1), ends_on=D(2021, 12, 31), law=RegistrationLaw.ASSOCIATION
    )
    assert Registration.objects.count() == 1
