"""Import files of organisations and people: their columns, and how one row becomes records of the directory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanphalang.imports.importers import (
    Column,
    Importer,
    RowProblem,
    area_code_value,
    choice_value,
    date_value,
    error_items,
    find_organisation,
)
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text, compact, strip_person_title

from .models import OrganisationKind, PositionRole
from .services import organisation_create, person_create, position_create

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

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


class OrganisationImporter(Importer):
    entity = "organisations"
    label = gettext_lazy("Organisations")
    columns = (
        Column(
            "name_th",
            "ชื่อองค์กร",
            "Name (Thai)",
            ("ชื่อ (ไทย)", "ชื่อ", "ชื่อภาษาไทย", "ชื่อองค์กร (ไทย)", "name", "organisation", "organisation name"),
            True,
        ),
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
        return [("name_th", (compact(values.get("name_th", "")), area_code_value(values, "area_code")))]

    def create(self, *, by: User, values):
        kind_text = values.get("kind", "")
        kind = choice_value(OrganisationKind, KIND_WORDS, kind_text)
        if kind is None:
            raise RowProblem(
                "kind",
                _("Unknown kind of organisation: %(value)s.") % {"value": kind_text}
                if kind_text
                else _("Enter the kind of organisation."),
            )
        area_code = area_code_value(values, "area_code")
        fields = {
            key: values[key]
            for key in (
                "name_en",
                "abbreviation",
                "phone",
                "email",
                "website",
                "address",
                "registration_number",
                "note",
            )
            if values.get(key)
        }
        if values.get("issue_areas"):
            fields["issue_areas"] = [
                s.strip() for s in values["issue_areas"].replace("،", ",").split(",") if s.strip()
            ]
        if values.get("parent"):
            fields["parent"] = find_organisation(
                by=by, name=values["parent"], near_code=area_code, column="parent"
            )
        founded_on = date_value(values, "founded_on")
        if founded_on:
            fields["founded_on"] = founded_on
        organisation_create(
            by=by, name_th=values.get("name_th", ""), kind=kind, area_code=area_code, **fields
        )


class PersonImporter(Importer):
    entity = "people"
    label = gettext_lazy("People")
    columns = (
        Column("title", "คำนำหน้า", "Title", ("คำนำหน้าชื่อ", "prefix")),
        Column("first_name", "ชื่อ", "First name", ("ชื่อจริง", "given name")),
        Column("last_name", "นามสกุล", "Last name", ("surname", "family name")),
        Column(
            "full_name", "ชื่อ-นามสกุล", "Full name", ("ชื่อและนามสกุล", "ชื่อ นามสกุล", "name"), in_template=False
        ),
        Column("nickname", "ชื่อเล่น", "Nickname"),
        Column("area_code", "รหัสพื้นที่", "Area code", ("พื้นที่", "area"), True),
        Column(
            "national_id",
            "เลขประจำตัวประชาชน",
            "National ID",
            ("เลขบัตรประชาชน", "เลขบัตรประจำตัวประชาชน", "id card", "citizen id"),
        ),
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
    _position_fields = {
        "title": "position_title",
        "role": "role",
        "started_on": "started_on",
        "ended_on": "started_on",
        NON_FIELD_ERRORS: "started_on",
        "organisation": "organisation",
    }

    def missing_columns(self, present):
        missing = super().missing_columns(present)
        if "first_name" not in present and "full_name" not in present:
            missing.append(self.column("first_name"))
        return missing

    def _names(self, values: dict) -> tuple[str, str, str, str]:
        """Title, first and last name, and the column they came from."""
        if values.get("first_name") or not values.get("full_name"):
            return (
                values.get("title", ""),
                values.get("first_name", ""),
                values.get("last_name", ""),
                "first_name",
            )
        title, rest = strip_person_title(values["full_name"])
        first, _space, last = clean_text(rest).partition(" ")
        return values.get("title") or title, first, last, "full_name"

    def duplicate_keys(self, values):
        keys = []
        national_id = parse_number(values.get("national_id", "")).replace("-", "")
        if national_id:
            keys.append(("national_id", ("id", national_id)))
        _title, first, last, column = self._names(values)
        keys.append((column, ("name", compact(first), compact(last), area_code_value(values, "area_code"))))
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
        started_on = date_value(values, "started_on")
        organisation = None
        area_code = area_code_value(values, "area_code")
        if values.get("organisation"):
            organisation = find_organisation(
                by=by, name=values["organisation"], near_code=area_code, column="organisation"
            )
        elif values.get("position_title") or values.get("started_on") or values.get("role"):
            raise RowProblem("organisation", _("A position needs the organisation it is held in."))
        fields = {
            key: values[key]
            for key in ("nickname", "national_id", "phone", "email", "line_id", "address", "note")
            if values.get(key)
        }
        person = person_create(
            by=by,
            channel="import",
            title=title,
            first_name=first,
            last_name=last,
            area_code=area_code,
            **fields,
        )
        if organisation is not None:
            try:
                position_create(
                    by=by,
                    person=person,
                    organisation=organisation,
                    role=role,
                    title=values.get("position_title", ""),
                    started_on=started_on,
                )
            except ValidationError as error:
                raise RowProblem(
                    problems=[
                        (self._position_fields.get(field, "organisation"), message)
                        for field, messages in error_items(error)
                        for message in messages
                    ]
                ) from None
