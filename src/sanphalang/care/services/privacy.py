"""A household's rights under the PDPA and the proof of them: a copy of everything held about it (the right of
access, section 30), its personal data erased on request or once it is no longer needed (sections 33 and 37(3)),
and the daily purge of households whose cases closed longer ago than the retention period.

Erasing keeps what counts: the household and its area, each member's year of birth, sex and the categories the
figures are made of, every case's kind, status and dates, the help's kinds and amounts and the fund's ledger
(append-only, never touched), so every figure of an area is the same before and after. Names, the national ID,
the address, phone numbers and every free text go, with the history rows that held their old values; the access
log keeps the fact that it was done, and by whom, never the data."""

import datetime as dt
import os
from decimal import Decimal

from django.conf import settings
from django.db import models, transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction, User
from sanphalang.areas.scoping import require_administrator
from sanphalang.errors import Access
from sanphalang.jobs.kinds import JobKind, register
from sanphalang.jobs.models import Job, JobStatus
from sanphalang.jobs.services import JobAlreadyClaimed, job_enqueue
from sanphalang.thai.dates import format_be_date
from sanphalang.thai.national_id import format_national_id

from ..access import require_not_anonymised
from ..errors import CareError
from ..models import (
    FINAL_STEPS,
    AffectedHousehold,
    Assessment,
    Case,
    CaseStatus,
    FollowUp,
    FundRequest,
    Help,
    Household,
    HousingStatus,
    HousingWork,
    LegalStatusCase,
    LegalStatusDocument,
    LegalStatusEvent,
    Member,
    Referral,
)
from ..protection import decrypt_national_id
from ..selectors.privacy import household_record_ids

# What a required text says once its value is erased, in the product's language (never the reader's).
ERASED_TEXT = gettext_lazy("Data erased on request")


class ErasureReason(models.TextChoices):
    """Why a household's data was erased: a code, so that the access log never holds a typed text about it."""

    REQUEST = "request", gettext_lazy("The person asked for their data to be erased")
    CONSENT_WITHDRAWN = "consent_withdrawn", gettext_lazy("Consent was withdrawn")
    NO_LONGER_NEEDED = "no_longer_needed", gettext_lazy("The data is no longer needed for its purpose")
    RETENTION = "retention", gettext_lazy("The retention period after the last case closed is over")


_ERASED = object()  # in BLANKED: the field takes ERASED_TEXT (a required text)

# Every personal field of a household's records and what it becomes. Anything not named here is a count, a
# category or a date, and stays.
BLANKED: dict[type[models.Model], dict[str, object]] = {
    Household: {
        "house_number": "",
        "address": "",
        "phone": "",
        "note": "",
        "duplicate_override_reason": "",
        "search_key": "",
    },
    Member: {
        "title": "",
        "first_name": _ERASED,
        "last_name": "",
        "phone": "",
        "national_id_token": "",
        "national_id_lookup": "",
        "national_id_last_four": "",
        "chronic_illness": "",
        "search_key": "",
        "sort_key": "",
    },
    Case: {"summary": _ERASED, "plan": "", "plan_return_reason": "", "outcome_note": ""},
    Assessment: {"answers": {}, "needs": ""},
    Help: {"description": _ERASED},
    Referral: {"reason": _ERASED, "answer": ""},
    FollowUp: {"note": ""},
    FundRequest: {"purpose": _ERASED},
    LegalStatusCase: {"note": ""},
    LegalStatusEvent: {"note": ""},
    LegalStatusDocument: {"note": "", "file": ""},
    HousingWork: {"work": ""},
    AffectedHousehold: {"damage": ""},
}


def erased_text() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return str(ERASED_TEXT)


# ---- the right of access: everything held about a household

# Columns that are the machinery of a record, not data about the person.
_INTERNAL_FIELDS = {
    "national_id_token",
    "national_id_lookup",
    "national_id_last_four",
    "search_key",
    "sort_key",
}


def _exported_fields(model: type[models.Model]) -> list[models.Field]:
    return [field for field in model._meta.concrete_fields if field.name not in _INTERNAL_FIELDS]


def _json_value(obj: models.Model, field: models.Field):
    value = getattr(obj, field.attname)
    if isinstance(value, FieldFile):
        return os.path.basename(value.name) if value else ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _label(obj: models.Model, field: models.Field):
    if field.choices and getattr(obj, field.attname) not in (None, ""):
        return str(getattr(obj, f"get_{field.name}_display")())
    if field.is_relation:
        related = getattr(obj, field.name)
        return str(related) if related is not None else None
    return None


def _record(obj: models.Model, **extra) -> dict:
    """One record as the export holds it: each field's value, and beside a choice or a link its label."""
    data = {}
    for field in _exported_fields(type(obj)):
        data[field.name] = _json_value(obj, field)
        label = _label(obj, field)
        if label is not None:
            data[f"{field.name}_label"] = label
    data.update(extra)
    return data


