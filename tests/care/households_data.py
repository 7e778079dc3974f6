"""Households of the care tests: registered through the service, in Mueang Chiang Rai (570101) by default."""

import datetime as dt

from stdnum.th import pin

from sanphalang.care.services.households import household_register

MUEANG_SUBDISTRICT = "570101"
MAESAI_SUBDISTRICT = "570901"


def national_id(stem: str) -> str:
    """A national ID with the right check digit, from its first twelve digits."""
    return stem + pin.calc_check_digit(stem)


def member(**fields) -> dict:
    values = {
        "title": "นาง",
        "first_name": "บัวผัน",
        "last_name": "ศรีสุข",
        "relationship": "head",
        "birth_year_be": 2490,
        "sex": "female",
        "national_id": national_id("310170020111"),
        "legal_status": "thai",
    }
    values.update(fields)
    return values


def register(by, *, members=None, area_code=MUEANG_SUBDISTRICT, **fields):
    values = {
        "area_code": area_code,
        "house_number": "12/3",
        "address": "หมู่ 4 ถนนพหลโยธิน",
        "purpose": "ดูแลผู้สูงอายุที่อยู่ลำพัง",
        "legal_basis": "consent",
        "consent_on": dt.date(2024, 5, 1),
        "consent_for_services": True,
    }
    values.update(fields)
    return household_register(by=by, members=members if members is not None else [member()], **values)
