"""Reads of settling: where a fund's sources disagree, and settled values that a later import contradicts."""

from dataclasses import dataclass

from ..linkage.normalise import normalise_fund_name
from ..linkage.records import field_value
from ..models import SETTLE_FIELDS, Fund, FundStatus, Settlement, Source, SourceRecord


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
    for record in (
        fund.source_records.filter(duplicate_of__isnull=True).select_related("source").order_by("row")
    ):
        by_source.setdefault(record.source.name, record)
    result = []
    for name in SETTLE_FIELDS:
        values = {
            s.name: (field_value(name, by_source[s.name].data) if s.name in by_source else None)
            for s in sources
        }
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

    Reads the fund's settlements and source records through .all(), so a fund from selectors.registry.fund_get costs no
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
            if value is None or (
                settled is not None and _comparable(name, value) == _comparable(name, settled)
            ):
                continue
            conflicts.append(
                SettlementConflict(field=name, settlement=settlement, record=record, source_value=value)
            )
    return conflicts
