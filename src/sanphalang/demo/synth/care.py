"""Synthetic people in care: households of one to nine people in the villages (or, where none are listed, the
subdistricts) of every province, the elderly living alone, the bedridden, people with disabilities and, mostly along
the borders, stateless people; the cases of a household in four, with their follow-ups, referrals and help; legal
status cases step by step; housing repairs; each province's disaster-risk areas and the incidents that hit them;
and each province's social fund with a ledger that balances.

The big tables go out through rows.py; the rules the care services keep hold row by row: a member's, a case's and
a housing work's area is the household's, the next follow-up is the earliest not done, a plan or a closure is
approved by someone other than who asked, every national ID is distinct, stored only encrypted and hashed, and a
fund's ledger is numbered 1..n with its running balance, never below zero."""

import datetime as dt
from bisect import bisect
from decimal import Decimal
from itertools import accumulate
from zoneinfo import ZoneInfo

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.care.models import (
    AffectedHousehold,
    Case,
    EntryKind,
    FollowUp,
    FundDecision,
    FundRequest,
    Help,
    Household,
    HousingWork,
    Incident,
    LegalStatusCase,
    LegalStatusEvent,
    Member,
    Referral,
    RiskArea,
    SocialFund,
)
from sanphalang.care.protection import national_id_columns
from sanphalang.demo import care_data
from sanphalang.demo.care_records import (
    Ledger,
    NationalIds,
    compact_part,
    member_keys,
    write_ledger,
)
from sanphalang.plans.models import Project
from sanphalang.thai.digits import to_thai_digits

from .accounts import USERNAME_PREFIX
from .context import SynthContext
from .meetings import AS_OF
from .names import _lists
from .rows import Rows, db_datetime, indexes_dropped, reset_sequences

BANGKOK = ZoneInfo("Asia/Bangkok")
AS_OF_MOMENT = dt.datetime.combine(AS_OF, dt.time(17, 0), tzinfo=BANGKOK)
BORDER_PROVINCES = {"57", "63", "58", "71", "85"}  # Chiang Rai, Tak, Mae Hong Son, Kanchanaburi, Ranong
STATELESS_FAMILY_RATE = {True: 0.2, False: 0.005}  # households of stateless people, along the borders or not
HOUSEHOLD_SIZES = (1, 2, 3, 4, 5, 6, 7, 8, 9)
SIZE_WEIGHTS = (16, 24, 24, 18, 10, 4.5, 2, 1, 0.5)
ELDERLY_ALONE_SHARE = 0.5  # of the households of one person
CASE_RATE = {True: 0.6, False: 0.12}  # for a household with a vulnerable member, and for another
CLOSED_SHARE = 1 / 3
REFERRAL_RATE = 0.3
HELP_RATE = 0.6
LEGAL_CASE_RATE = 0.5  # of the stateless and those seeking a status
AFFECTED_RATE = 0.5  # of the households of a subdistrict an incident hit
REPAIR_RATE, SECURE_HOUSING_RATE = 0.012, 0.003
REQUESTS_PER_CASE = 0.004  # fund requests per case of the province, at least a few
TITLE_LESS_RATE = 0.15
SPELLING_RATE = 0.03
THAI_DIGITS_RATE = 0.06
# Spellings that registers write both ways.
SPELLINGS = (("ศรี", "ศรีย์"), ("ทร์", "ทร"), ("ย์", ""), ("ษ", "ส"), ("ณ", "น"), ("รัตน์", "รัตน"))
DISABILITIES = ("physical", "physical", "visual", "hearing", "intellectual", "mental", "autism", "multiple")
ILLNESSES = ("ความดันโลหิตสูง", "เบาหวาน", "ไตวายเรื้อรัง", "โรคหัวใจ", "อัมพฤกษ์", "ข้อเข่าเสื่อม")
CASE_KINDS = (("poverty", 45), ("health", 20), ("housing", 15), ("other", 10), ("disaster", 10))
PLAN_STATUSES = (("none", 25), ("submitted", 15), ("approved", 50), ("returned", 10))
OUTCOMES = ("resolved", "resolved", "resolved", "referred_on", "moved_away", "died", "declined", "not_needed",
            "could_not_contact")  # fmt: skip
REFERRAL_STATUSES = (("in_progress", 25), ("accepted", 25), ("rejected", 8), ("revoked", 5), ("done", 37))
SERVICE_OUTCOMES = ("given", "given", "given", "given", "client_refused", "no_capacity", "not_needed",
                    "could_not_contact")  # fmt: skip