def _member_record(member: Member) -> dict:
    digits = decrypt_national_id(member.national_id_token)
    return _record(member, national_id=format_national_id(digits) if digits else "")


def _case_record(case: Case) -> dict:
    return _record(
        case,
        assessments=[_record(a) for a in case.assessments.all()],
        help_given=[_record(h) for h in case.help_given.all()],
        referrals=[_record(r) for r in case.referrals.select_related("agency")],
        follow_ups=[_record(f) for f in case.follow_ups.all()],
        fund_requests=[_record(r) for r in case.fund_requests.select_related("fund")],
    )


def _status_case_record(status_case: LegalStatusCase) -> dict:
    return _record(
        status_case,
        events=[_record(event) for event in status_case.events.all()],
        documents=[_record(document) for document in status_case.documents.all()],
    )


def household_export(*, by: User, household: Household, channel: str = "web") -> dict:
    """Everything held about the household, national IDs in full, as one JSON-ready document (PDPA section 30):
    an administrator's answer to the household's request for a copy. The export is written to the access log,
    for the household and each record of it."""
    require_administrator(by, Access.ADMINISTRATOR_ONLY_PERSONAL_EXPORT)
    members = list(household.members.all())
    cases = list(Case.objects.filter(household=household).select_related("member"))
    status_cases = list(
        LegalStatusCase.objects.filter(member__household=household).select_related("agency", "member")
    )
    affected = AffectedHousehold.objects.filter(household=household).select_related("incident")
    document = {
        "exported_at": timezone.now().isoformat(),
        "household": _record(household),
        "members": [_member_record(member) for member in members],
        "cases": [_case_record(case) for case in cases],
        "legal_status_cases": [_status_case_record(status_case) for status_case in status_cases],
        "housing_works": [_record(work) for work in household.housing_works.select_related("project")],
        "incidents": [
            {**_record(entry.incident), "damage": entry.damage, "incident_id": entry.incident_id}
            for entry in affected
        ],
    }
    with transaction.atomic():
        for record in (household, *members, *cases, *status_cases):
            log_access(by, AccessAction.EXPORT, record, channel=channel)
    return document


# Sheets of the readable copy: the document's key, the model its records are of, the sheet's title.
_SHEETS = [
    ("members", Member, gettext_lazy("Members")),
    ("cases", Case, gettext_lazy("Cases")),
    ("assessments", Assessment, gettext_lazy("Needs assessments")),
    ("help_given", Help, gettext_lazy("Help given")),
    ("referrals", Referral, gettext_lazy("Referrals")),
    ("follow_ups", FollowUp, gettext_lazy("Follow-ups")),
    ("fund_requests", FundRequest, gettext_lazy("Requests to the fund")),
    ("legal_status_cases", LegalStatusCase, gettext_lazy("Legal status cases")),
    ("events", LegalStatusEvent, gettext_lazy("Steps of legal status cases")),
    ("documents", LegalStatusDocument, gettext_lazy("Documents")),
    ("housing_works", HousingWork, gettext_lazy("Housing works")),
]


def export_sheets(document: dict) -> list[tuple[str, list[str], list[list]]]:
    """The export as sheets of a workbook a person can read: one per kind of record, the fields' names in the
    reader's language as headings, a choice or a link as its label, dates in the Buddhist Era."""

    def flatten(key: str) -> list[dict]:
        if key in ("members", "cases", "legal_status_cases", "housing_works"):
            return document[key]
        parent = "legal_status_cases" if key in ("events", "documents") else "cases"
        return [row for record in document[parent] for row in record[key]]

    def shown(row: dict, field: models.Field):
        if f"{field.name}_label" in row:
            return row[f"{field.name}_label"]
        value = row.get(field.name)
        if isinstance(field, models.DateTimeField) and value:
            at = timezone.localtime(dt.datetime.fromisoformat(value))
            return f"{format_be_date(at.date(), style='numeric')} {at:%H:%M}"
        if isinstance(field, models.DateField) and value:
            return format_be_date(dt.date.fromisoformat(value), style="numeric")
        return value

    household_fields = _exported_fields(Household)
    sheets = [
        (
            str(gettext_lazy("Household")),
            [str(field.verbose_name) for field in household_fields],
            [[shown(document["household"], field) for field in household_fields]],
        )
    ]
    for key, model, title in _SHEETS:
        fields = _exported_fields(model)
        headings = [str(field.verbose_name) for field in fields]
        rows = [[shown(row, field) for field in fields] for row in flatten(key)]
        if model is Member:
            headings.append(str(gettext_lazy("national ID")))
            for row, record in zip(rows, document["members"], strict=True):
                row.append(record["national_id"])
        sheets.append((str(title), headings, rows))
    return sheets


# ---- erasure


def _blank_values(model: type[models.Model]) -> dict:
    values = {name: erased_text() if value is _ERASED else value for name, value in BLANKED[model].items()}
    if any(field.name == "version" for field in model._meta.concrete_fields):
        # Someone editing the record meanwhile must not write the old values back.
        values["version"] = F("version") + 1
    return values


