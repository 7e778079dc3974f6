"""How a person in care is shown to one reader: the one place that turns a member or a household into what the
reader may see of it (care/access.py decides which groups of fields). Pages, the API and exports show a person
only through these; a field the reader may not see is None here, never the value.

They make no query: the caller has read the record with its household (`select_related("household")`)."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sanphalang.thai.national_id import format_national_id

from ..access import FieldsShown, NationalIdShown, fields_shown
from ..models import (
    Disability,
    Household,
    IncomeBand,
    LegalStatus,
    Member,
    NoNationalIdReason,
    Relationship,
    Sex,
)
from ..protection import decrypt_national_id, masked_national_id

HIDDEN_NAME = _("a person outside your area")


@dataclass(frozen=True)
class MemberShown:
    pk: int
    fields: FieldsShown
    name: str  # with title, or HIDDEN_NAME
    relationship: str
    sex: str
    age: int | None
    national_id: str | None  # in full, masked, "" for none recorded; None when not shown
    no_national_id_reason: str | None
    legal_status: str | None
    disability: str | None
    chronic_illness: str | None
    bedridden: bool | None
    elderly_alone: bool
    phone: str | None

    def __str__(self) -> str:
        return str(self.name)


@dataclass(frozen=True)
class HouseholdShown:
    pk: int
    fields: FieldsShown
    area_id: str | None  # None to a reader who may not see the household: even where it is says it exists
    house_number: str | None
    address: str | None
    phone: str | None
    income_band: str
    anonymised: bool


def _label(choices, value: str) -> str:
    """A choice's label, looked up in its enum: Django's get_FOO_display rebuilds the field's choices on every call,
    which a list of a hundred people pays a hundred times."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def age_in(member: Member, today: dt.date | None = None) -> int | None:
    if not member.birth_year:
        return None
    return (today or timezone.localdate()).year - member.birth_year


def _national_id(member: Member, shown: FieldsShown) -> str | None:
    if shown.national_id == NationalIdShown.NONE:
        return None
    if not member.national_id_lookup:
        return ""
    if shown.national_id == NationalIdShown.FULL:
        digits = decrypt_national_id(member.national_id_token)
        if digits:
            return format_national_id(digits)
    return masked_national_id(member.national_id_last_four)


def member_shown(
    *, user, member: Member, referred: bool = False, today: dt.date | None = None
) -> MemberShown:
    shown = fields_shown(user, member.area_id, referred=referred)
    identity, health, legal = shown.identity, shown.health, shown.legal_status
    return MemberShown(
        pk=member.pk,
        fields=shown,
        name=member.name_with_title if identity else HIDDEN_NAME,
        relationship=_label(Relationship, member.relationship) if identity else "",
        sex=_label(Sex, member.sex),
        age=age_in(member, today),
        national_id=_national_id(member, shown),
        no_national_id_reason=_label(NoNationalIdReason, member.no_national_id_reason) if legal else None,
        legal_status=_label(LegalStatus, member.legal_status) if legal else None,
        disability=_label(Disability, member.disability) if health else None,
        chronic_illness=member.chronic_illness if health else None,
        bedridden=member.bedridden if health else None,
        elderly_alone=member.elderly_alone,
        phone=member.phone if identity else None,
    )


def household_shown(*, user, household: Household, referred: bool = False) -> HouseholdShown:
    shown = fields_shown(user, household.area_id, referred=referred)
    identity = shown.identity
    return HouseholdShown(
        pk=household.pk,
        fields=shown,
        area_id=household.area_id if identity else None,
        house_number=household.house_number if identity else None,
        address=household.address if identity else None,
        phone=household.phone if identity else None,
        income_band=_label(IncomeBand, household.income_band),
        anonymised=household.anonymised_at is not None,
    )
