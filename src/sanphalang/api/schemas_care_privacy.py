"""API shapes of a household's PDPA rights: its access log, its copy and its erasure."""

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from sanphalang.care.services.privacy import ErasureReason

from .pagination import PageQuery

ERASURE_REASONS = Literal[tuple(ErasureReason.values)]  # type: ignore[valid-type]


class AccessLogQuery(PageQuery):
    pass


class AccessLogEntryOut(Schema):
    id: int
    at: dt.datetime
    username: str = Field(description="Who read or changed the record (their user name when it happened)")
    action: str = Field(description="read, export, create, update, delete or erase")
    action_label: str = Field(description="The action in the caller's language")
    model: str = Field(description="The kind of record, as app.model (care.member, care.case, …)")
    object_id: str
    channel: str = Field(description="web, api, admin, job or cli")
    address: str | None = Field(None, description="The client's address the request came from")

    @staticmethod
    def resolve_action_label(entry) -> str:
        return str(entry.get_action_display())


class AnonymiseIn(Schema):
    reason: ERASURE_REASONS = Field(description="Why the data is erased: " + ", ".join(ErasureReason.values))


class AnonymisedOut(Schema):
    id: int
    anonymised_at: dt.datetime
