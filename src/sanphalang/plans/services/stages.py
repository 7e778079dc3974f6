"""Writes of area charters (S4) and registrations with authorities (S10), and the one stage mechanism they share.

A charter or a registration is at the stage its latest StageEvent names; stage_record adds the next one (with its
document version) and moves the record, stage_event_remove takes the latest back. The record's own row keeps the
current stage and its date, so lists filter and count without reading the events.
"""

import datetime as dt

from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from sanphalang.accounts.audit import log_access, stamp, validated_save
from sanphalang.accounts.models import AccessAction, User
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.directory.models import Organisation
from sanphalang.thai.dates import format_be_date
from sanphalang.versions import expect_version
from sanphalang.welfare.models import Fund

from ..errors import PlanError
from ..models import Charter, CharterStage, Registration, RegistrationStage, StageEvent
from ..models.stages import REGISTRATION_HELD_STAGES

Staged = Charter | Registration

# Stages a record may reach again, each time with its own date and document: a charter revised once more, a
# registration renewed once more. Any other stage reached twice in a row is a mistake.
REPEATABLE_STAGES = {CharterStage.REVISED, RegistrationStage.RENEWED}

CHARTER_FIELDS = {"title", "area_code", "adopted_by", "note"}
REGISTRATION_FIELDS = {
    "organisation",
    "fund",
    "law",
    "authority",
    "registration_number",
    "registered_on",
    "expires_on",
    "note",
}


def _check_shown(by: User, organisation: Organisation | None, field: str) -> None:
    """An organisation named on a record is one the writer can see: of their areas or an agency above them."""
    if organisation is not None and not scope_for(by).covers_with_ancestors(organisation.area_id):
        raise PlanError.ORGANISATION_NOT_SHOWN.error(field)


def _subdistrict(area_code: str) -> Area:
    area = Area.objects.filter(code=(area_code or "").strip()).first()
    if area is None or area.level != AreaLevel.SUBDISTRICT:
        raise PlanError.CHARTER_NOT_IN_SUBDISTRICT.error("area_code")
    return area


