"""Writes to the directory: one function per change, each validating, checking areas and keeping history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from sanphalang.accounts.audit import log_access, stamp, validated_save
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.areas.scoping import require_administrator, require_read, require_write
from sanphalang.errors import Access, reject_unknown_fields
from sanphalang.thai.collation import thai_sort_key
from sanphalang.thai.forms import NATIONAL_ID_MESSAGES
from sanphalang.thai.names import clean_text, organisation_search_key, person_search_key, strip_person_title
from sanphalang.thai.national_id import NationalIdError, normalise_national_id
from sanphalang.versions import expect_version

from .errors import DirectoryError
from .models import IssueArea, Organisation, Person, Position

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

ORGANISATION_FIELDS = {
    "kind",
    "name_th",
    "name_en",
    "abbreviation",
    "other_names",
    "area_code",
    "parent",
    "founded_on",
    "registration_number",
    "address",
    "phone",
    "email",
    "website",
    "note",
    "is_active",
    "issue_areas",
    "partners",
}
PERSON_FIELDS = {
    "title",
    "first_name",
    "last_name",
    "name_en",
    "nickname",
    "area_code",
    "national_id",
    "phone",
    "email",
    "line_id",
    "address",
    "note",
    "purpose",
    "legal_basis",
    "consent_on",
    "issue_areas",
}


def _area(code: str | None, field: str = "area_code") -> Area:
    if not code:
        raise DirectoryError.NO_AREA_CHOSEN.error(field)
    try:
        return Area.objects.get(code=str(code).strip())
    except Area.DoesNotExist:
        raise DirectoryError.NO_SUCH_AREA.error(field, code=code) from None


def _visible_issue_areas(by, issue_areas, area_code: str) -> list[IssueArea]:
    """Issue areas given by object, id or slug, each national or of the record's province."""
    result = []
    for item in issue_areas or []:
        if isinstance(item, IssueArea):
            issue = item
        else:
            lookup = {"pk": item} if str(item).isdigit() else {"slug": item}
            issue = (
                IssueArea.objects.filter(**lookup, province_id=area_code[:2]).first()
                or IssueArea.objects.filter(**lookup, province__isnull=True).first()
            )
            if issue is None:
                raise DirectoryError.UNKNOWN_ISSUE_AREA.error("issue_areas", value=item)
        if issue.province_id and not area_code.startswith(issue.province_id):
            raise DirectoryError.ISSUE_AREA_OF_OTHER_PROVINCE.error("issue_areas", issue=issue)
        result.append(issue)
    return result


def _related_organisations(by, items, field: str) -> list[Organisation]:
    from .selectors import organisation_list

    wanted = [item.pk if isinstance(item, Organisation) else item for item in items or []]
    found = list(organisation_list(user=by).filter(pk__in=wanted))
    if len(found) != len(set(wanted)):
        raise DirectoryError.UNKNOWN_ORGANISATION.error(field)
    return found


def _apply_organisation(by, org: Organisation, fields: dict) -> tuple[list | None, list | None]:
    reject_unknown_fields(fields, ORGANISATION_FIELDS)
    issue_areas = fields.pop("issue_areas", None)
    partners = fields.pop("partners", None)
    if "area_code" in fields:
        org.area = _area(fields.pop("area_code"))
    if "parent" in fields:
        parent = fields.pop("parent")
        if parent is not None and not isinstance(parent, Organisation):
            parent = _related_organisations(by, [parent], "parent")[0]
        if parent is not None and org.pk and parent.pk == org.pk:
            raise DirectoryError.OWN_PARENT.error("parent")
        org.parent = parent
    for name, value in fields.items():
        setattr(org, name, clean_text(value) if isinstance(value, str) and name.startswith("name") else value)
    org.abbreviation = (org.abbreviation or "").strip()
    set_organisation_keys(org)
    require_write(by, org.area_id)
    return issue_areas, partners


def set_organisation_keys(org: Organisation) -> None:
    """The keys an organisation is searched and sorted by, from its names: set whenever they are."""
    org.search_key = organisation_search_key(org.name_th, org.name_en, org.abbreviation, *org.other_name_list)
    org.sort_key = thai_sort_key(org.name_th)


def set_person_keys(person: Person) -> None:
    """The keys a person is searched and sorted by, from their names: set whenever they are."""
    person.search_key = person_search_key(person.full_name, person.name_en, person.nickname)
    person.sort_key = thai_sort_key(person.full_name)


def _save_organisation(by, org: Organisation, issue_areas, partners) -> Organisation:
    validated_save(org, by)
    if issue_areas is not None:
        org.issue_areas.set(_visible_issue_areas(by, issue_areas, org.area_id))
    if partners is not None:
        org.partners.set([p for p in _related_organisations(by, partners, "partners") if p.pk != org.pk])
    return org


@transaction.atomic
def organisation_create(*, by: User, **fields) -> Organisation:
    org = Organisation()
    issue_areas, partners = _apply_organisation(by, org, fields)
    return _save_organisation(by, org, issue_areas, partners)


