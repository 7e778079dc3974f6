"""Writes to the welfare registry: import a source, reconcile the sources into funds, settle disagreements."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.accounts.audit import stamp, validated_save
from sanphalang.areas.models import COUNTRY_CODE, Area, AreaLevel, Region
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.imports.services import RowError
from sanphalang.imports.tabular import Table
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, organisation_search_key

from .errors import WelfareError
from .linkage import LinkResult, link_records
from .models import Fund, FundStatus, Settlement, Source, SourceRecord
from .normalise import normalise_fund_name
from .records import (
    check_mapping,
    field_value,
    fund_identity,
    fund_record,
    recognise_mapping,
    record_area,
    row_problems,
    row_values,
)

# Disagreements are explained for these fields; each maps to the Fund field a settlement writes.
SETTLE_FIELDS = {"fund_name": "name_th", "members": "members", "status": "status", "founded": "founded_on",
                 "fund_code": "fund_code"}
REVIEW_BELOW = 0.9
MANUAL_REASON = "officer"


@dataclass
class ImportResult:
    source: Source
    created: int
    mapping: dict[str, str]
    recognised: bool = False
    unresolved_areas: list[int] = field(default_factory=list)
    skipped: list[RowError] = field(default_factory=list)

    @property
    def skipped_rows(self) -> int:
        """How many rows were left out as bad (a row can have several errors)."""
        return len({error.line for error in self.skipped})


# --- import -------------------------------------------------------------------------------------------------

@transaction.atomic
def source_import(*, by, source_name: str, province_code: str, table: Table,
                  column_mapping: dict[str, str] | None = None, skip_bad_rows: bool = False) -> ImportResult:
    """Store each data row of table as a record of the named source, replacing what the source held before.

    A row with no fund name or an unreadable value is a bad row: nothing changes while there is one (the
    ValidationError lists each with its line), unless skip_bad_rows, which keeps the good rows only.
    """
    require_write(by, province_code)
    name = clean_text(source_name)
    if not name:
        raise ValidationError({"source_name": _("Name the source.")})
    province = Area.objects.filter(code=province_code).first()
    if province is None:
        raise ValidationError({"province_code": _("No area has the code %(code)s.") % {"code": province_code}})
    source = Source.objects.filter(province=province, name=name).first()
    recognised = False
    if column_mapping is not None:
        mapping = {k: v for k, v in column_mapping.items() if v}
    elif source and source.column_mapping:
        mapping = dict(source.column_mapping)
    else:
        mapping, recognised = recognise_mapping(table.headings), True
    checked = source_rows(table, mapping)
    if checked.errors and not skip_bad_rows:
        raise SourceRowsRefused(checked.errors)
    if source is None:
        source = Source.objects.create(province=province, name=name)
    previous = _previous_links(source)
    source.records.all().delete()
    records = [SourceRecord(source=source, row=row, data=data, fund_name=data["fund_name"][:300])
               for row, data in checked.rows]
    codes = {id(r): record_area(r.data, province=province.name_th).subdistrict_code for r in records}
    known = set(Area.objects.filter(code__in={c for c in codes.values() if c}).values_list("code", flat=True))
    for record in records:
        record.area_id = codes[id(record)] if codes[id(record)] in known else None
        _carry_link(record, previous)
    SourceRecord.objects.bulk_create(records, batch_size=1000)
    source.column_mapping = mapping
    source.imported_at = timezone.now()
    source.imported_by = by
    source.save()
    return ImportResult(source=source, created=len(records), mapping=mapping, recognised=recognised,
                        unresolved_areas=[r.row for r in records if r.area_id is None],
                        skipped=checked.errors)


@dataclass
class CheckedRows:
    """A source file's rows as (row, values) under a mapping, and the errors of the rows left out."""

    rows: list[tuple[int, dict]]
    errors: list[RowError]


def source_rows(table: Table, mapping: dict[str, str]) -> CheckedRows:
    """Read the table's rows under the mapping; row is the record's 1-based data row (line - 1 below a heading)."""
    positions = check_mapping(mapping, table.headings)
    rows, errors = [], []
    for line, cells in table.rows:
        data = row_values(cells, positions)
        problems = row_problems(data)
        errors.extend(RowError(line, mapping[name], message) for name, message in problems)
        if not problems:
            rows.append((line - 1, data))
    return CheckedRows(rows=rows, errors=errors)


