"""Reads of settling: where a fund's sources disagree, settled values a later import contradicts, and the fields that
wait for an officer because of either (one per field: the fund's page and the worklist show the same)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from sanphalang.thai.templatetags.thai import be_date

from ..linkage.normalise import normalise_fund_name
from ..linkage.records import FIELD_LABELS, field_value
from ..models import SETTLE_FIELDS, DisagreementKind, Fund, FundStatus, Settlement, Source, SourceRecord
from .sources import source_label, sources_covering_q


def _comparable(field: str, value) -> str:
    """Names that differ only in how the prefix or spacing is written are the same name, not a disagreement."""
    if field == "fund_name":
        name = normalise_fund_name(str(value))
        return f"{name.key}|{name.is_municipality}|{name.village_number}"
    return str(value)


def stored_value(value) -> str | None:
    """A compared value as the worklist keeps it: a status as its code, a date in ISO form."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def shown_value(field: str, value) -> str | None:
    """A value as a reader sees it: a status by its label, a date in the Buddhist Era; None stays None."""
    if value is None or value == "":
        return None
    if field == "status":
        return str(FundStatus(value).label) if value in FundStatus.values else str(value)
    if field == "founded":
        date = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return be_date(date)
    return str(value)


def sources_covering(area_code: str) -> list[Source]:
    """The sources covering an area's province, in the order the pages list them."""
    return list(
        Source.objects.filter(sources_covering_q([area_code[:2]]))
        .select_related("area", "region")
        .order_by("name", "pk")
    )


def _first_records(records: Iterable[SourceRecord]) -> dict[int, SourceRecord]:
    """Each source's record of the fund (its first row; in-source duplicates aside)."""
    by_source: dict[int, SourceRecord] = {}
    for record in sorted(records, key=lambda r: (r.source_id, r.row)):
        if record.duplicate_of_id is None:
            by_source.setdefault(record.source_id, record)
    return by_source


@dataclass
class SourceValue:
    """What one source says of a field of the fund: its record (None if it lacks the fund) and the value read."""

    source: Source
    record: SourceRecord | None
    value: object
    field_name: str = ""

    @property
    def label(self) -> str:
        return source_label(self.source)

    @property
    def text(self) -> str | None:
        return shown_value(self.field_name, self.value)


def _source_disagreements(
    by_source: dict[int, SourceRecord], sources: list[Source]
) -> dict[str, list[SourceValue]]:
    """Each field where the linked sources differ, or a covering source lacks the fund: every source's value."""
    result = {}
    # Most fields of most funds agree: their values are compared as they are read, and only a disagreement's
    # are kept as SourceValues (a refresh of the whole country compares every field of every fund).
    records = [by_source.get(s.pk) for s in sources]
    lacking = None in records
    for name in SETTLE_FIELDS:
        read = [field_value(name, record.data) if record is not None else None for record in records]
        present = {_comparable(name, value) for value in read if value is not None}
        if len(present) > 1 or (present and lacking):
            result[name] = [
                SourceValue(source, record, value, name)
                for source, record, value in zip(sources, records, read, strict=True)
            ]
    return result


def disagreements(fund: Fund) -> list[tuple[str, dict[str, object]]]:
    """Each field where the linked sources differ, or a source covering the fund lacks it: source → value.

    What the sources say, settled or not; the fields still waiting for an officer are open_fields'."""
    sources = sources_covering(fund.area_id)
    found = _source_disagreements(_first_records(fund.source_records.select_related("source")), sources)
    return [(name, {v.source.name: v.value for v in values}) for name, values in found.items()]


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
        return shown_value(self.field, self.source_value) or ""


def latest_settlements(settlements: Iterable[Settlement]) -> dict[str, Settlement]:
    latest: dict[str, Settlement] = {}
    for settlement in settlements:
        current = latest.get(settlement.field)
        if current is None or (settlement.decided_at, settlement.pk) > (current.decided_at, current.pk):
            latest[settlement.field] = settlement
    return latest


def _conflicts(by_source: dict[int, SourceRecord], latest: dict[str, Settlement]) -> list[SettlementConflict]:
    conflicts = []
    for name in SETTLE_FIELDS:
        settlement = latest.get(name)
        if settlement is None:
            continue
        settled = field_value(name, {name: settlement.value})
        for record in sorted(by_source.values(), key=lambda r: (r.source.name, r.source_id)):
            imported_at = record.source.imported_at
            if imported_at is None or imported_at <= settlement.decided_at:
                continue
            value = field_value(name, record.data)
            if value is None or (
                settled is not None and _comparable(name, value) == _comparable(name, settled)
            ):
                continue
            conflicts.append(
                SettlementConflict(field=name, settlement=settlement, record=record, source_value=value)
            )
    return conflicts


