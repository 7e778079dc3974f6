"""Writes of the funds' yearly figures: enter, correct or remove a year, or import them, one row per fund and year.

An imported row's fund is found by its code or its name.
"""

from collections import defaultdict
from copy import copy
from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from sanphalang.accounts.audit import stamp, validated_save
from sanphalang.accounts.models import User
from sanphalang.areas.scoping import require_write, scope_for
from sanphalang.imports.importers import Column, Importer, RowProblem
from sanphalang.thai.dates import BE_OFFSET
from sanphalang.thai.digits import parse_number
from sanphalang.thai.names import clean_text
from sanphalang.versions import expect_version

from ..errors import WelfareError
from ..linkage.records import fund_identity, record_area
from ..models import AGE_GROUP_FIELDS, COUNT_FIELDS, FIGURE_FIELDS, Fund, FundYear, SourceRecord

# Community welfare funds began in the 2540s BE; a year before this is a typing mistake, not history.
FIRST_YEAR_BE = 2540


def current_year_be() -> int:
    return timezone.localdate().year + BE_OFFSET


# A problem of a year's figures: the field it is at (NON_FIELD_ERRORS for the whole year) and the error, coded.
Problem = tuple[str, ValidationError]


def _problem(field: str, error: WelfareError, **params) -> Problem:
    return field, error.error(None, **params)


def _raise(problems: list[Problem]) -> None:
    if len(problems) == 1 and problems[0][0] == NON_FIELD_ERRORS:
        raise problems[0][1]  # about the whole year, as a form shows it above its fields
    if problems:
        errors: dict[str, list[ValidationError]] = {}
        for field, error in problems:
            errors.setdefault(field, []).append(error)
        raise ValidationError(errors)


def year_problems(year_be: int) -> list[Problem]:
    last = current_year_be() + 1
    if not FIRST_YEAR_BE <= year_be <= last:
        return [_problem("year_be", WelfareError.YEAR_OUT_OF_RANGE, first=FIRST_YEAR_BE, last=last)]
    return []


def _check_year(year_be: int) -> None:
    _raise(year_problems(year_be))


def figure_problems(values: dict) -> list[Problem]:
    """Every reason a year's figures (None where not reported) cannot be kept; empty if none. The service and the
    import both check through here, so that each names every problem at once."""
    cleaned = {name: values.get(name) for name in FIGURE_FIELDS}
    problems = [
        _problem(name, WelfareError.NEGATIVE_FIGURE)
        for name, value in cleaned.items()
        if value is not None and value < 0
    ]
    if all(value is None for value in cleaned.values()):
        problems.append(_problem(NON_FIELD_ERRORS, WelfareError.NO_FIGURES))
    by_age = [cleaned[name] for name in AGE_GROUP_FIELDS if cleaned[name] is not None]
    if cleaned["members"] is not None and cleaned["members"] >= 0 and sum(by_age) > cleaned["members"]:
        problems.append(
            _problem(
                "members",
                WelfareError.AGE_GROUPS_EXCEED_MEMBERS,
                groups=sum(by_age),
                members=cleaned["members"],
            )
        )
    return problems


def _check_values(values: dict) -> dict:
    unknown = sorted(set(values) - set(FIGURE_FIELDS))
    if unknown:
        raise WelfareError.UNKNOWN_FIELD.error(None, fields=", ".join(unknown))
    _raise(figure_problems(values))
    return {name: values.get(name) for name in FIGURE_FIELDS}


@transaction.atomic
def fund_year_save(
    *, by: User, fund: Fund, year_be: int, values: dict, version: int | None = None
) -> tuple[FundYear, bool]:
    """Record a fund's figures for a year (BE), replacing what that year held; returns (row, created).

    Every field of the year is written, so a figure left out is cleared rather than kept from an earlier entry:
    a year's figures come from one report and are replaced as a whole.
    """
    require_write(by, fund.area_id)
    _check_year(year_be)
    cleaned = _check_values(values)
    year = FundYear.objects.select_for_update().filter(fund=fund, year_be=year_be).first()
    created = year is None
    if created:
        year = FundYear(fund=fund, year_be=year_be)
    else:
        expect_version(year, version)
    for name, value in cleaned.items():
        setattr(year, name, value)
    return validated_save(year, by), created