def _unknown_fields(fields: dict, allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {', '.join(sorted(unknown))}")


def _apply(by: User, record: Staged, fields: dict, *, named: str, trimmed: str):
    """Save a record's changed fields: an organisation newly named in `named` is one the writer sees, the text of
    `trimmed` loses its surrounding spaces."""
    if named in fields and fields[named] != getattr(record, named):
        _check_shown(by, fields[named], named)
    if trimmed in fields:
        fields[trimmed] = (fields[trimmed] or "").strip()
    for name, value in fields.items():
        setattr(record, name, value)
    return validated_save(record, by)


# ---- charters


@transaction.atomic
def charter_create(
    *,
    by: User,
    area_code: str,
    title: str,
    adopted_by: Organisation | None = None,
    note: str = "",
) -> Charter:
    """A subdistrict's charter, at its first stage (drafting) until a stage is recorded."""
    area = _subdistrict(area_code)
    require_write(by, area.code)
    _check_shown(by, adopted_by, "adopted_by")
    return validated_save(Charter(area=area, title=title.strip(), adopted_by=adopted_by, note=note), by)


@transaction.atomic
def charter_update(*, by: User, charter: Charter, version: int | None = None, **fields) -> Charter:
    """Change a charter's name, subdistrict, adopting body or note; its stage moves only through stage_record."""
    _unknown_fields(fields, CHARTER_FIELDS)
    expect_version(charter, version)
    require_write(by, charter.area_id)
    if "area_code" in fields:
        area = _subdistrict(fields.pop("area_code"))
        require_write(by, area.code)
        charter.area = area
    return _apply(by, charter, fields, named="adopted_by", trimmed="title")


@transaction.atomic
def charter_delete(*, by: User, charter: Charter) -> None:
    require_write(by, charter.area_id)
    _delete_with_documents(by, charter)


# ---- registrations


def _registration_area(organisation: Organisation | None, fund: Fund | None) -> str | None:
    """The area of what registers: the narrower of the organisation's and the fund's (a fund lies in a tambon)."""
    codes = [subject.area_id for subject in (organisation, fund) if subject is not None]
    if not codes:
        return None
    if len({code[:2] for code in codes}) > 1:
        raise PlanError.SUBJECT_OUTSIDE_PROVINCE.error("fund")
    return max(codes, key=len)


def _check_subject(by: User, organisation, fund) -> str:
    code = _registration_area(organisation, fund)
    if code is None:
        raise PlanError.REGISTRATION_NEEDS_SUBJECT.error("organisation")
    require_write(by, code)
    return code


@transaction.atomic
def registration_create(
    *,
    by: User,
    organisation: Organisation | None = None,
    fund: Fund | None = None,
    law: str = Registration._meta.get_field("law").default,
    authority: Organisation | None = None,
    registration_number: str = "",
    registered_on: dt.date | None = None,
    expires_on: dt.date | None = None,
    note: str = "",
) -> Registration:
    """An organisation's or a fund's registration (or both, as a fund's network registers for it), in the area of
    what registers; at its first stage (preparing) until a stage is recorded."""
    code = _check_subject(by, organisation, fund)
    _check_shown(by, authority, "authority")
    return validated_save(
        Registration(
            area_id=code,
            organisation=organisation,
            fund=fund,
            law=law,
            authority=authority,
            registration_number=(registration_number or "").strip(),
            registered_on=registered_on,
            expires_on=expires_on,
            note=note,
        ),
        by,
    )


@transaction.atomic
def registration_update(
    *, by: User, registration: Registration, version: int | None = None, **fields
) -> Registration:
    """Change what registers, with whom and under which law, its number and dates, or its note."""
    _unknown_fields(fields, REGISTRATION_FIELDS)
    expect_version(registration, version)
    require_write(by, registration.area_id)
    organisation = fields.get("organisation", registration.organisation)
    fund = fields.get("fund", registration.fund)
    if organisation != registration.organisation or fund != registration.fund:
        registration.area_id = _check_subject(by, organisation, fund)
    return _apply(by, registration, fields, named="authority", trimmed="registration_number")


@transaction.atomic
def registration_delete(*, by: User, registration: Registration) -> None:
    require_write(by, registration.area_id)
    _delete_with_documents(by, registration)


def _delete_with_documents(by: User, record: Staged) -> None:
    """Remove a record with its stages; their stored files go once the removal is committed."""
    files = [(event.document.storage, event.document.name) for event in record.events.all() if event.document]
    stamp(record, by).delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


# ---- stages, for either kind


def _events_of(record: Staged):
    field = "charter" if isinstance(record, Charter) else "registration"
    return StageEvent.objects.filter(**{field: record})


def _locked(record: Staged) -> None:
    """Hold the record's row until the transaction ends: two stages recorded at once are put one after the other,
    each seeing the other's date and document version."""
    type(record).objects.select_for_update().filter(pk=record.pk).first()


def _latest(record: Staged) -> StageEvent | None:
    return _events_of(record).order_by("-happened_on", "-pk").first()


@transaction.atomic
def stage_record(
    *,
    by: User,
    record: Staged,
    stage: str,
    happened_on: dt.date,
    note: str = "",
    document: File | None = None,
    document_title: str = "",
    registration_number: str | None = None,
    registered_on: dt.date | None = None,
    expires_on: dt.date | None = None,
    version: int | None = None,
) -> StageEvent:
    """Record that a charter or a registration reached a stage on a date, with a note and the document of that step
    (its version one more than the record's last document). The record moves to the stage. A registration that is
    registered or renewed may take its number, registration date and renewal date with it."""
    expect_version(record, version)
    require_write(by, record.area_id)
    if stage not in record.STAGES.values:
        raise PlanError.STAGE_UNKNOWN.error("stage")
    if happened_on > timezone.localdate():
        raise PlanError.STAGE_DATE_IN_FUTURE.error("happened_on")
    _locked(record)
    latest = _latest(record)
    if latest is not None:
        if happened_on < latest.happened_on:
            raise PlanError.STAGE_BEFORE_PREVIOUS.error(
                "happened_on", date=format_be_date(latest.happened_on, style="short")
            )
        if latest.stage == stage and stage not in REPEATABLE_STAGES:
            raise PlanError.STAGE_UNCHANGED.error("stage")
    event = StageEvent(
        stage=stage,
        happened_on=happened_on,
        note=note,
        recorded_by=by,
        **{"charter" if isinstance(record, Charter) else "registration": record},
    )
    if document is not None:
        previous = _events_of(record).aggregate(last=Max("document_version"))["last"] or 0
        event.document = document
        event.document_version = previous + 1
        event.document_title = (document_title or "").strip() or getattr(document, "name", "")[:200]
    validated_save(event, by)
    record.stage, record.stage_on = stage, happened_on
    if isinstance(record, Registration) and stage in REGISTRATION_HELD_STAGES:
        if registration_number is not None:
            record.registration_number = registration_number.strip()
        record.registered_on = registered_on or (
            record.registered_on if stage == RegistrationStage.RENEWED else happened_on
        )
        if expires_on is not None:
            record.expires_on = expires_on
    validated_save(record, by)
    return event


@transaction.atomic
def stage_event_remove(*, by: User, event: StageEvent, version: int | None = None) -> Staged:
    """Take back the latest stage reached (recorded by mistake): the record returns to the stage before it, or to
    its first stage when none is left. A registration keeps its number and dates; they are edited on the record."""
    record = event.charter or event.registration
    expect_version(record, version)
    require_write(by, record.area_id)
    _locked(record)
    latest = _latest(record)
    if latest is None or latest.pk != event.pk:
        raise PlanError.STAGE_EVENT_NOT_LATEST.error(None)
    log_access(by, AccessAction.DELETE, event, detail=f"{record._meta.model_name} {record.pk}")
    storage, name = event.document.storage, event.document.name
    event.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    previous = _latest(record)
    if previous is not None:
        record.stage, record.stage_on = previous.stage, previous.happened_on
    else:
        record.stage, record.stage_on = record._meta.get_field("stage").default, None
    return validated_save(record, by)
