"""Synthetic plans: each province's plan for the fiscal year that ends on the day the data is dated and the year
before, with main works, projects, targets split over districts and tambons, four quarters of progress a year as
areas really report it (gaps, entries waiting for approval, entries sent back, corrected entries, zeros, locked
quarters), and the charters and registrations tracked stage by stage."""

import datetime as dt
import math
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.directory.models import IssueArea
from sanphalang.plans.models import (
    BudgetLine,
    BudgetSource,
    Charter,
    CharterStage,
    CountedBy,
    EntryStatus,
    Indicator,
    MainWork,
    Measure,
    NationalStrategy,
    PeriodLock,
    Plan,
    PlanStatus,
    ProgressEntry,
    Project,
    ProjectStatus,
    Registration,
    RegistrationLaw,
    RegistrationStage,
    StageEvent,
    TargetSplit,
    Unit,
)
from sanphalang.plans.periods import PeriodKind, YearKind, periods_of, year_bounds

from .accounts import USERNAME_PREFIX
from .context import SynthContext
from .meetings import AS_OF

BANGKOK = ZoneInfo("Asia/Bangkok")
# The fiscal year that ends on the day the data is dated, and the one before: this year against last.
YEARS = (2568, 2569)


@dataclass(frozen=True)
class IndicatorKind:
    name: str
    unit: str
    measure: str  # the slug of a common measure, or "" for a plan's own figure
    accumulates: bool
    per_district: tuple[int, int]  # the range of a district's part of the target (a percentage for percent)
    denominator: tuple[int, int] = (
        0,
        0,
    )  # for percent: the range of a district's whole (households, villages)


