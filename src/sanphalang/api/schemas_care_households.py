"""API shapes of households and their members. A member is written out only through care/selectors/shown.py: a
field its reader may not see is null (a national ID is in full, masked, "" for none recorded, or null)."""

import datetime as dt

from ninja import Field, Schema

from sanphalang.care.models import (
    Disability,
    Household,
    IncomeBand,
    LegalStatus,
    Member,
    NoNationalIdReason,
    Relationship,
    Sex,
)
from sanphalang.care.selectors.shown import household_shown, member_shown
from sanphalang.care.services.households import BE_OFFSET, HOUSEHOLD_FIELDS
from sanphalang.directory.models import LegalBasis

from .pagination import PageQuery
from .thai_fields import ThaiDate, ThaiInt
from .versions import VersionIn, VersionOut

# What a household's reader sees only with its identity (the rest is in household_shown).
HOUSEHOLD_IDENTITY_FIELDS = sorted(
    HOUSEHOLD_FIELDS - {"area_code", "house_number", "address", "phone", "income_band"}
    | {"duplicate_override_reason"}
)
NATIONAL_ID_HELP = (
    "13 digits in any spelling (Thai digits, dashes). Stored encrypted; answered in full, masked or not at all, "
    "as the reader's role allows"
)


class MemberOut(VersionOut):
    id: int
    household_id: int
    name: str = Field(description="With title; 'a person outside your area' when not shown")
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    relationship: str | None = None
    sex: str
    birth_year_be: int | None = None
    age: int | None = None
    phone: str | None = None
    national_id: str | None = Field(
        None, description="In full, masked (x-xxxx-xxxx1-23-4), '' for none, or null"
    )
    no_national_id_reason: str | None = None
    legal_status: str | None = None
    disability: str | None = None
    chronic_illness: str | None = None
    bedridden: bool | None = None
    elderly_alone: bool


class HouseholdSummaryOut(Schema):
    id: int
    area_code: str
    house_number: str | None = None
    address: str | None = None


class MemberFoundOut(MemberOut):
    household: HouseholdSummaryOut


class HouseholdOut(VersionOut):
    id: int
    area_code: str
    house_number: str | None = None
    address: str | None = None
    phone: str | None = None
    income_band: str
    note: str | None = None
    purpose: str | None = None
    legal_basis: str | None = None
    consent_for_services: bool | None = None
    consent_for_sharing: bool | None = None
    consent_on: dt.date | None = None
    duplicate_override_reason: str | None = None
    anonymised: bool
    members: list[MemberOut]


class PossibleDuplicateOut(Schema):
    """A refused registration: with code possible_duplicate, the candidates; any other code, none."""

    detail: str
    code: str = Field(description="possible_duplicate, or the code of another refusal")
    errors: list[dict]
    candidates: list[int] = Field(
        default_factory=list,
        description="Ids of the households that may be the same (those the caller may open): compare them, then "
        "send override_reason to register anyway",
    )


class HouseholdCountOut(Schema):
    area_code: str
    households: int
    elderly_alone: int
    bedridden: int
    disabled: int


class HouseholdCountsOut(Schema):
    area_code: str = Field(description="The area counted below ('' for all the caller's areas)")
    rows: list[HouseholdCountOut]
    total: HouseholdCountOut


class HouseholdQuery(PageQuery):
    q: str = Field("", description="A fragment of a name, a house number or an address (a national ID: POST)")
    area: str | None = Field(None, description="Only in this area (its code)")


class HouseholdSearchIn(HouseholdQuery):
    q: str = Field(description="A national ID, or a fragment of a name, a house number or an address")


class MemberPatch(VersionIn):
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    relationship: Relationship | None = None
    birth_year_be: ThaiInt | None = Field(None, description="Buddhist Era, 2400 to this year")
    sex: Sex | None = None
    phone: str | None = None
    national_id: str | None = Field(None, description=NATIONAL_ID_HELP)
    no_national_id_reason: NoNationalIdReason | None = None
    legal_status: LegalStatus | None = None
    disability: Disability | None = None
    chronic_illness: str | None = None
    bedridden: bool | None = None
    elderly_alone: bool | None = None


