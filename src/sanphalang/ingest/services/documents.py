"""Giving reports to be read (pasted text, or many files at once) and reading them into drafts in a job.

What is given is kept as given, in the area the giver chose; the job reads each document in turn, and one that
cannot be read (empty, binary, a scan without text, too large, not Thai) is marked so with its reason while the
others are read. Nothing enters the records here: a draft waits for someone to review and accept it (review.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from sanphalang.areas.scoping import require_write
from sanphalang.jobs.kinds import JobKind, register
from sanphalang.jobs.services import job_enqueue
from sanphalang.thai.dates import format_be_date

from ..draft import Draft
from ..errors import IngestError, ReviewError
from ..extract.gazetteer import directory_organisations
from ..labels import EVENT_KINDS
from ..models import DocumentMedia, DocumentStatus, SourceDocument
from ..reading import refuse_too_large
from .drafts import draft_from_bytes, draft_from_text

if TYPE_CHECKING:
    from sanphalang.accounts.models import User
    from sanphalang.jobs.models import Job

# The most files one giving may hold: a batch a person reviews, not an archive.
MAX_FILES = 50
# A pasted text is named by its first line, cut to this length.
PASTED_NAME_LENGTH = 80
_THAI = re.compile(r"[\u0E01-\u0E4E]")


@dataclass(frozen=True)
class GivenFile:
    """An uploaded file: its name and content. A file over the size limit is given with its size only."""

    name: str
    data: bytes
    size: int


def _media_of(name: str, data: bytes) -> str:
    if data.startswith(b"%PDF") or Path(name).suffix.lower() == ".pdf":
        return DocumentMedia.PDF
    if data.startswith(b"PK") or Path(name).suffix.lower() == ".docx":
        return DocumentMedia.WORD
    return DocumentMedia.TEXT


def _pasted_name(text: str) -> str:
    """Until it is read, a pasted text is named by its first line with Thai in it (a page's menu is not)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    first = next((line for line in lines if _THAI.search(line)), lines[0] if lines else "")
    return first[:PASTED_NAME_LENGTH] or gettext("Pasted text")


def _name_from_draft(draft: Draft) -> str:
    """What a pasted report is called once read: its kind of event, province and date ("การประชุม เชียงราย
    20 ก.ค. 2558"), as a list of reports names them."""
    parts = []
    if draft.event_kind and draft.event_kind.value != "other":
        parts.append(str(EVENT_KINDS[draft.event_kind.value]))
    if draft.province:
        parts.append(draft.province.value)
    if draft.event_date:
        parts.append(format_be_date(dt.date.fromisoformat(draft.event_date.value), style="short"))
    return " ".join(parts)[:255]


def _file_document(by: User, area_code: str, given: GivenFile) -> SourceDocument:
    name = Path(given.name).name[:255] or gettext("File")
    document = SourceDocument(
        area_id=area_code, given_by=by, name=name, media=_media_of(name, given.data[:8]), size=given.size
    )
    try:
        refuse_too_large(given.size, name=name)
    except IngestError as error:
        # Too large to keep: refused at once, by its size, while the rest of the batch is read.
        document.status = DocumentStatus.UNREADABLE
        document.problem, document.problem_params = error.code, error.params
    else:
        document.content = given.data
        document.sha256 = hashlib.sha256(given.data).hexdigest()
    return document


@transaction.atomic
def documents_give(
    *,
    by: User,
    area_code: str,
    text: str = "",
    files: Sequence[GivenFile] = (),
    run_now: bool = False,
    progress=None,
) -> tuple[list[SourceDocument], Job]:
    """Keep the pasted text and each file as a document of the area, and start the job that reads them."""
    require_write(by, area_code)
    text = text or ""
    if not text.strip() and not files:
        raise ReviewError.NOTHING_GIVEN.error(None)
    if len(files) > MAX_FILES:
        raise ReviewError.TOO_MANY_FILES.error("files", limit=MAX_FILES)
    documents = []
    if text.strip():
        documents.append(
            SourceDocument(
                area_id=area_code,
                given_by=by,
                name=_pasted_name(text),
                media=DocumentMedia.PASTED,
                text=text,
                size=len(text.encode("utf-8")),
                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            )
        )
    documents.extend(_file_document(by, area_code, given) for given in files)
    for document in documents:
        document.save()
    job = job_enqueue(
        by=by,
        kind=READ_JOB,
        params={"documents": [document.pk for document in documents]},
        run_now=run_now,
        progress=progress,
    )
    SourceDocument.objects.filter(pk__in=[document.pk for document in documents]).update(job=job)
    for document in documents:
        document.refresh_from_db()
    return documents, job


def document_read(document: SourceDocument, *, known=()) -> None:
    """Read one document into its draft, or mark it unreadable with the reason; saved either way."""
    try:
        if document.media == DocumentMedia.PASTED:
            draft = draft_from_text(document.text, name=document.name, known=known)
        else:
            draft = draft_from_bytes(bytes(document.content), name=document.name, known=known)
    except IngestError as error:
        document.status = DocumentStatus.UNREADABLE
        document.problem, document.problem_params = error.code, error.params
        document.draft = None
    else:
        document.status = DocumentStatus.READ
        if document.media == DocumentMedia.PASTED:
            document.name = _name_from_draft(draft) or document.name
        document.text = draft.text
        document.draft = draft.as_stored()
        document.problem, document.problem_params = "", {}
    document.save(update_fields=["name", "status", "text", "draft", "problem", "problem_params"])


def _read_job(job: Job, progress) -> dict:
    waiting = SourceDocument.objects.filter(pk__in=job.params["documents"], status=DocumentStatus.WAITING)
    documents = list(waiting.order_by("pk"))
    known = directory_organisations()  # read once for the whole batch
    for done, document in enumerate(documents, start=1):
        document_read(document, known=known)
        progress(done, len(documents))
    statuses = SourceDocument.objects.filter(pk__in=job.params["documents"]).values_list("status", flat=True)
    statuses = list(statuses)
    return {
        "read": statuses.count(DocumentStatus.READ),
        "unreadable": statuses.count(DocumentStatus.UNREADABLE),
    }


def _result_page(job: Job) -> str:
    documents = job.params["documents"]
    if len(documents) == 1:
        return reverse("ingest:document_detail", args=[documents[0]])
    return f"{reverse('ingest:document_list')}?job={job.pk}"


@transaction.atomic
def document_discard(*, by: User, document: SourceDocument) -> SourceDocument:
    """Set a report aside without taking anything from it; it stays listed as discarded."""
    require_write(by, document.area_id)
    undecided = [DocumentStatus.WAITING, DocumentStatus.READ, DocumentStatus.UNREADABLE]
    if not SourceDocument.objects.filter(pk=document.pk, status__in=undecided).update(
        status=DocumentStatus.DISCARDED, decided_by=by, decided_at=timezone.now()
    ):
        raise ReviewError.ALREADY_DECIDED.error(None)
    document.refresh_from_db()
    return document


READ_JOB = "ingest.read"
register(JobKind(READ_JOB, gettext_lazy("Reading the reports"), _read_job, result_url=_result_page))