class SourceRowsRefused(ValidationError):
    """Bad rows of a source file: nothing was imported. Each error names its line, column and reason."""

    def __init__(self, errors: list[RowError]):
        self.row_errors = errors
        lines = sorted({error.line for error in errors})
        super().__init__(_("%(count)s rows cannot be imported, so nothing was changed: %(rows)s. Correct them, or "
                           "choose to skip bad rows.") % {
            "count": len(lines), "rows": "; ".join(
                _("line %(line)s, %(column)s: %(message)s") % vars(error) for error in errors[:10])},
            code="bad_rows")


def _record_keys(record: SourceRecord) -> list[tuple]:
    """Ways to recognise a record in the next import of its source, the surest first."""
    keys = [("row", tuple(sorted(record.data.items())))]
    code = parse_number(record.data.get("fund_code", ""))
    if code:
        keys.append(("code", code))
    keys.append(("name", fund_identity(record.fund_name), record.area_id))
    return keys


def _previous_links(source: Source) -> dict[tuple, tuple | None]:
    """The fund each linked record of the source was in, by each of its keys; None where a key is not unique."""
    links: dict[tuple, tuple | None] = {}
    for record in source.records.exclude(fund=None):
        link = (record.fund_id, record.link_score, record.link_reasons, record.needs_review)
        for key in _record_keys(record):
            links[key] = link if key not in links or (links[key] and links[key][0] == record.fund_id) else None
    return links


def _carry_link(record: SourceRecord, previous: dict[tuple, tuple | None]) -> None:
    """Keep a re-imported record in the fund it was in, with the officer's decision if there was one, so that
    importing a source again never makes a second fund of one already settled (renamed, merged, split)."""
    for key in _record_keys(record):
        link = previous.get(key)
        if link:
            record.fund_id, record.link_score, record.link_reasons, record.needs_review = link
            return


# --- reconcile ------------------------------------------------------------------------------------------------

def _reason_list(reasons) -> list[list[str]]:
    return [[str(part) for part in reason] for reason in reasons]


def _link_details(result: LinkResult) -> tuple[dict, set, dict]:
    """Per record ref: the best link's (score, reasons); the refs of uncertain links; in-source duplicates."""
    best: dict[tuple[str, int], tuple[float, list]] = {}
    for pair in result.links:
        for ref in (pair.a.ref, pair.b.ref):
            if ref not in best or best[ref][0] < pair.score:
                best[ref] = (pair.score, _reason_list(pair.reasons))
    uncertain: set[tuple[str, int]] = set()
    for pair in result.review:
        for ref in (pair.a.ref, pair.b.ref):
            uncertain.add(ref)
            if ref not in best:
                best[ref] = (pair.score, _reason_list(pair.reasons))
    duplicates = {}
    for pair in result.in_source_duplicates:
        duplicates[pair.b.ref] = pair.a.ref
        best[pair.b.ref] = (pair.score, _reason_list(pair.reasons))
    return best, uncertain, duplicates


def _completeness(record: SourceRecord) -> tuple[int, int]:
    return sum(1 for v in record.data.values() if v), -record.pk


def _fallback_area(records: list[SourceRecord], province: Area) -> Area:
    codes = Counter(r.area_id for r in records if r.area_id)
    if codes:
        return Area.objects.get(code=codes.most_common(1)[0][0])
    return province


