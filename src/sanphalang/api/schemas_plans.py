"""API shapes of plans, their main works, and agreements with their parties and signatories."""

import datetime as dt

from ninja import Field, Schema

from sanphalang.directory.selectors import SIGNATORY_ROLE
from sanphalang.plans.models import PlanStatus
from sanphalang.plans.models.agreements import AgreementKind
from sanphalang.plans.periods import PeriodKind, YearKind

from .pagination import PageQuery
from .schemas_meetings.named import person_id, person_name
from .thai_fields import ThaiDate, ThaiInt
from .versions import VersionIn, VersionOut


class MainWorkOut(VersionOut):
    id: int
    plan_id: int
    number: int
    title: str
    description: str
    issue_area_ids: list[int]
    strategy_ids: list[int]

    @staticmethod
    def resolve_issue_area_ids(obj) -> list[int]:
        return [issue.pk for issue in obj.issue_areas.all()]

    @staticmethod
    def resolve_strategy_ids(obj) -> list[int]:
        return [strategy.pk for strategy in obj.strategies.all()]


class PlanOut(VersionOut):
    id: int
    title: str
    area_code: str | None = Field(None, description="The province, district or subdistrict of an area's plan")
    region_slug: str | None = Field(None, description="The region of a region's plan")
    year_kind: YearKind
    year_be: int
    period_kind: PeriodKind
    status: PlanStatus
    adopted_on: dt.date | None = None

    @staticmethod
    def resolve_area_code(obj) -> str | None:
        return obj.area_id

    @staticmethod
    def resolve_region_slug(obj) -> str | None:
        return obj.region.slug if obj.region_id else None


class PlanDetailOut(PlanOut):
    vision: str
    summary: str
    meeting_id: int | None = None
    issue_area_ids: list[int]
    main_works: list[MainWorkOut]
    agreement_ids: list[int]

    @staticmethod
    def resolve_issue_area_ids(obj) -> list[int]:
        return [issue.pk for issue in obj.issue_areas.all()]

    @staticmethod
    def resolve_main_works(obj) -> list:
        return list(obj.main_works.all())

    @staticmethod
    def resolve_agreement_ids(obj) -> list[int]:
        return [agreement.pk for agreement in obj.agreements.all()]


class PlanQuery(PageQuery):
    year: int | None = Field(None, description="Plans of this year (BE)")
    area: str | None = Field(None, description="Plans of this area and the areas below it")


class PlanPatch(VersionIn):
    title: str | None = None
    area_code: str | None = None
    region_slug: str | None = None
    year_kind: YearKind | None = None
    year_be: ThaiInt | None = None
    period_kind: PeriodKind | None = None
    vision: str | None = None
    summary: str | None = None
    status: PlanStatus | None = None
    adopted_on: ThaiDate | None = None
    meeting: ThaiInt | None = Field(None, description="The meeting or forum where it was adopted (its id)")
    issue_area_ids: list[ThaiInt] | None = None


class PlanIn(PlanPatch):
    title: str
    year_be: ThaiInt


class MainWorkPatch(VersionIn):
    number: ThaiInt | None = None
    title: str | None = None
    description: str | None = None
    issue_area_ids: list[ThaiInt] | None = None
    strategy_ids: list[ThaiInt] | None = Field(None, description="Numbers' ids of the national strategies")


class MainWorkIn(MainWorkPatch):
    title: str


class SignatoryOut(VersionOut):
    id: int
    party_id: int
    person_id: int | None = Field(None, description="Only when the caller may open the person's record")
    person_name: str = Field(description="Signing is a public act: the name shows to every reader")
    position: str

    @staticmethod
    def resolve_person_id(obj, context) -> int | None:
        return person_id(obj.person, context, SIGNATORY_ROLE)

    @staticmethod
    def resolve_person_name(obj, context) -> str:
        return person_name(obj.person, context, SIGNATORY_ROLE)


class PartyOut(VersionOut):
    id: int
    agreement_id: int
    organisation_id: int
    organisation_name_th: str
    commitment: str
    order: int
    signatories: list[SignatoryOut]

    @staticmethod
    def resolve_organisation_name_th(obj) -> str:
        return obj.organisation.name_th

    @staticmethod
    def resolve_signatories(obj) -> list:
        return list(obj.signatories.all())


class DocumentOut(Schema):
    id: int
    title: str
    uploaded_at: dt.datetime


class AgreementOut(VersionOut):
    id: int
    title: str
    kind: AgreementKind
    area_code: str
    plan_id: int | None = None
    signed_on: dt.date | None = None
    venue: str

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id


class AgreementDetailOut(AgreementOut):
    purpose: str
    meeting_id: int | None = Field(None, description="Only when the caller may read the meeting")
    parties: list[PartyOut]
    documents: list[DocumentOut]

    @staticmethod
    def resolve_meeting_id(obj, context) -> int | None:
        from sanphalang.plans.selectors.agreements import readable_meeting

        meeting = readable_meeting(user=context["request"].auth, meeting_id=obj.meeting_id)
        return meeting.pk if meeting else None

    @staticmethod
    def resolve_parties(obj) -> list:
        return list(obj.parties.all())

    @staticmethod
    def resolve_documents(obj) -> list:
        return list(obj.documents.all())


class AgreementQuery(PageQuery):
    year: int | None = Field(None, description="Agreements signed in this year (BE)")
    plan: int | None = None


class AgreementPatch(VersionIn):
    title: str | None = None
    kind: AgreementKind | None = None
    plan: ThaiInt | None = Field(None, description="The plan it serves (its id)")
    area_code: str | None = Field(None, description="Left out on creating: the plan's area")
    signed_on: ThaiDate | None = None
    venue: str | None = None
    meeting: ThaiInt | None = Field(None, description="The meeting or forum where it was signed (its id)")
    purpose: str | None = None


class AgreementIn(AgreementPatch):
    title: str


class PartyPatch(VersionIn):
    organisation: ThaiInt | None = Field(None, description="The organisation party to it (its id)")
    commitment: str | None = None
    order: ThaiInt | None = None


class PartyIn(PartyPatch):
    organisation: ThaiInt


class SignatoryPatch(VersionIn):
    person: ThaiInt | None = Field(None, description="The person who signed (its id)")
    position: str | None = None


class SignatoryIn(SignatoryPatch):
    person: ThaiInt
