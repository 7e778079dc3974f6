"""Run an import: every row through its entity's service, a savepoint per row, all or nothing unless told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.areas.scoping import require_writer
from sanphalang.errors import Access, AccessDenied
from sanphalang.jobs.kinds import JobKind, JobRefused, register, status_claim
from sanphalang.jobs.models import Job
from sanphalang.jobs.services import job_enqueue

from .errors import ImportsError
from .importers import Importer, RowProblem, error_items, importer_for
from .models import ImportBatch, ImportStatus
from .tabular import Table, TableError, normalise_heading, read_table, too_large_message

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


@dataclass
class RowError:
    line: int
    column: str  # the heading as the file writes it
    message: str


@dataclass
class ImportResult:
    total: int
    created: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False
    ignored_headings: list[str] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({error.line for error in self.errors})

    @property
    def good_rows(self) -> int:
        return self.total - self.bad_rows


class _DryRun(Exception):
    """Raised to roll back the outer transaction of a preview or a refused import."""


def map_headings(importer: Importer, headings: list[str]) -> tuple[dict[int, str], dict[str, str], list[str]]:
    """Which column key each heading of the file feeds, the heading of each key, and the headings not used."""
    by_name = {}
    for column in importer.columns:
        for name in column.names():
            by_name.setdefault(normalise_heading(name), column.key)
    positions, headings_by_key, ignored = {}, {}, []
    for index, heading in enumerate(headings):
        key = by_name.get(normalise_heading(heading))
        if key and key not in headings_by_key:
            positions[index] = key
            headings_by_key[key] = heading
        elif heading:
            ignored.append(heading)
    missing = importer.missing_columns(set(headings_by_key))
    if missing:
        raise TableError(
            _("The file has no column for: %(columns)s. Download the template to see the headings.")
            % {"columns": ", ".join(f"{c.th} ({c.en})" for c in missing)}
        )
    return positions, headings_by_key, ignored


def run_import(
    *,
    entity: str,
    table: Table,
    by: User,
    commit: bool,
    skip_bad_rows: bool = False,
    progress: Callable[[int, int], None] | None = None,
    meeting_id: int | None = None,
    plan_id: int | None = None,
) -> ImportResult:
    """Import the table's rows as `by`. Without commit (a preview) nothing is kept; with it, everything is kept
    only if every row is good, or the good rows if skip_bad_rows. Agenda and attendance go into meeting_id
    (a ValidationError on "meeting" if the user cannot change it); a plan's projects, targets and progress into
    plan_id (a ValidationError on "plan")."""
    importer = importer_for(entity).bound(by=by, meeting_id=meeting_id, plan_id=plan_id)
    positions, headings_by_key, ignored = map_headings(importer, table.headings)
    result = ImportResult(total=len(table.rows), ignored_headings=ignored)

    def heading(key: str) -> str:
        return headings_by_key.get(key) or importer.column(key).th

    try:
        with transaction.atomic():
            first_lines: dict[tuple, int] = {}
            for done, (line, cells) in enumerate(table.rows, start=1):
                values = {
                    key: (cells[index].strip() if index < len(cells) else "")
                    for index, key in positions.items()
                }
                problems = _import_row(importer, by, values, line, first_lines)
                result.errors.extend(RowError(line, heading(key), message) for key, message in problems)
                if not problems:
                    result.created += 1
                if progress:
                    progress(done, result.total)
            if not commit or (result.errors and not skip_bad_rows):
                raise _DryRun
            result.written = True
    except _DryRun:
        pass
    if commit and not result.written:
        result.created = 0
    return result


def _import_row(importer: Importer, by, values: dict, line: int, first_lines: dict) -> list[tuple[str, str]]:
    keys = importer.duplicate_keys(values)
    for column, key in keys:
        if key in first_lines:
            return [(column, _("This row repeats line %(line)s of the file.") % {"line": first_lines[key]})]
    try:
        with transaction.atomic():
            importer.create(by=by, values=values)
    except RowProblem as problem:
        return problem.problems
    except AccessDenied as denied:
        return [(importer.area_column, str(denied.message or _("You cannot add records here.")))]
    except ValidationError as error:
        return [
            (importer.column_for_field(name, values), message)
            for name, messages in error_items(error)
            for message in messages
        ]
    except DatabaseError:
        return [
            (importer.main_column_for(values), _("The database refused this row: it may repeat another."))
        ]
    for _column, key in keys:
        first_lines[key] = line
    return []


def read_upload(data: bytes, filename: str) -> Table:
    """An uploaded file as a table, or a ValidationError on "file" saying why it cannot be used."""
    if len(data) > settings.IMPORT_MAX_UPLOAD_BYTES:
        raise ValidationError({"file": too_large_message()})
    try:
        return read_table(data, filename)
    except TableError as error:
        raise ValidationError({"file": error.message}) from None


def table_as_json(table: Table) -> dict:
    return {"headings": table.headings, "rows": [[line, cells] for line, cells in table.rows]}


def import_batch_create(
    *,
    by: User,
    entity: str,
    filename: str,
    data: bytes,
    meeting_id: int | None = None,
    plan_id: int | None = None,
    preview: bool = True,
) -> ImportBatch:
    """Keep an uploaded file, read once, for preview and confirmation; refuse it at once if it cannot be read.
    With preview, its rows are checked by a job whose result the preview page shows."""
    require_writer(by)
    table = read_upload(data, filename)
    importer = importer_for(entity).bound(by=by, meeting_id=meeting_id, plan_id=plan_id)
    try:
        map_headings(importer, table.headings)
    except TableError as error:
        raise ValidationError({"file": error.message}) from None
    batch = ImportBatch.objects.create(
        entity=entity,
        user=by,
        filename=filename[:255],
        data=data,
        table=table_as_json(table),
        row_count=len(table.rows),
        meeting_id=meeting_id if importer.needs_meeting else None,
        options={"plan": plan_id} if importer.needs_plan else {},
    )
    if preview:
        import_batch_preview_start(by=by, batch=batch)
    return batch


def import_batch_preview_start(*, by: User, batch: ImportBatch, **run) -> Job:
    """Check every row of the batch in a job, writing nothing."""
    _require_owner(by, batch)
    return job_enqueue(by=by, kind=PREVIEW_JOB, params={"batch": batch.pk}, **run)


def import_batch_confirm_start(*, by: User, batch: ImportBatch, skip_bad_rows: bool = False, **run) -> Job:
    """Import the batch in a job. A batch is imported once: a second confirmation raises JobAlreadyClaimed."""
    _require_owner(by, batch)
    return job_enqueue(
        by=by, kind=CONFIRM_JOB, params={"batch": batch.pk, "skip_bad_rows": skip_bad_rows}, **run
    )


def result_as_json(result: ImportResult) -> dict:
    return {
        "total": result.total,
        "created": result.created,
        "written": result.written,
        "ignored_headings": result.ignored_headings,
        "errors": [vars(error) for error in result.errors],
    }


def result_from_json(data: dict) -> ImportResult:
    return ImportResult(
        total=data["total"],
        created=data["created"],
        written=data["written"],
        ignored_headings=data["ignored_headings"],
        errors=[RowError(**error) for error in data["errors"]],
    )


def _run_batch(job: Job, progress, *, commit: bool) -> tuple[ImportBatch, ImportResult]:
    batch = ImportBatch.objects.get(pk=job.params["batch"])
    try:
        result = run_import(
            entity=batch.entity,
            table=batch.read_table(),
            by=job.user,
            commit=commit,
            skip_bad_rows=job.params.get("skip_bad_rows", False),
            progress=progress,
            meeting_id=batch.meeting_id,
            plan_id=batch.options.get("plan"),
        )
    except TableError as error:
        raise JobRefused(error.message) from None
    return batch, result


def _preview_job(job: Job, progress) -> dict:
    _batch, result = _run_batch(job, progress, commit=False)
    return result_as_json(result)


def _confirm_job(job: Job, progress) -> dict:
    batch, result = _run_batch(job, progress, commit=True)
    if not result.written:
        raise JobRefused(
            ImportsError.NOTHING_IMPORTED.message(),
            row_errors=[vars(error) for error in result.errors],
            result=result_as_json(result),
        )
    batch.status = ImportStatus.IMPORTED
    batch.created_count = result.created
    batch.skipped_count = result.bad_rows
    batch.finished_at = timezone.now()
    batch.save(update_fields=["status", "created_count", "skipped_count", "finished_at"])
    return result_as_json(result)


# Take a waiting batch for its import (False: imported or being imported already); give it back on failure.
claim_batch, release_batch = status_claim(
    ImportBatch, "batch", waiting=ImportStatus.PENDING, taken=ImportStatus.QUEUED
)


def _batch_page(job: Job) -> str:
    return reverse("imports:preview", args=[job.params["batch"]])


PREVIEW_JOB = "import.preview"
CONFIRM_JOB = "import.confirm"
register(JobKind(PREVIEW_JOB, gettext_lazy("Checking the file's rows"), _preview_job, result_url=_batch_page))
register(
    JobKind(
        CONFIRM_JOB,
        gettext_lazy("Importing the file"),
        _confirm_job,
        claim=claim_batch,
        release=release_batch,
        result_url=_batch_page,
    )
)


def _require_owner(by, batch: ImportBatch) -> None:
    if not (by and by.is_authenticated and by.can_write and batch.user_id == by.pk):
        raise Access.NOT_UPLOADER.denied()