INDICATORS = {
    "housing": IndicatorKind("ครัวเรือนที่ได้รับการซ่อมสร้างบ้าน", Unit.HOUSEHOLDS, "rural-housing-repair", True, (15, 90)),
    "secure": IndicatorKind("ครัวเรือนในโครงการบ้านมั่นคง", Unit.HOUSEHOLDS, "secure-housing", True, (10, 60)),
    "members": IndicatorKind("สมาชิกกองทุนสวัสดิการชุมชน", Unit.PEOPLE, "welfare-fund-members", False, (400, 3000)),
    "helped": IndicatorKind("ผู้ยากลำบากที่ได้รับการช่วยเหลือ", Unit.PEOPLE, "vulnerable-helped", True, (20, 200)),
    "status": IndicatorKind("บุคคลไร้รัฐที่ได้รับสถานะทางทะเบียน", Unit.PEOPLE, "legal-status", True, (2, 30)),
    "councils": IndicatorKind("สภาองค์กรชุมชนตำบลที่ดำเนินงาน", Unit.SUBDISTRICTS, "community-councils", False, (2, 9)),
    "disaster": IndicatorKind("ตำบลที่มีแผนจัดการภัยพิบัติโดยชุมชน", Unit.SUBDISTRICTS, "disaster-plans", True, (1, 5)),
    "farming": IndicatorKind("ครัวเรือนที่ทำเกษตรปลอดภัย", Unit.HOUSEHOLDS, "safe-agriculture", True, (30, 250)),
    "groups": IndicatorKind("กลุ่มเศรษฐกิจชุมชนที่จัดตั้ง", Unit.GROUPS, "community-economy-groups", True, (1, 8)),
    "forest": IndicatorKind("พื้นที่ป่าชุมชนที่ดูแลจัดการ", Unit.RAI, "community-forest", False, (200, 4000)),
    "local_budget": IndicatorKind("งบประมาณสมทบจากท้องถิ่น", Unit.BAHT, "", True, (20_000, 400_000)),
    "savings": IndicatorKind("เงินออมของกลุ่มออมทรัพย์", Unit.BAHT, "", False, (100_000, 2_000_000)),
    "visits": IndicatorKind("ร้อยละของครัวเรือนเปราะบางที่ได้รับการเยี่ยมบ้าน", Unit.PERCENT, "", False, (60, 95),
                            (40, 400)),
    "village_plans": IndicatorKind("ร้อยละของหมู่บ้านที่มีแผนชุมชน", Unit.PERCENT, "", False, (50, 100), (40, 180)),
    "elders": IndicatorKind("ร้อยละของผู้สูงอายุที่เข้าร่วมกิจกรรมในไตรมาส", Unit.PERCENT, "", True, (30, 70),
                            (100, 900)),
}  # fmt: skip
# (main work, issue area, national strategies, projects of it with the kinds of their targets)
THEMES = (
    ("ที่อยู่อาศัยและที่ดินทำกิน", "rights-welfare", (4,), (
        ("โครงการบ้านพอเพียงชนบท", ("housing", "visits")),
        ("โครงการบ้านมั่นคงชนบท", ("secure", "local_budget")),
    )),
    ("สวัสดิการชุมชนและกลุ่มเปราะบาง", "community-welfare", (3, 4), (
        ("โครงการพัฒนาระบบสวัสดิการชุมชน", ("members", "savings", "visits")),
        ("โครงการช่วยเหลือผู้ยากลำบาก", ("helped", "elders")),
        ("โครงการแก้ปัญหาสถานะบุคคล", ("status",)),
    )),
    ("การจัดการตนเองของชุมชน", "community-councils", (6,), (
        ("โครงการเสริมความเข้มแข็งสภาองค์กรชุมชน", ("councils", "village_plans")),
        ("โครงการธรรมนูญตำบลน่าอยู่", ("charters", "village_plans")),
    )),
    ("ภัยพิบัติและทรัพยากรธรรมชาติ", "disaster", (5,), (
        ("โครงการชุมชนจัดการภัยพิบัติ", ("disaster", "local_budget")),
        ("โครงการป่าชุมชนและไฟป่า", ("forest",)),
    )),
    ("เกษตรกรรมยั่งยืนและเศรษฐกิจชุมชน", "agriculture", (2, 5), (
        ("โครงการเกษตรปลอดภัย", ("farming", "groups")),
        ("โครงการวิสาหกิจและทุนชุมชน", ("groups", "savings")),
    )),
)  # fmt: skip
VISIONS = (
    "{p}อยู่เย็นเป็นสุขอย่างยั่งยืน",
    "ชุมชน{p}เข้มแข็ง พึ่งตนเองได้ ไม่ทิ้งใครไว้ข้างหลัง",
    "{p}เมืองน่าอยู่ ชุมชนจัดการตนเอง",
)
PHASES = ("", " ระยะที่ 2", " (ขยายผล)", " ระยะที่ 3")
NO_SPLIT_RATE = 0.15  # a target kept whole for the province
MISSING_DISTRICT_RATE = 0.35  # a split that leaves a few districts out
SPLIT_OFF_RATE = 0.3  # a split whose parts do not add up to the whole
TAMBON_SPLIT_RATE = 0.2  # a district's part split further over its tambons (which then report)
SILENT_AREA_RATE = 0.1  # an area that never reports
MISSED_QUARTER_RATE = 0.12
ZERO_RATE = 0.07
CORRECTED_RATE = 0.08
CHARTER_PATH = (CharterStage.DRAFTING, CharterStage.HEARING, CharterStage.ENACTED, CharterStage.IN_FORCE,
                CharterStage.REVISED)  # fmt: skip
ENACTED = (CharterStage.ENACTED, CharterStage.IN_FORCE, CharterStage.REVISED)


def _at(day: dt.date, rng) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, rng.randint(8, 17), rng.randint(0, 59), tzinfo=BANGKOK)


def _quantity(kind: IndicatorKind, value: float) -> Decimal:
    """A figure as areas write it: whole units, baht to the hundred."""
    if kind.unit == Unit.BAHT:
        return Decimal(max(0, round(value / 100) * 100))
    return Decimal(max(0, round(value)))


class _Province:
    """What one province's plans are made from: its areas, organisations and users."""

    def __init__(self, ctx: SynthContext, province: Area, districts: list[Area], tambons: dict[str, list[Area]],
                 users: dict):  # fmt: skip
        self.code = province.code
        self.name = province.name_th
        self.districts = districts
        self.tambons = tambons
        self.coordinator = users[f"{USERNAME_PREFIX}p{self.code}"]
        self.reporters = {
            d.code: users.get(f"{USERNAME_PREFIX}d{d.code}", self.coordinator) for d in districts
        }
        self.organisations = ctx.made["province_organisations"][self.code]


