"""Writes of the coordinator's worklist: one row per field of a fund that waits for an officer, kept up to date.

The rule of what is open is selectors.settle.open_fields_of, the one the fund's page shows; this keeps its answer
stored, so that the worklist can filter, count and page over every fund of a province or the country at once.
"""

from collections.abc import Iterable

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.utils import timezone

from sanphalang.areas.models import COUNTRY_CODE

from ..models import Fund, FundDisagreement, Settlement, Source, SourceRecord
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


def _refresh_batch(ids: list[int], now, covering: dict[str, list[Source]]) -> int:
    areas = dict(Fund.objects.filter(pk__in=ids).values_list("pk", "area_id"))
    records: dict[int, list[SourceRecord]] = {pk: [] for pk in areas}
    for record in SourceRecord.objects.filter(fund_id__in=areas).select_related("source"):
        records[record.fund_id].append(record)
    settlements: dict[int, list[Settlement]] = {pk: [] for pk in areas}
    for settlement in Settlement.objects.filter(fund_id__in=areas):
        settlements[settlement.fund_id].append(settlement)
    for province in {code[:2] for code in areas.values()} - covering.keys():
        covering[province] = sources_covering(province)
    existing = {(row.fund_id, row.field): row for row in FundDisagreement.objects.filter(fund_id__in=ids)}
    wanted: dict[tuple[int, str], tuple[str, list[dict]]] = {}
    for pk, area_code in areas.items():
        for open_field in open_fields_of(
            records=records[pk], sources=covering[area_code[:2]], settlements=settlements[pk]
        ):
            wanted[(pk, open_field.field)] = (open_field.kind, _values(open_field))
    created, changed, closed = [], [], []
    for key, (kind, values) in wanted.items():
        row = existing.get(key)
        if row is None:
            created.append(
                FundDisagreement(fund_id=key[0], field=key[1], kind=kind, values=values, opened_at=now)
            )
        elif row.settled_at is not None or (row.kind, row.values) != (kind, values):
            if row.settled_at is not None or row.kind != kind:
                row.opened_at = now
            row.kind, row.values, row.settled_at = kind, values, None
            changed.append(row)
    for key, row in existing.items():
        if key not in wanted and row.settled_at is None:
            row.settled_at = now
            closed.append(row)
    FundDisagreement.objects.bulk_create(created, batch_size=BATCH)
    FundDisagreement.objects.bulk_update(
        changed, ["kind", "values", "opened_at", "settled_at"], batch_size=BATCH
    )
    FundDisagreement.objects.filter(pk__in=[row.pk for row in closed]).update(settled_at=now)
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
    return len(created) + len(changed) + len(closed)


@transaction.atomic
def worklist_refresh(fund_ids: Iterable[int]) -> int:
    """Bring the worklist rows of these funds in line with their sources and settlements; how many rows changed.

    A field newly open gets a row; one no longer open is marked settled (and leaves the list); one that opens again
    is reopened. Called after every write that can change what is open: a reconcile, an officer's link, a source
    import and a settlement."""
    ids = sorted({pk for pk in fund_ids if pk})
    now = timezone.now()
    covering: dict[str, list[Source]] = {}  # per province, read once for all batches
    return sum(
        _refresh_batch(ids[start : start + BATCH], now, covering) for start in range(0, len(ids), BATCH)
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
    """Refresh every fund's rows (of one province, or all): the management command's repair after a bulk change."""
    funds = Fund.objects.all()
    if province_code:
        funds = funds.filter(area__pk__startswith=province_code)
    return worklist_refresh(funds.values_list("pk", flat=True))


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
