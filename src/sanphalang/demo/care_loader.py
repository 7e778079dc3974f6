"""Load the demo's people in care (care_data.py) with bulk inserts, keeping every rule the care services keep: a
member's and a case's area is their household's, national IDs are stored only encrypted and hashed, the next
follow-up is the earliest one not done, plans and closures are approved by a second person, and the fund's ledger
is numbered 1..n with its running balance, never below zero, the fund's balance its sum.

Loading twice changes nothing: the Chumphon social fund is the mark that the records are there."""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.care.models import (
    AffectedHousehold,
    Case,
    CaseOutcome,
    CasePlanStatus,
    CaseStatus,
    Disability,
    FollowUp,
    FundDecision,
    FundRequest,
    Help,
    HelpKind,
    Household,
    HousingProgramme,
    HousingStatus,
    HousingWork,
    Incident,
    IncomeBand,
    LegalStatus,
    LegalStatusCase,
    LegalStatusEvent,
    Member,
    NoNationalIdReason,
    Referral,
    ReferralStatus,
    RequestStatus,
    RiskArea,
    ServiceOutcome,
    SocialFund,
)
from sanphalang.care.protection import national_id_columns
from sanphalang.directory.models import Organisation
from sanphalang.plans.models import Project

from . import care_data as spec
from . import data, plans_data
from .care_records import Ledger, NationalIds, household_search_key, member_keys, write_ledger

User = get_user_model()
SEED = 8601
# What a case's page shows, in turn over the Chumphon households: every status, and follow-ups due this week, overdue
# or not yet planned.
SCENARIOS = ("due_this_week", "overdue", "plan_submitted", "closing", "closed", "plan_returned", "new")
REFERRALS = (  # (agency key, status, outcome) in turn over every other Chumphon case
    ("cp-msdhs", ReferralStatus.IN_PROGRESS, ""),
    ("cp-hospital", ReferralStatus.ACCEPTED, ""),
    ("cp-sao-nakha", ReferralStatus.DONE, ServiceOutcome.GIVEN),
    ("cp-msdhs", ReferralStatus.REJECTED, ""),
    ("cp-hospital", ReferralStatus.DONE, ServiceOutcome.CLIENT_REFUSED),
    ("cp-msdhs", ReferralStatus.REVOKED, ""),
    ("cp-msdhs", ReferralStatus.ACCEPTED, ""),
)
HELP = {  # a case kind's help in kind: (kind, what, value, giver key)
    "elderly_alone": (HelpKind.IN_KIND, "ถุงยังชีพและนมสำหรับผู้สูงอายุ", Decimal("600"), "cp-centre"),
    "bedridden": (HelpKind.IN_KIND, "ผ้าอ้อมผู้ใหญ่และแผ่นรองซับ 2 ลัง", Decimal("1200"), "cp-volunteers"),
    "disability": (HelpKind.ADVICE, "พาไปจดทะเบียนคนพิการที่ พมจ.", None, "cp-volunteers"),
    "poverty": (HelpKind.IN_KIND, "ข้าวสาร 25 กิโลกรัมและอาหารแห้ง", Decimal("800"), "cp-centre"),
    "disaster": (HelpKind.IN_KIND, "ถุงยังชีพผู้ประสบอุทกภัย", Decimal("500"), "cp-centre"),
    "housing": (HelpKind.REPAIR, "เปลี่ยนหลังคาสังกะสีโดยจิตอาสา", Decimal("9500"), "cp-sao-nakha"),
    "stateless": (HelpKind.ADVICE, "พาไปยื่นคำร้องและเตรียมพยานบุคคล", None, "cp-centre"),
}


def _organisations() -> dict[str, Organisation]:
    wanted = {row[0]: (row[5], row[2]) for row in data.ORGANISATIONS}
    return {key: Organisation.objects.get(area_id=area, name_th=name) for key, (area, name) in wanted.items()}


