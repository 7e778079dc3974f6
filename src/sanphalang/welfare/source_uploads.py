"""A fund source's file between upload and import: the user maps its columns, sees its rows checked, then imports.

The file is kept as an import batch of its uploader, like every other import, so nothing is written until the
user confirms, and what the file says can be checked again under another mapping without uploading it again.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write
from sanphalang.imports.models import ImportBatch, ImportEntity, ImportStatus
from sanphalang.imports.services import RowError, read_upload
from sanphalang.imports.tabular import Table, normalise_heading, read_table
from sanphalang.thai.names import clean_text

from .models import Source
from .records import suggest_mapping
from .services import ImportResult, source_import, source_rows

PREVIEW_ROWS = 20


@dataclass
class SourcePreview:
    headings: list[str]
    mapping: dict[str, str]
    total: int
    rows: list[tuple[int, dict]]  # the first rows as the mapping reads them
    errors: list[RowError]
    unused_headings: list[str]
    mapping_error: str = ""
    # Headings the source's last import was mapped to that this file no longer has: its layout has changed.
    missing_remembered: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({error.line for error in self.errors})


@transaction.atomic
def source_upload_create(*, by, source_name: str, province_code: str, filename: str, data: bytes) -> ImportBatch:
    """Keep an uploaded source file for its uploader to map and import; refuse it at once if it cannot be read."""
    name = clean_text(source_name)
    if not name:
        raise ValidationError({"source_name": _("Name the source.")})
    if not Area.objects.filter(code=province_code, level=AreaLevel.PROVINCE).exists():
        raise ValidationError({"province_code": _("Choose a province.")})
    require_write(by, province_code)
    table = read_upload(data, filename)
    return ImportBatch.objects.create(
        entity=ImportEntity.FUND_SOURCE, user=by, filename=filename[:255], data=data, row_count=len(table.rows),
        options={"source_name": name, "province_code": province_code})


def source_upload_get(*, by, pk: int) -> ImportBatch:
    """The user's own source upload; anyone else's is not found."""
    batch = ImportBatch.objects.filter(pk=pk, user_id=getattr(by, "pk", None), entity=ImportEntity.FUND_SOURCE).first()
    if batch is None:
        raise Http404
    return batch


def source_upload_table(batch: ImportBatch) -> Table:
    return read_table(bytes(batch.data), batch.filename)


def _source_of(batch: ImportBatch) -> Source | None:
    return Source.objects.filter(province_id=batch.options["province_code"], name=batch.options["source_name"]).first()


def source_upload_suggestion(batch: ImportBatch, table: Table) -> dict[str, str]:
    """The mapping to offer: the source's remembered one, another source's of the same layout, or recognition."""
    others = Source.objects.filter(province_id=batch.options["province_code"]).exclude(column_mapping={})
    return suggest_mapping(_source_of(batch), table.headings, others=list(others))


def source_upload_preview(*, batch: ImportBatch, table: Table, mapping: dict[str, str]) -> SourcePreview:
    """What importing the file under the mapping would keep and refuse; writes nothing."""
    mapping = {name: heading for name, heading in mapping.items() if heading}
    used = {normalise_heading(h) for h in mapping.values()}
    preview = SourcePreview(headings=[h for h in table.headings if h], mapping=mapping, total=len(table.rows),
                            rows=[], errors=[],
                            unused_headings=[h for h in table.headings if h and normalise_heading(h) not in used])
    source = _source_of(batch)
    present = {normalise_heading(h) for h in table.headings if h}
    preview.missing_remembered = [heading for heading in ((source.column_mapping if source else None) or {}).values()
                                  if normalise_heading(heading) not in present]
    try:
        checked = source_rows(table, mapping)
    except ValidationError as error:
        preview.mapping_error = " ".join(error.messages)
        return preview
    preview.rows = checked.rows[:PREVIEW_ROWS]
    preview.errors = checked.errors
    return preview


@transaction.atomic
def source_upload_confirm(*, by, batch: ImportBatch, mapping: dict[str, str], skip_bad_rows: bool = False
                          ) -> ImportResult:
    """Import the kept file as its source under the mapping, which the source then remembers."""
    if batch.user_id != by.pk:
        raise Http404
    if batch.status != ImportStatus.PENDING:
        raise ValidationError(_("This file has already been imported."))
    result = source_import(by=by, source_name=batch.options["source_name"],
                           province_code=batch.options["province_code"], table=source_upload_table(batch),
                           column_mapping={name: heading for name, heading in mapping.items() if heading},
                           skip_bad_rows=skip_bad_rows)
    batch.status = ImportStatus.IMPORTED
    batch.created_count = result.created
    batch.skipped_count = result.skipped_rows
    batch.finished_at = timezone.now()
    batch.options = {**batch.options, "mapping": result.mapping}
    batch.save(update_fields=["status", "created_count", "skipped_count", "finished_at", "options"])
    return result