def _plans(rng, province: "_Province") -> list[Plan]:
    plans = []
    vision = rng.choice(VISIONS).format(p=province.name)
    for year in YEARS:
        starts, _ends = year_bounds(YearKind.FISCAL, year)
        plans.append(
            Plan(
                title=f"แผนพัฒนาขบวนองค์กรชุมชนจังหวัด{province.name} ปี {year}",
                area_id=province.code,
                year_kind=YearKind.FISCAL,
                year_be=year,
                period_kind=PeriodKind.QUARTER,
                vision=vision,
                status=PlanStatus.CLOSED if year < YEARS[-1] else PlanStatus.ADOPTED,
                adopted_on=starts + dt.timedelta(days=rng.randint(-40, 45)),
            )
        )
    return plans


def _split(rng, whole: Decimal, weights: dict[str, float], *, percent: bool, kind: IndicatorKind, off=None):
    """The parts of a target over areas: each area's share of the whole, or for a percentage each area's own.
    off: the parts were agreed apart from the whole and do not add up to it (None: now and then)."""
    if percent:
        return {
            code: Decimal(min(100, max(1, round(float(whole) + rng.uniform(-12, 8))))) for code in weights
        }
    total = sum(weights.values())
    if off is None:
        off = rng.random() < SPLIT_OFF_RATE
    scale = rng.uniform(0.8, 1.15) if off else 1.0
    parts = {code: _quantity(kind, float(whole) * scale * w / total) for code, w in weights.items()}
    codes = sorted(parts)
    if not off:
        parts[codes[-1]] = max(Decimal(0), whole - sum(parts[c] for c in codes[:-1]))
    elif sum(parts.values()) == whole:
        parts[codes[-1]] += _quantity(kind, 100 if kind.unit == Unit.BAHT else 1)
    return parts