@transaction.atomic
def reconcile(*, by, province_code: str) -> dict[str, int]:
    """Link the province's source records into funds; re-running finds the same funds and keeps settled values.

    A link an officer decided in the review queue is kept as they left it.
    """
    require_write(by, province_code)
    province = Area.objects.filter(code=province_code, level=AreaLevel.PROVINCE).first()
    if province is None:
        raise ValidationError({"province_code": _("Choose a province.")})
    records = list(SourceRecord.objects.filter(source__province=province).select_related("source")
                   .order_by("source__name", "row"))
    if not records:
        return {"records": 0, "funds": 0, "created": 0, "review": 0, "duplicates": 0}
    result = link_records([fund_record(r.source.name, r.row, r.data) for r in records])
    best, uncertain, duplicate_refs = _link_details(result)
    by_ref = {(r.source.name, r.row): r for r in records}
    groups: dict[str, list[SourceRecord]] = defaultdict(list)
    for record in records:
        groups[result.cluster_of[(record.source.name, record.row)]].append(record)
    created = 0
    for members in groups.values():
        automatic = [r for r in members if not _decided_by_officer(r)]
        if not automatic:
            continue
        # The fund these records were in before; an officer's record counts only when none was in one, since a
        # split says that record is a different fund from its cluster.
        linked = Counter(r.fund_id for r in automatic if r.fund_id) or Counter(r.fund_id for r in members if r.fund_id)
        fund = Fund.objects.filter(pk=linked.most_common(1)[0][0]).first() if linked else None
        if fund is None:
            best_record = max(members, key=_completeness)
            area = _fallback_area(members, province)
            name = clean_text(best_record.fund_name)
            fund = Fund.objects.filter(area=area, name_th=name).first()
            if fund is None:
                fund = _fund_create(by=by, name=name, area=area, data=best_record.data)
                created += 1
        for record in automatic:
            ref = (record.source.name, record.row)
            score, reasons = best.get(ref, (None, []))
            record.fund = fund
            record.link_score = score
            record.link_reasons = reasons
            record.needs_review = ref in uncertain
            record.duplicate_of = by_ref.get(duplicate_refs.get(ref))
    SourceRecord.objects.bulk_update(
        records, ["fund", "link_score", "link_reasons", "needs_review", "duplicate_of"], batch_size=1000)
    return {"records": len(records), "funds": len({r.fund_id for r in records if r.fund_id}), "created": created,
            "review": sum(r.needs_review for r in records), "duplicates": len(duplicate_refs)}


def _decided_by_officer(record: SourceRecord) -> bool:
    return bool(record.fund_id) and bool(record.link_reasons) and record.link_reasons[0] == [MANUAL_REASON]


def _fund_create(*, by, name: str, area: Area, data: dict) -> Fund:
    fund = Fund(name_th=name, area=area, fund_code=clean_text(data.get("fund_code", ""))[:40],
                members=field_value("members", data), founded_on=field_value("founded", data),
                status=field_value("status", data) or FundStatus.UNKNOWN)
    _keys(fund)
    stamp(fund, by).save()
    return fund


def _keys(fund: Fund) -> None:
    fund.search_key = organisation_search_key(fund.name_th)
    fund.sort_key = thai_sort_key(fund.name_th)


# --- disagreements and settlement -------------------------------------------------------------------------------

def _comparable(field: str, value) -> str:
    """Names that differ only in how the prefix or spacing is written are the same name, not a disagreement."""
    if field == "fund_name":
        name = normalise_fund_name(str(value))
        return f"{name.key}|{name.is_municipality}|{name.village_number}"
    return str(value)


def disagreements(fund: Fund) -> list[tuple[str, dict[str, object]]]:
    """Each field where the linked sources differ, or a source of the province lacks the fund: source → value."""
    sources = list(Source.objects.filter(province_id=fund.area_id[:2]).order_by("name"))
    by_source: dict[str, SourceRecord] = {}
    for record in fund.source_records.filter(duplicate_of__isnull=True).select_related("source").order_by("row"):
        by_source.setdefault(record.source.name, record)
    result = []
    for name in SETTLE_FIELDS:
        values = {s.name: (field_value(name, by_source[s.name].data) if s.name in by_source else None)
                  for s in sources}
        present = {_comparable(name, v) for v in values.values() if v is not None}
        if len(present) > 1 or (present and len(by_source) < len(sources)):
            result.append((name, values))
    return result


@dataclass
class SettlementConflict:
    """A settled field that a source imported after the settlement contradicts; the settled value stands."""

    field: str
    settlement: Settlement
    record: SourceRecord
    source_value: object

    @property
    def source(self) -> Source:
        return self.record.source

    @property
    def shown_value(self) -> str:
        if self.field == "status":
            return str(FundStatus(self.source_value).label)
        return str(self.source_value)


