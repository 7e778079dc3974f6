"""Care records built straight through the ORM (the household and case services are built elsewhere): a household
with a member of each kind of data, a case with everything that hangs off it, and the fund that paid it."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.base import ContentFile
from stdnum.th import pin

from sanphalang.care.models import (
    AffectedHousehold,
    Assessment,
    Case,
    CaseStatus,
    EntryKind,
    FollowUp,
    FundRequest,
    Help,
    Household,
    HousingWork,
    Incident,
    LedgerEntry,
    LegalStatusCase,
    LegalStatusDocument,
    LegalStatusEvent,
    Member,
    Referral,
    SocialFund,
)
from sanphalang.care.protection import national_id_columns
from sanphalang.directory.models import Organisation

NAME = "บุญเรือน"
SURNAME = "ศรีวงศ์ทดสอบ"
ADDRESS = "ซอยลับเฉพาะทดสอบ หมู่ 4"
PHONE = "0812345678"
ILLNESS = "เบาหวานทดสอบ"
TEXT = "ข้อความส่วนตัวทดสอบ"  # in every free text of the household's records


def national_id(stem: str) -> str:
    return stem + pin.calc_check_digit(stem)


NATIONAL_ID = national_id("110370012345")


def household(area: str = "570101", *, consent_for_sharing: bool = False, **fields) -> Household:
    house_number, address = fields.pop("house_number", "99/9"), fields.pop("address", ADDRESS)
    return Household.objects.create(
        area_id=area,
        house_number=house_number,
        address=address,
        phone=fields.pop("phone", PHONE),
        note=fields.pop("note", TEXT),
        purpose="ช่วยเหลือครัวเรือนเปราะบาง",
        consent_for_services=True,
        consent_for_sharing=consent_for_sharing,
        consent_on=dt.date(2024, 1, 5),
        search_key=f"{house_number}{address}",
        **fields,
    )


def member(of: Household, *, digits: str = "", first_name: str = NAME, **fields) -> Member:
    last_name = fields.pop("last_name", SURNAME)
    return Member.objects.create(
        household=of,
        area_id=of.area_id,
        title=fields.pop("title", "นาง"),
        first_name=first_name,
        last_name=last_name,
        birth_year=fields.pop("birth_year", 1950),
        sex=fields.pop("sex", "female"),
        phone=fields.pop("phone", PHONE),
        chronic_illness=fields.pop("chronic_illness", ILLNESS),
        legal_status=fields.pop("legal_status", "thai"),
        search_key=first_name + last_name,
        sort_key=first_name + last_name,
        **national_id_columns(digits),
        **fields,
    )


def case(of: Household, *, who: Member | None = None, closed_on: dt.date | None = None, **fields) -> Case:
    status = fields.pop("status", CaseStatus.CLOSED if closed_on else CaseStatus.OPEN)
    return Case.objects.create(
        household=of,
        member=who,
        area_id=of.area_id,
        kind=fields.pop("kind", "elderly_alone"),
        summary=fields.pop("summary", TEXT),
        status=status,
        opened_on=fields.pop("opened_on", (closed_on or dt.date.today()) - dt.timedelta(days=60)),
        closed_on=closed_on,
        outcome_note=TEXT if closed_on else "",
        **fields,
    )


def agency(area: str = "5701", name: str = "สำนักงานพัฒนาสังคมทดสอบ") -> Organisation:
    return Organisation.objects.create(kind="agency", name_th=name, area_id=area)


@dataclass
class Everything:
    household: Household
    head: Member
    child: Member
    case: Case
    help: Help
    referral: Referral
    follow_up: FollowUp
    assessment: Assessment
    status_case: LegalStatusCase
    document: LegalStatusDocument
    housing: HousingWork
    fund: SocialFund
    fund_request: FundRequest
    payment: LedgerEntry
    incident: Incident


def everything(
    by, area: str = "570101", *, closed_on: dt.date | None = None, digits: str = NATIONAL_ID
) -> Everything:
    """A household with every kind of record the care app keeps about it, personal texts in each."""
    home = household(area)
    head = member(home, digits=digits)
    child = member(
        home,
        first_name="เด็กชายทดสอบ",
        relationship="grandchild",
        birth_year=2015,
        sex="male",
        legal_status="stateless",
        no_national_id_reason="stateless",
        phone="",
        chronic_illness="",
    )
    the_case = case(home, who=head, closed_on=closed_on, plan=TEXT)
    organisation = agency(area[:4])
    fund = SocialFund.objects.create(area_id=area[:2], name=f"กองทุนทดสอบ {area}", balance=Decimal("500.00"))
    donation = LedgerEntry.objects.create(
        fund=fund,
        number=1,
        kind=EntryKind.DONATION,
        amount=Decimal("1000.00"),
        balance_after=Decimal("1000.00"),
        entered_on=dt.date(2024, 2, 1),
        recorded_by=by,
    )
    request = FundRequest.objects.create(
        fund=fund,
        case=the_case,
        amount=Decimal("500.00"),
        purpose=TEXT,
        requested_by=by,
        requested_on=dt.date(2024, 2, 2),
        status="paid",
    )
    payment = LedgerEntry.objects.create(
        fund=fund,
        number=2,
        kind=EntryKind.PAYMENT,
        amount=Decimal("-500.00"),
        balance_after=Decimal("500.00"),
        entered_on=dt.date(2024, 2, 3),
        request=request,
        recorded_by=by,
    )
    assert donation.pk
    status_case = LegalStatusCase.objects.create(
        member=child,
        area_id=area,
        status_sought="thai_nationality",
        opened_on=dt.date(2023, 5, 1),
        step="granted",
        step_since=dt.date(2024, 1, 1),
        note=TEXT,
    )
    LegalStatusEvent.objects.create(
        case=status_case, step="filed", happened_on=dt.date(2023, 6, 1), note=TEXT
    )
    document = LegalStatusDocument(case=status_case, kind="birth_certificate", note=TEXT)
    document.file.save("birth.pdf", ContentFile(b"%PDF-1.4 " + TEXT.encode()), save=True)
    incident = Incident.objects.create(
        area_id=area, hazard="flood", occurred_on=dt.date(2024, 8, 1), description="น้ำท่วมหมู่บ้าน"
    )
    AffectedHousehold.objects.create(incident=incident, household=home, damage=TEXT)
    return Everything(
        household=home,
        head=head,
        child=child,
        case=the_case,
        help=Help.objects.create(
            case=the_case,
            kind="money",
            description=TEXT,
            amount=Decimal("500.00"),
            given_on=dt.date(2024, 2, 3),
            fund_entry=payment,
        ),
        referral=Referral.objects.create(
            case=the_case,
            agency=organisation,
            reason=TEXT,
            sent_on=dt.date(2024, 2, 4),
            answer=TEXT,
            status="done",
        ),
        follow_up=FollowUp.objects.create(
            case=the_case, due_on=dt.date(2024, 3, 1), done_on=dt.date(2024, 3, 1), note=TEXT
        ),
        assessment=Assessment.objects.create(
            case=the_case,
            template="elderly",
            answers={"lives_with": TEXT},
            needs=TEXT,
            assessed_on=dt.date(2024, 1, 10),
        ),
        status_case=status_case,
        document=document,
        housing=HousingWork.objects.create(
            household=home,
            area_id=area,
            programme="rural_repair",
            grant=Decimal("20000.00"),
            work=TEXT,
            status="completed",
            started_on=dt.date(2024, 4, 1),
            completed_on=dt.date(2024, 5, 1),
        ),
        fund=fund,
        fund_request=request,
        payment=payment,
        incident=incident,
    )