class _Builder:
    """Collects the rows of every province, to be written kind by kind in a few bulk inserts."""

    def __init__(self, ctx: SynthContext, rng):
        self.ctx = ctx
        self.rng = rng
        self.measures = Measure.objects.in_bulk(field_name="slug")
        self.plans: list[Plan] = []
        self.main_works: list[tuple[MainWork, str, tuple[int, ...]]] = []
        self.projects: list[tuple[Project, list[str], list]] = []  # project, district codes, partners
        self.budget_lines: list[BudgetLine] = []
        # (indicator, splits, entries, province) with splits and entries as built before the indicator has a pk
        self.indicators: list[tuple[Indicator, list[TargetSplit], list[ProgressEntry]]] = []
        self.locks: list[PeriodLock] = []

    def province(self, province: _Province) -> None:
        rng = self.rng
        plans = _plans(rng, province)
        self.plans += plans
        themes = rng.sample(THEMES, k=rng.randint(3, len(THEMES)))
        self._shuffle_deck(rng)
        self.split_deck = rng.sample((True, False), k=2)
        works = {}
        for plan in plans:
            for number, (title, issue, strategies, _projects) in enumerate(themes, start=1):
                work = MainWork(plan=plan, number=number, title=title)
                works[plan.year_be, title] = work
                self.main_works.append((work, issue, strategies))
        # The first year's projects; most go on into the second year, a few new ones start.
        count = self.ctx.scale.projects_per_province
        first = [self._pick(rng, themes) for _ in range(math.ceil(count / 2))]
        second = [p if rng.random() < 0.7 else self._pick(rng, themes) for p in first[: count - len(first)]]
        for plan, picks in zip(plans, (first, second), strict=True):
            seen: dict[str, int] = {}
            for number, (theme, (name, kinds)) in enumerate(picks, start=1):
                seen[name] = seen.get(name, 0) + 1
                title = f"{name}จังหวัด{province.name}{PHASES[(seen[name] - 1) % len(PHASES)]}"
                self._project(province, plan, works[plan.year_be, theme[0]], number, title, kinds)
        self._locks(province, plans)

    def _shuffle_deck(self, rng) -> None:
        """The kinds of target a province's projects draw from: one figure added up over the year, one standing
        figure and one percentage first, in any order, then the rest."""
        firsts = [
            rng.choice([k for k, i in INDICATORS.items() if i.unit != Unit.PERCENT and i.accumulates]),
            rng.choice([k for k, i in INDICATORS.items() if i.unit != Unit.PERCENT and not i.accumulates]),
            rng.choice([k for k, i in INDICATORS.items() if i.unit == Unit.PERCENT]),
        ]
        rest = [k for k in INDICATORS if k not in firsts]
        rng.shuffle(firsts)
        rng.shuffle(rest)
        self.deck = firsts + rest

    def _split_off(self, rng, percent: bool) -> bool | None:
        """Whether a target's split leaves the whole out: of a province's first two splits one adds up and one
        does not, in either order; the rest by chance."""
        if percent or not self.split_deck:
            return None
        return self.split_deck.pop()

    def _draw(self, rng) -> str:
        if not self.deck:
            self._shuffle_deck(rng)
        return self.deck.pop(0)

    def _pick(self, rng, themes):
        theme = rng.choice(themes)
        return theme, rng.choice(theme[3])

    def _project(
        self, province: _Province, plan: Plan, work: MainWork, number: int, title: str, kinds
    ) -> None:
        rng = self.rng
        starts, ends = year_bounds(plan.year_kind, plan.year_be)
        in_district = rng.random() < 0.2 and province.districts
        district = rng.choice(province.districts) if in_district else None
        orgs = list(province.organisations.values())
        status = ProjectStatus.DONE if plan.year_be < YEARS[-1] else ProjectStatus.RUNNING
        if rng.random() < 0.05:
            status = ProjectStatus.SUSPENDED
        project = Project(
            plan=plan,
            main_work=work,
            area_id=district.code if district else province.code,
            external_id=f"{province.code}-{plan.year_be}-{number:02d}",
            name=title if not district else f"{title} อำเภอ{district.name_th}",
            owner=rng.choice(orgs),
            starts_on=starts,
            ends_on=ends,
            status=status,
        )
        districts = [district] if district else province.districts
        self.projects.append((project, [d.code for d in districts], rng.sample(orgs, rng.randint(0, 2))))
        for _ in range(rng.randint(1, 3)):
            source = rng.choice(list(BudgetSource))
            self.budget_lines.append(
                BudgetLine(
                    project=project,
                    source=source,
                    year_be=plan.year_be,
                    amount=Decimal(rng.randint(20, 3000) * 1000),
                )
            )
        # One target from the province's deck, so that even a few projects hold every kind of figure, and up to
        # two of the project's own kinds.
        chosen = [self._draw(rng)]
        chosen += [k for k in rng.sample(kinds, k=rng.randint(0, min(2, len(kinds)))) if k not in chosen]
        for order, key in enumerate(chosen):
            if key == "charters":
                self._charter_target(province, plan, project, work, order)
            else:
                self._indicator(province, plan, project, work, order, INDICATORS[key], district)

    def _charter_target(self, province, plan, project, work, order) -> None:
        measure = self.measures.get("charters-enacted")
        tambons = sum(len(t) for t in province.tambons.values())
        indicator = Indicator(
            plan=plan, project=project, main_work=work, external_id=f"{project.external_id}-{order + 1}",
            name=measure.name_th if measure else "ตำบลที่ประกาศใช้ธรรมนูญตำบล", measure=measure,
            unit=Unit.SUBDISTRICTS, accumulates=False, counted_by=CountedBy.CHARTERS_ENACTED,
            target=Decimal(max(1, round(tambons * self.rng.uniform(0.03, 0.12)))), order=order,
        )  # fmt: skip
        self.indicators.append((indicator, [], []))

    def _indicator(self, province, plan, project, work, order, kind: IndicatorKind, district) -> None:
        rng = self.rng
        percent = kind.unit == Unit.PERCENT
        # A common measure most of the time, so provinces and years compare; now and then a plan's own wording.
        measure = self.measures.get(kind.measure) if kind.measure and rng.random() < 0.85 else None
        districts = [district] if district else province.districts
        weights = {d.code: rng.uniform(0.4, 1.6) for d in districts}
        if percent:
            whole = Decimal(rng.randint(*kind.per_district))
        else:
            whole = sum((_quantity(kind, rng.uniform(*kind.per_district)) for _ in districts), Decimal(0))
            whole = max(whole, Decimal(1))
        baseline = None
        if not kind.accumulates and rng.random() < 0.7:
            baseline = (whole * Decimal(rng.uniform(0.2, 0.6))).quantize(Decimal(1))
        indicator = Indicator(
            plan=plan,
            project=project,
            main_work=work,
            external_id=f"{project.external_id}-{order + 1}",
            name=kind.name if measure is None else measure.name_th,
            measure=measure,
            unit=kind.unit,
            accumulates=kind.accumulates,
            baseline=baseline,
            target=whole,
            order=order,
        )
        splits: list[TargetSplit] = []
        # Where the entries come from: a district, or the tambons of a district whose part was split over them.
        reporting: dict[str, Decimal | None] = {}
        if district:
            # A district's project: its target is split over the district's tambons, which report.
            tambons = province.tambons.get(district.code, [])
            shares = {t.code: rng.uniform(0.4, 1.6) for t in tambons}
            parts = _split(rng, whole, shares, percent=percent, kind=kind, off=self._split_off(rng, percent))
            splits += [TargetSplit(indicator=indicator, area_id=c, target=v) for c, v in parts.items()]
            reporting.update(parts)
        elif rng.random() < NO_SPLIT_RATE:
            reporting.update({d.code: None for d in districts})
        else:
            if rng.random() < MISSING_DISTRICT_RATE and len(weights) > 3:
                for code in rng.sample(sorted(weights), k=rng.randint(1, min(3, len(weights) - 2))):
                    del weights[code]
            parts = _split(rng, whole, weights, percent=percent, kind=kind, off=self._split_off(rng, percent))
            for code, value in parts.items():
                splits.append(TargetSplit(indicator=indicator, area_id=code, target=value))
                tambons = province.tambons.get(code, [])
                if tambons and rng.random() < TAMBON_SPLIT_RATE:
                    shares = {t.code: rng.uniform(0.4, 1.6) for t in tambons}
                    below = _split(rng, value, shares, percent=percent, kind=kind)
                    splits += [
                        TargetSplit(indicator=indicator, area_id=c, target=v) for c, v in below.items()
                    ]
                    reporting.update(below)
                else:
                    reporting[code] = value
            # Districts left out of the split report all the same, now and then.
            for d in districts:
                if d.code not in parts and rng.random() < 0.5:
                    reporting[d.code] = None
        entries = self._entries(province, plan, indicator, kind, reporting, whole, len(districts))
        self.indicators.append((indicator, splits, entries))

    def _entries(
        self, province, plan, indicator, kind, reporting, whole, district_count
    ) -> list[ProgressEntry]:
        rng = self.rng
        periods = [
            p for p in periods_of(plan.period_kind, plan.year_kind, plan.year_be) if p.ends_on <= AS_OF
        ]
        percent = kind.unit == Unit.PERCENT
        entries = []
        for code, part in sorted(reporting.items()):
            if rng.random() < SILENT_AREA_RATE:
                continue
            if part is None:  # no split: a fair share of the whole
                part = (
                    whole
                    if percent
                    else _quantity(kind, float(whole) / district_count * rng.uniform(0.5, 1.5))
                )
            pace = rng.uniform(0.3, 1.3)  # some areas run ahead of their target, most behind
            denominator = Decimal(rng.randint(*kind.denominator)) if percent else None
            if denominator is not None and len(code) > 4:
                denominator = max(Decimal(5), (denominator / 6).quantize(Decimal(1)))
            start = (
                float(indicator.baseline or 0) / max(1, district_count)
                if not percent
                else rng.uniform(10, 50)
            )
            for number, period in enumerate(periods, start=1):
                if rng.random() < MISSED_QUARTER_RATE:
                    continue
                share = number / len(periods)
                if percent:
                    level = (
                        start + (float(part) - start) * share * pace
                        if not kind.accumulates
                        else float(part) * pace
                    )
                    value = Decimal(min(int(denominator), max(0, round(float(denominator) * level / 100))))
                elif kind.accumulates:
                    value = _quantity(kind, float(part) / 4 * pace * rng.uniform(0.3, 1.7))
                else:
                    value = _quantity(
                        kind, start + (float(part) - start) * share * pace * rng.uniform(0.9, 1.1)
                    )
                if rng.random() < ZERO_RATE:
                    value = Decimal(0)
                entries.append(self._entry(province, indicator, code, period, value, denominator))
        return entries

    def _entry(self, province, indicator, code, period, value, denominator) -> ProgressEntry:
        rng = self.rng
        reported = period.ends_on + dt.timedelta(days=rng.randint(3, 40))
        entry = ProgressEntry(
            indicator=indicator,
            area_id=code,
            period_start=period.starts_on,
            value=value,
            denominator=denominator,
            note=rng.choice(("", "ดำเนินการตามแผน", "ลงพื้นที่ร่วมกับเครือข่ายอำเภอ", "รวบรวมจากรายงานตำบล")),
            evidence_link=f"รายงานผลการดำเนินงานไตรมาส {period.number}/{period.year_be}" if rng.random() < 0.4 else "",
            submitted_by=province.reporters.get(code[:4], province.coordinator),
            submitted_at=_at(min(reported, AS_OF), rng),
        )  # fmt: skip
        entry.period_key = (indicator.plan, period.starts_on)  # read by _decide once the locks are known
        return entry

    def _locks(self, province: _Province, plans: list[Plan]) -> None:
        rng = self.rng
        for plan in plans:
            periods = periods_of(plan.period_kind, plan.year_kind, plan.year_be)
            if plan.year_be < YEARS[-1]:
                locked = len(periods) if rng.random() < 0.85 else len(periods) - 1
            else:
                locked = rng.choice((1, 2, 2, 3))
            plan.locked_periods = {p.starts_on for p in periods[:locked]}
            plan.latest_period = periods[-1].starts_on
            for period in periods[:locked]:
                locked_at = _at(period.ends_on + dt.timedelta(days=rng.randint(30, 75)), rng)
                if rng.random() < 0.05:  # reopened by an administrator to correct it, then approved again
                    self.locks.append(
                        PeriodLock(
                            plan=plan,
                            period_start=period.starts_on,
                            locked_by=province.coordinator,
                            reopened_by=self.ctx.by,
                            reopened_at=locked_at + dt.timedelta(days=20),
                            reopen_reason="แก้ไขตัวเลขของอำเภอที่ส่งผิด",
                        )  # fmt: skip
                    )
                self.locks.append(
                    PeriodLock(plan=plan, period_start=period.starts_on, locked_by=province.coordinator)
                )

    def decide(self, entry: ProgressEntry, coordinator) -> None:
        """The province's decision on an entry: a locked quarter's entries were all decided; the last quarter's
        mostly wait."""
        rng = self.rng
        plan, start = entry.period_key
        roll = rng.random()
        if start in plan.locked_periods:
            status = EntryStatus.RETURNED if roll < 0.03 else EntryStatus.APPROVED
        elif start == plan.latest_period:
            status = (
                EntryStatus.SUBMITTED
                if roll < 0.6
                else EntryStatus.APPROVED
                if roll < 0.9
                else EntryStatus.RETURNED
            )
        else:
            status = (
                EntryStatus.SUBMITTED
                if roll < 0.3
                else EntryStatus.APPROVED
                if roll < 0.9
                else EntryStatus.RETURNED
            )
        entry.status = status
        if status == EntryStatus.SUBMITTED:
            return
        entry.decided_by = coordinator
        entry.decided_at = min(entry.submitted_at + dt.timedelta(days=rng.randint(2, 30)), _at(AS_OF, rng))
        if status == EntryStatus.RETURNED:
            entry.return_reason = rng.choice(("ขอหลักฐานเพิ่มเติม", "ตัวเลขไม่ตรงกับรายงานการประชุม", "ขอแยกรายตำบล"))
        elif rng.random() < CORRECTED_RATE:
            # Sent back once, corrected by the area and approved: the row carries its corrected value.
            entry.version = rng.choice((3, 3, 5))
            entry.return_reason = "ตัวเลขไม่ตรงกับรายงานการประชุม"
            entry.note = "แก้ไขตัวเลขตามที่จังหวัดส่งกลับ"
            entry.value = _quantity_like(entry.value, rng.uniform(0.6, 1.2), entry.denominator)


