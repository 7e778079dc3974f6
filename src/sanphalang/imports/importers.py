"""What each kind of record's import file holds, and how one row becomes a call to the entity's service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.areas.models import AreaLevel
from sanphalang.areas.services import village_create
from sanphalang.directory.models import Organisation, OrganisationKind, PositionRole
from sanphalang.directory.selectors import organisation_list
from sanphalang.directory.services import organisation_create, person_create, position_create
from sanphalang.thai.dates import ThaiDateError, parse_thai_date
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, compact, strip_person_title

if TYPE_CHECKING:
    from sanphalang.accounts.models import User


class RowProblem(Exception):
    """Cells of a row that cannot be used, each as (column key, message)."""

    def __init__(self, column: str = "", message: str = "", *, problems: list[tuple[str, str]] | None = None):
        self.problems = problems if problems is not None else [(column, str(message))]
        super().__init__("; ".join(message for _column, message in self.problems))


@dataclass(frozen=True)
class Column:
    """One column of an import file: the value's key, its Thai and English headings, and other names it goes by."""

    key: str
    th: str
    en: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    in_template: bool = True

    def heading(self) -> str:
        return self.th

    def names(self) -> tuple[str, ...]:
        return (self.th, self.en, self.key, *self.aliases)


# The Thai words people write for a kind of organisation or a role, beside the translated labels. They are data
# (what arrives in files), not interface text, so they do not depend on the translation catalogue.
KIND_WORDS = {
    OrganisationKind.COMMUNITY_ORGANISATION: ("องค์กรชุมชน", "กลุ่ม", "กลุ่มองค์กรชุมชน"),
    OrganisationKind.NETWORK: ("เครือข่าย",),
    OrganisationKind.COUNCIL: ("สภา", "สภาองค์กรชุมชน", "สภาองค์กรชุมชนตำบล", "สภาพลเมือง"),
    OrganisationKind.COORDINATION_CENTRE: ("ศูนย์ประสานงาน",),
    OrganisationKind.WELFARE_FUND: ("กองทุนสวัสดิการชุมชน", "กองทุนสวัสดิการ"),
    OrganisationKind.ASSOCIATION: ("สมาคมหรือมูลนิธิ", "สมาคม", "มูลนิธิ"),
    OrganisationKind.AGENCY: ("หน่วยงานราชการ", "หน่วยงานรัฐ", "ส่วนราชการ"),
    OrganisationKind.LOCAL_GOVERNMENT: ("องค์กรปกครองส่วนท้องถิ่น", "อปท.", "ท้องถิ่น"),
    OrganisationKind.UNIVERSITY: ("สถาบันการศึกษา", "มหาวิทยาลัย"),
    OrganisationKind.BUSINESS: ("ภาคธุรกิจ", "ธุรกิจ", "เอกชน"),
    OrganisationKind.OTHER: ("อื่นๆ", "อื่น"),
}
ROLE_WORDS = {
    PositionRole.CHAIR: ("ประธาน",),
    PositionRole.VICE_CHAIR: ("รองประธาน",),
    PositionRole.SECRETARY: ("เลขานุการ", "เลขา"),
    PositionRole.TREASURER: ("เหรัญญิก",),
    PositionRole.COORDINATOR: ("ผู้ประสานงาน",),
    PositionRole.COMMITTEE_MEMBER: ("กรรมการ",),
    PositionRole.MEMBER: ("สมาชิก",),
    PositionRole.HEAD: ("หัวหน้าหน่วยงาน", "หัวหน้า"),
    PositionRole.DEPUTY_HEAD: ("รองหัวหน้าหน่วยงาน", "รองหัวหน้า"),
    PositionRole.OFFICER: ("เจ้าหน้าที่",),
    PositionRole.ADVISER: ("ที่ปรึกษา",),
    PositionRole.REPRESENTATIVE: ("ผู้แทน",),
    PositionRole.OTHER: ("อื่นๆ", "อื่น"),
}
VILLAGE_KIND_WORDS = {
    AreaLevel.VILLAGE: ("หมู่บ้าน", "หมู่"),
    AreaLevel.COMMUNITY: ("ชุมชน", "ชุมชนเมือง"),
}


def choice_value(choices, words: dict, text: str) -> str | None:
    """The value of a choice written as its value, its English or Thai label, or a word people use for it."""
    wanted = compact(text)
    for value, label in choices.choices:
        forms = {value, *words.get(value, ())}
        for language in ("en", "th"):
            with translation.override(language):
                forms.add(str(label))
        if wanted in {compact(form) for form in forms}:
            return value
    return None


