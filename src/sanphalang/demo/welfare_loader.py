"""The demo's welfare funds: Chiang Rai's three disagreeing sources (S9), made by the tested generator, imported
and reconciled through the same services an officer uses."""

import datetime as dt
import random
import zlib
from decimal import Decimal

from django.db import transaction

from sanphalang.demo.fund_sources import generate_sources
from sanphalang.directory.models import Person
from sanphalang.imports.tabular import Table
from sanphalang.welfare.models import AuditRound, Fund, Source
from sanphalang.welfare.services.audits import (
    DEFAULT_CHECKLIST,
    audit_round_create,
    audit_visit_plan,
    audit_visit_record,
    finding_add,
)
from sanphalang.welfare.services.figures import fund_year_save
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.sources import source_import

# The generator's field names are the registry's; each source gets the Thai headings its office writes.
SOURCE_NAMES = {
    "program": "ข้อมูลในระบบโปรแกรมบริหารกองทุน",
    "matching": "รายชื่อกองทุนที่ผ่านความเห็นชอบให้สมทบ",
    "survey": "ผลสำรวจสถานะการดำเนินงานของเครือข่าย 18 อำเภอ",
}
HEADINGS = {
    "fund_name": "ชื่อกองทุน",
    "tambon": "ตำบล",
    "district": "อำเภอ",
    "province": "จังหวัด",
    "location": "ที่ตั้ง",
    "members": "จำนวนสมาชิก",
    "status": "สถานะ",
    "founded": "วันที่ก่อตั้ง",
    "fund_code": "รหัสกองทุน",
}
DEMO_FUNDS = 150
SEED = 2562


def _cell(record, field: str) -> str:
    value = getattr(record, field)
    if value is None:
        return ""
    if hasattr(value, "year"):
        return f"{value.day}/{value.month}/{value.year + 543}"
    return str(value)


@transaction.atomic
def load_welfare(by) -> dict:
    """Import the three sources once (a second run leaves them as they are) and reconcile the province, then give
    the funds two years of figures and plan the S11 round of follow-up visits."""
    if Source.objects.filter(area_id="57", name__in=SOURCE_NAMES.values()).count() == len(SOURCE_NAMES):
        return {"sources": len(SOURCE_NAMES), "reconciled": False}
    summary = _load_sources(by)
    years = _load_figures(by)
    visits = _load_audit_round(by)
    return {"sources": len(SOURCE_NAMES), "reconciled": True, "years": years, "visits": visits, **summary}


def _load_sources(by) -> dict:
    sources, _truth = generate_sources(DEMO_FUNDS, seed=SEED, provinces=("57",))
    fields = list(HEADINGS)
    for key, records in sources.items():
        table = Table(
            headings=[HEADINGS[f] for f in fields],
            rows=[(line, [_cell(r, f) for f in fields]) for line, r in enumerate(records, start=2)],
        )
        source_import(
            by=by,
            source_name=SOURCE_NAMES[key],
            area_code="57",
            kind=key,
            table=table,
            column_mapping=HEADINGS,
        )
    return reconcile(by=by, province_code="57")


FIGURE_YEARS = (2560, 2561)


def money(value: float) -> Decimal:
    return Decimal(round(value)).quantize(Decimal("0.01"))


def year_figures(members: int, rng: random.Random, balance: Decimal) -> dict:
    """Plausible figures of one year: members save about a baht a day, the government matches part of it, and
    benefits are paid mostly for sickness, death and the elderly."""
    savings = members * 365 * rng.uniform(0.8, 1.0)
    paid = {
        "benefits_birth": members * 0.01 * 500,
        "benefits_sickness": members * rng.uniform(0.08, 0.15) * 300,
        "benefits_death": members * 0.008 * 5000,
        "benefits_elderly": members * 0.2 * rng.uniform(200, 400),
        "benefits_education": members * 0.03 * rng.choice((0, 500, 1000)),
        "benefits_disaster": rng.choice((0, 0, 0, members * 50)),
    }
    matching = {
        "matching_government": savings * rng.uniform(0.2, 0.35),
        "matching_local_government": rng.choice((0, savings * 0.1, savings * 0.2)),
        "matching_other": rng.choice((0, 0, 5000)),
    }
    balance += money(savings + sum(matching.values()) - sum(paid.values()))
    children, elderly = round(members * rng.uniform(0.1, 0.2)), round(members * rng.uniform(0.2, 0.35))
    return {
        "members": members,
        "members_children": children,
        "members_working_age": members - children - elderly,
        "members_elderly": elderly,
        "savings": money(savings),
        "balance": max(balance, Decimal(0)),
        **{name: money(value) for name, value in {**matching, **paid}.items()},
    }


def _load_figures(by) -> int:
    """Two years of figures for every fund with a member count, the same on every load (seeded per fund name)."""
    rows = 0
    for fund in Fund.objects.filter(area__code__startswith="57").exclude(members=None).order_by("pk"):
        rng = random.Random(zlib.crc32(fund.name_th.encode()))
        balance = money(fund.members * rng.uniform(500, 1500))
        for offset, year in enumerate(FIGURE_YEARS):
            members = round(fund.members * (0.93 if offset == 0 else 1.0)) or 1
            values = year_figures(members, rng, balance)
            balance = values["balance"]
            fund_year_save(by=by, fund=fund, year_be=year, values=values)
            rows += 1
    return rows


AUDIT_ROUND_NAME = "ติดตามสอบทานกองทุนสวัสดิการชุมชน ปี 2562"


def _load_audit_round(by) -> int:
    """S11: the round of 20 May – 15 Jun 2562 over eight funds of four districts; the first two visits done."""
    if AuditRound.objects.filter(province_id="57", name=AUDIT_ROUND_NAME).exists():
        return 0
    audit_round = audit_round_create(
        by=by,
        name=AUDIT_ROUND_NAME,
        province_code="57",
        starts_on=dt.date(2019, 5, 20),
        ends_on=dt.date(2019, 6, 15),
        checklist=DEFAULT_CHECKLIST,
    )
    team = list(Person.objects.filter(area__code__startswith="57").order_by("pk")[:2])
    funds = [
        fund
        for district in ("5701", "5702", "5709", "5710")
        for fund in Fund.objects.filter(area__code__startswith=district).order_by("sort_key")[:2]
    ]
    for day, fund in enumerate(funds):
        visit = audit_visit_plan(
            by=by,
            audit_round=audit_round,
            fund=fund,
            planned_on=dt.date(2019, 5, 20) + dt.timedelta(days=3 * day),
            team=team,
        )
        if day < 2:
            answers = {question: "yes" for question in DEFAULT_CHECKLIST}
            answers[DEFAULT_CHECKLIST[2]] = "partly"
            audit_visit_record(by=by, visit=visit, visited_on=visit.planned_on, answers=answers)
            counted = round((fund.members or 100) * 0.95)
            finding_add(
                by=by,
                visit=visit,
                text=f"ทะเบียนสมาชิกไม่เป็นปัจจุบัน นับได้ {counted} คน ณ วันตรวจเยี่ยม",
                follow_up="ปรับปรุงทะเบียนสมาชิกและแจ้งเครือข่ายอำเภอ",
                due_on=dt.date(2019, 7, 15),
                proposed_field="members",
                proposed_value=str(counted),
            )
    return len(funds)