@transaction.atomic
def fund_year_delete(*, by: User, fund_year: FundYear) -> None:
    require_write(by, fund_year.fund.area_id)
    stamp(fund_year, by).delete()


def _grouped(groups: tuple[str, ...], subs: tuple[str, ...]) -> tuple[str, ...]:
    # A two-row heading band reads as "group sub" ("สวัสดิการที่จ่าย เกิด"); offices name the group differently.
    return tuple(f"{group} {sub}" for group in groups for sub in subs)


_MEMBERS = ("จำนวนสมาชิก", "สมาชิก", "สมาชิก (คน)", "จำนวนสมาชิก (คน)")


_MATCHING = ("เงินสมทบ", "เงินสมทบจาก", "สมทบจาก", "เงินสมทบที่ได้รับ", "เงินสมทบที่ได้รับจาก")


_BENEFITS = ("สวัสดิการ", "สวัสดิการที่จ่าย", "การจ่ายสวัสดิการ", "จ่ายสวัสดิการ", "ค่าสวัสดิการ")


def _figure(key: str, th: str, en: str, *aliases: str) -> Column:
    return Column(key, th, en, aliases)


FIGURE_COLUMNS = (
    _figure(
        "members",
        "จำนวนสมาชิก",
        "Members",
        "สมาชิก",
        "จำนวนสมาชิก (คน)",
        "members",
        "member count",
        *_grouped(_MEMBERS, ("รวม", "ทั้งหมด")),
    ),
    _figure(
        "members_children",
        "สมาชิกอายุต่ำกว่า 18 ปี",
        "Members under 18",
        "เด็กและเยาวชน",
        "สมาชิกเด็ก",
        *_grouped(_MEMBERS, ("เด็ก", "เด็กและเยาวชน", "อายุต่ำกว่า 18 ปี", "0-17 ปี")),
    ),
    _figure(
        "members_working_age",
        "สมาชิกอายุ 18–59 ปี",
        "Members aged 18-59",
        "สมาชิกอายุ 18-59 ปี",
        "วัยทำงาน",
        "สมาชิกวัยทำงาน",
        *_grouped(_MEMBERS, ("วัยทำงาน", "18-59 ปี", "อายุ 18-59 ปี")),
    ),
    _figure(
        "members_elderly",
        "สมาชิกอายุ 60 ปีขึ้นไป",
        "Members aged 60 and over",
        "ผู้สูงอายุ",
        "สมาชิกผู้สูงอายุ",
        *_grouped(_MEMBERS, ("ผู้สูงอายุ", "60 ปีขึ้นไป", "อายุ 60 ปีขึ้นไป")),
    ),
    _figure(
        "savings",
        "เงินออมสมาชิก",
        "Members' savings",
        "เงินสมทบสมาชิก",
        "เงินออม",
        "เงินสมทบของสมาชิก",
        "savings",
        "contributions",
    ),
    _figure(
        "matching_government",
        "เงินสมทบจากรัฐ",
        "Matching from government",
        "เงินสมทบรัฐ",
        "เงินสมทบจากรัฐ (พอช.)",
        "สมทบรัฐ",
        "เงินสมทบจาก พอช.",
        *_grouped(_MATCHING, ("รัฐ", "พอช.", "รัฐบาล")),
    ),
    _figure(
        "matching_local_government",
        "เงินสมทบจากท้องถิ่น",
        "Matching from local government",
        "เงินสมทบ อปท.",
        "เงินสมทบจาก อปท.",
        "สมทบท้องถิ่น",
        *_grouped(_MATCHING, ("ท้องถิ่น", "อปท.", "อปท")),
    ),
    _figure(
        "matching_other",
        "เงินสมทบอื่น",
        "Matching from other sources",
        "เงินสมทบจากแหล่งอื่น",
        "สมทบอื่น",
        *_grouped(_MATCHING, ("อื่นๆ", "อื่น", "แหล่งอื่น")),
    ),
    _figure(
        "benefits_birth", "สวัสดิการเกิด", "Benefits: birth", "คลอดบุตร", *_grouped(_BENEFITS, ("เกิด", "คลอดบุตร"))
    ),
    _figure(
        "benefits_sickness",
        "สวัสดิการเจ็บป่วย",
        "Benefits: sickness",
        "เจ็บป่วย",
        *_grouped(_BENEFITS, ("เจ็บป่วย", "รักษาพยาบาล")),
    ),
    _figure(
        "benefits_death",
        "สวัสดิการเสียชีวิต",
        "Benefits: death",
        "เสียชีวิต",
        "ฌาปนกิจ",
        *_grouped(_BENEFITS, ("เสียชีวิต", "ตาย", "ฌาปนกิจ")),
    ),
    _figure(
        "benefits_elderly",
        "สวัสดิการผู้สูงอายุ",
        "Benefits: elderly",
        "บำนาญ",
        *_grouped(_BENEFITS, ("ผู้สูงอายุ", "บำนาญ", "คนชรา")),
    ),
    _figure(
        "benefits_education",
        "สวัสดิการการศึกษา",
        "Benefits: education",
        "ทุนการศึกษา",
        *_grouped(_BENEFITS, ("การศึกษา", "ทุนการศึกษา")),
    ),
    _figure(
        "benefits_disaster",
        "สวัสดิการภัยพิบัติ",
        "Benefits: disaster",
        "ภัยพิบัติ",
        *_grouped(_BENEFITS, ("ภัยพิบัติ", "สาธารณภัย")),
    ),
    _figure(
        "balance",
        "เงินกองทุนคงเหลือ",
        "Fund balance",
        "ยอดเงินคงเหลือ",
        "ยอดคงเหลือ",
        "คงเหลือ",
        "เงินกองทุนสะสม",
        "balance",
    ),
)


