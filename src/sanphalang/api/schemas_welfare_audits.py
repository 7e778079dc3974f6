"""API shapes of the welfare audit rounds: a round, its visits, their teams and findings."""

import datetime as dt

from ninja import Field, Schema

from .schemas_meetings.named import person_id, person_name
from .schemas_welfare import OfProvince


class AuditRoundOut(OfProvince):
    starts_on: dt.date
    ends_on: dt.date
    checklist: list[str]
    planned_count: int = Field(
        description="Visits planned: in the list, all of the round's (as the rounds page "
        "counts them); in one round, those the caller can see"
    )
    visited_count: int = Field(description="Of those, the visits made")


class FindingOut(Schema):
    id: int
    text: str
    follow_up: str
    due_on: dt.date | None = None
    closed_on: dt.date | None = None
    proposed_field: str
    proposed_value: str
    settlement_id: int | None = Field(None, description="The settlement that applied the proposed correction")


class TeamMemberOut(Schema):
    """A member of a visit's team as the caller may see them: the id only when they may read the record."""

    id: int | None = None
    name: str

    @staticmethod
    def resolve_id(obj, context) -> int | None:
        return person_id(obj, context)

    @staticmethod
    def resolve_name(obj, context) -> str:
        return person_name(obj, context)


class AuditVisitOut(Schema):
    id: int
    fund_id: int
    fund_name_th: str
    fund_area_code: str
    planned_on: dt.date | None = None
    visited_on: dt.date | None = None
    team: list[TeamMemberOut]
    answers: dict[str, str] = Field(description="Checklist question → yes, no, partly or n/a")
    open_findings: int
    findings: list[FindingOut]

    @staticmethod
    def resolve_fund_name_th(obj) -> str:
        return obj.fund.name_th

    @staticmethod
    def resolve_fund_area_code(obj) -> str:
        return obj.fund.area_id

    @staticmethod
    def resolve_team(obj) -> list:
        return list(obj.team.all())

    @staticmethod
    def resolve_findings(obj) -> list:
        return list(obj.findings.all())


class AuditRoundDetailOut(AuditRoundOut):
    visits: list[AuditVisitOut] = Field(description="The round's visits to funds the caller can see")

    @staticmethod
    def resolve_visits(obj) -> list:
        return obj.shown_visits  # set by the route: the round's own "visits" are all of them, unscoped
