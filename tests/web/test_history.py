"""A history page shows each changed value as the record's own page does, in the reader's language: a choice by its
label, yes or no, a linked record by its name, a date in the Buddhist Era; never a stored code or an id."""

import datetime

from django.urls import reverse
from django.utils import translation

from sanphalang.directory.models import LegalBasis, OrganisationKind
from sanphalang.directory.selectors import OUTSIDE_AREA_NAME
from sanphalang.directory.services import organisation_update, person_update
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import meeting_create, meeting_update
from sanphalang.web.history import history_entries
from tests.directory.page_data import make_org, make_person


def _changes(response) -> dict:
    return {str(c["label"]): (c["old"], c["new"]) for e in response.context["entries"] for c in e["changes"]}


def test_an_organisations_history_shows_labels_names_yes_or_no_and_be_dates(cast, client_for):
    # given a network of Chiang Rai made an agency, closed, placed under another and given its founding day
    parent = make_org(cast.admin, name="สภาองค์กรชุมชนจังหวัดเชียงราย", area_code="57", kind="council")
    org = make_org(cast.admin, name="กลุ่มเดิม", area_code="570101", kind="network")
    organisation_update(
        by=cast.chiangrai_coordinator,
        organisation=org,
        kind="agency",
        is_active=False,
        parent=parent,
        founded_on=datetime.date(2015, 7, 20),
    )
    # when the coordinator reads its history in Thai
    response = client_for(cast.chiangrai_coordinator).get(
        reverse("directory:organisation_history", args=[org.pk])
    )
    # then each value reads as on the organisation's page
    changes = _changes(response)
    assert changes["ประเภท"] == (OrganisationKind.NETWORK.label, OrganisationKind.AGENCY.label)
    assert changes["ประเภท"] == ("เครือข่าย", "หน่วยงานราชการ")
    assert changes["ดำเนินงานอยู่"] == ("ใช่", "ไม่ใช่")
    assert changes["องค์กรต้นสังกัด"] == (None, "สภาองค์กรชุมชนจังหวัดเชียงราย")
    assert changes["วันที่ก่อตั้ง"] == (None, "20 กรกฎาคม 2558")
    # and no stored code, Python word or id reaches the page
    content = response.content.decode()
    for stored in ("network", "agency", "True", "False", f"→ {parent.pk}<"):
        assert stored not in content


def test_a_persons_history_shows_the_legal_basis_by_its_label_in_the_readers_language(cast, client_for):
    # given a person whose data is now kept on their consent
    person = make_person(cast.admin, area_code="5701", legal_basis="public_task")
    person_update(by=cast.admin, person=person, legal_basis="consent", consent_on=datetime.date(2025, 5, 14))
    client = client_for(cast.chiangrai_coordinator)
    # when the history is read in Thai, then in English
    thai = _changes(client.get(reverse("directory:person_history", args=[person.pk])))
    client.cookies["django_language"] = "en"
    english = _changes(client.get(reverse("directory:person_history", args=[person.pk])))
    # then the basis reads by its label in each
    [thai_basis] = [change for label, change in thai.items() if label.startswith("ฐาน")]
    assert thai_basis == ("ภารกิจเพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ", "ความยินยอมของเจ้าของข้อมูล")
    with translation.override("en"):
        assert english[str(person._meta.get_field("legal_basis").verbose_name)] == (
            str(LegalBasis.PUBLIC_TASK.label),
            str(LegalBasis.CONSENT.label),
        )
    assert english[str(person._meta.get_field("consent_on").verbose_name)] == (None, "14 May 2568 BE")


def test_a_changed_person_is_named_as_the_reader_may_see_them(cast):
    # given a meeting of Mae Sai whose chair changed to a person of Mae Sai (a history does not know the role a
    # record gives a person, so it names them only to a reader who may open their record)
    body = body_create(by=cast.admin, name_th="สภาแม่สาย", area_code="5709", kind="council")
    meeting = meeting_create(by=cast.admin, body=body, held_on=datetime.date(2025, 7, 20))
    chair = make_person(cast.admin, first_name="สมศรี", last_name="แม่สาย", area_code="5709")
    meeting_update(by=cast.admin, meeting=meeting, chair=chair)
    # when a coordinator of Mae Sai and one of Mueang read its history
    [mae_sai] = [
        c["new"]
        for e in history_entries(meeting.history.all(), reader=cast.maesai_coordinator)
        for c in e["changes"]
        if c["label"] == meeting._meta.get_field("chair").verbose_name
    ]
    [mueang] = [
        c["new"]
        for e in history_entries(meeting.history.all(), reader=cast.mueang_coordinator)
        for c in e["changes"]
        if c["label"] == meeting._meta.get_field("chair").verbose_name
    ]
    # then the one who may open the person's record reads the name, the other only that it is someone outside
    assert "สมศรี แม่สาย" in mae_sai
    assert mueang == str(OUTSIDE_AREA_NAME)
