"""Writes to households and their members: registering a household with its members (refusing a national ID
registered already, and warning of a household that may be the same), changing them, adding and removing members.
Each is one transaction that checks the user may write the household's area and writes the access log (PDPA)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from rapidfuzz import fuzz

from sanphalang.accounts.audit import log_access, validated_save
from sanphalang.accounts.models import AccessAction
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.directory.models import LegalBasis
from sanphalang.errors import reject_unknown_fields
from sanphalang.meetings.services.fields import remove_with_history
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, compact, person_search_key
from sanphalang.thai.national_id import NationalIdError, normalise_national_id
from sanphalang.versions import expect_version

from ..access import people_q, require_care_write
from ..errors import CareError
from ..models import Household, Member, Relationship
from ..protection import national_id_columns, national_id_lookup

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

HOUSEHOLD_FIELDS = {
    "area_code",
    "house_number",
    "address",
    "phone",
    "income_band",
    "note",
    "purpose",
    "legal_basis",
    "consent_for_services",
    "consent_for_sharing",
    "consent_on",
}
MEMBER_FIELDS = {
    "title",
    "first_name",
    "last_name",
    "relationship",
    "birth_year_be",
    "sex",
    "phone",
    "national_id",
    "no_national_id_reason",
    "legal_status",
    "disability",
    "chronic_illness",
    "bedridden",
    "elderly_alone",
}
HOME_LEVELS = {AreaLevel.SUBDISTRICT, AreaLevel.VILLAGE, AreaLevel.COMMUNITY}
EARLIEST_BIRTH_YEAR_BE = 2400
BE_OFFSET = 543
# Two names this alike (rapidfuzz's ratio of their compact forms, 0–100) may be the same person.
SIMILAR_NAME = 85
# At the same house number, a head of household this alike may be the same one.
SIMILAR_HEAD_AT_SAME_HOUSE = 70
OVERRIDE_REASON_MIN_LENGTH = 10
SUBDISTRICT_CODE_LENGTH = 6
DUPLICATE_DETAIL = "registered despite a possible duplicate"


class PossibleDuplicate(ValidationError):
    """A household that may be the same is registered already: the caller compares, then registers anyway with
    a reason (override_reason) or opens the one found. candidates: the households the user may see."""

    def __init__(self, candidates: list[Household]):
        super().__init__(CareError.POSSIBLE_DUPLICATE.message(), code=CareError.POSSIBLE_DUPLICATE.code)
        self.candidates = candidates


@dataclass
class _MemberInput:
    """One member's values, checked: the model's fields and the ID's digits ("" for none, None: not given)."""

    fields: dict
    digits: str | None


def this_year_be() -> int:
    return timezone.localdate().year + BE_OFFSET


def _prefixed(errors: dict, prefix: str) -> dict:
    return {f"{prefix}{name}": messages for name, messages in errors.items()}


def _member_input(values: dict, *, partial: bool = False) -> _MemberInput:
    """Check one member's values (as the form, the API and the import give them); raise ValidationError with
    every field that is wrong. partial: only the fields given change (an update)."""
    reject_unknown_fields(values, MEMBER_FIELDS)
    fields = {k: v for k, v in values.items() if k not in {"national_id", "birth_year_be"}}
    errors: dict[str, list] = {}
    for name in ("title", "first_name", "last_name", "chronic_illness", "phone"):
        if name in fields:
            fields[name] = clean_text(fields[name] or "")
    for name in ("bedridden", "elderly_alone"):
        if name in fields:
            fields[name] = bool(fields[name])
    if "disability" in fields and fields["disability"] is None:
        fields["disability"] = ""
    if "birth_year_be" in values:
        year = values["birth_year_be"]
        if isinstance(year, str):
            year = int(parse_number(year)) if parse_number(year).isdigit() else -1
        if year in (None, ""):
            fields["birth_year"] = None
        elif not EARLIEST_BIRTH_YEAR_BE <= year <= this_year_be():
            errors["birth_year_be"] = [CareError.BIRTH_YEAR_OUT_OF_RANGE.message()]
        else:
            fields["birth_year"] = year - BE_OFFSET
    digits = None
    if "national_id" in values or not partial:
        try:
            digits = (
                normalise_national_id(values.get("national_id") or "") if values.get("national_id") else ""
            )
        except NationalIdError:
            errors["national_id"] = [CareError.NATIONAL_ID_INVALID.message()]
            digits = ""
        if digits:
            fields["no_national_id_reason"] = ""
    if digits == "" and not errors.get("national_id") and not fields.get("no_national_id_reason"):
        errors["no_national_id_reason"] = [CareError.NO_ID_REASON_REQUIRED.message()]
    if errors:
        raise ValidationError(errors)
    return _MemberInput(fields=fields, digits=digits)


