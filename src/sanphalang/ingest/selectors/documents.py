"""Reads of the reports given: those of the user's areas, and one to read or to review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.http import Http404

from sanphalang.accounts.audit import log_access
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import area_read_q, require_write, scope_for
from sanphalang.web.areas import area_label

from ..models import AcceptedRecord, DocumentStatus, SourceDocument

if TYPE_CHECKING:
    from django.db import models

    from sanphalang.accounts.models import User


def document_list(
    *, user: User, status: str | None = None, job: int | None = None
) -> QuerySet[SourceDocument]:
    """The reports given in the user's areas (and below), newest first, without their content."""
    documents = SourceDocument.objects.filter(area_read_q(user, "area_id"))
    if status:
        documents = documents.filter(status=status)
    if job:
        documents = documents.filter(job_id=job)
    return documents.defer("content", "text", "draft").select_related("area", "given_by")


def document_get(*, user: User, pk: int) -> SourceDocument:
    """A report of the user's areas (else 404). A report names people, so each reading is in the access log."""
    document = _document(user, pk)
    log_access(user, "read", document)
    return document


def _document(user: User, pk: int) -> SourceDocument:
    document = (
        SourceDocument.objects.filter(area_read_q(user, "area_id"), pk=pk)
        .select_related("area", "given_by")
        .first()
        if str(pk).isdigit()
        else None
    )
    if document is None:
        raise Http404
    return document


def document_get_for_change(*, user: User, pk: int) -> SourceDocument:
    """A report the user may review, accept or discard: of their areas (else 404), writable (else AccessDenied)."""
    document = _document(user, pk)
    require_write(user, document.area_id)
    return document


def document_counts(*, user: User) -> dict[str, int]:
    """How many reports of the user's areas wait in each status."""
    counts = dict.fromkeys(DocumentStatus.values, 0)
    rows = SourceDocument.objects.filter(area_read_q(user, "area_id")).values("status").order_by()
    counts.update({row["status"]: row["count"] for row in rows.annotate(count=Count("pk"))})
    return counts


def documents_of_record(*, user: User, record: models.Model) -> list[SourceDocument]:
    """The reports a record was accepted from, those the user may read."""
    links = AcceptedRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).values_list("document_id", flat=True)
    return list(document_list(user=user).filter(pk__in=links))


def records_of_document(document: SourceDocument) -> list[models.Model]:
    """What was accepted from the report, in the order it was made (records removed since are left out)."""
    records = []
    for link in document.records.select_related("content_type").order_by("pk"):
        record = link.record
        if record is not None:
            records.append(record)
    return records


def give_area_choices(*, user: User) -> list[tuple[str, str]]:
    """The areas a user may give reports for: the areas they work in (for all of Thailand, each province)."""
    scope = scope_for(user)
    if scope.national:
        areas = Area.objects.filter(level=AreaLevel.PROVINCE)
    else:
        areas = Area.objects.filter(code__in=scope.prefixes)
    return [(area.code, area_label(area)) for area in areas.select_related("parent__parent").order_by("code")]
