"""Writes of the coordinator's worklist: one row per field of a fund that waits for an officer, kept up to date.

The rule of what is open is selectors.settle.open_fields_of, the one the fund's page shows; this keeps its answer
stored, so that the worklist can filter, count and page over every fund of a province or the country at once.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from sanphalang.areas.models import COUNTRY_CODE

from ..models import Fund, FundDisagreement, FundWorklistDigest, Settlement, Source, SourceRecord
from ..selectors.settle import open_fields_of, sources_covering, stored_value
from ..selectors.sources import source_province_codes

BATCH = 500


def _values(open_field) -> list[dict]:
    return [
        {
            "source": v.source.pk,
            "record": v.record.pk if v.record else None,
            "row": v.record.row if v.record else None,
            "value": stored_value(v.value),
        }
        for v in open_field.values
    ]


@dataclass(frozen=True, slots=True)
class _Record:
    """A linked source record with what open_fields_of reads of it. A refresh of the whole country reads every
    record again: building a model (and its source's) per row cost more than comparing them."""

    pk: int
    source_id: int
    row: int
    duplicate_of_id: int | None
    data: dict
    source: Source


@dataclass(frozen=True, slots=True)
class _Row:
    """A stored worklist row, as the refresh compares it."""

    pk: int
    kind: str
    values: list
    opened_at: object
    settled_at: object


def _of_batch(queryset, field: str, ids: list[int]):
    """The queryset narrowed to the batch's ids. Sorted ids that fill most of their range are asked for as the
    range (a whole province's or country's funds): a list of 500 ids costs more to build into the query than the
    few rows of other funds it lets through, which the caller leaves aside."""
    if ids[-1] - ids[0] < 2 * len(ids):
        return queryset.filter(**{f"{field}__gte": ids[0], f"{field}__lte": ids[-1]})
    return queryset.filter(**{f"{field}__in": ids})


# Raise when the rule of what is open (selectors.settle.open_fields_of) or the form of a stored row changes: every
# fund's digest then differs, and its next refresh compares it again.
WORKLIST_RULE = 1


def _digest(records: list[tuple], sources: list[Source], settlements: list[Settlement]) -> str:
    """What a fund's open fields are computed from: its records as stored (their data as its text), the sources
    covering it (their order, names and import times decide the rows' values) and its settlements."""
    basis = (
        WORKLIST_RULE,
        sorted(records),
        [(s.pk, s.name, s.imported_at and s.imported_at.isoformat()) for s in sources],
        sorted((s.pk, s.field, s.value, s.decided_at.isoformat()) for s in settlements),
    )
    return hashlib.blake2b(repr(basis).encode(), digest_size=16).hexdigest()


def _refresh_batch(
    ids: list[int], now, covering: dict[str, list[Source]], sources: dict[int, Source], *, recompute: bool
) -> int:
    batch = set(ids)
    areas = {
        pk: code
        for pk, code in _of_batch(Fund.objects.all(), "pk", ids).values_list("pk", "area_id")
        if pk in batch
    }
    # A record's data is read as its text: decoding it is most of a refresh's time, and only the funds whose
    # digest changed need it.
    stored_records: dict[int, list[tuple]] = {pk: [] for pk in areas}
    read = (
        _of_batch(SourceRecord.objects.all(), "fund_id", ids)
        .annotate(data_text=Cast("data", TextField()))
        .values_list("fund_id", "pk", "source_id", "row", "duplicate_of_id", "data_text")
    )
    for fund_id, *record in read:
        if fund_id in stored_records:
            stored_records[fund_id].append(tuple(record))
    settlements: dict[int, list[Settlement]] = {pk: [] for pk in areas}
    for settlement in _of_batch(Settlement.objects.all(), "fund_id", ids):
        if settlement.fund_id in settlements:
            settlements[settlement.fund_id].append(settlement)
    for province in {code[:2] for code in areas.values()} - covering.keys():
        covering[province] = sources_covering(province)
    digests = {
        pk: _digest(stored_records[pk], covering[code[:2]], settlements[pk]) for pk, code in areas.items()
    }
    if not recompute:
        kept = _of_batch(FundWorklistDigest.objects.all(), "fund_id", ids).values_list("fund_id", "digest")
        unchanged = {pk for pk, digest in kept if digests.get(pk) == digest}
        areas = {pk: code for pk, code in areas.items() if pk not in unchanged}
    if not areas:
        return 0
    changed_ids = sorted(areas)
    stored = _of_batch(FundDisagreement.objects.all(), "fund_id", changed_ids).values_list(
        "fund_id", "field", "pk", "kind", "values", "opened_at", "settled_at"
    )
    existing = {(fund_id, name): _Row(*rest) for fund_id, name, *rest in stored if fund_id in areas}
    wanted: dict[tuple[int, str], tuple[str, list[dict]]] = {}
    for pk, area_code in areas.items():
        records = [
            _Record(record_pk, source_id, row, duplicate_of_id, json.loads(data), sources[source_id])
            for record_pk, source_id, row, duplicate_of_id, data in stored_records[pk]
        ]
        for open_field in open_fields_of(
            records=records, sources=covering[area_code[:2]], settlements=settlements[pk]
        ):
            wanted[(pk, open_field.field)] = (open_field.kind, _values(open_field))
    created, changed, closed = [], [], []
    for (fund_id, name), (kind, values) in wanted.items():
        row = existing.get((fund_id, name))
        if row is None:
            created.append(
                FundDisagreement(fund_id=fund_id, field=name, kind=kind, values=values, opened_at=now)
            )
        elif row.settled_at is not None or (row.kind, row.values) != (kind, values):
            reopened = row.settled_at is not None or row.kind != kind
            changed.append(
                FundDisagreement(
                    pk=row.pk,
                    fund_id=fund_id,
                    field=name,
                    kind=kind,
                    values=values,
                    opened_at=now if reopened else row.opened_at,
                    settled_at=None,
                )
            )
    for key, row in existing.items():
        if key not in wanted and row.settled_at is None:
            closed.append(row.pk)
    FundDisagreement.objects.bulk_create(created, batch_size=BATCH)
    FundDisagreement.objects.bulk_update(
        changed, ["kind", "values", "opened_at", "settled_at"], batch_size=BATCH
    )
    FundDisagreement.objects.filter(pk__in=closed).update(settled_at=now)
    if created or changed:
        rows = [*created, *changed]  # bulk_create gives the new rows their keys (PostgreSQL, SQLite ≥ 3.35)
        through = FundDisagreement.sources.through
        through.objects.filter(funddisagreement_id__in=[row.pk for row in changed]).delete()
        through.objects.bulk_create(
            [
                through(funddisagreement_id=row.pk, source_id=source)
                for row in rows
                for source in sorted({v["source"] for v in row.values})
            ],
            batch_size=BATCH,
        )
    FundWorklistDigest.objects.bulk_create(
        [FundWorklistDigest(fund_id=pk, digest=digests[pk]) for pk in areas],
        update_conflicts=True,
        unique_fields=["fund"],
        update_fields=["digest"],
        batch_size=BATCH,
    )
    return len(created) + len(changed) + len(closed)


@transaction.atomic
def worklist_refresh(fund_ids: Iterable[int], *, recompute: bool = False) -> int:
    """Bring the worklist rows of these funds in line with their sources and settlements; how many rows changed.

    A field newly open gets a row; one no longer open is marked settled (and leaves the list); one that opens again
    is reopened. Called after every write that can change what is open: a reconcile, an officer's link, a source
    import and a settlement. A fund whose records, covering sources and settlements are as at its last refresh
    (FundWorklistDigest) is left as it is, unless recompute: then every fund's rows are compared again."""
    ids = sorted({pk for pk in fund_ids if pk})
    now = timezone.now()
    covering: dict[str, list[Source]] = {}  # per province, read once for all batches
    sources = Source.objects.in_bulk()
    return sum(
        _refresh_batch(ids[start : start + BATCH], now, covering, sources, recompute=recompute)
        for start in range(0, len(ids), BATCH)
    )


def funds_covered_by(source: Source) -> list[int]:
    """The funds of the provinces a source covers: a source that lacks one of them disagrees with those listing it."""
    if source.area_id == COUNTRY_CODE:
        return list(Fund.objects.values_list("pk", flat=True))
    q = Q(pk__in=[])
    for code in source_province_codes(source):
        q |= Q(area__pk__startswith=code)
    return list(Fund.objects.filter(q).values_list("pk", flat=True))


def worklist_rebuild(*, province_code: str | None = None) -> int:
    """Compare every fund's rows again (of one province, or all), whatever their digests: the management
    command's repair after a bulk change or rows lost outside the services."""
    funds = Fund.objects.all()
    if province_code:
        funds = funds.filter(area__pk__startswith=province_code)
    return worklist_refresh(funds.values_list("pk", flat=True), recompute=True)


WORKLIST_MIGRATION = ("welfare", "0008_worklist")


def fill_worklist_after_its_migration(sender, *, plan=None, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate: a database that held funds before the worklist existed gets its rows when migrate creates
    the worklist, so that no coordinator finds it empty and nobody has to know to run welfare_worklist.

    Only once the database is migrated to the end: the services read it with today's models."""
    if using != DEFAULT_DB_ALIAS or not plan:
        return
    if not any((m.app_label, m.name) == WORKLIST_MIGRATION and not backwards for m, backwards in plan):
        return
    executor = MigrationExecutor(connections[using])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return
    worklist_rebuild()
