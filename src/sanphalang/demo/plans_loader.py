"""Load the demo's plans through the plans services (idempotent: each record is found by its natural key — a plan by
its area or region, year and name; projects and targets by their external ids; entries by target, area and
period; charters by subdistrict and name; a registration by what registers and under which law)."""

from decimal import Decimal

from django.core.files.base import ContentFile

from sanphalang.areas.models import Area, Region
from sanphalang.directory.models import IssueArea, Person
from sanphalang.meetings.models import Body, Meeting
from sanphalang.meetings.services.bodies import body_create
from sanphalang.meetings.services.meetings import attendance_record, meeting_create
from sanphalang.plans.models import (
    Agreement,
    Charter,
    EntryStatus,
    Indicator,
    Measure,
    NationalStrategy,
    PeriodLock,
    Plan,
    ProgressEntry,
    Project,
    Registration,
)
from sanphalang.plans.services.agreements import agreement_create, document_add, party_add, signatory_add
from sanphalang.plans.services.plans import main_work_add, plan_create
from sanphalang.plans.services.progress import period_approve, progress_return, progress_submit
from sanphalang.plans.services.projects import budget_line_add, project_create
from sanphalang.plans.services.stages import charter_create, registration_create, stage_record
from sanphalang.plans.services.targets import indicator_create, target_splits_set

from . import data
from . import plans_data as spec


def _person(key: str) -> Person:
    _key, _title, first_name, last_name, area, _positions = next(p for p in data.PEOPLE if p[0] == key)
    return Person.objects.get(first_name=first_name, last_name=last_name, area_id=area)


def _issue_area_ids(pairs) -> list[int]:
    """(province code or None, slug) → the issue areas' ids."""
    return [IssueArea.objects.get(province_id=province, slug=slug).pk for province, slug in pairs]


def _plan(by, *, title: str, year_be: int, area_code=None, region_slug=None, **fields) -> Plan:
    owner = {"area_id": area_code} if area_code else {"region__slug": region_slug}
    found = Plan.objects.filter(title=title, year_be=year_be, **owner).first()
    if found:
        return found
    return plan_create(
        by=by,
        title=title,
        year_be=year_be,
        area_code=area_code,
        region_slug=region_slug,
        status="adopted",
        **fields,
    )


def _indicator(by, plan: Plan, external_id: str, **fields) -> Indicator:
    found = Indicator.objects.filter(plan=plan, external_id=external_id).first()
    if found:
        return found
    return indicator_create(by=by, plan=plan, external_id=external_id, **fields)


def _split(by, indicator: Indicator, parts: dict[str, int]) -> None:
    wanted = {code: Decimal(value) for code, value in parts.items()}
    if dict(indicator.splits.values_list("area_id", "target")) != wanted:
        target_splits_set(by=by, indicator=indicator, splits=wanted)


def _entry(
    by, indicator: Indicator, area_code: str, period, value, note: str = "", meeting=None
) -> ProgressEntry:
    """An area's entry for a period, submitted once: a value, or (value, out of) for a percentage."""
    found = ProgressEntry.objects.filter(indicator=indicator, area_id=area_code, period_start=period).first()
    if found:
        return found
    value, denominator = value if isinstance(value, tuple) else (value, None)
    return progress_submit(
        by=by,
        indicator=indicator,
        area_code=area_code,
        period_start=period,
        value=Decimal(value),
        denominator=Decimal(denominator) if denominator is not None else None,
        note=note,
        evidence_meeting=meeting,
    )


def _approve(by, plan: Plan, period) -> None:
    if not PeriodLock.objects.filter(plan=plan, period_start=period, reopened_at__isnull=True).exists():
        period_approve(by=by, plan=plan, period_start=period)


# ---- S7: Phayao


def _phayao_forum(by, organisations) -> Meeting:
    forum = spec.PHAYAO_FORUM
    name_th, name_en, org_key = forum["body"]
    body = Body.objects.filter(area_id="56", name_th=name_th).first() or body_create(
        by=by,
        name_th=name_th,
        name_en=name_en,
        area_code="56",
        kind="forum",
        organisation=organisations[org_key],
    )
    meeting = Meeting.objects.filter(body=body, held_on=forum["held_on"]).first()
    if meeting:
        return meeting
    meeting = meeting_create(
        by=by,
        body=body,
        held_on=forum["held_on"],
        title=forum["title"],
        venue=forum["venue"],
        chair=_person(forum["chair"]),
        chair_title=forum["chair_title"],
        minutes=forum["minutes"],
        status="held",
    )
    for key in forum["attending_organisations"]:
        attendance_record(by=by, meeting=meeting, organisation=organisations[key])
    return meeting