HELP_KINDS = (("in_kind", "ถุงยังชีพและอาหารแห้ง"), ("in_kind", "ผ้าอ้อมผู้ใหญ่และของใช้จำเป็น"),
              ("repair", "ซ่อมหลังคาและพื้นบ้าน"), ("advice", "ให้คำปรึกษาและพาไปติดต่อหน่วยงาน"),
              ("referral", "ประสานส่งต่อหน่วยบริการสุขภาพ"), ("other", "ทุนการศึกษาบุตร"))  # fmt: skip
STATUS_PATH = ("facts_gathered", "documents_gathered", "witnesses_heard", "dna_tested", "filed", "district_review",
               "province_review", "ministry_review")  # fmt: skip
FINAL = (("granted", 60), ("refused", 25), ("withdrawn", 15))
SOUGHT = (("birth_registration", 20), ("house_register", 15), ("status_card", 35), ("thai_nationality", 25),
          ("permanent_residence", 3), ("other", 2))  # fmt: skip
HOUSING_STATUSES = (("completed", 55), ("under_way", 25), ("planned", 15), ("cancelled", 5))
# Hazards by the first digit of the province code (its region): (hazard, season from, to)
HAZARDS = {
    "1": (("flood", 9, 11), ("drought", 3, 5), ("storm", 5, 6)),
    "2": (("flood", 9, 11), ("storm", 5, 6), ("drought", 3, 5)),
    "3": (("drought", 2, 5), ("flood", 8, 10), ("storm", 4, 5)),
    "4": (("drought", 2, 5), ("flood", 8, 10), ("storm", 4, 5)),
    "5": (("forest_fire", 2, 4), ("flash_flood", 8, 9), ("landslide", 8, 9)),
    "6": (("flood", 8, 10), ("drought", 2, 5), ("forest_fire", 2, 4)),
    "7": (("flash_flood", 8, 10), ("flood", 9, 11), ("forest_fire", 2, 4)),
    "8": (("flood", 11, 1), ("storm", 10, 12), ("landslide", 11, 1)),
    "9": (("flood", 11, 1), ("storm", 10, 12), ("landslide", 11, 1)),
}
FIRST_CASE_DAY = dt.date(2022, 10, 1)
REQUEST_STATUSES = (("paid", 55), ("approved", 10), ("pending", 15), ("rejected", 12), ("withdrawn", 8))
REQUEST_PURPOSES = ("ค่าครองชีพและค่าใช้จ่ายจำเป็นของครัวเรือน", "ค่าเดินทางไปรักษาพยาบาล", "ค่าซ่อมแซมบ้าน",
                    "ค่าอุปกรณ์ผู้ป่วยติดเตียง", "ค่าใช้จ่ายหลังประสบภัย")  # fmt: skip
DONORS = ("วัดประจำตำบล", "ผู้มีจิตศรัทธา", "ผ้าป่าสามัคคี", "บริษัทเอกชนในจังหวัด", "ชมรมผู้สูงอายุ")

HOUSEHOLD_FIELDS = ("version", "area_id", "house_number", "address", "phone", "income_band", "purpose",
                    "legal_basis", "consent_for_services", "consent_for_sharing", "consent_on", "registered_by_id",
                    "search_key", "registered_at")  # fmt: skip
# The local hours households are registered at: the early ones fall on the day before in UTC.
REGISTRATION_HOURS = (6, 8, 9, 9, 10, 10, 11, 13, 14, 15, 16, 19)
INCIDENT_YEARS = (2023, 2024, 2025, 2026)
INCIDENT_RATE = 0.3  # of a watch-list entry, each year in its season
MEMBER_FIELDS = ("household_id", "area_id", "title", "first_name", "last_name", "relationship", "birth_year", "sex",
                 "phone", "national_id_token", "national_id_lookup", "national_id_last_four", "no_national_id_reason",
                 "legal_status", "disability", "chronic_illness", "bedridden", "elderly_alone", "search_key",
                 "sort_key")  # fmt: skip
CASE_FIELDS = ("household_id", "member_id", "area_id", "kind", "summary", "status", "opened_on", "opened_by_id",
               "worker_id", "incident_id", "plan", "plan_status", "plan_submitted_by_id", "plan_decided_by_id",
               "plan_decided_at", "plan_return_reason", "next_follow_up_on", "outcome", "outcome_note",
               "closure_requested_by_id", "closure_requested_at", "closure_approved_by_id", "closed_on")  # fmt: skip
FOLLOW_UP_FIELDS = ("case_id", "due_on", "done_on", "note", "done_by_id")
REFERRAL_FIELDS = ("case_id", "agency_id", "reason", "sent_on", "sent_by_id", "status", "answered_on",
                   "answered_by_id", "answer", "outcome", "done_on")  # fmt: skip
HELP_FIELDS = ("case_id", "kind", "description", "amount", "given_on", "given_by_organisation_id", "incident_id",
               "fund_entry_id", "recorded_by_id")  # fmt: skip