def error_items(error: ValidationError) -> list[tuple[str, list[str]]]:
    """A service's ValidationError as (field, messages) pairs; an error without fields is NON_FIELD_ERRORS."""
    if hasattr(error, "error_dict"):
        return list(error.message_dict.items())
    return [(NON_FIELD_ERRORS, error.messages)]


def _date(values: dict, key: str):
    text = values.get(key, "")
    if not text:
        return None
    try:
        return parse_thai_date(text)
    except ThaiDateError:
        raise RowProblem(key, _("%(value)s is not a date: write it as 20/7/2558 or 20 ก.ค. 2558.")
                         % {"value": text}) from None


def _code(values: dict, key: str) -> str:
    return parse_number(values.get(key, ""))


def find_organisation(*, by: User, name: str, near_code: str, column: str) -> Organisation:
    """The organisation the user can see with this name (Thai, English or abbreviation), nearest to an area."""
    name = clean_text(name)
    visible = organisation_list(user=by)
    candidates = list(visible.filter(name_th=name)) or list(visible.filter(name_en__iexact=name)) \
        or list(visible.filter(abbreviation=name))
    if len(candidates) > 1 and near_code:
        near = [org for org in candidates if near_code.startswith(org.area_id) or org.area_id.startswith(near_code)]
        candidates = near or candidates
    if not candidates:
        raise RowProblem(column, _("No organisation named %(name)s is in your areas.") % {"name": name})
    if len(candidates) > 1:
        raise RowProblem(column, _("Several organisations are named %(name)s: write the one you mean in full.")
                         % {"name": name})
    return candidates[0]


class Importer:
    """One kind of record. Subclasses give the columns and turn one row's values into service calls."""

    entity = ""
    label = ""
    columns: tuple[Column, ...] = ()
    # The column to blame for an error the service gives without a field, or for an area refused.
    main_column = "name_th"
    area_column = "area_code"
    # Service field names that differ from column keys.
    field_columns: dict[str, str] = {}
    # Agenda and attendance rows all go into one meeting, chosen on upload.
    needs_meeting = False

    def for_meeting(self, *, by: User, meeting_id: int | None) -> Importer:
        """The importer that writes into this meeting; one that takes no meeting ignores it."""
        return self

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def main_column_for(self, values: dict) -> str:
        return self.main_column

    def column_for_field(self, field: str, values: dict) -> str:
        if field == NON_FIELD_ERRORS:
            return self.main_column_for(values)
        key = self.field_columns.get(field, field)
        return key if any(c.key == key for c in self.columns) else self.main_column_for(values)

    def missing_columns(self, present: set[str]) -> list[Column]:
        return [c for c in self.columns if c.required and c.key not in present]

    def duplicate_keys(self, values: dict) -> list[tuple[str, tuple]]:
        """Keys (with the column to report on) that must not repeat within one file."""
        return []

    def create(self, *, by: User, values: dict) -> None:
        raise NotImplementedError


class VillageImporter(Importer):
    entity = "villages"
    label = gettext_lazy("Villages and urban communities")
    columns = (
        Column("subdistrict_code", "รหัสตำบล", "Subdistrict code", ("ตำบล", "รหัสแขวง", "subdistrict"), True),
        Column("moo", "หมู่ที่", "Village no. (moo)", ("หมู่", "ม.", "moo", "village no")),
        Column("name_th", "ชื่อหมู่บ้าน", "Name (Thai)", ("ชื่อ (ไทย)", "ชื่อ", "ชื่อภาษาไทย", "ชื่อชุมชน", "name"), True),
        Column("name_en", "ชื่อภาษาอังกฤษ", "Name (English)", ("ชื่อ (อังกฤษ)",)),
        Column("kind", "ประเภท", "Kind", ("ประเภทพื้นที่", "type")),
    )
    area_column = "subdistrict_code"

    def _moo(self, values: dict) -> int | None:
        text = parse_number(values.get("moo", "")).removeprefix("หมู่ที่").removeprefix("ม.").strip()
        if not text:
            return None
        if not text.isdigit():
            raise RowProblem("moo", _("The village number (moo) must be a number, not %(value)s.")
                             % {"value": values["moo"]})
        return int(text)

    def _kind(self, values: dict, moo: int | None) -> str:
        text = values.get("kind", "")
        if not text:
            return AreaLevel.VILLAGE if moo is not None else AreaLevel.COMMUNITY
        kind = choice_value(AreaLevel, VILLAGE_KIND_WORDS, text)
        if kind not in (AreaLevel.VILLAGE, AreaLevel.COMMUNITY):
            raise RowProblem("kind", _("A village is either a village (moo) or an urban community, not %(value)s.")
                             % {"value": text})
        return kind

    def duplicate_keys(self, values):
        code = _code(values, "subdistrict_code")
        keys = [("name_th", ("name", code, compact(values.get("name_th", ""))))]
        if parse_number(values.get("moo", "")):
            keys.append(("moo", ("moo", code, parse_number(values["moo"]))))
        return keys

    def create(self, *, by: User, values):
        moo = self._moo(values)
        village_create(by=by, subdistrict_code=_code(values, "subdistrict_code"), name_th=values.get("name_th", ""),
                       name_en=values.get("name_en", ""), moo=moo, kind=self._kind(values, moo))


