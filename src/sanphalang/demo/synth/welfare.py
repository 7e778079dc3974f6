"""Synthetic welfare funds: the registry of every province's funds, six years of figures with the gaps real
reports have, the district networks they belong to, and a round of follow-up visits in each province."""

import datetime as dt

from sanphalang.demo.fund_sources import NAME_FORMS, plan_funds
from sanphalang.demo.welfare_loader import money, year_figures
from sanphalang.welfare.models import AuditRound, AuditVisit, Fund, FundStatus, FundYear
from sanphalang.welfare.services.audits import DEFAULT_CHECKLIST
from sanphalang.welfare.services.registry import set_fund_keys

from .context import SynthContext
from .names import person_name, phone_number

FIGURE_YEARS = (2564, 2565, 2566, 2567, 2568, 2569)
MISSING_YEAR_RATE = 0.06
# The year the data is dated in: many funds have not sent its report yet.
LATE_YEAR_RATE = 0.3
MISSING_VALUE_RATE = 0.04
VISITS_PER_ROUND = 6


def _funds(ctx: SynthContext, rng) -> list[Fund]:
    provinces = tuple(ctx.province_codes())
    funds = []
    for planned in plan_funds(ctx.scale.funds, rng, provinces):
        # The registry writes each fund by the first, official form of its name.
        name = NAME_FORMS[planned.kind][0].format(x=planned.core_name)
        registered = rng.random() < 0.15
        contact = person_name(rng) if rng.random() < 0.6 else None
        fund = Fund(
            name_th=name,
            area_id=planned.area_code,
            is_municipal=planned.kind == "municipality",
            fund_code=planned.fund_code if rng.random() < 0.9 else "",
            founded_on=planned.founded if rng.random() < 0.95 else None,
            status=planned.status if rng.random() < 0.97 else FundStatus.UNKNOWN,
            registered_welfare_organisation=registered,
            registered_on=dt.date(rng.randint(2016, 2024), rng.randint(1, 12), 1) if registered else None,
            contact_name=" ".join(contact) if contact else "",
            contact_phone=phone_number(rng) if contact and rng.random() < 0.8 else "",
            members=planned.members if rng.random() < 0.97 else None,
        )
        set_fund_keys(fund)
        funds.append(fund)
    ctx.insert(Fund, funds)
    networks = ctx.made["district_networks"]
    through = Fund.networks.through
    ctx.insert(
        through,
        [
            through(fund_id=f.pk, organisation_id=networks[f.area_id[:4]].pk)
            for f in funds
            if f.area_id[:4] in networks
        ],
    )
    return funds


def _years(ctx: SynthContext, rng, funds: list[Fund]) -> None:
    rows = []
    for fund in funds:
        members = fund.members or rng.randint(80, 600)
        balance = money(members * rng.uniform(500, 1500))
        for year in FIGURE_YEARS:
            members = max(1, round(members * rng.uniform(0.97, 1.08)))
            if fund.founded_on and fund.founded_on.year + 543 > year:
                continue
            values = year_figures(members, rng, balance)
            balance = values["balance"]
            if rng.random() < (LATE_YEAR_RATE if year == FIGURE_YEARS[-1] else MISSING_YEAR_RATE):
                continue  # the fund sent no report that year
            for name in list(values):
                if name != "members" and rng.random() < MISSING_VALUE_RATE:
                    values[name] = None
            rows.append(FundYear(fund=fund, year_be=year, **values))
    ctx.insert(FundYear, rows)


def _audit_rounds(ctx: SynthContext, rng, funds: list[Fund]) -> None:
    by_province: dict[str, list[Fund]] = {}
    for fund in funds:
        by_province.setdefault(fund.area_id[:2], []).append(fund)
    rounds = []
    for code, province_funds in sorted(by_province.items()):
        name = ctx.made["province_organisations"][code]["governor"].name_th.removeprefix("สำนักงานจังหวัด")
        rounds.append(
            (
                AuditRound(
                    name=f"ติดตามกองทุนสวัสดิการชุมชนจังหวัด{name} ปี 2568",
                    province_id=code,
                    starts_on=dt.date(2025, 5, 1),
                    ends_on=dt.date(2025, 6, 30),
                    checklist=list(DEFAULT_CHECKLIST),
                ),
                rng.sample(province_funds, min(len(province_funds), VISITS_PER_ROUND)),
            )
        )
    ctx.insert(AuditRound, [r for r, _funds in rounds])
    visits = []
    for audit_round, visited in rounds:
        for day, fund in enumerate(visited):
            planned_on = audit_round.starts_on + dt.timedelta(days=7 * day)
            done = day < VISITS_PER_ROUND // 2
            visits.append(
                AuditVisit(
                    round=audit_round,
                    fund=fund,
                    planned_on=planned_on,
                    visited_on=planned_on if done else None,
                    answers={q: rng.choice(("yes", "yes", "partly", "no")) for q in DEFAULT_CHECKLIST}
                    if done
                    else {},
                )
            )
    ctx.insert(AuditVisit, visits)


def fill(ctx: SynthContext) -> None:
    rng = ctx.rng("welfare")
    funds = _funds(ctx, rng)
    ctx.made["funds"] = funds
    _years(ctx, rng, funds)
    _audit_rounds(ctx, rng, funds)
