"""API shapes of organisations, people, positions and issue areas."""

import datetime as dt

from ninja import Field, Schema
from pydantic import BaseModel

from sanphalang.directory.models import LegalBasis, OrganisationKind, PositionRole
from sanphalang.thai.national_id import mask_national_id

from .pagination import PageQuery
from .schemas_meetings.named import role_holder_id, role_holder_name
from .thai_fields import ThaiDate, ThaiInt
from .versions import VersionIn, VersionOut

# ---- issue areas


class IssueAreaOut(VersionOut):
    id: int
    slug: str
    name_th: str
    name_en: str
    description: str
    province_code: str | None = None
    is_active: bool

    @staticmethod
    def resolve_province_code(obj) -> str | None:
        return obj.province_id


class IssueAreaQuery(PageQuery):
    province: str | None = Field(None, description="A province code: the national issue areas and its own")
    include_inactive: bool = False


class IssueAreaIn(Schema):
    name_th: str
    province_code: str | None = Field(None, description="Empty for the national list (administrators only)")
    name_en: str = ""
    slug: str = ""
    description: str = ""


class IssueAreaPatch(VersionIn):
    name_th: str | None = None
    name_en: str | None = None
    slug: str | None = None
    description: str | None = None
    is_active: bool | None = None


# ---- organisations


class OrganisationOut(BaseModel):
    """An organisation in a list. A plain pydantic model, read from the dict rows of a list page: a page of 200
    validates in pydantic's core rather than attribute by attribute."""

    id: int
    kind: str
    name_th: str
    name_en: str
    abbreviation: str
    area_code: str
    area_name_th: str
    parent_id: int | None = None
    is_active: bool
    issue_areas: list[str] = Field(description="Slugs of the organisation's issue areas")


class OrganisationPositionOut(Schema):
    """A position as the caller may see its holder: the id only when they may read the person's record."""

    id: int
    person_id: int | None = None
    person_name: str
    role: str
    title: str
    started_on: dt.date | None = None
    ended_on: dt.date | None = None

    resolve_person_id = staticmethod(role_holder_id)
    resolve_person_name = staticmethod(role_holder_name)


class OrganisationDetailOut(VersionOut, OrganisationOut):
    """One organisation, read from the model."""

    other_names: list[str]
    founded_on: dt.date | None = None
    registration_number: str
    address: str
    phone: str
    email: str
    website: str
    note: str
    partner_ids: list[int]
    child_ids: list[int]
    positions: list[OrganisationPositionOut]
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_area_name_th(obj) -> str:
        return obj.area.name_th

    @staticmethod
    def resolve_issue_areas(obj) -> list[str]:
        return [issue.slug for issue in obj.issue_areas.all()]

    @staticmethod
    def resolve_other_names(obj) -> list[str]:
        return obj.other_name_list

    @staticmethod
    def resolve_partner_ids(obj) -> list[int]:
        return [partner.pk for partner in obj.partners.all()]

    @staticmethod
    def resolve_child_ids(obj) -> list[int]:
        return [child.pk for child in obj.children.all()]

    @staticmethod
    def resolve_positions(obj) -> list:
        return list(obj.positions.all())


class OrganisationQuery(PageQuery):
    q: str = ""
    kind: OrganisationKind | None = None
    issue: str | None = Field(None, description="An issue area's slug or id")
    within: str | None = Field(None, description="An area code: only organisations at or below it")


class OrganisationPatch(VersionIn):
    kind: OrganisationKind | None = None
    name_th: str | None = None
    name_en: str | None = None
    abbreviation: str | None = None
    other_names: str | None = Field(None, description="One name per line")
    area_code: str | None = None
    parent: ThaiInt | None = Field(None, description="The parent organisation's id")
    founded_on: ThaiDate | None = None
    registration_number: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    note: str | None = None
    is_active: bool | None = None
    issue_areas: list[str | int] | None = Field(None, description="Issue areas by slug or id")
    partners: list[ThaiInt] | None = Field(None, description="Partner organisations by id")


class OrganisationIn(OrganisationPatch):
    kind: OrganisationKind
    name_th: str
    area_code: str


# ---- people and positions


class PersonPositionOut(Schema):
    id: int
    organisation_id: int
    organisation_name_th: str
    role: str
    title: str
    started_on: dt.date | None = None
    ended_on: dt.date | None = None

    @staticmethod
    def resolve_organisation_name_th(obj) -> str:
        return obj.organisation.name_th


class PersonOut(Schema):
    """A person in a list: no national ID, address or notes (those are read one person at a time, logged)."""

    id: int
    title: str
    first_name: str
    last_name: str
    nickname: str
    name_en: str
    area_code: str
    area_name_th: str
    current_positions: list[PersonPositionOut]

    @staticmethod
    def resolve_area_name_th(obj) -> str:
        return obj.area.name_th

    @staticmethod
    def resolve_current_positions(obj) -> list:
        if hasattr(obj, "current_positions"):
            return obj.current_positions
        return [position for position in obj.positions.all() if position.is_current]


class PersonDetailOut(VersionOut, PersonOut):
    national_id: str = Field(description="Masked unless the caller's role may see sensitive data")
    phone: str
    email: str
    line_id: str
    address: str
    note: str
    purpose: str
    legal_basis: str
    consent_on: dt.date | None = None
    issue_areas: list[str]
    positions: list[PersonPositionOut]

    @staticmethod
    def resolve_national_id(obj, context) -> str:
        user = context["request"].auth
        return obj.national_id if user.can_see_sensitive_data else mask_national_id(obj.national_id)

    @staticmethod
    def resolve_issue_areas(obj) -> list[str]:
        return [issue.slug for issue in obj.issue_areas.all()]

    @staticmethod
    def resolve_positions(obj) -> list:
        return list(obj.positions.all())


class PersonQuery(PageQuery):
    q: str = ""
    organisation: ThaiInt | None = Field(None, description="Only people with a position in this organisation")
    current_only: bool = False
    within: str | None = Field(None, description="An area code: only people at or below it")
    issue: str | None = Field(None, description="An issue area's slug")


class PersonPatch(VersionIn):
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    name_en: str | None = None
    nickname: str | None = None
    area_code: str | None = None
    national_id: str | None = Field(
        None, description="13 digits, with or without dashes; Thai digits accepted"
    )
    phone: str | None = None
    email: str | None = None
    line_id: str | None = None
    address: str | None = None
    note: str | None = None
    purpose: str | None = None
    legal_basis: LegalBasis | None = None
    consent_on: ThaiDate | None = None
    issue_areas: list[str | int] | None = None


class PersonIn(PersonPatch):
    first_name: str
    area_code: str


class PositionIn(Schema):
    organisation: ThaiInt = Field(description="The organisation's id")
    role: PositionRole = PositionRole.MEMBER
    title: str = ""
    started_on: ThaiDate | None = None
    ended_on: ThaiDate | None = None


class PositionOut(PersonPositionOut):
    person_id: int
