"""Welfare data and checks shared by the welfare API tests (this module holds no tests).

The registry is built through the welfare services, as users build it: sources imported, then reconciled.
"""

import datetime as dt
from dataclasses import dataclass

from django.test import Client

from sanphalang.areas.models import Area
from sanphalang.directory.services import person_create
from sanphalang.welfare.models import AuditRound, Fund, Source, SourceRecord
from sanphalang.welfare.services.audits import (
    DEFAULT_CHECKLIST,
    audit_round_create,
    audit_visit_plan,
    audit_visit_record,
    finding_add,
)
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.sources import source_import

from ...welfare.registry_data import THAI_HEADINGS, import_source, matching_rows, program_rows, table

PROGRAM = "โปรแกรมบริหารกองทุน"
MATCHING = "รายชื่อรับเงินสมทบ"
SURVEY = "สำรวจเครือข่าย"
# A network survey that writes Mae Yao with another fund code and far fewer members, and lists a village fund of
# Mae Yao: the linkage is unsure of both, and of the Mae Yao rows they were compared with.
SURVEY_ROWS = [
    ["1", "กองทุนสวัสดิการชุมชนตำบลแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "300", "ดำเนินการ", "F007"],
    ["2", "กองทุนสวัสดิการชุมชนบ้านแม่ยาว", "แม่ยาว", "เมืองเชียงราย", "เชียงราย", "1250", "ดำเนินการ", "F009"],
]


@dataclass
class Registry:
    """Chiang Rai's funds reconciled from the program and the matching list."""

    mae_yao: Fund  # Mueang district; the sources say 1,200 and 1,300 members
    rim_kok: Fund  # Mueang district; the matching list writes its status as "หยุดดำเนินการ"
    mae_sai: Fund  # Mae Sai district; only the program lists it

    def record(self, fund: Fund, source: str) -> SourceRecord:
        return fund.source_records.get(source__name=source)


def build_registry(cast) -> Registry:
    import_source(cast.chiangrai_coordinator, PROGRAM, program_rows())
    import_source(cast.chiangrai_coordinator, MATCHING, matching_rows())
    reconcile(by=cast.chiangrai_coordinator, province_code="57")
    return Registry(*(Fund.objects.get(fund_code=code) for code in ("F001", "F002", "F003")))


def import_survey(cast) -> None:
    import_source(cast.chiangrai_coordinator, SURVEY, SURVEY_ROWS)


def reimport_program(cast, *, mae_yao_members: str) -> None:
    """The program's file again, with another member count for Mae Yao, and the sources reconciled."""
    rows = program_rows()
    rows[0][5] = mae_yao_members
    import_source(cast.chiangrai_coordinator, PROGRAM, rows)
    reconcile(by=cast.chiangrai_coordinator, province_code="57")


def build_phayao_fund(cast) -> Fund:
    rows = [["1", "กองทุนสวัสดิการชุมชนตำบลแม่กา", "แม่กา", "เมืองพะเยา", "พะเยา", "300", "ดำเนินการ", "P001"]]
    source_import(
        by=cast.phayao_coordinator, source_name=PROGRAM, area_code="56", table=table(THAI_HEADINGS, rows)
    )
    reconcile(by=cast.phayao_coordinator, province_code="56")
    return Fund.objects.get(fund_code="P001")


# ---- audit rounds

ROUND_START, ROUND_END = dt.date(2019, 5, 20), dt.date(2019, 6, 15)


def build_audit_round(cast, registry: Registry, team_member) -> AuditRound:
    """A round visiting Mae Yao (visited, one open finding) and Mae Sai (planned only)."""
    by = cast.chiangrai_coordinator
    audit_round = audit_round_create(
        by=by, name="ติดตามสอบทานกองทุน 2562", province_code="57", starts_on=ROUND_START, ends_on=ROUND_END
    )
    mae_yao = audit_visit_plan(
        by=by,
        audit_round=audit_round,
        fund=registry.mae_yao,
        planned_on=dt.date(2019, 5, 28),
        team=[team_member],
    )
    audit_visit_record(
        by=by, visit=mae_yao, visited_on=dt.date(2019, 5, 28), answers={DEFAULT_CHECKLIST[0]: "yes"}
    )
    finding_add(
        by=by, visit=mae_yao, text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน", proposed_field="members", proposed_value="1210"
    )
    audit_visit_plan(by=by, audit_round=audit_round, fund=registry.mae_sai, planned_on=dt.date(2019, 6, 3))
    return audit_round


# ---- many rows, for the query counts


def add_rows(cast, audit_round: AuditRound, start: int, how_many: int) -> None:
    """Per row: a fund in one of Chiang Rai's districts, a source whose record of it waits for review, a round,
    and a visit of audit_round to the fund with a team member and a finding."""
    districts = list(Area.objects.filter(parent_id="57").order_by("code").values_list("code", flat=True))
    by = cast.chiangrai_coordinator
    for n in range(start, start + how_many):
        fund = Fund.objects.create(
            name_th=f"กองทุนสวัสดิการชุมชนทดสอบ {n}", area_id=districts[n % len(districts)], members=100 + n
        )
        source = Source.objects.create(name=f"แหล่งข้อมูล {n}", area_id="57")
        SourceRecord.objects.create(
            source=source,
            row=1,
            fund_name=fund.name_th,
            fund=fund,
            needs_review=True,
            link_score=0.7,
            link_reasons=[["name_similar", "0.70"]],
        )
        audit_round_create(
            by=by, name=f"รอบ {n}", province_code="57", starts_on=ROUND_START, ends_on=ROUND_END
        )
        person = person_create(by=by, first_name=f"สมศรี{n}", area_code="5701")
        visit = audit_visit_plan(by=by, audit_round=audit_round, fund=fund, team=[person])
        finding_add(by=by, visit=visit, text=f"ข้อสังเกต {n}")


# ---- the OpenAPI document

_TYPES = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "array": list,
    "object": dict,
    "null": type(None),
}
_FORMATS = {"date": dt.date.fromisoformat, "date-time": dt.datetime.fromisoformat}


