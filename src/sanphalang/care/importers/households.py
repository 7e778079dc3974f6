"""Importing households with their members from Excel or CSV: one row per member, and a household key column
that groups the rows of one household (the first row of a household gives its details). Each row goes through
the same services as the register page, so a bad national ID, one registered already, or a household that may be
the same is reported at its line; nothing is written unless every row is good (imports/services.py)."""

from __future__ import annotations

from copy import copy
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from sanphalang.directory.models import LegalBasis
from sanphalang.imports.importers import Column, Importer, RowProblem, date_value, error_items
from sanphalang.plans.importers import Cells, choice_of, yes_or_no
from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.names import clean_text
from sanphalang.thai.national_id import NationalIdError, normalise_national_id

from ..errors import CareError
from ..models import Disability, IncomeBand, LegalStatus, NoNationalIdReason, Relationship, Sex
from ..services.households import PossibleDuplicate, household_register, member_add

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

CHANNEL = "import"

HOUSEHOLD_COLUMNS = (
    Column("area_code", "รหัสพื้นที่", "Area code", ("รหัสหมู่บ้าน", "หมู่บ้าน", "village code", "area"), True),
    Column("house_number", "บ้านเลขที่", "House number", ("เลขที่บ้าน", "house no")),
    Column("address", "ที่อยู่", "Address"),
    Column("household_phone", "โทรศัพท์ครัวเรือน", "Household phone"),
    Column("income_band", "รายได้", "Income", ("ระดับรายได้", "income band")),
    Column("purpose", "วัตถุประสงค์ในการเก็บข้อมูล", "Purpose of processing", ("วัตถุประสงค์", "purpose")),
    Column("legal_basis", "ฐานในการประมวลผลข้อมูลส่วนบุคคล", "Legal basis", ("ฐานทางกฎหมาย", "ฐานการประมวลผล")),
    Column("consent_on", "วันที่ให้ความยินยอม", "Consent given on", ("วันที่ยินยอม", "consent date")),
    Column("consent_for_services", "ยินยอมรับความช่วยเหลือ", "Consents to receive help"),
    Column("consent_for_sharing", "ยินยอมให้ส่งต่อข้อมูล", "Consents to sharing", ("ยินยอมส่งต่อ",)),
    Column("override_reason", "เหตุผลที่ไม่ใช่ครัวเรือนซ้ำ", "Why this is not a duplicate", ("override reason",)),
)
MEMBER_COLUMNS = (
    Column("title", "คำนำหน้าชื่อ", "Title", ("คำนำหน้า",)),
    Column("first_name", "ชื่อ", "First name", ("ชื่อจริง", "name"), True),
    Column("last_name", "นามสกุล", "Last name", ("surname",)),
    Column("relationship", "ความสัมพันธ์", "Relationship", ("ความสัมพันธ์กับหัวหน้าครัวเรือน",)),
    Column("birth_year_be", "ปีเกิด (พ.ศ.)", "Year of birth (BE)", ("ปีเกิด", "พ.ศ. เกิด", "birth year")),
    Column("sex", "เพศ", "Sex", ("gender",)),
    Column("phone", "โทรศัพท์", "Phone", ("เบอร์โทร", "เบอร์โทรศัพท์")),
    Column(
        "national_id", "เลขประจำตัวประชาชน", "National ID", ("เลขบัตรประชาชน", "เลขบัตร", "national id number")
    ),
    Column("no_national_id_reason", "เหตุที่ไม่มีเลขประจำตัวประชาชน", "Why there is no national ID"),
    Column("legal_status", "สถานะทางทะเบียน", "Legal status", ("สัญชาติ",)),
    Column("disability", "ความพิการ", "Disability", ("ประเภทความพิการ",)),
    Column("chronic_illness", "โรคเรื้อรัง", "Chronic illness", ("โรคประจำตัว",)),
    Column("bedridden", "ติดเตียง", "Bedridden", ("ผู้ป่วยติดเตียง",)),
    Column("elderly_alone", "ผู้สูงอายุอยู่ลำพัง", "Elderly, living alone", ("อยู่ลำพัง",)),
)
HOUSEHOLD_KEYS = tuple(column.key for column in HOUSEHOLD_COLUMNS if column.key != "override_reason")