def _phayao_agreement(by, organisations, plan: Plan, forum: Meeting) -> Agreement:
    fields = spec.PHAYAO_AGREEMENT
    agreement = Agreement.objects.filter(area_id="56", title=fields["title"]).first()
    if agreement is None:
        agreement = agreement_create(
            by=by,
            title=fields["title"],
            kind=fields["kind"],
            plan=plan,
            area_code="56",
            signed_on=fields["signed_on"],
            venue=fields["venue"],
            meeting=forum,
            purpose=fields["purpose"],
        )
    for key, commitment, signatories in spec.PHAYAO_PARTIES:
        party = agreement.parties.filter(organisation=organisations[key]).first()
        if party is None:
            party = party_add(
                by=by, agreement=agreement, organisation=organisations[key], commitment=commitment
            )
        for person_key, position in signatories:
            person = _person(person_key)
            if not party.signatories.filter(person=person).exists():
                signatory_add(by=by, party=party, person=person, position=position)
    title, filename = fields["document"]
    if not agreement.documents.filter(title=title).exists():
        document_add(
            by=by,
            agreement=agreement,
            title=title,
            file=ContentFile(spec.demo_document(title), name=filename),
        )
    return agreement


def _phayao_project(by, organisations, plan: Plan, agreement: Agreement, project_spec: dict) -> list:
    project = Project.objects.filter(plan=plan, external_id=project_spec["code"]).first()
    if project is None:
        start, end = plan.starts_on, plan.ends_on
        project = project_create(
            by=by,
            plan=plan,
            agreement=agreement,
            external_id=project_spec["code"],
            name=project_spec["name"],
            main_work=plan.main_works.get(number=project_spec["main_work"]),
            owner=organisations[project_spec["owner"]],
            partners=[organisations[key] for key in project_spec["partners"]],
            areas=list(Area.objects.filter(code__in=spec.PHAYAO_DISTRICTS)),
            issue_areas=list(IssueArea.objects.filter(province=None, slug__in=project_spec["issue_areas"])),
            starts_on=start,
            ends_on=end,
            status="running",
        )
        for source, funder, amount, note in project_spec["budget"]:
            budget_line_add(
                by=by,
                project=project,
                source=source,
                amount=amount,
                funder=organisations[funder] if funder else None,
                year_be=plan.year_be,
                note=note,
            )
    targets = []
    for order, (code, name, measure, unit, accumulates, baseline, target, entries) in enumerate(
        project_spec["targets"], start=1
    ):
        indicator = _indicator(
            by,
            plan,
            code,
            name=name,
            project=project,
            main_work=project.main_work,
            measure=Measure.objects.get(slug=measure) if measure else None,
            unit=unit,
            accumulates=accumulates,
            baseline=baseline,
            target=target,
            order=int(project_spec["code"][-2:]) * 10 + order,
        )
        if code in spec.PHAYAO_SPLITS:
            _split(by, indicator, spec.PHAYAO_SPLITS[code])
        targets.append((indicator, entries))
    return targets


def load_phayao(by, organisations) -> Plan:
    """S7: the people's agenda of fiscal 2565, its MOU of 27 January 2565, four projects with their targets, and
    progress: the first two quarters approved and locked, the third partly reported and one entry returned."""
    forum = _phayao_forum(by, organisations)
    fields = spec.PHAYAO_PLAN
    plan = _plan(
        by,
        title=fields["title"],
        area_code=fields["area_code"],
        year_be=fields["year_be"],
        vision=fields["vision"],
        summary=fields["summary"],
        adopted_on=fields["adopted_on"],
        meeting=forum,
        issue_area_ids=_issue_area_ids(fields["issue_areas"]),
    )
    strategies = dict(NationalStrategy.objects.values_list("number", "pk"))
    for number, title, issues, strategy_numbers in spec.PHAYAO_MAIN_WORKS:
        if not plan.main_works.filter(number=number).exists():
            main_work_add(
                by=by,
                plan=plan,
                number=number,
                title=title,
                issue_area_ids=_issue_area_ids((None, slug) for slug in issues),
                strategy_ids=[strategies[n] for n in strategy_numbers],
            )
    agreement = _phayao_agreement(by, organisations, plan, forum)
    targets = []
    for project_spec in spec.PHAYAO_PROJECTS:
        targets += _phayao_project(by, organisations, plan, agreement, project_spec)
    for period in spec.PHAYAO_APPROVED_QUARTERS:
        for indicator, entries in targets:
            # The forum of 27 January 2565 is the evidence of the quarter it was held in.
            evidence = forum if (indicator.external_id, period) == spec.PHAYAO_FORUM_EVIDENCE else None
            for code, value in entries.get(period, {}).items():
                _entry(
                    by, indicator, code, period, value, note="รายงานผลการดำเนินงานรายไตรมาส", meeting=evidence
                )
        _approve(by, plan, period)
    waiting = spec.PHAYAO_WAITING_QUARTER
    for indicator, entries in targets:
        for code, value in entries.get(waiting, {}).items():
            entry = _entry(by, indicator, code, waiting, value, note="รายงานผลการดำเนินงานไตรมาส 3")
            if (
                indicator.external_id,
                code,
            ) == spec.HOUSING_Q3_RETURNED and entry.status == EntryStatus.SUBMITTED:
                progress_return(by=by, entry=entry, reason=spec.HOUSING_RETURN_REASON)
    return plan


# ---- S4: Chumphon


