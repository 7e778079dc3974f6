"""API routes of reports read into drafts: give reports (read in a job), list them, read one with its draft.
Accepting a draft into the records is a reviewer's step, on the report's page."""

import base64
import binascii

from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from sanphalang.directory.models import Person
from sanphalang.ingest.models import DocumentStatus
from sanphalang.ingest.selectors import documents as selectors
from sanphalang.ingest.services.documents import GivenFile, documents_give

from .errors import ApiError
from .pagination import PageQuery, page_of, paginate
from .schemas_ingest import (
    SourceDocumentDetailOut,
    SourceDocumentOut,
    SourceDocumentsGiveIn,
    SourceDocumentsGivenOut,
)
from .thai_fields import RecordId

router = Router(tags=["ingest: reports read into drafts"])


class DocumentListQuery(PageQuery):
    status: DocumentStatus | None = None


def _row(document) -> dict:
    return {
        "id": document.pk,
        "name": document.name,
        "media": document.media,
        "area_id": document.area_id,
        "status": document.status,
        "status_label": document.get_status_display(),
        "given_at": document.given_at,
        "problem": {"code": document.problem, "message": document.problem_message()}
        if document.problem
        else None,
    }


def _file(number: int, given) -> GivenFile:
    try:
        data = base64.b64decode(given.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(
            422,
            _("The file's content is not valid base64."),
            code="ingest_bad_base64",
            field=f"files.{number}.content_base64",
        ) from None
    return GivenFile(name=given.name, data=data, size=len(data))


@router.get("/ingest/documents", response=page_of(SourceDocumentOut), operation_id="ingest_document_list")
def document_list(request, filters: Query[DocumentListQuery]):
    return paginate(selectors.document_list(user=request.auth, status=filters.status), filters, item=_row)


@router.post(
    "/ingest/documents", response={202: SourceDocumentsGivenOut}, operation_id="ingest_documents_give"
)
def documents_give_route(request, payload: SourceDocumentsGiveIn):
    files = [_file(number, given) for number, given in enumerate(payload.files)]
    documents, job = documents_give(
        by=request.auth, area_code=payload.area_code, text=payload.text, files=files
    )
    return Status(202, {"job": job.pk, "documents": [_row(document) for document in documents]})


@router.get(
    "/ingest/documents/{document_id}", response=SourceDocumentDetailOut, operation_id="ingest_document_get"
)
def document_get(request, document_id: RecordId):
    document = selectors.document_get(user=request.auth, pk=document_id)
    records = selectors.records_of_document(document) if document.status == DocumentStatus.ACCEPTED else []
    return {
        **_row(document),
        "text": document.text,
        "draft": document.draft,
        # People are left out: how a record names a person to a reader is the pages' rule (person_shown_to).
        "records": [
            f"{record._meta.verbose_name}: {record}" for record in records if not isinstance(record, Person)
        ],
    }