class OrganisationImporter(Importer):
    entity = "organisations"
    label = gettext_lazy("Organisations")
    columns = (
        Column("name_th", "ชื่อองค์กร", "Name (Thai)",
               ("ชื่อ (ไทย)", "ชื่อ", "ชื่อภาษาไทย", "ชื่อองค์กร (ไทย)", "name", "organisation", "organisation name"),
               True),
        Column("name_en", "ชื่อภาษาอังกฤษ", "Name (English)", ("ชื่อ (อังกฤษ)", "ชื่อองค์กร (อังกฤษ)")),
        Column("abbreviation", "ชื่อย่อ", "Abbreviation", ("abbr", "อักษรย่อ")),
        Column("kind", "ประเภท", "Kind", ("ประเภทองค์กร", "type"), True),
        Column("area_code", "รหัสพื้นที่", "Area code", ("พื้นที่", "area", "รหัสพื้นที่ตั้ง"), True),
        Column("issue_areas", "ประเด็นงาน", "Issue areas", ("ประเด็น", "issues")),
        Column("parent", "องค์กรต้นสังกัด", "Parent organisation", ("ต้นสังกัด", "สังกัด", "parent name")),
        Column("phone", "โทรศัพท์", "Phone", ("เบอร์โทร", "เบอร์โทรศัพท์", "tel", "telephone")),
        Column("email", "อีเมล", "E-mail", ("อีเมล์", "email")),
        Column("website", "เว็บไซต์", "Website", ("web",)),
        Column("address", "ที่อยู่", "Address"),
        Column("registration_number", "เลขทะเบียน", "Registration number"),
        Column("founded_on", "วันที่ก่อตั้ง", "Founded on", ("ก่อตั้ง", "founded")),
        Column("note", "หมายเหตุ", "Note", ("notes",)),
    )
    field_columns = {"area": "area_code"}

    def duplicate_keys(self, values):
        return [("name_th", (compact(values.get("name_th", "")), _code(values, "area_code")))]

    def create(self, *, by: User, values):
        kind_text = values.get("kind", "")
        kind = choice_value(OrganisationKind, KIND_WORDS, kind_text)
        if kind is None:
            raise RowProblem("kind", _("Unknown kind of organisation: %(value)s.") % {"value": kind_text}
                             if kind_text else _("Enter the kind of organisation."))
        area_code = _code(values, "area_code")
        fields = {key: values[key] for key in ("name_en", "abbreviation", "phone", "email", "website", "address",
                                              "registration_number", "note") if values.get(key)}
        if values.get("issue_areas"):
            fields["issue_areas"] = [s.strip() for s in values["issue_areas"].replace("،", ",").split(",")
                                     if s.strip()]
        if values.get("parent"):
            fields["parent"] = find_organisation(by=by, name=values["parent"], near_code=area_code, column="parent")
        founded_on = _date(values, "founded_on")
        if founded_on:
            fields["founded_on"] = founded_on
        organisation_create(by=by, name_th=values.get("name_th", ""), kind=kind, area_code=area_code, **fields)