def _problems(value, schema: dict, components: dict, where: str) -> list[str]:
    """Where value departs from the JSON schema: a wrong type, a value off its enum, a key missing or undocumented."""
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:
        fits = any(not _problems(value, option, components, where) for option in schema["anyOf"])
        return [] if fits else [f"{where}: {value!r} fits none of {schema['anyOf']}"]
    kind = schema.get("type")
    if kind is None:
        return []
    if not isinstance(value, _TYPES[kind]) or (isinstance(value, bool) and kind in {"integer", "number"}):
        return [f"{where}: {value!r} is not {kind}"]
    if value not in schema.get("enum", [value]):
        return [f"{where}: {value!r} is not one of {schema['enum']}"]
    if schema.get("format") in _FORMATS:
        try:
            _FORMATS[schema["format"]](value.replace("Z", "+00:00"))
        except ValueError:
            return [f"{where}: {value!r} is not a {schema['format']}"]
    if kind == "array":
        return [
            p
            for i, item in enumerate(value)
            for p in _problems(item, schema["items"], components, f"{where}[{i}]")
        ]
    if kind != "object":
        return []
    documented = schema.get("properties")
    if documented is None:
        extra = schema.get("additionalProperties")
        return [
            p
            for key, item in value.items()
            if isinstance(extra, dict)
            for p in _problems(item, extra, components, f"{where}.{key}")
        ]
    problems = [f"{where}: {key} is undocumented" for key in sorted(set(value) - set(documented))]
    problems += [f"{where}: {key} is missing" for key in sorted(set(documented) - set(value))]
    return problems + [
        p
        for key in sorted(set(value) & set(documented))
        for p in _problems(value[key], documented[key], components, f"{where}.{key}")
    ]


def openapi() -> dict:
    return Client().get("/api/openapi.json").json()


def documentation_problems(
    document: dict, route: str, body, *, method: str = "get", status: str = "200"
) -> list:
    """How the answer of route (as written in the document, e.g. /api/welfare/funds/{fund_id}) departs from what
    the document says it answers."""
    schema = document["paths"][route][method]["responses"][status]["content"]["application/json"]["schema"]
    return _problems(body, schema, document["components"]["schemas"], route)