def _latest_settlements(fund: Fund) -> dict[str, Settlement]:
    latest: dict[str, Settlement] = {}
    for settlement in fund.settlements.all():
        current = latest.get(settlement.field)
        if current is None or (settlement.decided_at, settlement.pk) > (current.decided_at, current.pk):
            latest[settlement.field] = settlement
    return latest


def settlement_conflicts(fund: Fund) -> list[SettlementConflict]:
    """Per settled field, each source imported after the settlement whose record of the fund says otherwise.

    Reads the fund's settlements and source records through .all(), so a fund from selectors.fund_get costs no
    further query. A source that is silent on the field does not contradict the settlement.
    """
    latest = _latest_settlements(fund)
    if not latest:
        return []
    by_source: dict[int, SourceRecord] = {}
    for record in sorted(fund.source_records.all(), key=lambda r: (r.source_id, r.row)):
        if record.duplicate_of_id is None:
            by_source.setdefault(record.source_id, record)
    conflicts = []
    for name in SETTLE_FIELDS:
        settlement = latest.get(name)
        if settlement is None:
            continue
        settled = field_value(name, {name: settlement.value})
        for record in sorted(by_source.values(), key=lambda r: r.source.name):
            imported_at = record.source.imported_at
            if imported_at is None or imported_at <= settlement.decided_at:
                continue
            value = field_value(name, record.data)
            if value is None or (settled is not None and _comparable(name, value) == _comparable(name, settled)):
                continue
            conflicts.append(SettlementConflict(field=name, settlement=settlement, record=record, source_value=value))
    return conflicts


@transaction.atomic
def settle(*, by, fund: Fund, field: str, value, from_record: SourceRecord | None = None, reason: str) -> Settlement:
    """Set one field of the registry to the value an officer chose, keeping who decided, from where and why."""
    require_write(by, fund.area_id)
    if field not in SETTLE_FIELDS:
        raise ValidationError({"field": _("This field cannot be settled.")})
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why this value is the right one.")})
    if from_record is not None:
        if from_record.fund_id != fund.pk:
            raise ValidationError({"from_record": _("That record is not linked to this fund.")})
        if value in (None, ""):
            value = from_record.data.get(field, "")
    text = str(value if value is not None else "").strip()
    parsed = field_value(field, {field: text})
    if text and parsed is None and field in ("members", "founded"):
        raise ValidationError({"value": _("“%(value)s” cannot be read as this field.") % {"value": text}})
    if field == "fund_name" and not parsed:
        raise ValidationError({"value": _("A fund needs a name.")})
    setattr(fund, SETTLE_FIELDS[field], parsed if parsed is not None else ("" if field == "fund_code" else None))
    if field == "status" and parsed is None:
        fund.status = FundStatus.UNKNOWN
    if field == "fund_name":
        _keys(fund)
    validated_save(fund, by)
    return Settlement.objects.create(
        fund=fund, field=field, value=text[:300], from_record=from_record, reason=reason.strip(), decided_by=by,
        source_name=from_record.source.name if from_record else "", source_row=from_record.row if from_record else None)


# --- review queue ------------------------------------------------------------------------------------------------

def _officer_reasons(record: SourceRecord, what: str) -> list[list[str]]:
    """The officer's decision first, so that reconcile leaves the link alone, then the linkage's reasons."""
    kept = [r for r in record.link_reasons if r != [MANUAL_REASON]]
    return [[MANUAL_REASON], [what, timezone.localdate().isoformat()], *kept][:20]


@transaction.atomic
def link_confirm(*, by, record: SourceRecord) -> SourceRecord:
    require_write(by, record.fund.area_id if record.fund_id else record.source.province_id)
    record.needs_review = False
    record.link_reasons = _officer_reasons(record, _("link confirmed by an officer"))
    record.save(update_fields=["needs_review", "link_reasons"])
    return record


@transaction.atomic
def link_merge(*, by, record: SourceRecord, fund: Fund) -> SourceRecord:
    """Link the record to another fund (the officer says they are the same)."""
    require_write(by, fund.area_id)
    if record.fund_id:
        require_write(by, record.fund.area_id)
    return _link_by_officer(record, fund, _("merged into this fund by an officer"))