def load_chumphon(by, organisations) -> Plan:
    """S4: the plan of fiscal 2562 whose target counts tambons with an enacted charter (11), and the 11 charters:
    5 enacted, 2 in public hearing, the rest being drafted."""
    fields = spec.CHUMPHON_PLAN
    plan = _plan(
        by,
        title=fields["title"],
        area_code=fields["area_code"],
        year_be=fields["year_be"],
        vision=fields["vision"],
        summary=fields["summary"],
        adopted_on=fields["adopted_on"],
        issue_area_ids=_issue_area_ids(fields["issue_areas"]),
    )
    code, name, measure, target = fields["target"]
    indicator = _indicator(
        by, plan, code, name=name, measure=Measure.objects.get(slug=measure), target=target
    )
    per_district: dict[str, int] = {}
    for subdistrict, _tambon, _stages in spec.CHUMPHON_CHARTERS:
        per_district[subdistrict[:4]] = per_district.get(subdistrict[:4], 0) + 1
    _split(by, indicator, per_district)
    for subdistrict, tambon, stages in spec.CHUMPHON_CHARTERS:
        title = f"ธรรมนูญตำบล{tambon}"
        charter = Charter.objects.filter(area_id=subdistrict, title=title).first()
        if charter is None:
            charter = charter_create(
                by=by,
                area_code=subdistrict,
                title=title,
                adopted_by=organisations[f"cp-council-{subdistrict}"],
            )
        reached = set(charter.events.values_list("stage", flat=True))
        for stage, day in stages:
            if stage in reached:
                continue
            document = None
            if stage in ("hearing", "enacted"):
                label = f"{'ร่าง' if stage == 'hearing' else ''}{title}"
                document = ContentFile(spec.demo_document(label), name=f"charter-{subdistrict}-{stage}.txt")
            charter = Charter.objects.get(pk=charter.pk)  # each stage moves the record's version on
            stage_record(
                by=by,
                record=charter,
                stage=stage,
                happened_on=day,
                note=spec.CHARTER_NOTES[stage],
                document=document,
            )
    return plan


# ---- S10: Chiang Rai


def load_chiangrai_registration(by, organisations) -> Registration:
    """S10: the welfare network's registration with พมจ.เชียงราย, from its bylaws to the authority's review."""
    fields = spec.CHIANGRAI_REGISTRATION
    network = organisations[fields["organisation"]]
    registration = Registration.objects.filter(organisation=network, law=fields["law"]).first()
    if registration is None:
        registration = registration_create(
            by=by,
            organisation=network,
            law=fields["law"],
            authority=organisations[fields["authority"]],
            note=fields["note"],
        )
    reached = set(registration.events.values_list("stage", flat=True))
    for stage, day, note, title, filename in fields["steps"]:
        if stage in reached:
            continue
        registration = Registration.objects.get(pk=registration.pk)
        stage_record(
            by=by,
            record=registration,
            stage=stage,
            happened_on=day,
            note=note,
            document=ContentFile(spec.demo_document(title), name=filename),
            document_title=title,
        )
    return registration


# ---- S14: the Bangkok region


def load_region(by) -> list[Plan]:
    """S14: the region's plans of fiscal 2561 and 2562, one target per common measure split over its provinces,
    with each province's figure of the year, approved."""
    region = Region.objects.get(slug=spec.REGION_SLUG)
    measures = {measure.slug: measure for measure in Measure.objects.filter(slug__in=spec.REGION_FIGURES)}
    plans = []
    for year, period in spec.REGION_YEARS.items():
        plan = _plan(
            by,
            title=spec.REGION_PLAN_TITLE.format(year=year),
            region_slug=region.slug,
            year_be=year,
            period_kind="year",
            summary=spec.REGION_PLAN_SUMMARY,
        )
        for order, (slug, name, accumulates) in enumerate(spec.REGION_MEASURES, start=1):
            figures = spec.REGION_FIGURES[slug][year]
            indicator = _indicator(
                by,
                plan,
                f"BKK{year % 100}-{order}",
                name=name,
                measure=measures[slug],
                accumulates=accumulates,
                target=Decimal(sum(target for target, _value in figures.values())),
                order=order,
            )
            _split(by, indicator, {code: target for code, (target, _value) in figures.items()})
            for code, (_target, value) in figures.items():
                _entry(by, indicator, code, period, value, note="สรุปผลการดำเนินงานรายจังหวัดประจำปี")
        _approve(by, plan, period)
        plans.append(plan)
    return plans


def load_plans(by, organisations: dict) -> dict:
    phayao = load_phayao(by, organisations)
    chumphon = load_chumphon(by, organisations)
    registration = load_chiangrai_registration(by, organisations)
    region_plans = load_region(by)
    return {
        "plans": Plan.objects.filter(pk__in=[phayao.pk, chumphon.pk, *(p.pk for p in region_plans)]).count(),
        "entries": ProgressEntry.objects.filter(indicator__plan__in=[phayao, *region_plans]).count(),
        "charters": Charter.objects.filter(area__code__startswith="86").count(),
        "registration_stage": registration.stage,
    }