def _erase_records(household: Household) -> None:
    ids = household_record_ids(household)
    documents = [
        document.file.name
        for document in LegalStatusDocument.objects.filter(pk__in=ids[LegalStatusDocument]).exclude(file="")
    ]
    for model, pks in ids.items():
        if not pks:
            continue
        values = _blank_values(model)
        if model is Household:
            values["anonymised_at"] = timezone.now()
        model._default_manager.filter(pk__in=pks).update(**values)
        history = getattr(model, "history", None)
        if history is not None:
            # The history rows hold the values as they were: they go too.
            history.model._default_manager.filter(id__in=pks).delete()
    storage = LegalStatusDocument._meta.get_field("file").storage

    def remove_files() -> None:
        for name in documents:
            storage.delete(name)

    # Only once the erasure is committed: one that is rolled back keeps its files.
    transaction.on_commit(remove_files)


@transaction.atomic
def household_anonymise(*, by: User, household: Household, reason: str, channel: str = "web") -> Household:
    """Erase the household's personal data and keep its counts (see the module). Administrators only; the access
    log records the erasure of the household and of each member, with the reason's code."""
    require_administrator(by, Access.ADMINISTRATOR_ONLY_ERASE)
    if reason not in ErasureReason.values:
        raise CareError.ERASURE_REASON_REQUIRED.error("reason")
    household = Household.objects.select_for_update().get(pk=household.pk)
    require_not_anonymised(household)
    members = list(household.members.all())
    _erase_records(household)
    for record in (household, *members):
        log_access(by, AccessAction.ERASE, record, channel=channel, detail=reason)
    household.refresh_from_db()
    return household


# ---- retention


def retention_cutoff(today: dt.date | None = None) -> dt.date:
    """Cases closed before this day are past the retention period."""
    return (today or timezone.localdate()) - dt.timedelta(days=settings.CARE_RETENTION_DAYS)


def households_past_retention(*, today: dt.date | None = None):
    """Households not yet anonymised that have cases, all of them closed before the cutoff, and no legal status
    case or housing work still going on. A household that never had a case has no closing day to count from,
    and is left to an administrator."""
    cutoff = retention_cutoff(today)
    return (
        Household.objects.filter(anonymised_at__isnull=True, cases__isnull=False)
        .exclude(cases__status__in=[CaseStatus.OPEN, CaseStatus.CLOSING])
        .exclude(cases__closed_on__isnull=True)
        .exclude(cases__closed_on__gte=cutoff)
        .exclude(members__legal_status_cases__in=LegalStatusCase.objects.exclude(step__in=FINAL_STEPS))
        .exclude(housing_works__status__in=[HousingStatus.PLANNED, HousingStatus.UNDER_WAY])
        .distinct()
        .order_by("pk")
    )


def retention_purge(*, by: User, today: dt.date | None = None, progress=None) -> dict[str, int]:
    """Anonymise every household past the retention period, in the job's one transaction: a purge that fails or
    is killed half-way leaves every household as it was."""
    require_administrator(by, Access.ADMINISTRATOR_ONLY_ERASE)
    due = list(households_past_retention(today=today))
    if progress:
        progress(0, len(due))
    for done, household in enumerate(due, start=1):
        household_anonymise(by=by, household=household, reason=ErasureReason.RETENTION, channel="job")
        if progress:
            progress(done, len(due))
    return {"anonymised": len(due)}


RETENTION_JOB = "care_retention_purge"


def _claim_purge(job: Job) -> bool:
    """One purge at a time; and one a day of those the daily run asks for (params: day)."""
    others = Job.objects.filter(kind=RETENTION_JOB).exclude(pk=job.pk)
    if others.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING], pk__lt=job.pk).exists():
        return False
    day = job.params.get("day")
    return not (day and others.filter(params__day=day).exclude(status=JobStatus.FAILED).exists())


def _purge_job(job: Job, progress) -> dict:
    today = dt.date.fromisoformat(job.params["day"]) if job.params.get("day") else None
    return retention_purge(by=job.user, today=today, progress=progress)


register(
    JobKind(
        RETENTION_JOB,
        gettext_lazy("Anonymising households past the retention period"),
        _purge_job,
        claim=_claim_purge,
    )
)


def retention_purge_start(
    *, by: User, day: dt.date | None = None, run_now: bool = False, progress=None
) -> Job | None:
    """Queue the purge (or run it here, for the CLI). With a day, it is the daily run's: a second one for the same
    day, or one while another purge waits or runs, is not queued (None)."""
    require_administrator(by, Access.ADMINISTRATOR_ONLY_ERASE)
    params = {"day": day.isoformat()} if day else {}
    try:
        return job_enqueue(by=by, kind=RETENTION_JOB, params=params, run_now=run_now, progress=progress)
    except JobAlreadyClaimed:
        return None