def _search_keys(member: Member) -> None:
    member.search_key = person_search_key(member.first_name, member.last_name)
    member.sort_key = thai_sort_key(member.full_name)


def _household_search_key(household: Household) -> str:
    return " ".join(key for key in (compact(household.house_number), compact(household.address)) if key)


def _refuse_registered_id(by: User, digits: str, *, field: str, exclude_pk: int | None = None) -> None:
    """An ID registered anywhere is refused; the household is named only to a reader who may open it."""
    if not digits:
        return
    taken = Member.objects.filter(national_id_lookup=national_id_lookup(digits))
    if exclude_pk:
        taken = taken.exclude(pk=exclude_pk)
    other = taken.only("pk", "household_id", "area_id").first()
    if other is None:
        return
    if Member.objects.filter(people_q(by, "area_id"), pk=other.pk).exists():
        raise CareError.NATIONAL_ID_TAKEN_IN.error(field, household=other.household_id)
    raise CareError.NATIONAL_ID_TAKEN.error(field)


def _member_build(household: Household, given: _MemberInput, member: Member | None = None) -> Member:
    member = member or Member(household=household)
    for name, value in given.fields.items():
        setattr(member, name, value)
    if given.digits is not None:
        for name, value in national_id_columns(given.digits).items():
            setattr(member, name, value)
    member.area_id = household.area_id
    _search_keys(member)
    return member


def _home_area(by: User, code: str | None) -> Area:
    require_care_write(by, code)
    area = Area.objects.filter(code=code or "").first()
    if area is None or area.level not in HOME_LEVELS:
        raise CareError.NOT_A_HOME_AREA.error("area_code")
    return area


def _apply_household(by: User, household: Household, fields: dict) -> None:
    reject_unknown_fields(fields, HOUSEHOLD_FIELDS)
    if "area_code" in fields:
        household.area = _home_area(by, fields.pop("area_code"))
    for name in ("house_number", "address", "phone", "note", "purpose"):
        if name in fields:
            fields[name] = clean_text(fields[name] or "")
    for name, value in fields.items():
        setattr(household, name, value)
    if not household.purpose:
        raise CareError.PURPOSE_REQUIRED.error("purpose")
    if household.legal_basis == LegalBasis.CONSENT and not household.consent_on:
        raise CareError.CONSENT_DATE_REQUIRED.error("consent_on")
    if household.consent_on and household.consent_on > timezone.localdate():
        raise CareError.DATE_IN_FUTURE.error("consent_on")
    household.search_key = _household_search_key(household)


def _compact_name(key: str) -> str:
    return key.replace(" ", "")


def possible_duplicates(*, by: User, household: Household, members: list[Member]) -> list[Household]:
    """Households of the same subdistrict, that the user may see, with a member named like one of these (or at
    the same house number, a head named alike)."""
    subdistrict = household.area_id[:SUBDISTRICT_CODE_LENGTH]
    names = [_compact_name(m.search_key) for m in members if m.search_key]
    heads = [_compact_name(m.search_key) for m in members if m.relationship == Relationship.HEAD]
    house = compact(household.house_number)
    rows = Member.objects.filter(area__pk__startswith=subdistrict).values_list(
        "household_id", "search_key", "relationship", "household__house_number"
    )
    if household.pk:
        rows = rows.exclude(household_id=household.pk)
    found: list[int] = []
    for household_id, key, relationship, house_number in rows.iterator(chunk_size=2000):
        if household_id in found:
            continue
        other = _compact_name(key)
        if any(fuzz.ratio(name, other) >= SIMILAR_NAME for name in names) or (
            house
            and relationship == Relationship.HEAD
            and compact(house_number) == house
            and any(fuzz.ratio(head, other) >= SIMILAR_HEAD_AT_SAME_HOUSE for head in heads)
        ):
            found.append(household_id)
    if not found:
        return []
    return list(
        Household.objects.filter(people_q(by, "area_id"), pk__in=found)
        .select_related("area")
        .prefetch_related("members")
        .order_by("pk")
    )


