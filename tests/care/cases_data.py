"""Households of Mueang Chiang Rai and Mae Sai for the cases tests, written straight to the database (their own
pages and services are another topic's), and cases opened on them through the services (S3's shape)."""

import datetime as dt

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.care.models import Household, Member
from sanphalang.care.protection import national_id_columns
from sanphalang.care.services.cases import case_open
from sanphalang.directory.services import organisation_create
from tests.conftest import PASSWORD

TODAY = dt.date.today()
# A valid national ID (check digit 0), shown in full to a provincial coordinator only.
NATIONAL_ID = "1101700203450"


def household(area_code: str = "570101", *, consent_for_sharing: bool = True, **fields) -> Household:
    values = {
        "house_number": "99/1",
        "address": "หมู่ 3 บ้านดอยสะเก็ด",
        "purpose": "ช่วยเหลือผู้ยากลำบาก",
        "consent_for_services": True,
        "consent_for_sharing": consent_for_sharing,
        "consent_on": TODAY,
    }
    values.update(fields)
    return Household.objects.create(area_id=area_code, **values)


def member(home: Household, *, national_id: str = "", **fields) -> Member:
    values = {"title": "นาง", "first_name": "บุญมี", "last_name": "ใจดี", "birth_year": 1945}
    values.update(fields)
    return Member.objects.create(
        household=home, area_id=home.area_id, **national_id_columns(national_id), **values
    )


def opened(by, home: Household, person: Member | None = None, **fields):
    values = {"kind": "elderly_alone", "summary": "อยู่คนเดียว ต้องการผู้ดูแล", "opened_on": TODAY}
    values.update(fields)
    return case_open(by=by, household=home, member=person, **values)


def colleague(username: str = "mueang_colleague", area: str = "5701"):
    """A second coordinator of the area: the second person who approves."""
    return user_create(username=username, password=PASSWORD, role=Role.AREA_COORDINATOR, area_codes=[area])


def agency_with_partner(cast):
    """The provincial office of social development, whose user is the cast's partner of Chiang Rai."""
    office = organisation_create(
        by=cast.chiangrai_coordinator,
        kind="agency",
        name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
        area_code="57",
    )
    cast.chiangrai_partner.organisation = office
    cast.chiangrai_partner.save(update_fields=["organisation"])
    return office