@transaction.atomic
def organisation_update(
    *, by: User, organisation: Organisation, version: int | None = None, **fields
) -> Organisation:
    expect_version(organisation, version)
    require_write(by, organisation.area_id)
    issue_areas, partners = _apply_organisation(by, organisation, fields)
    return _save_organisation(by, organisation, issue_areas, partners)


@transaction.atomic
def organisation_delete(*, by: User, organisation: Organisation) -> None:
    require_write(by, organisation.area_id)
    if organisation.children.exists():
        raise DirectoryError.HAS_MEMBER_ORGANISATIONS.error(None)
    stamp(organisation, by).delete()


def _apply_person(person: Person, fields: dict) -> list | None:
    reject_unknown_fields(fields, PERSON_FIELDS)
    issue_areas = fields.pop("issue_areas", None)
    if "area_code" in fields:
        person.area = _area(fields.pop("area_code"))
    if "national_id" in fields:
        raw = (fields.pop("national_id") or "").strip()
        if raw:
            try:
                person.national_id = normalise_national_id(raw)
            except NationalIdError as exc:
                raise ValidationError({"national_id": NATIONAL_ID_MESSAGES[exc.reason]}) from None
        else:
            person.national_id = ""
    for name, value in fields.items():
        setattr(person, name, clean_text(value) if isinstance(value, str) and name != "note" else value)
    if not person.title:
        # A name typed with its title ("นางสาวรัชนี") keeps the title in its own field.
        person.title, person.first_name = strip_person_title(person.first_name)
    set_person_keys(person)
    return issue_areas


def _save_person(by, person: Person, fields: dict, *, action: str, channel: str) -> Person:
    issue_areas = _apply_person(person, fields)
    # Checked after the fields are applied too: moving a person out of one's areas is a write outside them.
    require_write(by, person.area_id)
    validated_save(person, by)
    if issue_areas is not None:
        person.issue_areas.set(_visible_issue_areas(by, issue_areas, person.area_id))
    log_access(by, action, person, channel=channel)
    return person


@transaction.atomic
def person_create(*, by: User, channel: str = "web", **fields) -> Person:
    return _save_person(by, Person(), fields, action="create", channel=channel)


@transaction.atomic
def person_update(
    *, by: User, person: Person, channel: str = "web", version: int | None = None, **fields
) -> Person:
    expect_version(person, version)
    require_write(by, person.area_id)
    return _save_person(by, person, fields, action="update", channel=channel)


@transaction.atomic
def person_erase(*, by: User, person: Person, channel: str = "web") -> None:
    """Erase a person's data on their request (PDPA s.33): the record and its history go; the log keeps the fact."""
    require_administrator(by, Access.ADMINISTRATOR_ONLY_ERASE)
    log_access(by, "erase", person, channel=channel, detail="erased on request")
    person.history.all().delete()
    Position.history.filter(person_id=person.pk).delete()
    person.delete()


@transaction.atomic
def position_create(*, by: User, person: Person, organisation: Organisation, **fields) -> Position:
    require_write(by, person.area_id)
    require_read(by, organisation.area_id, include_ancestors=True)
    position = Position(person=person, organisation=organisation, **fields)
    validated_save(position, by)
    return position


@transaction.atomic
def position_update(*, by: User, position: Position, version: int | None = None, **fields) -> Position:
    expect_version(position, version)
    require_write(by, position.person.area_id)
    for name, value in fields.items():
        setattr(position, name, value)
    validated_save(position, by)
    return position


@transaction.atomic
def position_delete(*, by: User, position: Position) -> None:
    require_write(by, position.person.area_id)
    stamp(position, by).delete()


def _issue_area_scope(by, province_code: str | None) -> Area | None:
    if not province_code:
        require_administrator(by, Access.ADMINISTRATOR_ONLY_NATIONAL_ISSUES)
        return None
    province = _area(province_code, "province")
    if province.level != AreaLevel.PROVINCE:
        raise DirectoryError.ISSUE_AREA_NEEDS_PROVINCE.error("province")
    require_write(by, province.code)
    return province


@transaction.atomic
def issue_area_create(
    *,
    by: User,
    name_th: str,
    province_code: str | None = None,
    name_en: str = "",
    slug: str = "",
    description: str = "",
) -> IssueArea:
    province = _issue_area_scope(by, province_code)
    issue = IssueArea(
        name_th=clean_text(name_th),
        name_en=clean_text(name_en),
        description=description,
        province=province,
        slug=slug or slugify(name_en) or slugify(name_th, allow_unicode=True)[:60],
    )
    issue.sort_key = thai_sort_key(issue.name_th)
    validated_save(issue, by)
    return issue


@transaction.atomic
def issue_area_update(*, by: User, issue_area: IssueArea, version: int | None = None, **fields) -> IssueArea:
    expect_version(issue_area, version)
    _issue_area_scope(by, issue_area.province_id)
    for name in ("name_th", "name_en", "description", "is_active", "slug"):
        if name in fields:
            setattr(issue_area, name, clean_text(fields[name]) if name.startswith("name") else fields[name])
    issue_area.sort_key = thai_sort_key(issue_area.name_th)
    validated_save(issue_area, by)
    return issue_area
