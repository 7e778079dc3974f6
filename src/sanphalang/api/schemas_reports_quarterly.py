"""API schemas of the quarterly report to the governor: the report with its narrative, its editions, and the
jobs that build and issue it."""

import datetime as dt

from ninja import Field, Schema

from .thai_fields import RecordId, ThaiInt
from .versions import VersionIn


class QuarterlyNotesIn(Schema):
    work_done: str = Field("", max_length=20000)
    problems: str = Field("", max_length=20000)
    requests: str = Field("", max_length=20000)


class QuarterlyReportCreateIn(Schema):
    province: str = Field(min_length=2, max_length=2, description="The province's two-digit code")
    year_kind: str = Field(description="fiscal or calendar")
    year_be: ThaiInt = Field(ge=2500, le=2700)
    quarter: ThaiInt = Field(ge=1, le=4)


class QuarterlyReportPatchIn(VersionIn):
    summary: str | None = Field(None, max_length=20000)
    problems: str | None = Field(None, max_length=20000)
    requests: str | None = Field(None, max_length=20000)
    group_notes: dict[str, QuarterlyNotesIn] | None = Field(
        None,
        description='Notes per working group, keyed as the report\'s `groups` name them ("general" for bodies '
        "without an issue area); a group left out keeps its notes, one sent empty loses them",
    )


class QuarterlyGroupOut(Schema):
    key: str
    name: str


class QuarterlyEditionOut(Schema):
    number: int
    issued_at: dt.datetime
    thai_digits: bool


class QuarterlyReportOut(Schema):
    id: int
    province: str = Field(alias="province_id")
    year_kind: str
    year_be: int
    quarter: int
    starts_on: dt.date
    ends_on: dt.date
    summary: str
    problems: str
    requests: str
    group_notes: dict
    version: int


class QuarterlyReportDetailOut(QuarterlyReportOut):
    groups: list[QuarterlyGroupOut]
    editions: list[QuarterlyEditionOut]


class QuarterlyEditionContentOut(QuarterlyEditionOut):
    content: dict = Field(description="The edition's content as frozen when it was issued")


class QuarterlyIssueIn(Schema):
    action_item: RecordId | None = Field(
        None, description="An open action item of the province's bodies to close with the report"
    )
    done_on: dt.date | None = None


class QuarterlyJobOut(Schema):
    job: int
    status: str
    done: int
    total: int
    failure: str
    result: dict