def _quantity_like(value: Decimal, factor: float, denominator: Decimal | None) -> Decimal:
    corrected = Decimal(round(float(value) * factor))
    return min(corrected, denominator) if denominator is not None else corrected


def _write_plans(ctx: SynthContext, builder: _Builder, provinces: dict[str, _Province]) -> None:
    issues = dict(IssueArea.objects.filter(province__isnull=True).values_list("slug", "pk"))
    strategies = dict(NationalStrategy.objects.values_list("number", "pk"))
    ctx.insert(Plan, builder.plans)
    through = Plan.issue_areas.through
    ctx.insert(through, [through(plan_id=plan.pk, issuearea_id=issues[slug]) for plan in builder.plans
                         for slug in ("community-welfare", "community-councils") if slug in issues])  # fmt: skip
    for work, _issue, _strategies in builder.main_works:
        work.plan_id = work.plan.pk
    ctx.insert(MainWork, [work for work, _i, _s in builder.main_works])
    through = MainWork.issue_areas.through
    ctx.insert(through, [through(mainwork_id=w.pk, issuearea_id=issues[i]) for w, i, _s in builder.main_works
                         if i in issues])  # fmt: skip
    through = MainWork.strategies.through
    ctx.insert(through, [through(mainwork_id=w.pk, nationalstrategy_id=strategies[n])
                         for w, _i, numbers in builder.main_works for n in numbers if n in strategies])  # fmt: skip
    projects = [project for project, _d, _p in builder.projects]
    for project in projects:
        project.plan_id, project.main_work_id = project.plan.pk, project.main_work.pk
    ctx.insert(Project, projects)
    through = Project.areas.through
    ctx.insert(
        through, [through(project_id=p.pk, area_id=c) for p, codes, _p in builder.projects for c in codes]
    )
    through = Project.partners.through
    ctx.insert(through, [through(project_id=p.pk, organisation_id=o.pk) for p, _c, orgs in builder.projects
                         for o in orgs])  # fmt: skip
    for line in builder.budget_lines:
        line.project_id = line.project.pk
    ctx.insert(BudgetLine, builder.budget_lines)
    indicators = [indicator for indicator, _s, _e in builder.indicators]
    for indicator in indicators:
        indicator.plan_id, indicator.project_id = indicator.plan.pk, indicator.project.pk
        indicator.main_work_id = indicator.main_work.pk
    ctx.insert(Indicator, indicators)
    splits, entries = [], []
    for indicator, indicator_splits, indicator_entries in builder.indicators:
        for split in indicator_splits:
            split.indicator_id = indicator.pk
        for entry in indicator_entries:
            entry.indicator_id = indicator.pk
            builder.decide(entry, provinces[indicator.plan.area_id].coordinator)
        splits += indicator_splits
        entries += indicator_entries
    ctx.insert(TargetSplit, splits)
    ctx.insert(ProgressEntry, entries)
    for lock in builder.locks:
        lock.plan_id = lock.plan.pk
    ctx.insert(PeriodLock, builder.locks)


