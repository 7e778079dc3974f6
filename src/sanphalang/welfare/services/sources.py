"""Writes of the fund sources: keep an uploaded file, import it as a source's records, replacing what it held.

An uploaded file is kept as an import batch of its uploader, like every other import, so nothing is written until
the user confirms, and what the file says can be checked again under another mapping without uploading it again.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sanphalang.accounts.models import User
from sanphalang.imports.models import ImportBatch, ImportEntity, ImportStatus
from sanphalang.imports.services import RowError, claim_batch, read_upload, release_batch, table_as_json
from sanphalang.imports.tabular import Table
from sanphalang.jobs.kinds import JobKind, JobRefused, register
from sanphalang.jobs.models import Job
from sanphalang.jobs.services import job_enqueue
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text

from ..errors import WelfareError
from ..linkage.records import fund_identity, recognise_mapping
from ..models import Source, SourceKind, SourceRecord
from ..selectors.sources import (
    guess_kind,
    require_source_write,
    source_coverage,
    source_rows_in_area,
    upload_coverage,
)
from .worklist import funds_covered_by, worklist_refresh


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


@transaction.atomic
def source_import(
    *,
    by: User,
    source_name: str,
    area_code: str,
    table: Table,
    kind: str | None = None,
    column_mapping: dict[str, str] | None = None,
    skip_bad_rows: bool = False,
) -> ImportResult:
    """Store each data row of table as a record of the named source of the area (a province, "TH" or a region's
    "region:<slug>"), replacing what the source held before.

    A bad row (no fund name, an unreadable value, an area that is not the source's, a status word we do not know)
    changes nothing while there is one (the ValidationError lists each with its line), unless skip_bad_rows, which
    keeps the good rows only. An empty file, or one whose every row is bad, is refused either way.
    """
    coverage = source_coverage(area_code)
    require_source_write(by, coverage)
    name = clean_text(source_name)
    if not name:
        raise WelfareError.SOURCE_UNNAMED.error("source_name")
    if not table.rows:
        raise WelfareError.SOURCE_EMPTY.error(None)
    source = coverage.sources().filter(name=name).first()
    recognised = False
    if column_mapping is not None:
        mapping = {k: v for k, v in column_mapping.items() if v}
    elif source and source.column_mapping:
        mapping = dict(source.column_mapping)
    else:
        mapping, recognised = recognise_mapping(table.headings), True
    checked = source_rows_in_area(table, mapping, coverage)
    if checked.errors and not checked.rows:
        raise SourceRowsRefused(checked.errors, every_row=True)
    if checked.errors and not skip_bad_rows:
        raise SourceRowsRefused(checked.errors)
    if source is None:
        source = Source.objects.create(
            area=coverage.area, region=coverage.region, name=name, kind=kind or guess_kind(name)
        )
    elif kind and kind != source.kind:
        source.kind = kind
    previous = _previous_links(source)
    source.records.all().delete()
    records = []
    for line, data, where in checked.rows:
        record = SourceRecord(
            source=source,
            row=line,
            data=data,
            fund_name=data["fund_name"][:300],
            province_id=where.province_code,
            area_id=where.subdistrict_code or None,
        )
        _carry_link(record, previous)
        records.append(record)
    SourceRecord.objects.bulk_create(records, batch_size=5000)
    source.column_mapping = mapping
    source.imported_at = timezone.now()
    source.imported_by = by
    source.save()
    worklist_refresh(funds_covered_by(source))
    return ImportResult(
        source=source,
        created=len(records),
        mapping=mapping,
        recognised=recognised,
        unresolved_areas=[r.row for r in records if r.area_id is None],
        skipped=checked.errors,
    )


class SourceRowsRefused(ValidationError):
    """Bad rows of a source file: nothing was imported. Each error names its line, column and reason."""

    def __init__(self, errors: list[RowError], *, every_row: bool = False):
        self.row_errors = errors
        lines = sorted({error.line for error in errors})
        rows = "; ".join(WelfareError.ROW_REFUSED_AT.message(**vars(error)) for error in errors[:10])
        refusal = WelfareError.SOURCE_ALL_ROWS_BAD if every_row else WelfareError.ROWS_REFUSED
        super().__init__(refusal.message(count=len(lines), rows=rows), code=refusal.code)


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
            links[key] = (
                link if key not in links or (links[key] and links[key][0] == record.fund_id) else None
            )
    return links


def _carry_link(record: SourceRecord, previous: dict[tuple, tuple | None]) -> None:
    """Keep a re-imported record in the fund it was in, with the officer's decision if there was one, so that
    importing a source again never makes a second fund of one already settled (renamed, merged, split)."""
    for key in _record_keys(record):
        link = previous.get(key)
        if link:
            record.fund_id, record.link_score, record.link_reasons, record.needs_review = link
            return


@transaction.atomic
def source_upload_create(
    *, by: User, source_name: str, area_code: str, filename: str, data: bytes, kind: str = ""
) -> ImportBatch:
    """Keep an uploaded source file for its uploader to map and import; refuse it at once if it cannot be read or
    holds no rows."""
    name = clean_text(source_name)
    if not name:
        raise WelfareError.SOURCE_UNNAMED.error("source_name")
    coverage = source_coverage(area_code)
    require_source_write(by, coverage)
    if kind and kind not in SourceKind.values:
        raise WelfareError.UNKNOWN_SOURCE_KIND.error("kind")
    table = read_upload(data, filename)
    if not table.rows:
        raise WelfareError.SOURCE_EMPTY.error("file")
    return ImportBatch.objects.create(
        entity=ImportEntity.FUND_SOURCE,
        user=by,
        filename=filename[:255],
        data=data,
        table=table_as_json(table),
        row_count=len(table.rows),
        options={"source_name": name, "area_code": coverage.key, "kind": kind},
    )


def source_upload_confirm_start(
    *, by: User, batch: ImportBatch, mapping: dict[str, str], skip_bad_rows: bool = False
) -> Job:
    """Import the kept file as its source under the mapping, in a job; the source then remembers the mapping.
    An upload is imported once: a second confirmation raises JobAlreadyClaimed."""
    if batch.user_id != by.pk:
        raise Http404
    require_source_write(by, upload_coverage(batch))
    return job_enqueue(
        by=by,
        kind=SOURCE_IMPORT_JOB,
        params={
            "batch": batch.pk,
            "mapping": {name: heading for name, heading in mapping.items() if heading},
            "skip_bad_rows": skip_bad_rows,
        },
    )


def _source_import_job(job: Job, progress) -> dict:
    batch = ImportBatch.objects.get(pk=job.params["batch"])
    table = batch.read_table()
    progress(0, len(table.rows))
    try:
        result = source_import(
            by=job.user,
            source_name=batch.options["source_name"],
            area_code=upload_coverage(batch).key,
            kind=batch.options.get("kind") or None,
            table=table,
            column_mapping=job.params["mapping"],
            skip_bad_rows=job.params["skip_bad_rows"],
        )
    except SourceRowsRefused as refused:
        raise JobRefused(
            " ".join(refused.messages), row_errors=[vars(error) for error in refused.row_errors]
        ) from None
    batch.status = ImportStatus.IMPORTED
    batch.created_count = result.created
    batch.skipped_count = result.skipped_rows
    batch.finished_at = timezone.now()
    batch.options = {**batch.options, "mapping": result.mapping}
    batch.save(update_fields=["status", "created_count", "skipped_count", "finished_at", "options"])
    progress(len(table.rows), len(table.rows))
    return {"created": result.created, "skipped": result.skipped_rows, "source": str(result.source)}


SOURCE_IMPORT_JOB = "welfare.source_import"
register(
    JobKind(
        SOURCE_IMPORT_JOB,
        gettext_lazy("Importing a fund source"),
        _source_import_job,
        claim=claim_batch,
        release=release_batch,
        result_url=lambda job: reverse("welfare:source_list"),
    )
)