def settlement_conflicts(fund: Fund) -> list[SettlementConflict]:
    """Per settled field, each source imported after the settlement whose record of the fund says otherwise.

    Reads the fund's settlements and source records through .all(), so a fund from selectors.registry.fund_get costs no
    further query. A source that is silent on the field does not contradict the settlement.
    """
    latest = latest_settlements(fund.settlements.all())
    if not latest:
        return []
    return _conflicts(_first_records(fund.source_records.all()), latest)


@dataclass
class OpenField:
    """A field of a fund waiting for an officer: its sources disagree and nobody has settled it, or a source imported
    since it was settled says otherwise (then values are those sources only, and settlement the value standing)."""

    field: str
    kind: str
    values: list[SourceValue]
    settlement: Settlement | None = None
    label: str = field(init=False)

    def __post_init__(self):
        self.label = FIELD_LABELS[self.field]

    def get_kind_display(self) -> str:
        return str(DisagreementKind(self.kind).label)

    @property
    def settled_shown(self) -> str | None:
        if self.settlement is None:
            return None
        return shown_value(self.field, field_value(self.field, {self.field: self.settlement.value}))


def open_fields_of(
    *, records: Iterable[SourceRecord], sources: list[Source], settlements: Iterable[Settlement]
) -> list[OpenField]:
    """The open fields of one fund from its records (with their sources), the sources covering it and its settlements.
    A record is read by its pk, source_id, source, row, duplicate_of_id and data alone: the worklist passes plain
    rows with those, the fund's page its models.

    A settled field is open only while a later import contradicts it; a field is never open twice."""
    by_source = _first_records(records)
    covering = {s.pk: s for s in sources}
    latest = latest_settlements(settlements)
    found = _source_disagreements(by_source, sources)
    contradicted: dict[str, list[SettlementConflict]] = {}
    for conflict in _conflicts(by_source, latest):
        contradicted.setdefault(conflict.field, []).append(conflict)
    result = []
    for name in SETTLE_FIELDS:
        if name in latest:
            if name in contradicted:
                values = [
                    SourceValue(covering.get(c.record.source_id, c.source), c.record, c.source_value, name)
                    for c in contradicted[name]
                ]
                result.append(OpenField(name, DisagreementKind.CONFLICT, values, latest[name]))
        elif name in found:
            result.append(OpenField(name, DisagreementKind.DISAGREEMENT, found[name]))
    return result


def open_fields(fund: Fund) -> list[OpenField]:
    """The fund's open fields, for its page; a fund from selectors.registry.fund_get costs one query more."""
    return open_fields_of(
        records=fund.source_records.all(),
        sources=sources_covering(fund.area_id),
        settlements=fund.settlements.all(),
    )


@dataclass
class SettlementRow:
    """A settlement as the fund's history shows it: the field's label, the value as a reader reads it (a status by
    its label), and the source and row it was taken from as they were written when deciding."""

    settlement: Settlement
    label: str
    value: str | None
    source: str
    row: int | None


def settlement_history(fund: Fund) -> list[SettlementRow]:
    """The fund's settlements, newest first, from the settlements fund_get prefetched."""
    rows = []
    for s in fund.settlements.all():
        rows.append(
            SettlementRow(
                settlement=s,
                label=FIELD_LABELS.get(s.field, s.field),
                value=shown_value(s.field, field_value(s.field, {s.field: s.value})) if s.value else None,
                source=s.source_name,
                row=s.source_row,
            )
        )
    return rows


# The registry's fields each settleable field writes, as Fund.field_sources names them.
ORIGIN_FIELDS = ("fund_name", "status", "members", "founded", "fund_code")


def value_origins(fund: Fund) -> dict[str, dict]:
    """Where each registry value of the fund came from: the source and row a reconcile took it from
    (Fund.field_sources), or the officer's settlement that set it since. {field: {"source", "row"} or {"settlement"}}."""
    latest = latest_settlements(fund.settlements.all())
    taken = {name: where for name, where in (fund.field_sources or {}).items() if name in ORIGIN_FIELDS}
    by_id = {}
    if taken:
        wanted = {where[0] for where in taken.values()}
        by_id = {s.pk: s for s in Source.objects.filter(pk__in=wanted).select_related("area", "region")}
    origins = {}
    for name in ORIGIN_FIELDS:
        if name in latest:
            origins[name] = {"settlement": latest[name]}
        elif name in taken and taken[name][0] in by_id:
            origins[name] = {"source": source_label(by_id[taken[name][0]]), "row": taken[name][1]}
    return origins