def _charters(ctx: SynthContext, rng, tambons: list[Area]) -> list[Charter]:
    councils = {o.area_id: o for orgs in ctx.made["organisations_by_province"].values() for o in orgs
                if o.kind == "council" and len(o.area_id) == 6}  # fmt: skip
    charters, events = [], []
    for tambon in tambons:
        if rng.random() >= ctx.scale.charter_share:
            continue
        reached = rng.choices(range(len(CHARTER_PATH)), weights=(30, 20, 25, 20, 5))[0]
        day = dt.date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
        path: list[tuple[str, dt.date]] = []
        for stage in CHARTER_PATH[: reached + 1]:
            if day > AS_OF:
                break
            path.append((stage, day))
            day += dt.timedelta(days=rng.randint(45, 400))
        charter = Charter(
            area_id=tambon.code,
            title=f"ธรรมนูญตำบล{tambon.name_th}",
            stage=path[-1][0],
            stage_on=path[-1][1],
            adopted_by=councils.get(tambon.code) if path[-1][0] in ENACTED else None,
        )
        charters.append(charter)
        version = 0
        for stage, happened_on in path:
            drafted = stage in (CharterStage.DRAFTING, CharterStage.HEARING, CharterStage.REVISED)
            version += drafted
            events.append(
                StageEvent(
                    charter=charter, stage=stage, happened_on=happened_on, recorded_by=ctx.by,
                    document_title=f"ร่างธรรมนูญตำบล{tambon.name_th}" if drafted else "",
                    document_version=version if drafted else None,
                )
            )  # fmt: skip
    ctx.insert(Charter, charters)
    for event in events:
        event.charter_id = event.charter.pk
    ctx.insert(StageEvent, events)
    return charters


