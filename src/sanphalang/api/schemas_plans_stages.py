"""API shapes of area charters (S4), registrations (S10) and the stages they reach."""

import datetime as dt

from ninja import Field, Schema

from sanphalang.plans.models import CharterStage, RegistrationLaw, RegistrationStage

from .pagination import PageQuery
from .schemas_welfare import DistrictCode
from .thai_fields import RecordId, ThaiDate
from .versions import VersionIn, VersionOut


def _name(record) -> str | None:
    return str(record) if record is not None else None


class StagedQuery(PageQuery):
    province: str | None = Field(None, description="A province code: only its records")
    district: DistrictCode | None = Field(None, description="A district code: only the records in it")


# ---- stages reached


class StageEventOut(Schema):
    id: int
    stage: str = Field(description="One of the stages of the record's kind")
    stage_label: str = Field(description="The stage's name in the caller's language")
    happened_on: dt.date
    note: str
    document_title: str
    document_version: int | None = Field(
        None,
        description="The version of the record's document this stage carries (1, 2, …); null without one",
    )
    has_document: bool = Field(description="Whether a document is kept; it is downloaded from the web page")
    recorded_at: dt.datetime

    @staticmethod
    def resolve_stage_label(obj) -> str:
        record = obj.charter or obj.registration
        return str(dict(record.STAGES.choices).get(obj.stage, obj.stage))

    @staticmethod
    def resolve_has_document(obj) -> bool:
        return bool(obj.document)


class StageEventIn(VersionIn):
    """A stage reached. The version is the charter's or registration's: recording a stage changes it."""

    stage: str = Field(description="One of the stages of the record's kind")
    happened_on: ThaiDate = Field(description="Not in the future, and not before the record's latest stage")
    note: str = ""
    registration_number: str | None = Field(None, description="Registrations, when registered or renewed")
    expires_on: ThaiDate | None = Field(None, description="Registrations, when registered or renewed")


# ---- charters


class CharterOut(VersionOut):
    id: int
    area_code: str = Field(description="The subdistrict's code")
    area_name_th: str
    title: str
    stage: CharterStage
    stage_label: str
    stage_on: dt.date | None = None
    adopted_by_id: int | None = None
    adopted_by_name: str | None = None
    note: str

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_area_name_th(obj) -> str:
        return obj.area.name_th

    @staticmethod
    def resolve_stage_label(obj) -> str:
        return str(obj.get_stage_display())

    @staticmethod
    def resolve_adopted_by_name(obj) -> str | None:
        return _name(obj.adopted_by)


class CharterDetailOut(CharterOut):
    events: list[StageEventOut] = Field(description="The stages reached, oldest first")

    @staticmethod
    def resolve_events(obj) -> list:
        return list(obj.events.all())


class CharterQuery(StagedQuery):
    stage: CharterStage | None = None


class CharterIn(Schema):
    area_code: str = Field(description="A subdistrict (tambon) code, such as 860101")
    title: str
    adopted_by_id: RecordId | None = Field(None, description="The organisation that adopted the charter")
    note: str = ""


class CharterPatch(VersionIn):
    area_code: str | None = None
    title: str | None = None
    adopted_by_id: RecordId | None = None
    note: str | None = None


class StageCountOut(Schema):
    stage: CharterStage
    label: str
    count: int


# ---- registrations


class RegistrationOut(VersionOut):
    id: int
    area_code: str = Field(description="The area of the organisation or fund that registers")
    organisation_id: int | None = None
    organisation_name: str | None = None
    fund_id: int | None = None
    fund_name: str | None = None
    law: RegistrationLaw
    law_label: str
    authority_id: int | None = None
    authority_name: str | None = None
    stage: RegistrationStage
    stage_label: str
    stage_on: dt.date | None = None
    registration_number: str
    registered_on: dt.date | None = None
    expires_on: dt.date | None = Field(None, description="The date by which it is to be renewed")
    note: str

    @staticmethod
    def resolve_area_code(obj) -> str:
        return obj.area_id

    @staticmethod
    def resolve_organisation_name(obj) -> str | None:
        return _name(obj.organisation)

    @staticmethod
    def resolve_fund_name(obj) -> str | None:
        return obj.fund.name_th if obj.fund_id else None

    @staticmethod
    def resolve_law_label(obj) -> str:
        return str(obj.get_law_display())

    @staticmethod
    def resolve_authority_name(obj) -> str | None:
        return _name(obj.authority)

    @staticmethod
    def resolve_stage_label(obj) -> str:
        return str(obj.get_stage_display())


class RegistrationDetailOut(RegistrationOut):
    events: list[StageEventOut] = Field(description="The steps reached, oldest first")

    @staticmethod
    def resolve_events(obj) -> list:
        return list(obj.events.all())


class RegistrationQuery(StagedQuery):
    stage: RegistrationStage | None = None
    law: RegistrationLaw | None = None
    renewal_due: bool = Field(False, description="Only those held now whose renewal falls within 90 days")


class RegistrationIn(Schema):
    organisation_id: RecordId | None = Field(None, description="The organisation or network that registers")
    fund_id: RecordId | None = Field(None, description="The community welfare fund that registers")
    law: RegistrationLaw = RegistrationLaw.WELFARE_ORGANISATION
    authority_id: RecordId | None = Field(
        None, description="The registering authority, such as the provincial office"
    )
    registration_number: str = ""
    registered_on: ThaiDate | None = None
    expires_on: ThaiDate | None = None
    note: str = ""


class RegistrationPatch(VersionIn):
    organisation_id: RecordId | None = None
    fund_id: RecordId | None = None
    law: RegistrationLaw | None = None
    authority_id: RecordId | None = None
    registration_number: str | None = None
    registered_on: ThaiDate | None = None
    expires_on: ThaiDate | None = None
    note: str | None = None