@transaction.atomic
def link_split(*, by, record: SourceRecord) -> Fund:
    """Take the record out of its fund into a fund of its own (the officer says it is a different fund)."""
    area = record.area or record.source.province
    require_write(by, area.code)
    if record.fund_id:
        require_write(by, record.fund.area_id)
    name = clean_text(record.fund_name)
    fund = Fund.objects.filter(area=area, name_th=name).exclude(pk=record.fund_id).first()
    if fund is None:
        if Fund.objects.filter(area=area, name_th=name).exists():
            raise WelfareError.SPLIT_SAME_NAME.error(None)
        fund = _fund_create(by=by, name=name, area=area, data=record.data)
    _link_by_officer(record, fund, _("split into a fund of its own by an officer"))
    return fund


def _link_by_officer(record: SourceRecord, fund: Fund, what: str) -> SourceRecord:
    """Put the record in the fund as an officer decided, out of the review queue, which reconcile then keeps."""
    record.fund = fund
    record.needs_review = False
    record.duplicate_of = None
    record.link_reasons = _officer_reasons(record, what)
    record.save(update_fields=["fund", "needs_review", "duplicate_of", "link_reasons"])
    return record


# --- roll-up ----------------------------------------------------------------------------------------------------

ROLLUP_LEVELS = ("district", "province", "region", "country")
NO_REGION = ""


def _rollup_by_prefix(funds, length: int) -> list[dict]:
    return list(funds.annotate(code=Substr("area_id", 1, length)).values("code")
                .annotate(funds=Count("id"), members=Sum("members")).order_by("code"))


def province_regions(province_codes) -> dict[str, list[tuple[str, str]]]:
    """The (slug, name) of each province's regions; a province in no region gets the one "no region" row, so that
    nothing drops out of a roll-up by region."""
    memberships = list(Region.provinces.through.objects.filter(area_id__in=list(province_codes))
                       .values_list("region_id", "area_id"))
    names = {r.pk: (r.slug, str(r)) for r in Region.objects.filter(pk__in={rid for rid, _c in memberships})}
    regions_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for region_id, province_code in memberships:
        regions_of[province_code].append(names[region_id])
    return {code: regions_of.get(code) or [(NO_REGION, _("Provinces in no region"))] for code in province_codes}


def _region_sort_key(row: dict) -> tuple:
    return row["code"] == NO_REGION, thai_sort_key(row["name"])


def _rollup_by_region(funds) -> list[dict]:
    """Per region, the sum of its provinces; a province in several regions counts in each."""
    provinces = _rollup_by_prefix(funds, 2)
    regions = province_regions([p["code"] for p in provinces])
    totals: dict[str, dict] = {}
    for province in provinces:
        for code, name in regions[province["code"]]:
            row = totals.setdefault(code, {"code": code, "name": name, "funds": 0, "members": 0})
            row["funds"] += province["funds"]
            row["members"] += province["members"] or 0
    return sorted(totals.values(), key=_region_sort_key)


def fund_rollup(*, user, level: str = "district") -> list[dict]:
    """Funds and members per district, province, region or for the country, from the funds the user can see.

    Each level is one grouped query (region adds one read of the region memberships), however many rows.
    """
    if level not in ROLLUP_LEVELS:
        raise ValidationError({"level": _("Roll up by district, province, region or country.")})
    funds = Fund.objects.filter(scope_for(user).subtree_q("area_id")).order_by()
    if level == "region":
        return _rollup_by_region(funds)
    if level == "country":
        totals = funds.aggregate(funds=Count("id"), members=Sum("members"))
        if not totals["funds"]:
            return []
        return [{"code": COUNTRY_CODE, "name": _("Thailand"), "funds": totals["funds"],
                 "members": totals["members"] or 0}]
    rows = _rollup_by_prefix(funds, {"province": 2, "district": 4}[level])
    names = dict(Area.objects.filter(code__in=[r["code"] for r in rows]).values_list("code", "name_th"))
    for row in rows:
        row["name"] = names.get(row["code"], row["code"])
        row["members"] = row["members"] or 0
    return rows
