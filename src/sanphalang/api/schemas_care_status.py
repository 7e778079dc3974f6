"""API shapes of legal status cases (S8): a case with its steps, documents (their metadata: files are uploaded and
downloaded on the web pages), days at its current step, and where cases are stuck."""

import datetime as dt

from ninja import Field, Schema

from sanphalang.care.models import DocumentKind, StatusSought, StatusStep

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiInt
from .versions import VersionIn, VersionOut


class StatusCaseOut(VersionOut):
    id: int
    member_id: int
    person_name: str
    area_code: str
    status_sought: str
    agency_id: int | None = None
    opened_on: dt.date
    step: str
    step_since: dt.date
    days_at_step: int
    note: str


class StatusEventOut(Schema):
    id: int
    step: str
    happened_on: dt.date
    note: str


class StatusDocumentOut(Schema):
    id: int
    kind: str
    received_on: dt.date | None = None
    note: str
    has_file: bool

    @staticmethod
    def resolve_has_file(obj) -> bool:
        return bool(obj.file)


class StatusCaseDetailOut(StatusCaseOut):
    events: list[StatusEventOut]
    documents: list[StatusDocumentOut]


class StatusCaseIn(Schema):
    member_id: ThaiInt
    status_sought: StatusSought
    opened_on: ThaiDate
    agency_id: ThaiInt | None = None
    note: str = ""


class StatusCasePatch(VersionIn):
    status_sought: StatusSought | None = None
    agency_id: ThaiInt | None = None
    note: str | None = None


class StatusEventIn(Schema):
    step: StatusStep
    happened_on: ThaiDate
    note: str = ""


class StatusDocumentIn(Schema):
    kind: DocumentKind
    received_on: ThaiDate | None = None
    note: str = ""


class StatusCaseQuery(PageQuery):
    step: StatusStep | None = None
    agency_id: ThaiInt | None = None
    include_closed: bool = False


class StuckOut(Schema):
    step: str
    label: str
    count: int
    median_days: float | None = None
    max_days: int | None = Field(None, description="The longest any open case has stood at the step")