STATUS_CASE_FIELDS = ("member_id", "area_id", "status_sought", "agency_id", "opened_on", "step", "step_since",
                      "opened_by_id")  # fmt: skip
STATUS_EVENT_FIELDS = ("case_id", "step", "happened_on", "by_id")
HOUSING_FIELDS = ("household_id", "area_id", "programme", "project_id", "grant", "work", "status", "started_on",
                  "completed_on", "recorded_by_id")  # fmt: skip
AFFECTED_FIELDS = ("incident_id", "household_id", "damage", "added_by_id")


def _weighted(pairs):
    """A draw from (value, weight) pairs, by one random number: faster than rng.choices for millions of draws."""
    values = [value for value, _weight in pairs]
    cumulative = list(accumulate(weight for _value, weight in pairs))
    total = cumulative[-1]
    return lambda rng: values[bisect(cumulative, rng.random() * total)]


_size = _weighted(list(zip(HOUSEHOLD_SIZES, SIZE_WEIGHTS, strict=True)))
_case_kind = _weighted(CASE_KINDS)
_plan_status = _weighted(PLAN_STATUSES)
_referral_status = _weighted(REFERRAL_STATUSES)
_final_step = _weighted(FINAL)
_sought = _weighted(SOUGHT)
_housing_status = _weighted(HOUSING_STATUSES)
_request_status = _weighted(REQUEST_STATUSES)


def _days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


class _Writers:
    def __init__(self, ctx: SynthContext):
        def rows(model, fields):
            return Rows(ctx, model, fields, as_of=AS_OF_MOMENT, on_full=self.flush)

        self.households = rows(Household, HOUSEHOLD_FIELDS)
        self.members = rows(Member, MEMBER_FIELDS)
        self.cases = rows(Case, CASE_FIELDS)
        self.follow_ups = rows(FollowUp, FOLLOW_UP_FIELDS)
        self.referrals = rows(Referral, REFERRAL_FIELDS)
        self.help = rows(Help, HELP_FIELDS)
        self.status_cases = rows(LegalStatusCase, STATUS_CASE_FIELDS)
        self.status_events = rows(LegalStatusEvent, STATUS_EVENT_FIELDS)
        self.housing = rows(HousingWork, HOUSING_FIELDS)
        self.affected = rows(AffectedHousehold, AFFECTED_FIELDS)

    def all(self) -> list[Rows]:
        """In the order they are written: a table after those it points at."""
        return list(vars(self).values())

    def flush(self) -> None:
        for writer in self.all():
            writer.flush()


class _Names:
    """Names as registers write them: with or without a title, now and then spelt another way."""

    def __init__(self):
        self.male, self.female, self.family = _lists()

    def first(self, rng, sex: str) -> str:
        name = rng.choice(self.male if sex == "male" else self.female)
        return _respelt(rng, name)

    def last(self, rng) -> str:
        return _respelt(rng, rng.choice(self.family))


def _respelt(rng, name: str) -> str:
    if rng.random() >= SPELLING_RATE:
        return name
    for written, other in SPELLINGS:
        if written in name:
            return name.replace(written, other, 1) or name
    return name


def _title(rng, sex: str, age: int, married: bool) -> str:
    if rng.random() < TITLE_LESS_RATE:
        return ""
    short = rng.random() < 0.15
    if age < 15:
        if sex == "male":
            return "ด.ช." if short else "เด็กชาย"
        return "ด.ญ." if short else "เด็กหญิง"
    if sex == "male":
        return "นาย"
    if married:
        return "นาง"
    return "น.ส." if short else "นางสาว"


