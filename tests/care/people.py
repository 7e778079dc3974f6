"""Households and members of the care tests, written with the ORM (their own services belong to the registry)."""

from sanphalang.care.models import Household, LegalStatus, Member, NoNationalIdReason, Relationship
from sanphalang.care.protection import national_id_columns


def household_in(area_code: str, *, head: str = "สมศรี", national_id: str = "", **fields) -> Household:
    """A household of area_code with its head (a Thai national when given a national ID, else stateless)."""
    household = Household.objects.create(
        area_id=area_code, purpose="ช่วยเหลือผู้ยากลำบาก", house_number="12/3", address="หมู่ 4", **fields
    )
    Member.objects.create(
        household=household,
        area_id=area_code,
        title="นาง",
        first_name=head,
        last_name="ใจดี",
        relationship=Relationship.HEAD,
        legal_status=LegalStatus.THAI if national_id else LegalStatus.STATELESS,
        no_national_id_reason="" if national_id else NoNationalIdReason.STATELESS,
        **national_id_columns(national_id),
    )
    return household


def head_of(household: Household) -> Member:
    return household.members.get(relationship=Relationship.HEAD)