def _check_ids(by: User, inputs: list[_MemberInput]) -> None:
    errors: dict[str, list] = {}
    seen: set[str] = set()
    for index, given in enumerate(inputs):
        if not given.digits:
            continue
        if given.digits in seen:
            errors[f"members.{index}.national_id"] = [CareError.NATIONAL_ID_REPEATED.message()]
            continue
        seen.add(given.digits)
        try:
            _refuse_registered_id(by, given.digits, field="national_id")
        except ValidationError as error:
            errors.update(_prefixed(error.message_dict, f"members.{index}."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def household_register(
    *,
    by: User,
    members: list[dict],
    override_reason: str = "",
    channel: str = "web",
    **fields,
) -> Household:
    """Register a household with its members. A national ID registered already is refused; a household of the
    same subdistrict that may be the same raises PossibleDuplicate, unless override_reason says why it is not
    (kept on the household, and the override is in the access log)."""
    household = Household(registered_by=by if getattr(by, "pk", None) else None)
    fields.setdefault("area_code", None)
    _apply_household(by, household, dict(fields))
    if not members:
        raise CareError.MEMBERS_REQUIRED.error("members")
    inputs, errors = [], {}
    for index, values in enumerate(members):
        try:
            inputs.append(_member_input(dict(values)))
        except ValidationError as error:
            errors.update(_prefixed(error.message_dict, f"members.{index}."))
    if errors:
        raise ValidationError(errors)
    _check_ids(by, inputs)
    built = [_member_build(household, given) for given in inputs]
    candidates = possible_duplicates(by=by, household=household, members=built)
    reason = clean_text(override_reason or "")
    if candidates:
        if not reason:
            raise PossibleDuplicate(candidates)
        if len(reason) < OVERRIDE_REASON_MIN_LENGTH:
            raise CareError.OVERRIDE_REASON_REQUIRED.error("override_reason")
        household.duplicate_override_reason = reason
    validated_save(household, by)
    log_access(by, AccessAction.CREATE, household, channel=channel)
    if candidates:
        log_access(by, AccessAction.CREATE, household, channel=channel, detail=DUPLICATE_DETAIL)
    for index, member in enumerate(built):
        member.household = household
        try:
            validated_save(member, by)
        except ValidationError as error:
            raise ValidationError(_prefixed(error.message_dict, f"members.{index}.")) from None
        log_access(by, AccessAction.CREATE, member, channel=channel)
    return household


@transaction.atomic
def household_update(
    *, by: User, household: Household, version: int | None = None, channel: str = "web", **fields
) -> Household:
    """Change a household's details; moving it to another area moves its members with it."""
    expect_version(household, version)
    require_care_write(by, household.area_id)
    _apply_household(by, household, dict(fields))
    validated_save(household, by)
    household.members.exclude(area_id=household.area_id).update(area_id=household.area_id)
    log_access(by, AccessAction.UPDATE, household, channel=channel)
    return household


@transaction.atomic
def member_add(*, by: User, household: Household, channel: str = "web", **fields) -> Member:
    require_care_write(by, household.area_id)
    given = _member_input(fields)
    _refuse_registered_id(by, given.digits, field="national_id")
    member = validated_save(_member_build(household, given), by)
    log_access(by, AccessAction.CREATE, member, channel=channel)
    return member


@transaction.atomic
def member_update(
    *, by: User, member: Member, version: int | None = None, channel: str = "web", **fields
) -> Member:
    """Change a member; a national ID given replaces the one kept (an empty one removes it)."""
    expect_version(member, version)
    require_care_write(by, member.area_id)
    given = _member_input(fields, partial=True)
    keeps_no_id = given.digits is None and not member.national_id_lookup
    if keeps_no_id and "no_national_id_reason" in given.fields and not given.fields["no_national_id_reason"]:
        raise CareError.NO_ID_REASON_REQUIRED.error("no_national_id_reason")
    _refuse_registered_id(by, given.digits or "", field="national_id", exclude_pk=member.pk)
    member = validated_save(_member_build(member.household, given, member), by)
    log_access(by, AccessAction.UPDATE, member, channel=channel)
    return member


@transaction.atomic
def member_remove(*, by: User, member: Member, channel: str = "web") -> None:
    """Remove a member recorded by mistake, or who left; a household keeps at least one."""
    require_care_write(by, member.area_id)
    if member.household.members.count() <= 1:
        raise CareError.LAST_MEMBER.error(None)
    log_access(by, AccessAction.DELETE, member, channel=channel)
    remove_with_history(member, by)