def _number(values: dict, key: str, *, whole: bool) -> int | Decimal | None:
    text = parse_number(values.get(key, "")).removesuffix("บาท").removesuffix("คน").strip()
    if not text or text in {"-", "–"}:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise RowProblem(key, WelfareError.NOT_A_NUMBER.message(value=values[key])) from None
    if whole:
        if number != number.to_integral_value():
            raise RowProblem(key, WelfareError.NOT_A_WHOLE_NUMBER.message(value=values[key]))
        return int(number)
    return number


class FundFiguresImporter(Importer):
    """Yearly figures (members by age group, savings, matching by source, benefits by type, balance) per fund."""

    entity = "fund_figures"
    label = gettext_lazy("Welfare fund yearly figures")
    columns = (
        Column("fund_code", "รหัสกองทุน", "Fund code", ("รหัส", "code")),
        Column(
            "fund_name", "ชื่อกองทุน", "Fund name", ("ชื่อกองทุนสวัสดิการ", "ชื่อกองทุนสวัสดิการชุมชน", "กองทุน", "fund")
        ),
        Column("tambon", "ตำบล", "Subdistrict", ("ต.", "ตำบล/เทศบาล", "tambon")),
        Column("district", "อำเภอ", "District", ("อ.", "amphoe")),
        Column("location", "ที่ตั้ง", "Location", ("ที่อยู่", "address")),
        Column("year_be", "ปี พ.ศ.", "Year (BE)", ("ปี", "ปีงบประมาณ", "ปีบัญชี", "พ.ศ.", "year"), True),
        *FIGURE_COLUMNS,
    )
    main_column = "fund_name"
    area_column = "fund_name"
    _index: dict | None = None
    _by_code: dict | None = None
    _areas: dict | None = None

    def for_meeting(self, *, by: User, meeting_id: int | None) -> "FundFiguresImporter":
        # One copy per run: the index of the user's funds is built once for the file, never shared across users.
        bound = copy(self)
        bound._index = bound._by_code = None
        return bound

    def main_column_for(self, values: dict) -> str:
        return "fund_name" if values.get("fund_name") else "fund_code"

    def _build_index(self, by: User) -> None:
        funds = Fund.objects.filter(scope_for(by).subtree_q("area_id"))
        self._index, self._by_code = defaultdict(set), defaultdict(set)
        areas = {}
        for pk, name, code, area_id in funds.values_list("pk", "name_th", "fund_code", "area_id"):
            self._index[fund_identity(name)].add(pk)
            if code:
                self._by_code[parse_number(code)].add(pk)
            areas[pk] = area_id
        # A fund is also known by the names its sources gave it, so a figures file from any source finds it.
        for fund_id, name in SourceRecord.objects.filter(fund__in=funds).values_list("fund_id", "fund_name"):
            self._index[fund_identity(name)].add(fund_id)
        self._areas = areas

    def _narrow(self, candidates: set[int], values: dict) -> set[int]:
        resolved = record_area(values)
        for prefix in (resolved.subdistrict_code, resolved.district_code, resolved.province_code):
            if prefix and len(candidates) > 1:
                near = {pk for pk in candidates if self._areas[pk].startswith(prefix)}
                candidates = near or candidates
        return candidates

    def find_fund(self, by: User, values: dict) -> Fund:
        if self._index is None:
            self._build_index(by)
        code = parse_number(values.get("fund_code", ""))
        name = clean_text(values.get("fund_name", ""))
        if not code and not name:
            raise RowProblem("fund_name", WelfareError.FUND_UNNAMED.message())
        candidates = set(self._by_code.get(code, ())) if code else set()
        if not candidates and name:
            candidates = self._narrow(set(self._index.get(fund_identity(name), ())), values)
        shown = name or code
        column = self.main_column_for(values)
        if not candidates:
            raise RowProblem(column, WelfareError.FUND_NOT_FOUND.message(name=shown))
        if len(candidates) > 1:
            raise RowProblem(column, WelfareError.FUND_AMBIGUOUS.message(name=shown))
        return Fund.objects.get(pk=next(iter(candidates)))

    def year(self, values: dict) -> int:
        text = parse_number(values.get("year_be", "")).removeprefix("พ.ศ.").strip()
        if not text.isdigit():
            raise RowProblem("year_be", WelfareError.NOT_A_YEAR.message(value=values["year_be"]))
        year = int(text)
        # A year in the Christian era (2024) is read as its BE year; no fund report is dated before 2400 BE.
        return year + BE_OFFSET if year < 2400 else year

    def duplicate_keys(self, values: dict) -> list[tuple[str, tuple]]:
        name = values.get("fund_name", "")
        identity = (
            ("code", parse_number(values.get("fund_code", "")))
            if values.get("fund_code")
            else (
                "name",
                fund_identity(name),
                values.get("tambon", ""),
                values.get("district", ""),
                values.get("location", ""),
            )
        )
        return [(self.main_column_for(values), (identity, parse_number(values.get("year_be", ""))))]

    def create(self, *, by: User, values: dict) -> None:
        """Keep the row's figures for its fund and year; a RowProblem naming every bad cell of the row, not the
        first only, so that an office corrects its file in one pass."""
        problems: list[tuple[str, str]] = []

        def attempt(read, *args, **kwargs):
            try:
                return read(*args, **kwargs)
            except RowProblem as problem:
                problems.extend(problem.problems)
                return None

        fund = attempt(self.find_fund, by, values)
        year = attempt(self.year, values)
        unreadable = len(problems)
        figures = {key: attempt(_number, values, key, whole=key in COUNT_FIELDS) for key in FIGURE_FIELDS}
        unreadable = len(problems) > unreadable
        checked = (year_problems(year) if year is not None else []) + figure_problems(figures)
        problems.extend(
            (self.column_for_field(name, values), error.message)
            for name, error in checked
            # A row whose only figures cannot be read is not a row without figures.
            if not (unreadable and name == NON_FIELD_ERRORS)
        )
        if problems:
            raise RowProblem(problems=problems)
        fund_year_save(by=by, fund=fund, year_be=year, values=figures)


FUND_FIGURES_IMPORTER = FundFiguresImporter()