class _Province:
    """One province's records, generated and written before the next province's."""

    def __init__(self, builder: "_Builder", code: str, subdistricts: list[Area], villages: dict):
        self.b, self.code = builder, code
        self.rng = builder.ctx.rng(f"care:{code}")
        self.subdistricts, self.villages = subdistricts, villages
        self.orgs = builder.ctx.made["province_organisations"][code]
        users = builder.users
        self.coordinator = users.get(f"{USERNAME_PREFIX}p{code}", builder.ctx.by.pk)
        self.partner = users.get(f"{USERNAME_PREFIX}partner{code}")
        self.district_users = {
            name.removeprefix(f"{USERNAME_PREFIX}d"): pk
            for name, pk in users.items()
            if name.startswith(f"{USERNAME_PREFIX}d{code}")
        }
        self.cases: list[tuple[int, int, str, dt.date]] = []  # (case id, worker, area, opened on)
        self.hit: set[int] = set()  # the incidents that have a household among those they hit
        self.border = code in BORDER_PROVINCES
        project = (
            Project.objects.filter(area__code__startswith=code, name__startswith="โครงการบ้านพอเพียง")
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        self.repair_project = project

    def worker(self, area: str) -> int:
        return self.district_users.get(area[:4], self.coordinator)

    def second(self, worker: int) -> int:
        if worker != self.coordinator:
            return self.coordinator
        return next(iter(self.district_users.values()), self.b.ctx.by.pk)

    # ---- households

    def households(self, count: int, incidents: dict[str, list[int]]) -> None:
        rng = self.rng
        weights = [rng.lognormvariate(0, 0.6) for _ in self.subdistricts]
        total = sum(weights)
        for subdistrict, weight in zip(self.subdistricts, weights, strict=True):
            share = count * weight / total
            here = int(share) + (rng.random() < share - int(share))
            places = self.villages.get(subdistrict.code) or [(subdistrict.code, None, "")]
            for _ in range(here):
                area, moo, village = rng.choice(places)
                self.household(
                    subdistrict, area, moo, village, incidents.get(area) or incidents.get(area[:6])
                )

    def address(self, subdistrict: Area, moo: int | None, village: str) -> str:
        rng = self.rng
        district, province = subdistrict.parent, subdistrict.parent.parent
        if self.code == "10":
            return f"แขวง{subdistrict.name_th} {district.name_th} {province.name_th}"
        moo_text = str(moo) if moo else ""
        if moo and rng.random() < THAI_DIGITS_RATE:
            moo_text = to_thai_digits(moo_text)
        form = rng.randrange(4)
        if form == 0 and moo:
            return (
                f"หมู่ {moo_text} {village} ต.{subdistrict.name_th} อ.{district.name_th} จ.{province.name_th}"
            )
        if form == 1 and moo:
            return f"ม.{moo_text} ตำบล{subdistrict.name_th} อำเภอ{district.name_th} จังหวัด{province.name_th}"
        if form == 2 and moo:
            return f"{village} หมู่ที่ {moo_text} ต.{subdistrict.name_th} อ.{district.name_th}"
        return f"ต.{subdistrict.name_th} อ.{district.name_th} จ.{province.name_th}"

    def house_number(self) -> str:
        rng = self.rng
        number = str(rng.randint(1, 350))
        if rng.random() < 0.3:
            number += f"/{rng.randint(1, 12)}"
        if rng.random() < THAI_DIGITS_RATE:
            number = to_thai_digits(number)
        return number

    def household(self, subdistrict: Area, area: str, moo, village: str, incidents: list[int] | None) -> None:
        rng, b = self.rng, self.b
        size = _size(rng)
        stateless_family = rng.random() < STATELESS_FAMILY_RATE[self.border]
        poor = stateless_family or rng.random() < 0.35
        income = "below_poverty_line" if poor and rng.random() < 0.6 else ("low" if poor else
                                                                          rng.choice(("low", "middle", "unknown")))  # fmt: skip
        worker = self.worker(area)
        # Registered the day it consented: the programme has grown over four years.
        consent_on = _days(AS_OF, -rng.randint(1, 1400))
        registered_at = db_datetime(b.moment(consent_on, rng.choice(REGISTRATION_HOURS)))
        number, address = self.house_number(), self.address(subdistrict, moo, village)
        household = b.w.households.add(
            1, area, number, address, phone_of(rng) if rng.random() < 0.5 else "", income, care_data.PURPOSE,
            "consent" if rng.random() < 0.93 else "vital_interest", True, rng.random() < 0.8, consent_on, worker,
            compact_part(number) + compact_part(address), registered_at,
        )  # fmt: skip
        members = self.members(household, area, size, stateless_family)
        vulnerable = [m for m in members if m[1]]
        affected = None
        unhit = [incident for incident in incidents or () if incident not in self.hit]
        if unhit or (incidents and rng.random() < AFFECTED_RATE):
            # the first household of a subdistrict an incident hit is always among those it hit
            affected = unhit[0] if unhit else rng.choice(incidents)
            self.hit.add(affected)
            b.w.affected.add(affected, household, rng.choice(care_data.DAMAGE), worker)
        if rng.random() < CASE_RATE[bool(vulnerable) or affected is not None]:
            member, kind = vulnerable[0] if vulnerable else (members[0][0], "")
            if not kind:
                kind = "disaster" if affected else _case_kind(rng)
                if kind == "disaster" and not affected:
                    kind = "poverty"
            self.case(
                household, member, area, kind, worker, affected if kind == "disaster" else None, consent_on
            )
        if rng.random() < REPAIR_RATE * (2 if poor else 0.5):
            self.housing(household, area, "rural_repair", worker, consent_on)
        elif rng.random() < SECURE_HOUSING_RATE:
            self.housing(household, area, "secure_housing", worker, consent_on)

    def members(self, household: int, area: str, size: int, stateless_family: bool) -> list[tuple[int, str]]:
        """Write the household's people; return (member id, the hardship of their case or "") of each."""
        rng, b, names = self.rng, self.b, self.b.names
        family = names.last(rng)
        year = AS_OF.year
        people = []  # (relationship, sex, born)
        if size == 1 and rng.random() < ELDERLY_ALONE_SHARE:
            people.append(("head", rng.choice(("male", "female", "female")), year - rng.randint(65, 95)))
        else:
            head_sex = rng.choice(("male", "female"))
            head_born = year - rng.randint(22, 75)
            people.append(("head", head_sex, head_born))
            if size > 1 and rng.random() < 0.75:
                people.append(
                    ("spouse", "female" if head_sex == "male" else "male", head_born + rng.randint(-6, 6))
                )
            while len(people) < size:
                relation = rng.choice(
                    ("child", "child", "child", "grandchild", "parent", "sibling", "relative")
                )
                if relation == "parent":
                    born = head_born - rng.randint(20, 35)
                elif relation == "grandchild":
                    born = max(head_born + rng.randint(40, 55), year - rng.randint(0, 15))
                elif relation == "child":
                    born = min(year, head_born + rng.randint(18, 40))
                else:
                    born = head_born + rng.randint(-12, 12)
                people.append((relation, rng.choice(("male", "female")), min(born, year)))
        written = []
        alone = len(people) == 1 and year - people[0][2] >= 65
        for relationship, sex, born in people:
            age = year - born
            elderly = age >= 60
            last = family if relationship != "spouse" or rng.random() < 0.7 else names.last(rng)
            first = names.first(rng, sex)
            title = _title(rng, sex, age, relationship in ("head", "spouse", "parent") and age > 25)
            bedridden = rng.random() < (0.06 if elderly else 0.008)
            disability = rng.choice(DISABILITIES) if rng.random() < 0.05 else ""
            illness = rng.choice(ILLNESSES) if rng.random() < (0.3 if elderly else 0.04) else ""
            reason, legal = "", "thai"
            if stateless_family and rng.random() < 0.8:
                legal = rng.choice(("stateless", "stateless", "pending", "registered_non_thai"))
            if legal in ("stateless", "pending"):
                identity = b.no_id
                reason = "stateless"
            elif born >= year - 1 and rng.random() < 0.5:
                identity, reason = b.no_id, "not_yet_registered"
            elif rng.random() < 0.015:
                identity, reason = b.no_id, "not_known"
            else:
                first_digit = (
                    rng.choice("67") if legal == "registered_non_thai" else ("1" if born >= 1984 else "3")
                )
                columns = national_id_columns(b.ids.next(first_digit))
                identity = (columns["national_id_token"], columns["national_id_lookup"],
                            columns["national_id_last_four"])  # fmt: skip
            search_key, sort_key = member_keys(first, last)
            member = b.w.members.add(
                household, area, title, first, last, relationship, born, sex,
                phone_of(rng) if relationship == "head" and rng.random() < 0.6 else "", *identity, reason, legal,
                disability, illness, bedridden, alone, search_key, sort_key,
            )  # fmt: skip
            if legal in ("stateless", "pending") and rng.random() < LEGAL_CASE_RATE:
                self.legal_status(member, area)
            kind = ("stateless" if reason == "stateless" else "bedridden" if bedridden else "elderly_alone"
                    if alone else "disability" if disability else "")  # fmt: skip
            written.append((member, kind))
        written.sort(key=lambda m: m[1] == "")
        return written

    # ---- cases

    def case(
        self,
        household: int,
        member: int,
        area: str,
        kind: str,
        worker: int,
        incident: int | None,
        registered: dt.date,
    ) -> None:
        rng, w = self.rng, self.b.w
        other = self.second(worker)
        closed = rng.random() < CLOSED_SHARE
        opened = _days(AS_OF, -rng.randint(60 if closed else 3, 1400 if closed else 900))
        opened = max(opened, FIRST_CASE_DAY, registered)
        status = "closed" if closed else ("closing" if rng.random() < 0.05 else "open")
        plan_status = "approved" if status != "open" else _plan_status(rng)
        if (AS_OF - opened).days < 14:
            plan_status = "none"
        plan = care_data.PLANS[kind] if plan_status != "none" else ""
        decided = (
            db_datetime(self.b.moment(_days(opened, 10))) if plan_status in ("approved", "returned") else None
        )
        follow_ups, pending = self.follow_up_days(rng, opened, status)
        closed_on = _days(opened, rng.randint(30, max(31, (AS_OF - opened).days))) if closed else None
        if closed_on and closed_on > AS_OF:
            closed_on = AS_OF
        requested = _days(closed_on, -rng.randint(1, 20)) if closed else (_days(AS_OF, -rng.randint(0, 10))
                                                                           if status == "closing" else None)  # fmt: skip
        if requested:
            requested = max(requested, opened)
            follow_ups = [day for day in follow_ups if day <= requested] or [opened]
        outcome = rng.choice(OUTCOMES) if status != "open" else ""
        case = w.cases.add(
            household, member, area, kind, care_data.CASE_SUMMARIES[kind], status, opened, worker, worker, incident,
            plan, plan_status, worker if plan_status != "none" else None,
            other if plan_status in ("approved", "returned") else None, decided,
            "ระบุกำหนดเวลาและผู้รับผิดชอบให้ชัดเจน" if plan_status == "returned" else "", min(pending, default=None),
            outcome, "ครอบครัวดูแลต่อได้" if outcome == "resolved" else "", worker if requested else None,
            db_datetime(self.b.moment(requested)) if requested else None, other if closed else None, closed_on,
        )  # fmt: skip
        notes = care_data.FOLLOW_UP_NOTES
        for day in follow_ups:
            w.follow_ups.add(case, day, day, rng.choice(notes), worker)
        for day in pending:
            w.follow_ups.add(case, day, None, "", None)
        self.cases.append((case, worker, area, opened))
        if rng.random() < REFERRAL_RATE:
            self.referral(case, kind, worker, opened)
        if rng.random() < HELP_RATE:
            for _ in range(rng.choice((1, 1, 2))):
                help_kind, what = rng.choice(HELP_KINDS)
                given = min(AS_OF, _days(opened, rng.randint(1, 60)))
                amount = Decimal(rng.randint(3, 60) * 100) if help_kind in ("in_kind", "repair") else None
                giver = rng.choice((self.orgs["pao"], self.orgs["civil_network"], self.orgs["msdhs"]))
                w.help.add(case, help_kind, what, amount, given, giver.pk, incident, None, worker)

    @staticmethod
    def follow_up_days(rng, opened: dt.date, status: str) -> tuple[list[dt.date], list[dt.date]]:
        """The visits done since the opening, and those still to do (over the weeks around the day of the data)."""
        span = (AS_OF - opened).days
        done = (
            sorted({_days(opened, rng.randint(1, span)) for _ in range(rng.randint(0, 3))})
            if span > 1
            else []
        )
        if status != "open" or rng.random() < 0.08:
            return done, []
        first = _days(AS_OF, rng.randint(-35, 56))
        first = max(first, _days(opened, 1))
        pending = [first]
        if rng.random() < 0.3:
            pending.append(_days(first, rng.choice((14, 30, 60))))
        return done, pending

    def referral(self, case: int, kind: str, worker: int, opened: dt.date) -> None:
        rng = self.rng
        agency = rng.choices(("msdhs", "pao", "dla", "governor"), weights=(55, 25, 10, 10))[0]
        status = _referral_status(rng)
        sent = min(AS_OF, _days(opened, rng.randint(1, 30)))
        answered = status in ("accepted", "rejected", "done")
        answered_on = min(AS_OF, _days(sent, rng.randint(1, 30))) if answered else None
        answerer = (self.partner if agency == "msdhs" else worker) if answered else None
        done_on = min(AS_OF, _days(answered_on, rng.randint(5, 90))) if status == "done" else None
        self.b.w.referrals.add(
            case, self.orgs[agency].pk, care_data.PLANS[kind], sent, worker, status, answered_on, answerer,
            "รับเรื่องแล้ว" if status in ("accepted", "done") else ("ไม่อยู่ในหลักเกณฑ์" if answered else ""),
            rng.choice(SERVICE_OUTCOMES) if status == "done" else "", done_on,
        )  # fmt: skip

    # ---- legal status and housing

    def legal_status(self, member: int, area: str) -> None:
        rng, w = self.rng, self.b.w
        path = [step for step in STATUS_PATH if step != "dna_tested" or rng.random() < 0.3]
        reached = rng.randint(1, len(path) + 1)
        steps = path[:reached] + ([_final_step(rng)] if reached > len(path) else [])
        day = _days(AS_OF, -rng.randint(60, 2500))
        events = []
        for step in steps:
            if day > AS_OF:
                break
            events.append((step, day))
            # A step at the district or beyond waits months, sometimes years.
            day = _days(day, rng.randint(20, 90) if "review" not in step else rng.randint(90, 700))
        step, since = events[-1]
        agency = self.orgs["governor"].pk if step in ("province_review", "ministry_review") else None
        worker = self.worker(area)
        status_case = w.status_cases.add(
            member, area, _sought(rng), agency, events[0][1], step, since, worker
        )
        for step, day in events:
            w.status_events.add(status_case, step, day, worker)

    def housing(self, household: int, area: str, programme: str, worker: int, registered: dt.date) -> None:
        rng = self.rng
        status = _housing_status(rng)
        started = max(registered, _days(AS_OF, -rng.randint(30, 1000))) if status != "planned" else None
        completed = min(AS_OF, _days(started, rng.randint(14, 120))) if status == "completed" else None
        grant = Decimal(18000 if programme == "rural_repair" else rng.choice((40000, 50000)))
        project = self.repair_project if programme == "rural_repair" else None
        work = rng.choice(care_data.PHAYAO_WORKS)
        self.b.w.housing.add(
            household, area, programme, project, grant, work, status, started, completed, worker
        )

    # ---- the fund

    def fund(self) -> None:
        """The fund's money in, its requests and its ledger in date order: a grant, donations, one donation entered
        twice and reversed, and a payment for each paid request the balance allows (the others stay approved)."""
        rng, b = self.rng, self.b
        name = b.ctx.made["province_names"][self.code]
        fund = SocialFund(area_id=self.code, name=f"กองทุนพัฒนาสังคมจังหวัด{name}",
                          organisation=self.orgs["civil_network"])  # fmt: skip
        committee = [self.coordinator, *self.district_users.values()][:4]
        start = dt.date(2023, 10, 1)
        events = [
            (_days(start, rng.randint(0, 120)), 0, EntryKind.GRANT, Decimal(rng.randint(10, 60) * 10000))
        ]
        for _ in range(rng.randint(8, 40)):
            amount = Decimal(rng.choice((500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)))
            events.append((_days(start, rng.randint(0, (AS_OF - start).days)), 0, EntryKind.DONATION, amount))
        duplicate = rng.randrange(1, len(events))
        wanted = max(4, round(len(self.cases) * REQUESTS_PER_CASE))
        requests = []
        for case, worker, _area, opened in rng.sample(self.cases, min(wanted, len(self.cases))):
            day = min(AS_OF, max(start, _days(opened, rng.randint(1, 60))))
            deciders = [user for user in committee if user != worker]
            status = _request_status(rng) if len(deciders) >= 2 else "pending"
            request = FundRequest(fund=fund, case_id=case, amount=Decimal(rng.randint(10, 150) * 100),
                                  purpose=rng.choice(REQUEST_PURPOSES), requested_by_id=worker, requested_on=day,
                                  status=status)  # fmt: skip
            requests.append((request, deciders))
            if status == "paid":
                events.append((min(AS_OF, _days(day, rng.randint(2, 20))), 1, request, None))
        ledger = Ledger(fund)
        for number, (day, order, what, amount) in enumerate(sorted(events, key=lambda e: (e[0], e[1]))):
            if order == 1:
                if ledger.can_pay(what.amount):
                    ledger.pay(what, day)
                else:
                    what.status = "approved"
                continue
            entry = ledger.add(what, amount, day, donor_name=_donor(rng, what))
            if number == duplicate and what == EntryKind.DONATION:
                twice = ledger.add(what, amount, day, donor_name=entry.donor_name)
                ledger.reverse(twice, day, note=care_data.FUND_REVERSAL_NOTE)
        b.funds.append((fund, committee, requests, ledger))


def _donor(rng, kind: str) -> str:
    if kind == EntryKind.GRANT:
        return "สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ"
    return rng.choice(DONORS)


def phone_of(rng) -> str:
    return f"0{rng.choice('689')}{rng.randint(0, 9)}-{rng.randint(0, 999):03d}-{rng.randint(0, 9999):04d}"


class _Builder:
    def __init__(self, ctx: SynthContext):
        self.ctx = ctx
        self.users = {user.username: user.pk for user in ctx.made["users"]}
        self.names = _Names()
        self.ids = NationalIds(offset=ctx.rng("care:ids").randrange(10**11))
        empty = national_id_columns("")
        self.no_id = (empty["national_id_token"], empty["national_id_lookup"], empty["national_id_last_four"])
        self.w = _Writers(ctx)
        self.moments: dict[tuple[dt.date, int], dt.datetime] = {}
        self.funds: list[tuple[SocialFund, list, list, Ledger]] = []  # (fund, committee, requests, ledger)

    def moment(self, day: dt.date, hour: int = 10) -> dt.datetime:
        if (day, hour) not in self.moments:
            self.moments[day, hour] = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=BANGKOK)
        return self.moments[day, hour]

    def write_funds(self) -> None:
        """The funds, their committees, requests and decisions, the ledgers, and the money help on the cases linked
        to the payments."""
        ctx = self.ctx
        ctx.insert(SocialFund, [fund for fund, _committee, _requests, _ledger in self.funds])
        through = SocialFund.committee.through
        ctx.insert(through, [through(socialfund_id=fund.pk, user_id=user)
                             for fund, committee, _requests, _ledger in self.funds for user in committee])  # fmt: skip
        requests, decisions = [], []
        for _fund, _committee, asked, _ledger in self.funds:
            for request, deciders in asked:
                if request.status not in ("pending", "withdrawn"):
                    request.decided_at = self.moment(_days(request.requested_on, 2))
                votes = {"pending": len(deciders) % 2, "withdrawn": 0}.get(request.status, 2)
                for n, user in enumerate(deciders[:votes]):
                    refuses = request.status == "rejected" and n == 1
                    decisions.append(FundDecision(request=request, by_id=user, approves=not refuses))
                requests.append(request)
        ctx.insert(FundRequest, requests)
        ctx.insert(FundDecision, decisions)
        ledgers = [ledger for _fund, _committee, _requests, ledger in self.funds]
        entries = write_ledger(ledgers)
        ctx.counts["care.LedgerEntry"] = ctx.counts.get("care.LedgerEntry", 0) + len(entries)
        ctx.advance(len(entries))
        for entry in entries:
            if entry.request is not None:
                request = entry.request
                self.w.help.add(request.case_id, "money", request.purpose, request.amount, entry.entered_on,
                                entry.fund.organisation_id, None, entry.pk, request.requested_by_id)  # fmt: skip


