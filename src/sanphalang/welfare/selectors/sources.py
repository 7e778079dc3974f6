"""Reads of the fund sources: the sources of the user's provinces, and an uploaded file checked under a mapping."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import Http404

from sanphalang.accounts.models import User
from sanphalang.areas.scoping import can_write_area, require_write, scope_for
from sanphalang.imports.models import ImportBatch, ImportEntity
from sanphalang.imports.services import RowError
from sanphalang.imports.tabular import Table, normalise_heading

from ..linkage.records import source_rows, suggest_mapping
from ..models import Source
from .audits import province_choices

PREVIEW_ROWS = 20


def source_list(*, user: User) -> QuerySet[Source]:
    """Sources of the provinces the user works in (a district coordinator reads their province's sources)."""
    scope = scope_for(user)
    if scope.national:
        qs = Source.objects.all()
    else:
        qs = Source.objects.filter(province_id__in={prefix[:2] for prefix in scope.prefixes})
    return (
        qs.select_related("province", "imported_by")
        .annotate(record_count=Count("records"))
        .order_by("province_id", "name")
    )


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


def source_upload_get(*, user: User, pk: int) -> ImportBatch:
    """The user's own source upload; anyone else's is not found."""
    batch = ImportBatch.objects.filter(
        pk=pk, user_id=getattr(user, "pk", None), entity=ImportEntity.FUND_SOURCE
    ).first()
    if batch is None:
        raise Http404
    return batch


def source_upload_get_for_change(*, user: User, pk: int) -> ImportBatch:
    """The user's own source upload, if they may still write its province."""
    batch = source_upload_get(user=user, pk=pk)
    require_write(user, batch.options["province_code"])
    return batch


def sources_province_for_change(*, user: User, code: str | None) -> str | None:
    """The province whose sources the user means to change (import or reconcile), refused before any input is
    judged unless they may write there."""
    require_write(user, code or None)
    return code


def writable_province_choices(*, user: User) -> list[tuple[str, str]]:
    """The provinces whose sources the user may import and reconcile."""
    return [(code, name) for code, name in province_choices(user=user) if can_write_area(user, code)]


def source_upload_table(batch: ImportBatch) -> Table:
    """The upload's rows as read once, on upload."""
    return batch.read_table()


def _source_of(batch: ImportBatch) -> Source | None:
    return Source.objects.filter(
        province_id=batch.options["province_code"], name=batch.options["source_name"]
    ).first()


def source_upload_suggestion(batch: ImportBatch, table: Table) -> dict[str, str]:
    """The mapping to offer: the source's remembered one, another source's of the same layout, or recognition."""
    others = Source.objects.filter(province_id=batch.options["province_code"]).exclude(column_mapping={})
    return suggest_mapping(_source_of(batch), table.headings, others=list(others))


def source_upload_preview(*, batch: ImportBatch, table: Table, mapping: dict[str, str]) -> SourcePreview:
    """What importing the file under the mapping would keep and refuse; writes nothing."""
    mapping = {name: heading for name, heading in mapping.items() if heading}
    used = {normalise_heading(h) for h in mapping.values()}
    preview = SourcePreview(
        headings=[h for h in table.headings if h],
        mapping=mapping,
        total=len(table.rows),
        rows=[],
        errors=[],
        unused_headings=[h for h in table.headings if h and normalise_heading(h) not in used],
    )
    source = _source_of(batch)
    present = {normalise_heading(h) for h in table.headings if h}
    preview.missing_remembered = [
        heading
        for heading in ((source.column_mapping if source else None) or {}).values()
        if normalise_heading(heading) not in present
    ]
    try:
        checked = source_rows(table, mapping)
    except ValidationError as error:
        preview.mapping_error = " ".join(error.messages)
        return preview
    preview.rows = checked.rows[:PREVIEW_ROWS]
    preview.errors = checked.errors
    return preview