class _Builder:
    """The records to write, as unsaved model instances linked to each other, in the order they are written."""

    def __init__(self, today: dt.date, by, users: dict, organisations: dict):
        self.today, self.by, self.users, self.orgs = today, by, users, organisations
        self.rng = random.Random(SEED)
        self.ids = NationalIds(offset=SEED)
        self.households: list[Household] = []
        self.members: list[Member] = []
        self.cases: list[Case] = []
        self.follow_ups: list[FollowUp] = []
        self.referrals: list[Referral] = []
        self.help: list[Help] = []
        self.status_cases: list[LegalStatusCase] = []
        self.status_events: list[LegalStatusEvent] = []
        self.housing: list[HousingWork] = []

    def ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)

    def worker(self, area_code: str):
        username = spec.DISTRICT_WORKERS.get(area_code[:4]) or spec.PROVINCE_WORKERS[area_code[:2]]
        return self.users[username]

    def second_person(self, worker):
        """Who approves the plans and closures the worker asks for."""
        return self.users.get(spec.APPROVERS.get(worker.username, ""), self.by)

    # ---- households and members

    def household(
        self, area: str, address: str, *, income=IncomeBand.LOW, worker=None, opened=None
    ) -> Household:
        number = f"{self.rng.randint(1, 199)}" + (
            f"/{self.rng.randint(1, 9)}" if self.rng.random() < 0.3 else ""
        )
        worker = worker or self.worker(area)
        household = Household(
            area_id=area,
            house_number=number,
            address=address,
            phone=f"08{self.rng.randint(0, 9)}-{self.rng.randint(0, 999):03d}-{self.rng.randint(0, 9999):04d}"
            if self.rng.random() < 0.7
            else "",
            income_band=income,
            purpose=spec.PURPOSE,
            consent_for_services=True,
            consent_for_sharing=self.rng.random() < 0.9,
            consent_on=opened or self.ago(self.rng.randint(30, 400)),
            registered_by=worker,
            search_key=household_search_key(number, address),
        )
        self.households.append(household)
        return household

    def member(
        self,
        household: Household,
        first_name: str,
        last_name: str,
        *,
        sex: str,
        born: int,
        relationship: str = "head",
        stateless: bool = False,
        **fields,
    ) -> Member:
        age = self.today.year - born
        if age < 15:
            title = "เด็กชาย" if sex == "male" else "เด็กหญิง"
        elif sex == "male":
            title = "นาย"
        else:
            title = "นาง" if relationship in ("head", "spouse", "parent") and age > 25 else "นางสาว"
        if self.rng.random() < 0.1:
            title = ""  # written without a title, as some registers are
        search_key, sort_key = member_keys(first_name, last_name)
        if stateless:
            identity = {
                **national_id_columns(""),
                "no_national_id_reason": fields.pop("no_national_id_reason", NoNationalIdReason.STATELESS),
                "legal_status": fields.pop("legal_status", LegalStatus.STATELESS),
            }
        else:
            identity = national_id_columns(self.ids.next("1" if born >= 1984 else "3"))
        member = Member(
            household=household,
            area_id=household.area_id,
            title=title,
            first_name=first_name,
            last_name=last_name,
            relationship=relationship,
            birth_year=born,
            sex=sex,
            search_key=search_key,
            sort_key=sort_key,
            **identity,
            **fields,
        )
        self.members.append(member)
        return member

    def adult(self, household, last_name, *, sex=None, born=None, relationship="head", **fields) -> Member:
        sex = sex or self.rng.choice(("male", "female"))
        names = spec.MALE_NAMES if sex == "male" else spec.FEMALE_NAMES
        born = born or self.rng.randint(1955, 1995)
        return self.member(
            household,
            self.rng.choice(names),
            last_name,
            sex=sex,
            born=born,
            relationship=relationship,
            **fields,
        )

    def child(self, household, last_name, *, relationship="child") -> Member:
        sex = self.rng.choice(("male", "female"))
        names = spec.CHILD_MALE_NAMES if sex == "male" else spec.CHILD_FEMALE_NAMES
        born = self.today.year - self.rng.randint(3, 17)
        return self.member(
            household, self.rng.choice(names), last_name, sex=sex, born=born, relationship=relationship
        )

    def chumphon_household(self, kind: str, area: str) -> tuple[Household, Member]:
        """A household of the kind, and the member its case is about."""
        last_name = self.rng.choice(spec.SURNAMES)
        income = (
            IncomeBand.BELOW_POVERTY_LINE if kind in ("poverty", "housing", "bedridden") else IncomeBand.LOW
        )
        household = self.household(area, spec.CHUMPHON_PLACES[area], income=income)
        if kind == "elderly_alone":
            person = self.adult(household, last_name, born=self.today.year - self.rng.randint(70, 88),
                                elderly_alone=True, chronic_illness=self.rng.choice(("", "ความดันโลหิตสูง", "เบาหวาน")))  # fmt: skip
            return household, person
        if kind == "bedridden":
            self.adult(household, last_name, born=self.rng.randint(1965, 1985))
            person = self.adult(household, last_name, born=self.today.year - self.rng.randint(68, 90),
                                relationship="parent", bedridden=True, chronic_illness="อัมพฤกษ์หลังเส้นเลือดในสมองแตก")  # fmt: skip
            return household, person
        head = self.adult(household, last_name, relationship="head")
        person = head
        if kind == "disability":
            person = self.adult(household, last_name, relationship="spouse", born=self.rng.randint(1960, 1990),
                                disability=self.rng.choice((Disability.PHYSICAL, Disability.VISUAL,
                                                            Disability.INTELLECTUAL)))  # fmt: skip
        for _ in range(self.rng.randint(1, 3) if kind != "disability" else 1):
            self.child(household, last_name)
        return household, person

    # ---- cases

    def case(self, household, member, kind: str, scenario: str, *, incident=None) -> Case:
        worker = self.worker(household.area_id)
        other = self.second_person(worker)
        opened = self.ago(3) if scenario == "new" else self.ago(self.rng.randint(60, 300))
        case = Case(
            household=household,
            member=member,
            area_id=household.area_id,
            kind=kind,
            summary=spec.CASE_SUMMARIES[kind],
            opened_on=opened,
            opened_by=worker,
            worker=worker,
            incident=incident,
        )
        if scenario != "new":
            case.plan = spec.PLANS[kind]
            case.plan_submitted_by = worker
            case.plan_status = {
                "plan_submitted": CasePlanStatus.SUBMITTED,
                "plan_returned": CasePlanStatus.RETURNED,
            }.get(scenario, CasePlanStatus.APPROVED)
            if case.plan_status != CasePlanStatus.SUBMITTED:
                case.plan_decided_by = other
                case.plan_decided_at = _at(opened + dt.timedelta(days=7))
            if case.plan_status == CasePlanStatus.RETURNED:
                case.plan_return_reason = "ระบุผู้รับผิดชอบและกำหนดเวลาของแต่ละกิจกรรมให้ชัดเจน"
        self.cases.append(case)
        self._follow_ups(case, scenario, worker)
        if scenario in ("closing", "closed"):
            case.outcome = (
                CaseOutcome.RESOLVED
                if scenario == "closing"
                else self.rng.choice((CaseOutcome.RESOLVED, CaseOutcome.REFERRED_ON, CaseOutcome.MOVED_AWAY))
            )
            case.outcome_note = "ได้รับความช่วยเหลือครบตามแผน ครอบครัวดูแลต่อได้"
            case.closure_requested_by = worker
            case.closure_requested_at = _at(self.ago(2 if scenario == "closing" else 45))
            case.status = CaseStatus.CLOSING
            if scenario == "closed":
                case.status = CaseStatus.CLOSED
                case.closure_approved_by = other
                case.closed_on = self.ago(40)
        return case

    def _follow_ups(self, case: Case, scenario: str, worker) -> None:
        """Done visits since the opening, then the ones still to do; the case keeps the earliest of those."""
        done_days = sorted({self.rng.randint(10, max(11, (self.today - case.opened_on).days - 1)) for _ in range(2)},
                           reverse=True) if scenario != "new" else []  # fmt: skip
        for days in done_days:
            self.follow_ups.append(
                FollowUp(case=case, due_on=self.ago(days), done_on=self.ago(days), done_by=worker,
                         note=self.rng.choice(spec.FOLLOW_UP_NOTES))
            )  # fmt: skip
        pending = {
            "due_this_week": [self.today + dt.timedelta(days=(6 - self.today.weekday()) // 2), self.ago(-30)],
            "overdue": [self.ago(9), self.ago(-21)],
            "plan_submitted": [self.ago(-5)],
            "plan_returned": [self.ago(-12)],
            "new": [self.ago(-1)],
        }.get(scenario, [])
        for due in pending:
            self.follow_ups.append(FollowUp(case=case, due_on=due))
        case.next_follow_up_on = min(pending) if pending else None

    def referral(self, case: Case, agency_key: str, status: str, outcome: str) -> None:
        sent = case.opened_on + dt.timedelta(days=5)
        answered = status in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.DONE)
        answerer = self.users["partner-chumphon"] if agency_key == "cp-msdhs" else case.worker
        self.referrals.append(
            Referral(
                case=case,
                agency=self.orgs[agency_key],
                reason=f"ขอความช่วยเหลือ: {spec.PLANS[case.kind]}",
                sent_on=sent,
                sent_by=case.worker,
                status=status,
                answered_on=sent + dt.timedelta(days=6) if answered else None,
                answered_by=answerer if answered else None,
                answer={ReferralStatus.REJECTED: "ไม่อยู่ในหลักเกณฑ์ ให้ส่งต่อ อบต. พิจารณา"}.get(
                    status, "รับเรื่องแล้ว จะลงพื้นที่ภายในสองสัปดาห์" if answered else ""
                ),
                outcome=outcome,
                done_on=sent + dt.timedelta(days=30) if status == ReferralStatus.DONE else None,
            )
        )
        if status != ReferralStatus.REVOKED:
            case.household.consent_for_sharing = True

    def help_in_kind(self, case: Case) -> None:
        kind, what, value, giver = HELP[case.kind]
        self.help.append(
            Help(case=case, kind=kind, description=what, amount=value, given_on=case.opened_on + dt.timedelta(days=4),
                 given_by_organisation=self.orgs[giver], incident=case.incident, recorded_by=case.worker)
        )  # fmt: skip

    # ---- legal status

    def stateless_family(self, area, address, people, agencies, last_names) -> None:
        household = self.household(area, address, income=IncomeBand.BELOW_POVERTY_LINE)
        last_name = self.rng.choice(last_names)
        head = None
        for first_name, sex, born, relationship, sought, steps in people:
            # Granted nationality, not yet in a house register: still no ID, for another reason.
            granted = steps[-1][0] == "granted"
            member = self.member(
                household, first_name, last_name, sex=sex, born=born, relationship=relationship, stateless=True,
                legal_status=LegalStatus.THAI if granted else LegalStatus.PENDING,
                no_national_id_reason=NoNationalIdReason.NOT_YET_REGISTERED if granted else NoNationalIdReason.STATELESS,
            )  # fmt: skip
            head = head or member
            status_case = LegalStatusCase(
                member=member,
                area_id=area,
                status_sought=sought,
                agency=agencies.get(steps[-1][0]),
                opened_on=self.ago(steps[0][1]),
                step=steps[-1][0],
                step_since=self.ago(steps[-1][1]),
                opened_by=self.worker(area),
                note="ติดตามกับนายทะเบียนอำเภอทุกเดือน",
            )
            self.status_cases.append(status_case)
            self.status_events += [
                LegalStatusEvent(
                    case=status_case, step=step, happened_on=self.ago(days), by=self.worker(area)
                )
                for step, days in steps
            ]
        case = self.case(household, head, "stateless", "due_this_week")
        self.help_in_kind(case)

    # ---- Phayao's housing repairs

    def phayao_housing(self, project: Project) -> None:
        subdistricts: dict[str, list[str]] = {}
        for code in (
            Area.objects.filter(level=AreaLevel.SUBDISTRICT, code__startswith="56")
            .values_list("code", flat=True)
            .order_by("code")
        ):
            subdistricts.setdefault(code[:4], []).append(code)
        names = dict(Area.objects.filter(code__startswith="56").values_list("code", "name_th"))
        for district, (q1, q2, q3) in sorted(plans_data.HOUSING_DONE.items()):
            completed, under_way = q1 + q2, q3 if q3 is not None else 6
            for index in range(completed + under_way):
                tambon = subdistricts[district][index % len(subdistricts[district])]
                address = f"หมู่ {index % 12 + 1} ต.{names[tambon]} อ.{names[district]} จ.พะเยา"
                household = self.household(tambon, address, income=IncomeBand.BELOW_POVERTY_LINE,
                                           worker=self.users["phayao"], opened=dt.date(2021, 11, 1))  # fmt: skip
                last_name = self.rng.choice(spec.NORTHERN_SURNAMES)
                self.adult(household, last_name, born=self.rng.randint(1945, 1985))
                if self.rng.random() < 0.6:
                    self.adult(household, last_name, relationship="spouse", born=self.rng.randint(1945, 1985))
                done = index < completed
                quarter = dt.date(2021, 10, 1) if index < q1 else dt.date(2022, 1, 1)
                started = (
                    quarter + dt.timedelta(days=self.rng.randint(0, 40)) if done else dt.date(2022, 4, 10)
                )
                self.housing.append(
                    HousingWork(
                        household=household,
                        area_id=tambon,
                        programme=HousingProgramme.RURAL_REPAIR,
                        project=project,
                        grant=spec.PHAYAO_GRANT,
                        work=self.rng.choice(spec.PHAYAO_WORKS),
                        status=HousingStatus.COMPLETED if done else HousingStatus.UNDER_WAY,
                        started_on=started,
                        completed_on=started + dt.timedelta(days=self.rng.randint(14, 45)) if done else None,
                        recorded_by=self.users["phayao"],
                    )
                )

    # ---- writing

    def write(self) -> None:
        Household.objects.bulk_create(self.households, batch_size=1000)
        for rows, model in (
            (self.members, Member),
            (self.cases, Case),
            (self.follow_ups, FollowUp),
            (self.referrals, Referral),
            (self.help, Help),
            (self.status_cases, LegalStatusCase),
            (self.status_events, LegalStatusEvent),
            (self.housing, HousingWork),
        ):
            model.objects.bulk_create(rows, batch_size=1000)
        # Consent to share given with a referral, after the household rows were built.
        Household.objects.bulk_update(self.households, ["consent_for_sharing"], batch_size=1000)


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _chumphon(builder: _Builder) -> dict[str, list[Case]]:
    """The coordination centre's households, each with a case; the cases by kind."""
    by_kind: dict[str, list[Case]] = {}
    index = 0
    for kind, count, places in spec.CHUMPHON_HOUSEHOLDS:
        for place in places[:count]:
            household, person = builder.chumphon_household(kind, place)
            case = builder.case(household, person, kind, SCENARIOS[index % len(SCENARIOS)])
            if index % 2 == 0:
                builder.referral(case, *REFERRALS[(index // 2) % len(REFERRALS)])
            builder.help_in_kind(case)
            by_kind.setdefault(kind, []).append(case)
            index += 1
    agencies = {"filed": builder.orgs["cp-thasae-district"], "district_review": builder.orgs["cp-thasae-district"],
                "province_review": builder.orgs["cp-governor-office"]}  # fmt: skip
    for area, address, people in spec.CHUMPHON_STATELESS:
        builder.stateless_family(area, address, people, agencies, spec.SURNAMES)
    return by_kind


def _risks(builder: _Builder, disaster_cases: list[Case]) -> tuple[int, int]:
    risk_areas = {
        area: RiskArea(area_id=area, hazard=hazard, season_starts=starts, season_ends=ends, households_at_risk=count,
                       note=note, listed_on=builder.ago(800))
        for area, hazard, starts, ends, count, note in spec.RISK_AREAS
    }  # fmt: skip
    RiskArea.objects.bulk_create(risk_areas.values())
    incidents = []
    for watched, hit, started, ended, description in spec.INCIDENTS:
        incident = Incident(risk_area=risk_areas[watched], area_id=hit, hazard=risk_areas[watched].hazard,
                            occurred_on=builder.ago(started), ended_on=builder.ago(ended), description=description,
                            recorded_by=builder.users["chumphon"])  # fmt: skip
        incidents.append(incident)
    Incident.objects.bulk_create(incidents)
    for case in disaster_cases:
        case.incident = next(i for i in incidents if case.area_id.startswith(i.area_id))
    for help_given in builder.help:
        help_given.incident = help_given.case.incident
    return len(risk_areas), len(incidents)


def _affected(builder: _Builder, disaster_cases: list[Case]) -> None:
    AffectedHousehold.objects.bulk_create(
        AffectedHousehold(incident=case.incident, household=case.household, damage=spec.DAMAGE[n % len(spec.DAMAGE)],
                          added_by=case.worker)
        for n, case in enumerate(disaster_cases)
    )  # fmt: skip


def _fund(builder: _Builder, by_kind: dict[str, list[Case]]) -> SocialFund:
    users, orgs = builder.users, builder.orgs
    fund = SocialFund.objects.create(
        area_id="86", name=spec.FUND_NAME, organisation=orgs[spec.FUND_ORGANISATION]
    )
    fund.committee.set([users[name] for name in spec.FUND_COMMITTEE])
    ledger = Ledger(fund)
    treasurer = users["cp-fund"]
    for kind, amount, days, donor_name, donor_key, note in spec.FUND_MONEY_IN:
        ledger.add(kind, amount, builder.ago(days), donor_name=donor_name,
                   donor_organisation=orgs[donor_key] if donor_key else None, note=note, recorded_by=treasurer)  # fmt: skip
    twice = ledger.entries[-1]
    ledger.reverse(
        twice, twice.entered_on + dt.timedelta(days=1), note=spec.FUND_REVERSAL_NOTE, recorded_by=treasurer
    )
    requester = users[spec.REQUESTER]
    taken: set[int] = set()
    decisions, payments = [], []
    for kind, amount, days, status, votes, purpose in spec.FUND_REQUESTS:
        case = next(c for c in by_kind[kind] if c.worker == requester and id(c) not in taken)
        taken.add(id(case))
        request = FundRequest(fund=fund, case=case, incident=case.incident, amount=amount, purpose=purpose,
                              requested_by=requester, requested_on=builder.ago(days), status=status,
                              decided_at=_at(builder.ago(days - 2)) if status != RequestStatus.PENDING else None)  # fmt: skip
        request.save()
        decisions += [
            FundDecision(request=request, by=users[name], approves=approves) for name, approves in votes
        ]
        if status == RequestStatus.PAID:
            payments.append((request, ledger.pay(request, builder.ago(days - 3), recorded_by=treasurer)))
    FundDecision.objects.bulk_create(decisions)
    write_ledger([ledger])
    Help.objects.bulk_create(
        Help(case=request.case, kind=HelpKind.MONEY, description=request.purpose, amount=request.amount,
             given_on=entry.entered_on, given_by_organisation=fund.organisation, incident=request.incident,
             fund_entry=entry, recorded_by=treasurer)
        for request, entry in payments
    )  # fmt: skip
    return fund


@transaction.atomic
def load_care(by) -> dict:
    """Write the demo's households, cases, fund, risk areas, legal status cases and housing works, once."""
    if SocialFund.objects.filter(area_id="86", name=spec.FUND_NAME).exists():
        return {"loaded": False}
    usernames = {*spec.DISTRICT_WORKERS.values(), *spec.PROVINCE_WORKERS.values(), *spec.FUND_COMMITTEE,
                 spec.REQUESTER, "partner-chumphon", "cp-fund"}  # fmt: skip
    users = {user.username: user for user in User.objects.filter(username__in=usernames)}
    builder = _Builder(timezone.localdate(), by, users, _organisations())
    by_kind = _chumphon(builder)
    risk_areas, incidents = _risks(builder, by_kind["disaster"])
    cr_agencies = {
        "district_review": builder.orgs["cr-maesai-district"],
        "filed": builder.orgs["cr-maesai-district"],
    }
    for area, address, people in spec.CHIANGRAI_STATELESS:
        builder.stateless_family(area, address, people, cr_agencies, spec.HILL_SURNAMES)
    project = Project.objects.get(plan__area_id="56", external_id=spec.PHAYAO_HOUSING_PROJECT)
    builder.phayao_housing(project)
    housing = next(c for c in builder.cases if c.kind == "housing")
    builder.housing.append(
        HousingWork(household=housing.household, area_id=housing.area_id, programme=HousingProgramme.RURAL_REPAIR,
                    grant=Decimal("15000"), work="เปลี่ยนหลังคาและเสริมโครงบ้าน", status=HousingStatus.UNDER_WAY,
                    started_on=builder.ago(20), recorded_by=housing.worker)
    )  # fmt: skip
    builder.write()
    _affected(builder, by_kind["disaster"])
    fund = _fund(builder, by_kind)
    return {
        "loaded": True,
        "households": len(builder.households),
        "members": len(builder.members),
        "cases": len(builder.cases),
        "risk_areas": risk_areas,
        "incidents": incidents,
        "fund_entries": fund.entry_count,
        "housing_works": len(builder.housing),
    }
