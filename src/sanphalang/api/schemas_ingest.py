"""API schemas of reports read into drafts: giving them (text, or files as base64), and a report with its draft."""

import datetime as dt
from typing import Any

from ninja import Field, Schema


class GivenFileIn(Schema):
    name: str = Field(
        min_length=1, max_length=255, description="The file's name, with its suffix (.txt, .docx, .pdf)"
    )
    content_base64: str = Field(description="The file's bytes, base64-encoded")


class SourceDocumentsGiveIn(Schema):
    area_code: str = Field(
        min_length=2, max_length=10, description="The area whose coordinators review the reports"
    )
    text: str = Field("", max_length=2_000_000, description="A pasted report")
    files: list[GivenFileIn] = Field(default_factory=list, max_length=50)


class ProblemOut(Schema):
    code: str
    message: str


class SourceDocumentOut(Schema):
    id: int
    name: str
    media: str
    area_id: str
    status: str
    status_label: str
    given_at: dt.datetime
    problem: ProblemOut | None = None


class SourceDocumentDetailOut(SourceDocumentOut):
    text: str
    draft: dict[str, Any] | None = Field(
        None,
        description="What the report says, in the shape of `sanphalang ingest --json`, each value with the `span` "
        "[start, end] of `text` it was read from",
    )
    records: list[str] = Field(description="What was accepted from the report, as the pages name it")


class SourceDocumentsGivenOut(Schema):
    job: int
    documents: list[SourceDocumentOut]
