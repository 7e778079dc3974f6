"""Audit and follow-up visits to funds (S11): plan a round, assign teams, answer the checklist, follow findings up.

A finding never writes the registry itself: a correction it proposes goes through the settle step, so the registry's
history says who decided what and why.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.accounts.audit import stamp, validated_save
from sanphalang.accounts.models import User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.thai.dates import format_be_date
from sanphalang.versions import expect_version

from ..errors import WelfareError
from ..models import SETTLE_FIELDS, AuditRound, AuditVisit, Finding, Fund
from .settle import settle

# The questions the Chiang Rai network asks on a follow-up visit; each round may edit its own copy.
DEFAULT_CHECKLIST = [
    "มีคณะกรรมการบริหารกองทุนและการประชุมสม่ำเสมอ",
    "มีระเบียบกองทุนและแผนการจัดสวัสดิการที่เป็นปัจจุบัน",
    "ทะเบียนสมาชิกเป็นปัจจุบัน (จำนวนสมาชิก ณ วันตรวจเยี่ยม)",
    "บัญชีรับ-จ่ายและสมุดเงินฝากตรงกัน",
    "ได้รับเงินสมทบจากรัฐ/ท้องถิ่นและบันทึกไว้ครบถ้วน",
    "จ่ายสวัสดิการตามประเภทที่กำหนด (เกิด เจ็บป่วย เสียชีวิต ผู้สูงอายุ การศึกษา ภัยพิบัติ)",
    "มีรายงานการเงินต่อสมาชิกประจำปี",
]

ANSWERS = {"yes", "no", "partly", "n/a"}


def _clean_checklist(checklist: list[str]) -> list[str]:
    items = [item.strip() for item in checklist if item.strip()]
    if not items:
        raise WelfareError.CHECKLIST_EMPTY.error("checklist")
    repeated = sorted({item for item in items if items.count(item) > 1})
    if repeated:
        raise WelfareError.CHECKLIST_REPEATS.error("checklist", items=_quoted(repeated))
    return items


def _quoted(items) -> str:
    return ", ".join(f"“{item}”" for item in items)


def _visit_names(visits) -> str:
    return ", ".join(
        f"{visit.fund.name_th} ({format_be_date(visit.planned_on, style='short')})" for visit in visits
    )


def _check_planned_on(audit_round: AuditRound, planned_on: dt.date | None) -> None:
    if planned_on and not audit_round.starts_on <= planned_on <= audit_round.ends_on:
        raise WelfareError.VISIT_OUTSIDE_ROUND.error(
            "planned_on",
            start=format_be_date(audit_round.starts_on, style="short"),
            end=format_be_date(audit_round.ends_on, style="short"),
        )


def _check_team(by: User, team, *, already: set[int] = frozenset()) -> None:
    """Refuse a person outside the user's areas; one already on the team may stay (a colleague above may have put
    them there)."""
    scope = scope_for(by)
    if any(person.pk not in already and not scope.covers(person.area_id) for person in team):
        raise WelfareError.TEAM_OUTSIDE_AREAS.error("team")


def visit_is_recorded(visit: AuditVisit, *, finding_count: int) -> bool:
    """A visit with a date, answers or findings is the record of an audit: evidence that stays."""
    return bool(visit.visited_on or visit.answers or finding_count)


@transaction.atomic
def audit_round_create(
    *,
    by: User,
    name: str,
    province_code: str,
    starts_on: dt.date,
    ends_on: dt.date,
    checklist: list[str] | None = None,
) -> AuditRound:
    province = Area.objects.filter(code=province_code, level=AreaLevel.PROVINCE).first()
    if province is None:
        raise WelfareError.CHOOSE_PROVINCE.error("province")
    require_write(by, province.code)
    items = _clean_checklist(checklist if checklist is not None else DEFAULT_CHECKLIST)
    return validated_save(
        AuditRound(
            name=name.strip(), province=province, starts_on=starts_on, ends_on=ends_on, checklist=items
        ),
        by,
    )


@transaction.atomic
def audit_visit_plan(
    *, by: User, audit_round: AuditRound, fund: Fund, planned_on: dt.date | None = None, team=()
) -> AuditVisit:
    require_write(by, fund.area_id)
    if not fund.area_id.startswith(audit_round.province_id):
        raise WelfareError.FUND_OUTSIDE_ROUND_PROVINCE.error("fund")
    _check_planned_on(audit_round, planned_on)
    team = list(team)
    _check_team(by, team)
    if AuditVisit.objects.filter(round=audit_round, fund=fund).exists():
        raise WelfareError.FUND_ALREADY_IN_ROUND.error("fund")
    visit = validated_save(AuditVisit(round=audit_round, fund=fund, planned_on=planned_on), by)
    visit.team.set(team)
    return visit


@transaction.atomic
def audit_round_update(
    *,
    by: User,
    audit_round: AuditRound,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    checklist: list[str],
    version: int | None = None,
) -> AuditRound:
    """Rename a round, move its period or edit its checklist, keeping every visit and answer already recorded valid."""
    expect_version(audit_round, version)
    require_write(by, audit_round.province_id)
    # The round's row is locked while its checklist changes, as recording a visit locks it while answering: a
    # question cannot be removed between an officer reading it and their answer being saved.
    AuditRound.objects.select_for_update().filter(pk=audit_round.pk).first()
    items = _clean_checklist(checklist)
    visits = list(audit_round.visits.select_related("fund").order_by("planned_on", "fund__sort_key", "pk"))
    errors = {}
    answered = {question for visit in visits for question in visit.answers}
    lost = [question for question in audit_round.checklist if question in answered and question not in items]
    if lost:
        errors["checklist"] = WelfareError.ANSWERED_QUESTIONS_KEPT.message(items=_quoted(lost))
    if starts_on <= ends_on:  # otherwise the round's own rule says the period is wrong
        early = [visit for visit in visits if visit.planned_on and visit.planned_on < starts_on]
        late = [visit for visit in visits if visit.planned_on and visit.planned_on > ends_on]
        if early:
            errors["starts_on"] = WelfareError.VISITS_BEFORE_START.message(visits=_visit_names(early))
        if late:
            errors["ends_on"] = WelfareError.VISITS_AFTER_END.message(visits=_visit_names(late))
    if errors:
        raise ValidationError(errors)
    audit_round.name = name.strip()
    audit_round.starts_on, audit_round.ends_on = starts_on, ends_on
    audit_round.checklist = items
    return validated_save(audit_round, by)


@transaction.atomic
def audit_visit_update(
    *, by: User, visit: AuditVisit, planned_on: dt.date | None, team, version: int | None = None
) -> AuditVisit:
    """Move a planned visit within its round or change its team."""
    expect_version(visit, version)
    require_write(by, visit.fund.area_id)
    _check_planned_on(visit.round, planned_on)
    team = list(team)
    _check_team(by, team, already=set(visit.team.values_list("pk", flat=True)))
    visit.planned_on = planned_on
    validated_save(visit, by)
    visit.team.set(team)
    return visit


@transaction.atomic
def audit_visit_remove(*, by: User, visit: AuditVisit) -> None:
    """Take a visit out of its round while nothing has been recorded of it."""
    require_write(by, visit.fund.area_id)
    current = AuditVisit.objects.select_for_update().get(pk=visit.pk)
    if visit_is_recorded(current, finding_count=current.findings.count()):
        raise WelfareError.RECORDED_VISIT_KEPT.error(None)
    stamp(current, by).delete()


@transaction.atomic
def audit_visit_record(
    *, by: User, visit: AuditVisit, visited_on: dt.date, answers: dict[str, str], version: int | None = None
) -> AuditVisit:
    """Record the visit's answers to the round's checklist (yes / no / partly / n/a per question)."""
    expect_version(visit, version)
    require_write(by, visit.fund.area_id)
    checklist = AuditRound.objects.select_for_update().get(pk=visit.round_id).checklist
    unknown = sorted(set(answers) - set(checklist))
    if unknown:
        raise WelfareError.NOT_ON_CHECKLIST.error("answers", items=", ".join(unknown))
    bad = sorted(q for q, a in answers.items() if a not in ANSWERS)
    if bad:
        raise WelfareError.ANSWER_UNKNOWN.error("answers", items=", ".join(bad))
    if visited_on > timezone.localdate():
        raise WelfareError.VISIT_IN_FUTURE.error("visited_on")
    visit.visited_on = visited_on
    visit.answers = answers
    return validated_save(visit, by)


@transaction.atomic
def finding_add(
    *,
    by: User,
    visit: AuditVisit,
    text: str,
    follow_up: str = "",
    due_on: dt.date | None = None,
    proposed_field: str = "",
    proposed_value: str = "",
) -> Finding:
    require_write(by, visit.fund.area_id)
    if proposed_field and proposed_field not in SETTLE_FIELDS:
        raise WelfareError.NOT_CORRECTABLE.error("proposed_field")
    if bool(proposed_field) != bool(proposed_value):
        raise WelfareError.CORRECTION_HALF_GIVEN.error("proposed_value")
    return validated_save(
        Finding(
            visit=visit,
            text=text.strip(),
            follow_up=follow_up,
            due_on=due_on,
            proposed_field=proposed_field,
            proposed_value=proposed_value,
        ),
        by,
    )


@transaction.atomic
def finding_close(
    *, by: User, finding: Finding, closed_on: dt.date | None = None, follow_up: str | None = None
) -> Finding:
    require_write(by, finding.visit.fund.area_id)
    finding.closed_on = closed_on or timezone.localdate()
    if follow_up is not None:
        finding.follow_up = follow_up
    return validated_save(finding, by)


@transaction.atomic
def finding_settle(*, by: User, finding: Finding, reason: str = "") -> Finding:
    """Apply a finding's proposed correction to the registry through the settle step."""
    if not finding.proposed_field:
        raise WelfareError.NO_CORRECTION_PROPOSED.error(None)
    if finding.settlement_id:
        raise WelfareError.CORRECTION_SETTLED.error(None)
    reason = reason.strip() or _("Audit visit finding: %(text)s") % {"text": finding.text[:200]}
    finding.settlement = settle(
        by=by,
        fund=finding.visit.fund,
        field=finding.proposed_field,
        value=finding.proposed_value,
        reason=reason,
    )
    return validated_save(finding, by)
