"""Audit rounds and visits: planning, teams, checklist answers, findings and their corrections."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from sanphalang.directory.models import Person
from sanphalang.errors import AccessDenied
from sanphalang.welfare.errors import WelfareError
from sanphalang.welfare.models import AuditRound, AuditVisit, Fund
from sanphalang.welfare.services.audits import (
    DEFAULT_CHECKLIST,
    audit_round_create,
    audit_round_update,
    audit_visit_plan,
    audit_visit_record,
    audit_visit_remove,
    audit_visit_update,
    finding_add,
    finding_close,
    finding_settle,
)

D = dt.date


@pytest.fixture
def fund(db):
    return Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570101", members=420)


@pytest.fixture
def audit_round(cast):
    return audit_round_create(
        by=cast.chiangrai_coordinator,
        name="ติดตามสอบทานกองทุน 2562",
        province_code="57",
        starts_on=D(2019, 5, 20),
        ends_on=D(2019, 6, 15),
    )


def test_a_round_gets_the_networks_checklist_unless_given_its_own(audit_round, cast):
    assert audit_round.checklist == DEFAULT_CHECKLIST
    own = audit_round_create(
        by=cast.chiangrai_coordinator,
        name="รอบพิเศษ",
        province_code="57",
        starts_on=D(2019, 7, 1),
        ends_on=D(2019, 7, 31),
        checklist=["มีบัญชีเป็นปัจจุบัน", " "],
    )
    assert own.checklist == ["มีบัญชีเป็นปัจจุบัน"]


def test_a_round_must_end_after_it_starts(cast):
    with pytest.raises(ValidationError):
        audit_round_create(
            by=cast.chiangrai_coordinator,
            name="ผิด",
            province_code="57",
            starts_on=D(2019, 6, 15),
            ends_on=D(2019, 5, 20),
        )


def test_a_visit_is_planned_within_the_round(cast, audit_round, fund):
    with pytest.raises(ValidationError) as error:
        audit_visit_plan(
            by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund, planned_on=D(2019, 7, 1)
        )
    assert "planned_on" in error.value.message_dict
    visit = audit_visit_plan(
        by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund, planned_on=D(2019, 5, 28)
    )
    assert visit.planned_on == D(2019, 5, 28)


def test_an_outsider_cannot_plan_a_visit(cast, audit_round, fund):
    with pytest.raises(AccessDenied):
        audit_visit_plan(by=cast.phayao_coordinator, audit_round=audit_round, fund=fund)
    assert not AuditVisit.objects.exists()


def test_answers_must_fit_the_checklist(cast, audit_round, fund):
    visit = audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund)
    with pytest.raises(ValidationError):
        audit_visit_record(
            by=cast.chiangrai_coordinator,
            visit=visit,
            visited_on=D(2019, 5, 28),
            answers={"คำถามที่ไม่มี": "yes"},
        )
    with pytest.raises(ValidationError):
        audit_visit_record(
            by=cast.chiangrai_coordinator,
            visit=visit,
            visited_on=D(2019, 5, 28),
            answers={DEFAULT_CHECKLIST[0]: "maybe"},
        )
    visit = audit_visit_record(
        by=cast.chiangrai_coordinator,
        visit=visit,
        visited_on=D(2019, 5, 28),
        answers={DEFAULT_CHECKLIST[0]: "yes", DEFAULT_CHECKLIST[2]: "no"},
    )
    assert visit.answers[DEFAULT_CHECKLIST[2]] == "no"


def test_a_finding_changes_the_registry_only_through_the_settle_step(cast, audit_round, fund):
    visit = audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund)
    finding = finding_add(
        by=cast.chiangrai_coordinator,
        visit=visit,
        text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน",
        follow_up="ปรับปรุงทะเบียนภายในเดือนกรกฎาคม",
        due_on=D(2019, 7, 31),
        proposed_field="members",
        proposed_value="388",
    )
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


@pytest.fixture
def visit(cast, audit_round, fund):
    return audit_visit_plan(
        by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund, planned_on=D(2019, 5, 28)
    )


def _person(area_code: str, first_name: str = "สมศรี") -> Person:
    return Person.objects.create(first_name=first_name, last_name="ใจดี", area_id=area_code)


def _as_planned(visit) -> tuple:
    visit = AuditVisit.objects.get(pk=visit.pk)
    return visit.planned_on, sorted(p.pk for p in visit.team.all())


def _round_as_saved(audit_round) -> tuple:
    saved = AuditRound.objects.get(pk=audit_round.pk)
    return saved.name, saved.starts_on, saved.ends_on, saved.checklist


def test_a_planned_visit_moves_within_the_round_and_gets_a_new_team(cast, visit):
    # given a visit planned for 28 May and two colleagues of Mueang Chiang Rai
    first, second = _person("570101"), _person("570102", "สมชาย")

    # when the coordinator moves it to 3 June and sends both
    audit_visit_update(
        by=cast.chiangrai_coordinator, visit=visit, planned_on=D(2019, 6, 3), team=[first, second]
    )

    # then the visit has the new date and team, and its history names who changed it
    assert _as_planned(visit) == (D(2019, 6, 3), sorted([first.pk, second.pk]))
    assert visit.history.first().history_user == cast.chiangrai_coordinator


def test_a_visit_cannot_move_outside_its_round(cast, visit):
    with pytest.raises(ValidationError) as error:
        audit_visit_update(by=cast.chiangrai_coordinator, visit=visit, planned_on=D(2019, 6, 16), team=[])
    assert "planned_on" in error.value.message_dict
    assert _as_planned(visit) == (D(2019, 5, 28), [])


def test_a_person_outside_the_users_areas_cannot_join_a_team(cast, visit, audit_round):
    # given a coordinator of Mueang Chiang Rai and a person registered in Mae Sai
    maesai_person = _person("5709")

    # when they put that person on a visit's team, or plan a new visit with them, then both are refused at the team
    with pytest.raises(ValidationError) as error:
        audit_visit_update(
            by=cast.mueang_coordinator, visit=visit, planned_on=visit.planned_on, team=[maesai_person]
        )
    assert error.value.message_dict == {"team": [WelfareError.TEAM_OUTSIDE_AREAS.message()]}
    other = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลริมกก", area_id="570102")
    with pytest.raises(ValidationError):
        audit_visit_plan(
            by=cast.mueang_coordinator, audit_round=audit_round, fund=other, team=[maesai_person]
        )

    # and nothing changed
    assert _as_planned(visit) == (D(2019, 5, 28), [])
    assert not AuditVisit.objects.filter(fund=other).exists()


def test_a_colleague_put_on_the_team_from_above_stays_when_a_district_coordinator_moves_the_visit(
    cast, visit
):
    # given the provincial coordinator put a Mae Sai colleague on a visit in Mueang Chiang Rai
    maesai_person = _person("5709")
    audit_visit_update(
        by=cast.chiangrai_coordinator, visit=visit, planned_on=visit.planned_on, team=[maesai_person]
    )

    # when the Mueang coordinator moves the visit and keeps the team
    audit_visit_update(
        by=cast.mueang_coordinator, visit=visit, planned_on=D(2019, 6, 1), team=[maesai_person]
    )

    # then the colleague is still on it
    assert _as_planned(visit) == (D(2019, 6, 1), [maesai_person.pk])


@pytest.mark.parametrize("who", ["phayao_coordinator", "chiangrai_viewer", "maesai_coordinator"])
def test_only_a_writer_of_the_funds_area_changes_or_removes_its_visit(cast, visit, who):
    user = getattr(cast, who)
    with pytest.raises(AccessDenied):
        audit_visit_update(by=user, visit=visit, planned_on=D(2019, 6, 1), team=[])
    with pytest.raises(AccessDenied):
        audit_visit_remove(by=user, visit=visit)
    assert _as_planned(visit) == (D(2019, 5, 28), [])


def test_a_visit_nothing_was_recorded_of_is_removed_and_its_history_says_by_whom(cast, visit):
    audit_visit_remove(by=cast.mueang_coordinator, visit=visit)
    assert not AuditVisit.objects.filter(pk=visit.pk).exists()
    last = AuditVisit.history.filter(id=visit.pk).first()
    assert (last.history_type, last.history_user) == ("-", cast.mueang_coordinator)


def _record_the_date(cast, visit):
    audit_visit_record(by=cast.chiangrai_coordinator, visit=visit, visited_on=D(2019, 5, 28), answers={})


def _record_answers_only(cast, visit):  # as an import of last year's paper forms could leave it
    AuditVisit.objects.filter(pk=visit.pk).update(answers={DEFAULT_CHECKLIST[0]: "yes"})


def _record_a_finding(cast, visit):
    finding_add(by=cast.chiangrai_coordinator, visit=visit, text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน")


@pytest.mark.parametrize("record", [_record_the_date, _record_answers_only, _record_a_finding])
def test_a_visit_with_anything_recorded_is_kept_as_evidence(cast, visit, record):
    # given something was recorded of the visit
    record(cast, visit)

    # when its coordinator tries to remove it, then they are told why not
    with pytest.raises(ValidationError) as error:
        audit_visit_remove(by=cast.chiangrai_coordinator, visit=visit)
    assert error.value.messages == [WelfareError.RECORDED_VISIT_KEPT.message()]

    # and the visit is still there
    assert AuditVisit.objects.filter(pk=visit.pk).exists()


def test_a_round_is_renamed_moved_and_given_a_longer_checklist(cast, audit_round, visit):
    # given an answered visit planned for 28 May
    audit_visit_record(
        by=cast.chiangrai_coordinator,
        visit=visit,
        visited_on=D(2019, 5, 28),
        answers={DEFAULT_CHECKLIST[0]: "yes"},
    )
    checklist = [*DEFAULT_CHECKLIST, "มีแผนพัฒนากองทุนระยะ 3 ปี"]

    # when the coordinator renames it, widens the period and adds a question
    audit_round_update(
        by=cast.chiangrai_coordinator,
        audit_round=audit_round,
        name=" ติดตามกองทุน รอบ 1/2562 ",
        starts_on=D(2019, 5, 15),
        ends_on=D(2019, 6, 30),
        checklist=checklist,
    )

    # then the round has them, the answer is untouched and the history names the coordinator
    assert _round_as_saved(audit_round) == (
        "ติดตามกองทุน รอบ 1/2562",
        D(2019, 5, 15),
        D(2019, 6, 30),
        checklist,
    )
    assert AuditVisit.objects.get(pk=visit.pk).answers == {DEFAULT_CHECKLIST[0]: "yes"}
    assert audit_round.history.first().history_user == cast.chiangrai_coordinator


def test_a_new_period_that_leaves_planned_visits_outside_names_them(cast, audit_round, visit, fund):
    # given a visit planned for 28 May and another for 14 June
    late_fund = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลริมกก", area_id="570102")
    audit_visit_plan(
        by=cast.chiangrai_coordinator, audit_round=audit_round, fund=late_fund, planned_on=D(2019, 6, 14)
    )
    before = _round_as_saved(audit_round)

    # when the coordinator shrinks the period to 1–10 June
    with pytest.raises(ValidationError) as error:
        audit_round_update(
            by=cast.chiangrai_coordinator,
            audit_round=audit_round,
            name=audit_round.name,
            starts_on=D(2019, 6, 1),
            ends_on=D(2019, 6, 10),
            checklist=DEFAULT_CHECKLIST,
        )

    # then each end of the period names the visits it would leave out, and the round is unchanged
    errors = error.value.message_dict
    assert fund.name_th in errors["starts_on"][0] and late_fund.name_th not in errors["starts_on"][0]
    assert late_fund.name_th in errors["ends_on"][0] and fund.name_th not in errors["ends_on"][0]
    assert _round_as_saved(audit_round) == before


def test_a_question_that_visits_answered_cannot_be_removed_or_reworded(cast, audit_round, visit):
    # given a visit answered the first question only
    answered, unanswered = DEFAULT_CHECKLIST[0], DEFAULT_CHECKLIST[1]
    audit_visit_record(
        by=cast.chiangrai_coordinator, visit=visit, visited_on=D(2019, 5, 28), answers={answered: "no"}
    )
    before = _round_as_saved(audit_round)

    # when the coordinator removes it, or rewords it, then the checklist error names it and nothing changes
    for checklist in (DEFAULT_CHECKLIST[1:], [answered + " (ทุกเดือน)", *DEFAULT_CHECKLIST[1:]]):
        with pytest.raises(ValidationError) as error:
            audit_round_update(
                by=cast.chiangrai_coordinator,
                audit_round=audit_round,
                name=audit_round.name,
                starts_on=audit_round.starts_on,
                ends_on=audit_round.ends_on,
                checklist=checklist,
            )
        assert list(error.value.message_dict) == ["checklist"]
        assert answered in error.value.message_dict["checklist"][0]
        assert unanswered not in error.value.message_dict["checklist"][0]
        assert _round_as_saved(audit_round) == before

    # but a question nobody answered can go
    rest = [q for q in DEFAULT_CHECKLIST if q != unanswered]
    audit_round_update(
        by=cast.chiangrai_coordinator,
        audit_round=audit_round,
        name=audit_round.name,
        starts_on=audit_round.starts_on,
        ends_on=audit_round.ends_on,
        checklist=rest,
    )
    assert _round_as_saved(audit_round)[3] == rest


def test_a_checklist_asks_each_question_once(cast, audit_round):
    with pytest.raises(ValidationError) as error:
        audit_round_update(
            by=cast.chiangrai_coordinator,
            audit_round=audit_round,
            name=audit_round.name,
            starts_on=audit_round.starts_on,
            ends_on=audit_round.ends_on,
            checklist=["มีบัญชี", " มีบัญชี", "มีระเบียบ"],
        )
    assert "มีบัญชี" in error.value.message_dict["checklist"][0]
    assert _round_as_saved(audit_round)[3] == DEFAULT_CHECKLIST


@pytest.mark.parametrize("who", ["phayao_coordinator", "chiangrai_viewer", "mueang_coordinator"])
def test_only_a_writer_of_the_province_edits_its_round(cast, audit_round, who):
    before = _round_as_saved(audit_round)
    with pytest.raises(AccessDenied):
        audit_round_update(
            by=getattr(cast, who),
            audit_round=audit_round,
            name="เปลี่ยนชื่อ",
            starts_on=audit_round.starts_on,
            ends_on=audit_round.ends_on,
            checklist=["ข้อเดียว"],
        )
    assert _round_as_saved(audit_round) == before


def test_link_reasons_read_as_sentences():
    from django.utils import translation

    from sanphalang.welfare.linkage.reasons import reason_label

    with translation.override("en"):
        assert reason_label(["members_close", 335, 345]) == "member counts close (335, 345)"
        assert reason_label(["same_subdistrict", "570115"]) == "same subdistrict 570115"
    assert reason_label(["something_new", 1]) == "something_new 1"
    assert "570115" in reason_label(["same_subdistrict", "570115"])  # in Thai, the code still shows