class PersonImporter(Importer):
    entity = "people"
    label = gettext_lazy("People")
    columns = (
        Column("title", "คำนำหน้า", "Title", ("คำนำหน้าชื่อ", "prefix")),
        Column("first_name", "ชื่อ", "First name", ("ชื่อจริง", "given name")),
        Column("last_name", "นามสกุล", "Last name", ("surname", "family name")),
        Column("full_name", "ชื่อ-นามสกุล", "Full name", ("ชื่อและนามสกุล", "ชื่อ นามสกุล", "name"), in_template=False),
        Column("nickname", "ชื่อเล่น", "Nickname"),
        Column("area_code", "รหัสพื้นที่", "Area code", ("พื้นที่", "area"), True),
        Column("national_id", "เลขประจำตัวประชาชน", "National ID",
               ("เลขบัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "id card", "citizen id")),
        Column("phone", "โทรศัพท์", "Phone", ("เบอร์โทร", "เบอร์โทรศัพท์", "tel", "telephone")),
        Column("email", "อีเมล", "E-mail", ("อีเมล์", "email")),
        Column("line_id", "ไลน์ไอดี", "LINE ID", ("ไลน์", "line")),
        Column("address", "ที่อยู่", "Address"),
        Column("organisation", "องค์กร", "Organisation", ("ชื่อองค์กร", "organisation name", "organization")),
        Column("position_title", "ตำแหน่ง", "Position title", ("ชื่อตำแหน่ง", "position")),
        Column("role", "บทบาท", "Role", ("บทบาทในองค์กร",)),
        Column("started_on", "วันที่เริ่ม", "Start date", ("เริ่มดำรงตำแหน่ง", "วันที่เริ่มดำรงตำแหน่ง", "start", "from")),
        Column("note", "หมายเหตุ", "Note", ("notes",)),
    )
    main_column = "first_name"
    field_columns = {"area": "area_code", "title": "title", "ended_on": "started_on"}
    _position_fields = {"title": "position_title", "role": "role", "started_on": "started_on",
                        "ended_on": "started_on", NON_FIELD_ERRORS: "started_on", "organisation": "organisation"}

    def missing_columns(self, present):
        missing = super().missing_columns(present)
        if "first_name" not in present and "full_name" not in present:
            missing.append(self.column("first_name"))
        return missing

    def _names(self, values: dict) -> tuple[str, str, str, str]:
        """Title, first and last name, and the column they came from."""
        if values.get("first_name") or not values.get("full_name"):
            return values.get("title", ""), values.get("first_name", ""), values.get("last_name", ""), "first_name"
        title, rest = strip_person_title(values["full_name"])
        first, _space, last = clean_text(rest).partition(" ")
        return values.get("title") or title, first, last, "full_name"

    def duplicate_keys(self, values):
        keys = []
        national_id = parse_number(values.get("national_id", "")).replace("-", "")
        if national_id:
            keys.append(("national_id", ("id", national_id)))
        _title, first, last, column = self._names(values)
        keys.append((column, ("name", compact(first), compact(last), _code(values, "area_code"))))
        return keys

    def main_column_for(self, values):
        return self._names(values)[3]

    def create(self, *, by: User, values):
        title, first, last, _name_column = self._names(values)
        role = PositionRole.MEMBER
        if values.get("role"):
            role = choice_value(PositionRole, ROLE_WORDS, values["role"])
            if role is None:
                raise RowProblem("role", _("Unknown role: %(value)s.") % {"value": values["role"]})
        started_on = _date(values, "started_on")
        organisation = None
        area_code = _code(values, "area_code")
        if values.get("organisation"):
            organisation = find_organisation(by=by, name=values["organisation"], near_code=area_code,
                                             column="organisation")
        elif values.get("position_title") or values.get("started_on") or values.get("role"):
            raise RowProblem("organisation", _("A position needs the organisation it is held in."))
        fields = {key: values[key] for key in ("nickname", "national_id", "phone", "email", "line_id", "address",
                                              "note") if values.get(key)}
        person = person_create(by=by, channel="import", title=title, first_name=first, last_name=last,
                               area_code=area_code, **fields)
        if organisation is not None:
            try:
                position_create(by=by, person=person, organisation=organisation, role=role,
                                title=values.get("position_title", ""), started_on=started_on)
            except ValidationError as error:
                raise RowProblem(problems=[
                    (self._position_fields.get(field, "organisation"), message)
                    for field, messages in error_items(error) for message in messages]) from None


IMPORTERS: dict[str, Importer] = {
    importer.entity: importer for importer in (OrganisationImporter(), PersonImporter(), VillageImporter())
}


def register(importer: Importer) -> None:
    """Add another app's importer (meetings adds agenda and attendance when the apps are ready)."""
    IMPORTERS[importer.entity] = importer


def importer_for(entity: str) -> Importer:
    try:
        return IMPORTERS[entity]
    except KeyError:
        raise ValueError(f"unknown import entity {entity!r}") from None
