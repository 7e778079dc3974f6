"""Writes of legal status cases (S8): a stateless person's case opened, each step it reaches with its day (the
case stands at its latest step, and a final step closes it), the agency it waits on, and its documents."""

import datetime as dt

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction, User
from sanphalang.directory.models import Organisation
from sanphalang.versions import expect_version

from ..access import require_care_write
from ..errors import CareError
from ..models import (
    LegalStatusCase,
    LegalStatusDocument,
    LegalStatusEvent,
    Member,
    StatusStep,
)

CASE_FIELDS = {"status_sought", "agency", "note"}


def _not_in_future(day: dt.date | None, field: str) -> None:
    if day and day > timezone.localdate():
        raise CareError.DATE_IN_FUTURE.error(field)


@transaction.atomic
def status_case_open(
    *,
    by: User,
    member: Member,
    status_sought: str,
    opened_on: dt.date,
    agency: Organisation | None = None,
    note: str = "",
    step: str = StatusStep.FACTS_GATHERED,
) -> LegalStatusCase:
    """Open a case for a member, at its first step on the day it was opened."""
    require_care_write(by, member.area_id)
    _not_in_future(opened_on, "opened_on")
    case = validated_save(
        LegalStatusCase(
            member=member,
            area_id=member.area_id,
            status_sought=status_sought,
            agency=agency,
            opened_on=opened_on,
            step=step,
            step_since=opened_on,
            note=note,
            opened_by=by,
        ),
        by,
    )
    validated_save(LegalStatusEvent(case=case, step=step, happened_on=opened_on, by=by), by)
    log_access(by, AccessAction.CREATE, case)
    return case


@transaction.atomic
def status_case_update(
    *, by: User, case: LegalStatusCase, version: int | None = None, **fields
) -> LegalStatusCase:
    """Change what is sought, the agency the case waits on or its note; its step moves only by status_step_record."""
    unknown = set(fields) - CASE_FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")
    expect_version(case, version)
    require_care_write(by, case.area_id)
    for name, value in fields.items():
        setattr(case, name, value)
    validated_save(case, by)
    log_access(by, AccessAction.UPDATE, case)
    return case


@transaction.atomic
def status_step_record(
    *, by: User, case: LegalStatusCase, step: str, happened_on: dt.date, note: str = ""
) -> LegalStatusEvent:
    """Record the step the case reached: the case moves to it (a final step closes the case). A step is dated on
    or after the current one, never in the future nor before the case was opened."""
    require_care_write(by, case.area_id)
    if case.is_final:
        raise CareError.STATUS_CASE_CLOSED.error(None)
    _not_in_future(happened_on, "happened_on")
    if happened_on < case.opened_on:
        raise CareError.STATUS_DATE_BEFORE_OPENED.error("happened_on")
    if happened_on < case.step_since:
        raise CareError.STATUS_DATE_BEFORE_STEP.error("happened_on")
    event = validated_save(
        LegalStatusEvent(case=case, step=step, happened_on=happened_on, note=note, by=by), by
    )
    case.step, case.step_since = step, happened_on
    validated_save(case, by)
    log_access(by, AccessAction.UPDATE, case, detail=f"step {step}")
    return event


@transaction.atomic
def status_document_add(
    *,
    by: User,
    case: LegalStatusCase,
    kind: str,
    file: File | None = None,
    received_on: dt.date | None = None,
    note: str = "",
) -> LegalStatusDocument:
    require_care_write(by, case.area_id)
    _not_in_future(received_on, "received_on")
    document = LegalStatusDocument(case=case, kind=kind, received_on=received_on, note=note, added_by=by)
    if file is not None:
        document.file = file
    validated_save(document, by)
    log_access(by, AccessAction.CREATE, document, detail=f"legal status case {case.pk}")
    return document


@transaction.atomic
def status_document_remove(*, by: User, document: LegalStatusDocument) -> None:
    """Remove a document; its stored file is deleted once the removal is committed."""
    require_care_write(by, document.case.area_id)
    log_access(by, AccessAction.DELETE, document, detail=f"legal status case {document.case_id}")
    storage, name = document.file.storage, document.file.name
    document.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
