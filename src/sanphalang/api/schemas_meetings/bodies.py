"""API shapes of bodies and their memberships."""

import datetime as dt

from ninja import Field, Schema

from sanphalang.meetings.models import BodyKind

from ..pagination import PageQuery
from ..thai_fields import ThaiDate, ThaiInt
from ..versions import VersionIn, VersionOut
from .named import PersonOrOrganisationOut, role_holder_id, role_holder_name


class BodyOut(Schema):
    id: int
    kind: str
    name_th: str
    name_en: str
    area_code: str
    area_name_th: str
    organisation_id: int | None = None
    parent_id: int | None = None
    issue_areas: list[str] = Field(description="Slugs of the body's issue areas")
    description: str
    is_active: bool

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_area_name_th(obj) -> str:
        return obj.area.name_th

    @staticmethod
    def resolve_issue_areas(obj) -> list[str]:
        return [issue.slug for issue in obj.issue_areas.all()]


class MembershipOut(PersonOrOrganisationOut):
    role: str
    title: str
    started_on: dt.date | None = None
    ended_on: dt.date | None = None

    resolve_person_id = staticmethod(role_holder_id)
    resolve_person_name = staticmethod(role_holder_name)


class BodyDetailOut(VersionOut, BodyOut):
    members: list[MembershipOut]
    working_group_ids: list[int]

    @staticmethod
    def resolve_members(obj) -> list:
        return list(obj.memberships.all())

    @staticmethod
    def resolve_working_group_ids(obj) -> list[int]:
        return [group.pk for group in obj.working_groups.all()]


class BodyQuery(PageQuery):
    q: str = ""
    kind: BodyKind | None = None


class BodyPatch(VersionIn):
    kind: BodyKind | None = None
    name_th: str | None = None
    name_en: str | None = None
    area_code: str | None = None
    organisation: ThaiInt | None = Field(None, description="The id of the organisation the body belongs to")
    parent: ThaiInt | None = Field(None, description="The id of the body this working group is part of")
    issue_areas: list[str | int] | None = Field(None, description="Issue areas by slug or id")
    description: str | None = None
    is_active: bool | None = None


class BodyIn(BodyPatch):
    name_th: str
    area_code: str


class MembershipIn(Schema):
    person: ThaiInt | None = Field(None, description="The member's id in the directory of people")
    organisation: ThaiInt | None = Field(None, description="The member organisation's id")
    role: str = "member"
    title: str = ""
    started_on: ThaiDate | None = None
    ended_on: ThaiDate | None = None