class MemberIn(Schema):
    title: str = ""
    first_name: str
    last_name: str = ""
    relationship: Relationship = Relationship.HEAD
    birth_year_be: ThaiInt | None = Field(None, description="Buddhist Era, 2400 to this year")
    sex: Sex = Sex.UNSPECIFIED
    phone: str = ""
    national_id: str = Field("", description=NATIONAL_ID_HELP)
    no_national_id_reason: NoNationalIdReason | None = Field(
        None, description="Required without a national ID"
    )
    legal_status: LegalStatus = LegalStatus.THAI
    disability: Disability = Disability.NONE
    chronic_illness: str = ""
    bedridden: bool = False
    elderly_alone: bool = False


class HouseholdPatch(VersionIn):
    area_code: str | None = Field(None, description="The village, urban community or subdistrict")
    house_number: str | None = None
    address: str | None = None
    phone: str | None = None
    income_band: IncomeBand | None = None
    note: str | None = None
    purpose: str | None = None
    legal_basis: LegalBasis | None = None
    consent_for_services: bool | None = None
    consent_for_sharing: bool | None = None
    consent_on: ThaiDate | None = None


class HouseholdIn(Schema):
    area_code: str = Field(description="The village, urban community or subdistrict the household lives in")
    house_number: str = ""
    address: str = ""
    phone: str = ""
    income_band: IncomeBand = IncomeBand.UNKNOWN
    note: str = ""
    purpose: str = Field(description="What the data is collected for (PDPA section 23)")
    legal_basis: LegalBasis = LegalBasis.CONSENT
    consent_for_services: bool = False
    consent_for_sharing: bool = False
    consent_on: ThaiDate | None = Field(None, description="Required when the legal basis is consent")
    members: list[MemberIn]
    override_reason: str = Field(
        "", description="Why this is not a household that may be the same (at least 10 characters)"
    )


def member_values(fields: dict) -> dict:
    """An API member's fields as the services take them: no reason is ""."""
    if "no_national_id_reason" in fields and fields["no_national_id_reason"] is None:
        fields["no_national_id_reason"] = ""
    return fields


def member_out(user, member: Member) -> dict:
    shown = member_shown(user=user, member=member)
    identity, health, legal = shown.fields.identity, shown.fields.health, shown.fields.legal_status
    return {
        "id": member.pk,
        "version": member.version,
        "household_id": member.household_id,
        "name": str(shown.name),
        "title": member.title if identity else None,
        "first_name": member.first_name if identity else None,
        "last_name": member.last_name if identity else None,
        "relationship": member.relationship if identity else None,
        "sex": member.sex,
        "birth_year_be": member.birth_year + BE_OFFSET if member.birth_year else None,
        "age": shown.age,
        "phone": shown.phone,
        "national_id": shown.national_id,
        "no_national_id_reason": member.no_national_id_reason if legal else None,
        "legal_status": member.legal_status if legal else None,
        "disability": member.disability if health else None,
        "chronic_illness": member.chronic_illness if health else None,
        "bedridden": member.bedridden if health else None,
        "elderly_alone": member.elderly_alone,
    }


def member_found_out(user, member: Member) -> dict:
    shown = household_shown(user=user, household=member.household)
    return {
        **member_out(user, member),
        "household": {
            "id": member.household_id,
            "area_code": member.household.area_id,
            "house_number": shown.house_number,
            "address": shown.address,
        },
    }


def household_out(user, household: Household) -> dict:
    shown = household_shown(user=user, household=household)
    identity = shown.fields.identity
    return {
        "id": household.pk,
        "version": household.version,
        "area_code": household.area_id,
        "house_number": shown.house_number,
        "address": shown.address,
        "phone": shown.phone,
        "income_band": household.income_band,
        "anonymised": shown.anonymised,
        **{name: getattr(household, name) if identity else None for name in HOUSEHOLD_IDENTITY_FIELDS},
        "members": [member_out(user, member) for member in household.members.all()],
    }
