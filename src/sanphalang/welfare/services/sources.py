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
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write
from sanphalang.imports.models import ImportBatch, ImportEntity, ImportStatus
from sanphalang.imports.services import RowError, claim_batch, read_upload, release_batch, table_as_json
from sanphalang.imports.tabular import Table
from sanphalang.jobs.kinds import JobKind, JobRefused, register
from sanphalang.jobs.models import Job
from sanphalang.jobs.services import job_enqueue
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text

from ..errors import WelfareError
from ..linkage.records import fund_identity, recognise_mapping, record_area, source_rows
from ..models import Source, SourceRecord


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
    province_code: str,
    table: Table,
    column_mapping: dict[str, str] | None = None,
    skip_bad_rows: bool = False,
) -> ImportResult:
    """Store each data row of table as a record of the named source, replacing what the source held before.

    A row with no fund name or an unreadable value is a bad row: nothing changes while there is one (the
    ValidationError lists each with its line), unless skip_bad_rows, which keeps the good rows only.
    """
    require_write(by, province_code)
    name = clean_text(source_name)
    if not name:
        raise WelfareError.SOURCE_UNNAMED.error("source_name")
    province = Area.objects.filter(code=province_code).first()
    if province is None:
        raise WelfareError.NO_SUCH_AREA.error("province_code", code=province_code)
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
    records = [
        SourceRecord(source=source, row=row, data=data, fund_name=data["fund_name"][:300])
        for row, data in checked.rows
    ]
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

    def __init__(self, errors: list[RowError]):
        self.row_errors = errors
        lines = sorted({error.line for error in errors})
        rows = "; ".join(WelfareError.ROW_REFUSED_AT.message(**vars(error)) for error in errors[:10])
        super().__init__(
            WelfareError.ROWS_REFUSED.message(count=len(lines), rows=rows),
            code=WelfareError.ROWS_REFUSED.code,
        )


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
    *, by: User, source_name: str, province_code: str, filename: str, data: bytes
) -> ImportBatch:
    """Keep an uploaded source file for its uploader to map and import; refuse it at once if it cannot be read."""
    name = clean_text(source_name)
    if not name:
        raise WelfareError.SOURCE_UNNAMED.error("source_name")
    if not Area.objects.filter(code=province_code, level=AreaLevel.PROVINCE).exists():
        raise WelfareError.CHOOSE_PROVINCE.error("province_code")
    require_write(by, province_code)
    table = read_upload(data, filename)
    return ImportBatch.objects.create(
        entity=ImportEntity.FUND_SOURCE,
        user=by,
        filename=filename[:255],
        data=data,
        table=table_as_json(table),
        row_count=len(table.rows),
        options={"source_name": name, "province_code": province_code},
    )


def source_upload_confirm_start(
    *, by: User, batch: ImportBatch, mapping: dict[str, str], skip_bad_rows: bool = False
) -> Job:
    """Import the kept file as its source under the mapping, in a job; the source then remembers the mapping.
    An upload is imported once: a second confirmation raises JobAlreadyClaimed."""
    if batch.user_id != by.pk:
        raise Http404
    require_write(by, batch.options["province_code"])
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
            province_code=batch.options["province_code"],
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