RELATIONSHIP_WORDS = {
    Relationship.HEAD: ("หัวหน้าครัวเรือน", "หัวหน้า", "เจ้าบ้าน"),
    Relationship.SPOUSE: ("สามี", "ภรรยา", "คู่สมรส"),
    Relationship.CHILD: ("ลูก", "บุตร"),
    Relationship.GRANDCHILD: ("หลาน",),
    Relationship.PARENT: ("พ่อ", "แม่", "บิดา", "มารดา"),
    Relationship.GRANDPARENT: ("ปู่", "ย่า", "ตา", "ยาย"),
    Relationship.SIBLING: ("พี่", "น้อง", "พี่น้อง"),
    Relationship.RELATIVE: ("ญาติ",),
    Relationship.OTHER: ("ผู้อาศัย", "ไม่ใช่ญาติ"),
}
SEX_WORDS = {Sex.FEMALE: ("หญิง", "ญ", "f"), Sex.MALE: ("ชาย", "ช", "m"), Sex.OTHER: ("อื่น",)}
LEGAL_STATUS_WORDS = {
    LegalStatus.THAI: ("ไทย", "สัญชาติไทย"),
    LegalStatus.STATELESS: ("ไร้รัฐ", "ไร้สัญชาติ", "ไร้รัฐไร้สัญชาติ"),
    LegalStatus.PENDING: ("กำลังพิสูจน์สถานะ", "รอพิสูจน์สัญชาติ"),
}
NO_ID_WORDS = {
    NoNationalIdReason.STATELESS: ("ไร้รัฐ", "ไร้สัญชาติ"),
    NoNationalIdReason.NOT_YET_REGISTERED: ("ยังไม่แจ้งเกิด", "ยังไม่ได้ลงทะเบียน", "เด็กแรกเกิด"),
    NoNationalIdReason.NOT_KNOWN: ("ไม่ทราบ", "ไม่ทราบเลข"),
}
LEGAL_BASIS_WORDS = {
    LegalBasis.CONSENT: ("ความยินยอม", "ยินยอม"),
    LegalBasis.PUBLIC_TASK: ("ภารกิจเพื่อประโยชน์สาธารณะ", "ภารกิจรัฐ"),
    LegalBasis.LEGAL_OBLIGATION: ("การปฏิบัติตามกฎหมาย",),
    LegalBasis.VITAL_INTEREST: ("ประโยชน์สำคัญต่อชีวิต",),
    LegalBasis.LEGITIMATE_INTEREST: ("ประโยชน์โดยชอบด้วยกฎหมาย",),
}
INCOME_WORDS = {IncomeBand.BELOW_POVERTY_LINE: ("ต่ำกว่าเส้นความยากจน", "ยากจน"), IncomeBand.LOW: ("น้อย", "ต่ำ")}
DISABILITY_WORDS = {
    Disability.NONE: ("ไม่มี", "-"),
    Disability.PHYSICAL: ("ทางการเคลื่อนไหว", "ทางร่างกาย"),
    Disability.VISUAL: ("ทางการเห็น", "ตาบอด"),
    Disability.HEARING: ("ทางการได้ยิน", "หูหนวก"),
    Disability.INTELLECTUAL: ("ทางสติปัญญา", "ทางการเรียนรู้"),
    Disability.MENTAL: ("ทางจิต", "ทางพฤติกรรม"),
    Disability.AUTISM: ("ออทิสติก",),
    Disability.MULTIPLE: ("พิการซ้ำซ้อน", "มากกว่าหนึ่งประเภท"),
}


def _members_key(field: str) -> str:
    """A registration's member field ("members.0.national_id") as the row's column."""
    return field.split(".")[-1] if field.startswith("members.") else field