def _villages(ctx: SynthContext) -> dict[str, list[tuple[str, int, str]]]:
    villages: dict[str, list[tuple[str, int, str]]] = {}
    rows = (
        Area.objects.filter(level=AreaLevel.VILLAGE)
        .order_by("code")
        .values_list("code", "parent_id", "moo", "name_th")
    )
    for code, parent, moo, name in rows:
        villages.setdefault(parent, []).append((code, moo, name))
    return villages


def _risks(ctx: SynthContext, province_codes, subdistricts, villages) -> dict[str, dict[str, list[int]]]:
    """Each province's watch list and the incidents of the last seasons; the incidents by the area they hit."""
    risk_areas, incidents = [], []
    for code in province_codes:
        rng = ctx.rng(f"care-risks:{code}")
        places = [v[0] for s in subdistricts[code] for v in villages.get(s.code, [])] or [
            s.code for s in subdistricts[code]
        ]
        hazards = HAZARDS[code[0]]
        listed = set()
        for _ in range(rng.randint(2, 8)):
            area = rng.choice(places)
            hazard, starts, ends = rng.choice(hazards)
            if (area, hazard) in listed:
                continue
            listed.add((area, hazard))
            risk = RiskArea(area_id=area, hazard=hazard, season_starts=starts, season_ends=ends,
                            households_at_risk=rng.randint(20, 600), listed_on=_days(AS_OF, -rng.randint(200, 2000)))  # fmt: skip
            risk_areas.append(risk)
            for year in INCIDENT_YEARS:
                if rng.random() >= INCIDENT_RATE:
                    continue
                occurred = dt.date(year, starts, rng.randint(1, 25))
                ended = _days(occurred, rng.randint(2, 20))
                if occurred > AS_OF:
                    continue
                incidents.append(Incident(risk_area=risk, area_id=area[:6], hazard=hazard, occurred_on=occurred,
                                          ended_on=ended if ended <= AS_OF else None,
                                          description=f"เหตุ{risk.get_hazard_display()}ในพื้นที่ ครัวเรือนได้รับความเสียหาย"))  # fmt: skip
    ctx.insert(RiskArea, risk_areas)
    for incident in incidents:
        incident.risk_area_id = incident.risk_area.pk
    ctx.insert(Incident, incidents)
    hit: dict[str, dict[str, list[int]]] = {}
    for incident in incidents:
        hit.setdefault(incident.area_id[:2], {}).setdefault(incident.area_id, []).append(incident.pk)
    return hit


def fill(ctx: SynthContext) -> None:
    builder = _Builder(ctx)
    codes = ctx.province_codes()
    subdistricts: dict[str, list[Area]] = {}
    for subdistrict in ctx.areas_of(AreaLevel.SUBDISTRICT):
        subdistricts.setdefault(subdistrict.code[:2], []).append(subdistrict)
    villages = _villages(ctx)
    incidents = _risks(ctx, codes, subdistricts, villages)
    weights = {code: len(subdistricts.get(code, [])) for code in codes}
    total = sum(weights.values()) or 1
    written = [w.model for w in builder.w.all()]
    with indexes_dropped(written):
        for code in codes:
            if not subdistricts.get(code):
                continue
            province = _Province(builder, code, subdistricts[code], villages)
            province.households(round(ctx.scale.households * weights[code] / total), incidents.get(code, {}))
            province.fund()
        builder.w.flush()
        builder.write_funds()
        builder.w.help.flush()
    reset_sequences(written)
