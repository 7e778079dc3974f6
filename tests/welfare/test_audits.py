import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.errors import AccessDenied
from sanphalang.welfare.audits import (
    DEFAULT_CHECKLIST,
    audit_round_create,
    audit_visit_plan,
    audit_visit_record,
    finding_add,
    finding_close,
    finding_settle,
)
from sanphalang.welfare.models import AuditVisit, Fund

D = dt.date


@pytest.fixture
def fund(db):
    return Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570101", members=420)


@pytest.fixture
def audit_round(cast):
    return audit_round_create(by=cast.chiangrai_coordinator, name="ติดตามสอบทานกองทุน 2562", province_code="57",
                              starts_on=D(2019, 5, 20), ends_on=D(2019, 6, 15))


def test_a_round_gets_the_networks_checklist_unless_given_its_own(audit_round, cast):
    assert audit_round.checklist == DEFAULT_CHECKLIST
    own = audit_round_create(by=cast.chiangrai_coordinator, name="รอบพิเศษ", province_code="57",
                             starts_on=D(2019, 7, 1), ends_on=D(2019, 7, 31), checklist=["มีบัญชีเป็นปัจจุบัน", " "])
    assert own.checklist == ["มีบัญชีเป็นปัจจุบัน"]


def test_a_round_must_end_after_it_starts(cast):
    with pytest.raises(ValidationError):
        audit_round_create(by=cast.chiangrai_coordinator, name="ผิด", province_code="57", starts_on=D(2019, 6, 15),
                           ends_on=D(2019, 5, 20))


def test_a_visit_is_planned_within_the_round(cast, audit_round, fund):
    with pytest.raises(ValidationError) as error:
        audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund, planned_on=D(2019, 7, 1))
    assert "planned_on" in error.value.message_dict
    visit = audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund,
                             planned_on=D(2019, 5, 28))
    assert visit.planned_on == D(2019, 5, 28)


def test_an_outsider_cannot_plan_a_visit(cast, audit_round, fund):
    with pytest.raises(AccessDenied):
        audit_visit_plan(by=cast.phayao_coordinator, audit_round=audit_round, fund=fund)
    assert not AuditVisit.objects.exists()


def test_answers_must_fit_the_checklist(cast, audit_round, fund):
    visit = audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund)
    with pytest.raises(ValidationError):
        audit_visit_record(by=cast.chiangrai_coordinator, visit=visit, visited_on=D(2019, 5, 28),
                           answers={"คำถามที่ไม่มี": "yes"})
    with pytest.raises(ValidationError):
        audit_visit_record(by=cast.chiangrai_coordinator, visit=visit, visited_on=D(2019, 5, 28),
                           answers={DEFAULT_CHECKLIST[0]: "maybe"})
    visit = audit_visit_record(by=cast.chiangrai_coordinator, visit=visit, visited_on=D(2019, 5, 28),
                               answers={DEFAULT_CHECKLIST[0]: "yes", DEFAULT_CHECKLIST[2]: "no"})
    assert visit.answers[DEFAULT_CHECKLIST[2]] == "no"


def test_a_finding_changes_the_registry_only_through_the_settle_step(cast, audit_round, fund):
    visit = audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund)
    finding = finding_add(by=cast.chiangrai_coordinator, visit=visit, text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน",
                          follow_up="ปรับปรุงทะเบียนภายในเดือนกรกฎาคม", due_on=D(2019, 7, 31),
                          proposed_field="members", proposed_value="388")
    fund.refresh_from_db()
    assert fund.members == 420  # a finding alone changes nothing
    finding = finding_settle(by=cast.chiangrai_coordinator, finding=finding)
    fund.refresh_from_db()
    assert fund.members == 388
    assert finding.settlement.decided_by == cast.chiangrai_coordinator
    with pytest.raises(ValidationError):
        finding_settle(by=cast.chiangrai_coordinator, finding=finding)
    finding_close(by=cast.chiangrai_coordinator, finding=finding, closed_on=D(2019, 7, 20))
    assert finding.closed_on == D(2019, 7, 20)


def test_link_reasons_read_as_sentences():
    from django.utils import translation

    from sanphalang.welfare.reasons import reason_label

    with translation.override("en"):
        assert reason_label(["members_close", 335, 345]) == "member counts close (335, 345)"
        assert reason_label(["same_subdistrict", "570115"]) == "same subdistrict 570115"
    assert reason_label(["something_new", 1]) == "something_new 1"
    assert "570115" in reason_label(["same_subdistrict", "570115"])  # in Thai, the code still shows