REGISTRATION_PATHS = (
    ((RegistrationStage.PREPARING,), 10),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED), 10),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED, RegistrationStage.REVIEWING), 12),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED, RegistrationStage.REVIEWING,
      RegistrationStage.REGISTERED), 40),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED, RegistrationStage.REVIEWING,
      RegistrationStage.REGISTERED, RegistrationStage.RENEWED), 12),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED, RegistrationStage.REVIEWING,
      RegistrationStage.REFUSED), 4),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED, RegistrationStage.WITHDRAWN), 4),
    ((RegistrationStage.PREPARING, RegistrationStage.SUBMITTED, RegistrationStage.REVIEWING,
      RegistrationStage.REGISTERED, RegistrationStage.LAPSED), 8),
)  # fmt: skip


def _registrations(ctx: SynthContext, rng, codes: list[str]) -> None:
    funds: dict[str, list] = {}
    for fund in ctx.made.get("funds", []):
        funds.setdefault(fund.area_id[:2], []).append(fund)
    registrations, events = [], []
    for code in codes:
        orgs = ctx.made["province_organisations"][code]
        networks = [o for c, o in sorted(ctx.made["district_networks"].items()) if c.startswith(code)]
        councils = [
            o
            for o in ctx.made["organisations_by_province"][code]
            if o.kind == "council" and len(o.area_id) == 6
        ]
        subjects = [("fund", f) for f in funds.get(code, [])] + [("network", n) for n in networks]
        subjects += [("council", c) for c in councils]
        for kind, subject in rng.sample(subjects, min(len(subjects), ctx.scale.registrations_per_province)):
            paths, weights = zip(*REGISTRATION_PATHS, strict=True)
            path = rng.choices(paths, weights=weights)[0]
            day = dt.date(rng.randint(2017, 2025), rng.randint(1, 12), rng.randint(1, 28))
            reached = []
            for stage in path:
                if day > AS_OF:
                    break
                reached.append((stage, day))
                day += dt.timedelta(
                    days=rng.randint(20, 120) if stage != RegistrationStage.REGISTERED else 365 * 3
                )
            registered_on = next((d for s, d in reached if s == RegistrationStage.REGISTERED), None)
            renewed_on = next((d for s, d in reached if s == RegistrationStage.RENEWED), None)
            law = (
                RegistrationLaw.COMMUNITY_COUNCIL
                if kind == "council"
                else RegistrationLaw.WELFARE_ORGANISATION
            )
            registration = Registration(
                area_id=subject.area_id,
                fund=subject if kind == "fund" else None,
                organisation=subject if kind != "fund" else None,
                law=law,
                authority=orgs["msdhs"] if law == RegistrationLaw.WELFARE_ORGANISATION else orgs["dla"],
                stage=reached[-1][0],
                stage_on=reached[-1][1],
                registration_number=f"{code}/{rng.randint(1, 400):03d}" if registered_on else "",
                registered_on=registered_on,
                expires_on=(renewed_on or registered_on) + dt.timedelta(days=365 * 3)
                if registered_on
                else None,
            )
            registrations.append(registration)
            events += [StageEvent(registration=registration, stage=s, happened_on=d, recorded_by=ctx.by)
                       for s, d in reached]  # fmt: skip
    ctx.insert(Registration, registrations)
    for event in events:
        event.registration_id = event.registration.pk
    ctx.insert(StageEvent, events)


def fill(ctx: SynthContext) -> None:
    rng = ctx.rng("plans")
    tambons: dict[str, list[Area]] = {}
    all_tambons = ctx.areas_of(AreaLevel.SUBDISTRICT)
    for tambon in all_tambons:
        tambons.setdefault(tambon.code[:4], []).append(tambon)
    districts: dict[str, list[Area]] = {}
    for district in ctx.areas_of(AreaLevel.DISTRICT):
        districts.setdefault(district.code[:2], []).append(district)
    users = {user.username: user for user in ctx.made["users"]}
    provinces = {
        p.code: _Province(ctx, p, districts.get(p.code, []), tambons, users)
        for p in ctx.areas_of(AreaLevel.PROVINCE)
    }
    builder = _Builder(ctx, rng)
    for code in sorted(provinces):
        builder.province(provinces[code])
    _write_plans(ctx, builder, provinces)
    _charters(ctx, rng, all_tambons)
    _registrations(ctx, rng, sorted(provinces))