class CareHouseholdImporter(Importer):
    entity = "care_households"
    label = gettext_lazy("Households and their members")
    columns = (
        Column("household_key", "รหัสครัวเรือน", "Household key", ("ครัวเรือนที่", "household", "key"), True),
        *HOUSEHOLD_COLUMNS,
        *MEMBER_COLUMNS,
    )
    main_column = "first_name"
    area_column = "area_code"
    field_columns = {"phone": "phone", "members": "first_name"}

    def bound(self, *, by: User, meeting_id: int | None = None, plan_id: int | None = None) -> Importer:
        """A fresh importer for one file: the households its earlier rows registered, by key."""
        bound = copy(self)
        bound.households = {}  # key -> (household, the first row's details)
        bound.failed = set()  # keys whose first row could not be registered
        return bound

    def duplicate_keys(self, values: dict) -> list[tuple[str, tuple]]:
        try:
            digits = normalise_national_id(values.get("national_id", ""))
        except NationalIdError:
            return []
        return [("national_id", ("national_id", digits))]

    def _member(self, values: dict, *, first: bool) -> dict:
        cells = Cells()
        member = {
            name: clean_text(values.get(name, "")) for name in ("title", "first_name", "last_name", "phone")
        }
        member["chronic_illness"] = clean_text(values.get("chronic_illness", ""))
        member["national_id"] = values.get("national_id", "")
        member["birth_year_be"] = to_arabic_digits(values.get("birth_year_be", "").strip()) or None
        member["relationship"] = cells.read(
            choice_of, values, "relationship", Relationship, RELATIONSHIP_WORDS
        ) or (Relationship.HEAD if first else Relationship.RELATIVE)
        member["sex"] = cells.read(choice_of, values, "sex", Sex, SEX_WORDS) or Sex.UNSPECIFIED
        member["legal_status"] = (
            cells.read(choice_of, values, "legal_status", LegalStatus, LEGAL_STATUS_WORDS) or LegalStatus.THAI
        )
        member["no_national_id_reason"] = (
            cells.read(choice_of, values, "no_national_id_reason", NoNationalIdReason, NO_ID_WORDS) or ""
        )
        member["disability"] = cells.read(choice_of, values, "disability", Disability, DISABILITY_WORDS) or ""
        for name in ("bedridden", "elderly_alone"):
            member[name] = bool(cells.read(yes_or_no, values, name))
        cells.check()
        return member

    def _household(self, values: dict) -> dict:
        cells = Cells()
        fields = {
            "area_code": to_arabic_digits(values.get("area_code", "").strip()),
            "house_number": clean_text(values.get("house_number", "")),
            "address": clean_text(values.get("address", "")),
            "phone": clean_text(values.get("household_phone", "")),
            "purpose": clean_text(values.get("purpose", "")),
            "income_band": cells.read(choice_of, values, "income_band", IncomeBand, INCOME_WORDS)
            or IncomeBand.UNKNOWN,
            "legal_basis": cells.read(choice_of, values, "legal_basis", LegalBasis, LEGAL_BASIS_WORDS)
            or LegalBasis.CONSENT,
            "consent_on": cells.read(date_value, values, "consent_on"),
        }
        for name in ("consent_for_services", "consent_for_sharing"):
            fields[name] = bool(cells.read(yes_or_no, values, name))
        cells.check()
        return fields

    def create(self, *, by, values):
        key = to_arabic_digits(clean_text(values.get("household_key", "")))
        if not key:
            raise RowProblem("household_key", CareError.IMPORT_HOUSEHOLD_KEY_REQUIRED.message())
        if key in self.failed:
            raise RowProblem("household_key", CareError.IMPORT_HOUSEHOLD_BAD.message())
        details = tuple(values.get(name, "") for name in HOUSEHOLD_KEYS)
        try:
            if key in self.households:
                self._add_member(by, key, details, values)
            else:
                self._register(by, key, details, values)
        except PossibleDuplicate as duplicate:
            ids = ", ".join(str(household.pk) for household in duplicate.candidates)
            self._fail(key)
            raise RowProblem(
                "override_reason", CareError.IMPORT_POSSIBLE_DUPLICATE.message(households=ids)
            ) from None
        except ValidationError as error:
            self._fail(key)
            raise ValidationError(
                {_members_key(field): messages for field, messages in error_items(error)}
            ) from None
        except RowProblem:
            self._fail(key)
            raise

    def _fail(self, key: str) -> None:
        """A household whose first row failed: its other rows are reported, not registered on their own."""
        if key not in self.households:
            self.failed.add(key)

    def _register(self, by, key: str, details: tuple, values: dict) -> None:
        cells = Cells()
        fields = cells.read(self._household, values)
        member = cells.read(self._member, values, first=True)
        cells.check()
        household = household_register(
            by=by,
            members=[member],
            override_reason=values.get("override_reason", ""),
            channel=CHANNEL,
            **fields,
        )
        self.households[key] = (household, details)

    def _add_member(self, by, key: str, details: tuple, values: dict) -> None:
        household, first = self.households[key]
        if any(details) and details != first:
            raise RowProblem("household_key", CareError.IMPORT_ROWS_DIFFER.message())
        member_add(by=by, household=household, channel=CHANNEL, **self._member(values, first=False))


CARE_HOUSEHOLDS = CareHouseholdImporter()
