"""Writing agreements (MOUs), their parties, signatories and documents: the plan's area by default, the meeting
where it was signed only if the user reads it, and the province's rules of reading and writing (S7)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sanphalang.errors import AccessDenied, VersionConflict
from sanphalang.meetings.services.meetings import meeting_create
from sanphalang.plans.errors import PlanError
from sanphalang.plans.models import AgreementParty
from sanphalang.plans.selectors.agreements import agreement_get, agreement_list, readable_meeting
from sanphalang.plans.services.agreements import (
    agreement_create,
    agreement_update,
    document_add,
    document_remove,
    party_add,
    party_update,
    signatory_add,
)
from tests.meetings.factories import council

from .factories import province_plan, signed_agreement


def test_an_agreement_belongs_to_its_plans_area_and_names_its_signatories(cast):
    agreement = signed_agreement(cast, province_plan(cast))
    assert agreement.area_id == "57"
    party = agreement.parties.get()
    assert party.order == 1 and party.commitment == "สนับสนุนงบประมาณ"
    assert party.signatories.get().position == "ผู้ว่าราชการจังหวัด"


def test_it_refuses_an_agreement_signed_in_the_future(cast):
    with pytest.raises(ValidationError) as refused:
        agreement_create(
            by=cast.chiangrai_coordinator,
            title="บันทึก",
            area_code="57",
            signed_on=dt.date.today() + dt.timedelta(days=1),
        )
    assert "signed_on" in refused.value.error_dict


def test_it_needs_an_area_or_a_plan(cast):
    with pytest.raises(ValidationError) as refused:
        agreement_create(by=cast.chiangrai_coordinator, title="บันทึก")
    assert refused.value.error_dict["area_code"][0].code == PlanError.AGREEMENT_NEEDS_AREA.code


def test_an_agreement_of_a_district_lies_within_its_plan(cast):
    plan = province_plan(cast)
    agreement = agreement_create(by=cast.mueang_coordinator, title="บันทึกอำเภอ", plan=plan, area_code="5701")
    assert agreement.area_id == "5701"
    with pytest.raises(ValidationError) as refused:
        agreement_create(by=cast.phayao_coordinator, title="บันทึก", plan=plan.pk, area_code="56")
    assert "plan" in refused.value.error_dict


def test_a_district_reads_the_province_agreement_but_cannot_change_it(cast):
    agreement = signed_agreement(cast, province_plan(cast))
    assert agreement_get(user=cast.mueang_coordinator, pk=agreement.pk) == agreement
    with pytest.raises(AccessDenied):
        agreement_update(by=cast.mueang_coordinator, agreement=agreement, venue="ที่อื่น")
    with pytest.raises(AccessDenied):
        party_update(by=cast.mueang_coordinator, party=agreement.parties.get(), commitment="อื่น")
    assert not agreement_list(user=cast.phayao_coordinator).exists()


def test_the_meeting_must_be_one_the_user_reads(cast):
    meeting = meeting_create(by=cast.chiangrai_coordinator, body=council(cast), held_on=dt.date(2022, 1, 27))
    plan = province_plan(cast)
    with pytest.raises(ValidationError) as refused:
        agreement_create(by=cast.phayao_coordinator, title="บันทึก", area_code="56", meeting=meeting)
    assert "meeting" in refused.value.error_dict
    agreement = agreement_create(by=cast.chiangrai_coordinator, title="บันทึก", plan=plan, meeting=meeting)
    assert readable_meeting(user=cast.mueang_coordinator, meeting_id=agreement.meeting_id) == meeting
    assert readable_meeting(user=cast.phayao_coordinator, meeting_id=agreement.meeting_id) is None


def test_a_party_is_named_once_and_a_signatory_needs_a_person(cast):
    agreement = signed_agreement(cast, province_plan(cast))
    party = agreement.parties.get()
    with pytest.raises(ValidationError):
        party_add(by=cast.chiangrai_coordinator, agreement=agreement, organisation=party.organisation)
    with pytest.raises(ValidationError) as refused:
        signatory_add(by=cast.chiangrai_coordinator, party=party, person=None)
    assert refused.value.error_dict["person"][0].code == PlanError.SIGNATORY_NEEDS_NAME.code


def test_a_party_change_on_an_old_version_is_refused(cast):
    party = signed_agreement(cast, province_plan(cast)).parties.get()
    party_update(
        by=cast.chiangrai_coordinator, party=AgreementParty.objects.get(pk=party.pk), version=1, order=2
    )
    with pytest.raises(VersionConflict):
        party_update(
            by=cast.chiangrai_coordinator, party=AgreementParty.objects.get(pk=party.pk), version=1, order=3
        )


def test_a_document_is_kept_and_removed(cast):
    agreement = signed_agreement(cast, province_plan(cast))
    document = document_add(
        by=cast.chiangrai_coordinator, agreement=agreement, file=SimpleUploadedFile("mou.pdf", b"%PDF-1.4")
    )
    assert document.title == "mou.pdf"
    with pytest.raises(AccessDenied):
        document_remove(by=cast.mueang_coordinator, document=document)
    document_remove(by=cast.chiangrai_coordinator, document=document)
    assert not agreement.documents.exists()
