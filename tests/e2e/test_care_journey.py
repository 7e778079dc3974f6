"""The care registry of Chiang Rai in the browser: Mueang Chiang Rai's coordinator registers households (and is
warned of one that may be registered already), opens a case, records help and refers it to an agency, whose
user answers it; the province's social fund pays help decided by its committee; and the coordinator of another
district and a viewer are shown nothing of the people."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import user_create
from sanphalang.care.models import Household, Member, Referral
from sanphalang.care.services.fund import donation_record, fund_create
from sanphalang.directory.services import organisation_create
from tests.care.cases_data import opened
from tests.care.households_data import member, national_id, register
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
HEAD_ID = national_id("310170020111")
OFFICE = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"
FUND = "กองทุนพัฒนาสังคมจังหวัดเชียงราย"
OUTSIDE = "ไม่มีหน้านี้ หรือหน้านี้อยู่นอกพื้นที่ที่คุณรับผิดชอบ"


def _field(scope, label: str):
    """A field by its label as read on the page, a required field's asterisk aside."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _save(page, form, name: str = "บันทึก") -> None:
    with page.expect_navigation():
        form.get_by_role("button", name=name, exact=True).click()


def _member_row(page, number: int):
    return page.locator("main fieldset fieldset", has=page.locator("legend", has_text=f"สมาชิกคนที่ {number}"))


def _fill_household(form, *, house_number: str, address: str) -> None:
    _field(form, "รหัสหมู่บ้าน ชุมชน หรือตำบล").fill("570101")
    _field(form, "บ้านเลขที่").fill(house_number)
    _field(form, "ที่อยู่").fill(address)
    _field(form, "วัตถุประสงค์ของการประมวลผล").fill("ดูแลผู้สูงอายุที่อยู่ลำพัง")
    _field(form, "ยินยอมรับความช่วยเหลือ").check()
    _field(form, "วันที่ให้ความยินยอม").fill("1/5/2567")


def _fill_member(row, *, title: str, first: str, last: str, relationship: str, year: str, sex: str) -> None:
    _field(row, "คำนำหน้าชื่อ").fill(title)
    _field(row, "ชื่อ").fill(first)
    _field(row, "นามสกุล").fill(last)
    _field(row, "ความสัมพันธ์").select_option(label=relationship)
    _field(row, "ปีเกิด (พ.ศ.)").fill(year)
    _field(row, "เพศ").select_option(label=sex)


def test_a_district_registers_two_households_one_despite_a_possible_duplicate_and_the_province_sees_the_id(
    page, cast, log_in
):
    # given Mueang Chiang Rai's coordinator on the households' page
    log_in(page, cast.mueang_coordinator)
    page.goto("/care/households/")
    page.get_by_role("link", name="ลงทะเบียนครัวเรือน").click()
    form = page.locator("main form")

    # when they register a household: its head with a national ID typed in Thai digits
    _fill_household(form, house_number="12/3", address="หมู่ 4 ถนนพหลโยธิน")
    head = _member_row(page, 1)
    _fill_member(
        head, title="นาง", first="บัวผัน", last="ศรีสุข", relationship="หัวหน้าครัวเรือน", year="๒๔๙๐", sex="หญิง"
    )
    _field(head, "เลขประจำตัวประชาชน").fill(HEAD_ID.translate(THAI_DIGITS))
    # and, on a second row, a grandchild who is stateless, without an ID
    with page.expect_navigation():
        form.get_by_role("button", name="เพิ่มสมาชิกอีกคน").click()
    expect(_field(_member_row(page, 1), "ชื่อ")).to_have_value("บัวผัน")
    grandchild = _member_row(page, 2)
    _fill_member(grandchild, title="ด.ช.", first="จะแฮ", last="", relationship="หลาน", year="2558", sex="ชาย")
    _field(grandchild, "สถานะทางทะเบียน").select_option(label="ไร้รัฐ ไม่มีทะเบียน")
    _field(grandchild, "เหตุที่ไม่มีเลขประจำตัวประชาชน").select_option(label="ไร้รัฐ ไม่มีเลขประจำตัวประชาชน")
    _save(page, form, "ลงทะเบียน")

    # then the household's page shows both, the head's ID masked to an area coordinator
    expect(page.locator(".alert-success")).to_contain_text("ลงทะเบียนครัวเรือนแล้ว")
    members = page.locator("table[aria-labelledby=members-heading] tbody")
    head_row = members.locator("tr", has_text="บัวผัน")
    masked = re.compile(rf"x-xxxx-xxxx{HEAD_ID[9]}-{HEAD_ID[10:12]}-{HEAD_ID[12]}")
    expect(head_row).to_contain_text(masked)
    expect(head_row).not_to_contain_text(HEAD_ID[:5])
    expect(members.locator("tr", has_text="จะแฮ")).to_contain_text("ไร้รัฐ ไม่มีเลขประจำตัวประชาชน")
    first_url = page.url
    first = Household.objects.get(house_number="12/3")
    assert first.members.count() == 2
    assert Member.objects.get(first_name="จะแฮ").national_id_lookup == ""

    # when they register a second household of the same subdistrict, its head named nearly the same
    page.goto("/care/households/new/")
    form = page.locator("main form")
    _fill_household(form, house_number="45", address="หมู่ 7 บ้านป่าอ้อ")
    _fill_member(
        _member_row(page, 1),
        title="นาง",
        first="บัวผัน",
        last="ศรีสุก",
        relationship="หัวหน้าครัวเรือน",
        year="2492",
        sex="หญิง",
    )
    _field(_member_row(page, 1), "เลขประจำตัวประชาชน").fill(national_id("357010020222"))
    _save(page, form, "ลงทะเบียน")

    # then the page sets both side by side
    compare = page.locator("section[aria-labelledby=compare-heading]")
    expect(compare).to_contain_text("มีครัวเรือนที่อาจเป็นครัวเรือนเดียวกันลงทะเบียนไว้แล้ว")
    expect(compare).to_contain_text("ครัวเรือนที่คุณกำลังลงทะเบียน")
    expect(compare).to_contain_text("นางบัวผัน ศรีสุก")
    expect(compare).to_contain_text(f"ครัวเรือนที่ {first.pk} ที่ลงทะเบียนไว้แล้ว")
    expect(compare).to_contain_text("นางบัวผัน ศรีสุข")
    expect(compare).to_contain_text("หมู่ 4 ถนนพหลโยธิน")
    expect(compare.get_by_role("link", name="เปิดครัวเรือนที่มีอยู่แล้ว")).to_be_visible()
    assert Household.objects.count() == 1

    # when they register it anyway, saying why it is another household
    _field(compare, "เหตุผลที่ไม่ใช่ครัวเรือนที่พบ").fill("คนละบ้าน เป็นพี่น้องกัน อยู่คนละหมู่")
    _save(page, form, "ลงทะเบียนต่อ")

    # then it is saved, with the reason
    expect(page.locator(".alert-success")).to_contain_text("ลงทะเบียนครัวเรือนแล้ว")
    expect(page.locator("main dl")).to_contain_text("คนละบ้าน เป็นพี่น้องกัน อยู่คนละหมู่")
    assert Household.objects.count() == 2

    # and the province's coordinator sees the first head's ID in full
    page.context.clear_cookies()
    log_in(page, cast.chiangrai_coordinator)
    page.goto(first_url)
    full = f"{HEAD_ID[0]}-{HEAD_ID[1:5]}-{HEAD_ID[5:10]}-{HEAD_ID[10:12]}-{HEAD_ID[12]}"
    expect(
        page.locator("table[aria-labelledby=members-heading]").locator("tr", has_text="บัวผัน")
    ).to_contain_text(re.compile(f"{full}|{full.translate(THAI_DIGITS)}"))


def _household(by):
    """Mueang Chiang Rai's household of the cases' tests, which consents to sharing with agencies."""
    return register(
        by,
        members=[
            member(),
            member(
                title="นาย",
                first_name="สมหมาย",
                relationship="spouse",
                sex="male",
                national_id="",
                no_national_id_reason="stateless",
                legal_status="stateless",
                disability="physical",
                chronic_illness="เบาหวาน",
            ),
        ],
        consent_for_sharing=True,
    )


def test_a_case_is_helped_and_referred_and_the_agency_answers_it(page, cast, log_in, pick):
    # given a household of Mueang Chiang Rai, and the province's office of social development with its user
    home = _household(cast.mueang_coordinator)
    office = organisation_create(by=cast.chiangrai_coordinator, kind="agency", area_code="57", name_th=OFFICE)
    partner = user_create(username="office_partner", password=PASSWORD, role=Role.PARTNER, area_codes=["57"])
    partner.organisation = office
    partner.save(update_fields=["organisation"])

    # when the coordinator opens a case on the household, about its head
    log_in(page, cast.mueang_coordinator)
    page.goto(f"/care/households/{home.pk}/")
    page.get_by_role("link", name="เปิดกรณีช่วยเหลือ").click()
    form = page.locator("main form")
    _field(form, "บุคคล").select_option(label="นางบัวผัน ศรีสุข")
    _field(form, "ประเภทความยากลำบาก").select_option(label="ผู้สูงอายุอยู่ลำพัง")
    _field(form, "สิ่งที่ครัวเรือนต้องการ").fill("อยู่ลำพัง ต้องการผู้ดูแลและรถเข็น")
    _save(page, form)
    expect(page.locator(".alert-success")).to_contain_text("เปิดกรณีช่วยเหลือแล้ว")
    expect(page.locator("h1")).to_contain_text("ผู้สูงอายุอยู่ลำพัง")
    case_url = page.url
    # and the household's page lists it
    page.locator("section[aria-labelledby=about-heading]").get_by_role("link", name="12/3").click()
    cases = page.locator("table[aria-labelledby=cases-heading]")
    expect(cases).to_contain_text("ผู้สูงอายุอยู่ลำพัง")
    cases.get_by_role("link", name=re.compile("^กรณีช่วยเหลือที่")).click()
    expect(page).to_have_url(case_url)

    # and records the help given
    page.get_by_role("link", name="บันทึกความช่วยเหลือที่ให้").click()
    form = page.locator("main form")
    _field(form, "ประเภทความช่วยเหลือ").select_option(label="สิ่งของ (อาหาร ของใช้)")
    _field(form, "สิ่งที่ให้").fill("ถุงยังชีพ 1 ชุด")
    _field(form, "มูลค่า (บาท)").fill("๕๐๐")
    _field(form, "ผู้ให้ความช่วยเหลือ (ชื่อ)").fill("ชมรมผู้สูงอายุบ้านดู่")
    _save(page, form)
    expect(page.locator(".alert-success")).to_contain_text("บันทึกความช่วยเหลือที่ให้แล้ว")
    expect(page.locator("section[aria-labelledby=help-heading]")).to_contain_text("ถุงยังชีพ 1 ชุด")

    # and refers it to the office
    page.get_by_role("link", name="ส่งต่อหน่วยงาน").click()
    form = page.locator("main form")
    pick(page.locator("#id_agency_search"), "พัฒนาสังคม", OFFICE)
    _field(form, "สิ่งที่ขอให้หน่วยงานดำเนินการ").fill("ขอรถเข็นและเบี้ยความพิการ")
    _save(page, form)
    expect(page.locator(".alert-success")).to_contain_text("ส่งต่อกรณีช่วยเหลือแล้ว")
    expect(page.locator("section[aria-labelledby=referrals-heading]")).to_contain_text(OFFICE)

    # then the office's user finds it in their inbox, without health, legal status or national ID
    page.context.clear_cookies()
    log_in(page, partner)
    page.goto("/care/referrals/inbox/")
    expect(page.locator("h1")).to_have_text("การส่งต่อถึงหน่วยงานของคุณ")
    row = page.locator("main tbody tr", has_text="ขอรถเข็นและเบี้ยความพิการ")
    expect(row).to_contain_text("นางบัวผัน ศรีสุข")
    expect(row).to_contain_text("ส่งแล้ว รอหน่วยงานตอบ")
    row.get_by_role("link", name=re.compile("^กรณีช่วยเหลือที่")).click()
    main = page.locator("main")
    expect(main).to_contain_text("นางบัวผัน ศรีสุข")
    expect(main).to_contain_text("ขอรถเข็นและเบี้ยความพิการ")
    for hidden in ("เลขประจำตัวประชาชน", "สุขภาพ", "สถานะทางทะเบียน", "เบาหวาน", HEAD_ID[-4:]):
        expect(main).not_to_contain_text(hidden)

    # when they accept it
    page.get_by_role("link", name="ตอบ", exact=True).click()
    form = page.locator("main form")
    _field(form, "ตอบ").select_option(label="รับการส่งต่อ")
    _field(form, "คำตอบของหน่วยงาน").fill("รับเรื่องแล้ว จะลงพื้นที่สัปดาห์หน้า")
    _save(page, form)
    expect(page.locator(".alert-success")).to_contain_text("บันทึกคำตอบแล้ว")

    # and later mark the service done, with its outcome
    page.get_by_role("link", name="ตอบ", exact=True).click()
    form = page.locator("main form")
    _field(form, "ตอบ").select_option(label="ให้บริการเสร็จแล้ว")
    _field(form, "คำตอบของหน่วยงาน").fill("มอบรถเข็นแล้ว")
    _field(form, "ผลการดำเนินงาน").select_option(label="ให้บริการแล้ว")
    _save(page, form)
    expect(page.locator(".alert-success")).to_contain_text("บันทึกคำตอบแล้ว")
    referral = Referral.objects.get()
    assert (referral.status, referral.outcome) == ("done", "given")

    # then the coordinator reads the answer on the case's page
    page.context.clear_cookies()
    log_in(page, cast.mueang_coordinator)
    page.goto(case_url)
    referrals = page.locator("section[aria-labelledby=referrals-heading]")
    expect(referrals).to_contain_text(OFFICE)
    expect(referrals).to_contain_text("คำตอบของหน่วยงาน: มอบรถเข็นแล้ว")
    expect(referrals).to_contain_text("ผลการดำเนินงาน: ให้บริการแล้ว")


def test_the_province_fund_pays_for_a_case_once_two_other_committee_members_approve(page, cast, log_in):
    # given a case of Mueang Chiang Rai, and the province's fund: a committee of three and a donation of 20,000
    home = _household(cast.mueang_coordinator)
    case = opened(cast.mueang_coordinator, home, home.members.get(relationship="head"))
    first_member = user_create(
        username="committee_one", password=PASSWORD, role=Role.AREA_COORDINATOR, area_codes=["5702"]
    )
    second_member = user_create(
        username="committee_two", password=PASSWORD, role=Role.AREA_COORDINATOR, area_codes=["5703"]
    )
    fund = fund_create(
        by=cast.chiangrai_coordinator,
        area_code="57",
        name=FUND,
        committee=[cast.mueang_coordinator, first_member, second_member],
    )
    donation_record(
        by=cast.chiangrai_coordinator,
        fund=fund,
        amount=Decimal("20000"),
        entered_on=dt.date.today(),
        donor_name="ชมรมผู้สูงอายุบ้านดู่",
    )

    # when the district's coordinator asks the fund for 3,500 baht for the case
    log_in(page, cast.mueang_coordinator)
    page.goto(f"/care/cases/{case.pk}/")
    page.get_by_role("link", name="ขอเงินจากกองทุน").click()
    expect(page.locator("h1")).to_have_text(f"ขอรับการช่วยเหลือจากกองทุนพัฒนาสังคมจังหวัดสำหรับกรณีที่ {case.pk}")
    form = page.locator("main form")
    expect(_field(form, "กองทุน")).to_have_value(str(fund.pk))
    _field(form, "จำนวนเงิน (บาท)").fill("๓,๕๐๐")
    _field(form, "ใช้เงินเพื่อ").fill("ค่ารถเข็นและค่าเดินทางไปโรงพยาบาล")
    _save(page, form)
    expect(page.locator(".alert-success")).to_contain_text("ส่งคำขอถึงคณะกรรมการกองทุนแล้ว")
    request_url = page.url
    # and, a member of the committee, is offered no decision on their own request
    expect(page.get_by_role("button", name="บันทึกการพิจารณาของฉัน")).to_have_count(0)

    # when two other members of the committee approve it
    for approver in (first_member, second_member):
        page.context.clear_cookies()
        log_in(page, approver)
        page.goto(request_url)
        form = page.locator("main form", has=page.get_by_role("button", name="บันทึกการพิจารณาของฉัน"))
        _field(form, "ผลการพิจารณา").select_option(label="อนุมัติ")
        _save(page, form, "บันทึกการพิจารณาของฉัน")
        expect(page.locator(".alert-success")).to_contain_text("บันทึกการพิจารณาของคุณแล้ว")
    expect(page.locator("main dl")).to_contain_text(re.compile("(2|๒) / (2|๒)"))

    # and the province's coordinator pays it
    page.context.clear_cookies()
    log_in(page, cast.chiangrai_coordinator)
    page.goto(request_url)
    with page.expect_navigation():
        page.get_by_role("button", name="จ่ายเงิน", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("จ่ายเงินและบันทึกในบัญชีแล้ว")
    expect(page.locator("main")).to_contain_text("จ่ายแล้ว")

    # then the fund's page shows the balance left
    page.goto(f"/care/funds/{fund.pk}/")
    expect(page.locator("h1")).to_have_text(FUND)
    expect(page.locator("main dl")).to_contain_text(re.compile("16,500.00|๑๖,๕๐๐.๐๐"))

    # and the case's page, the money given
    page.goto(f"/care/cases/{case.pk}/")
    money = page.locator("section[aria-labelledby=help-heading] li", has_text="ค่ารถเข็น")
    expect(money).to_contain_text("เงิน")
    expect(money).to_contain_text(FUND)
    expect(money).to_contain_text(re.compile("3,500.00 บาท|๓,๕๐๐.๐๐ บาท"))


def test_another_district_is_refused_the_household_and_the_case_and_a_viewer_sees_counts_only(
    page, cast, log_in
):
    # given a household of Mueang Chiang Rai with a case
    home = _household(cast.mueang_coordinator)
    case = opened(cast.mueang_coordinator, home)

    # when Mae Sai's coordinator opens their addresses
    log_in(page, cast.maesai_coordinator)
    for url in (
        f"/care/households/{home.pk}/",
        f"/care/cases/{case.pk}/",
        f"/care/households/{home.pk}/cases/new/",
    ):
        response = page.goto(url)
        # then they are refused, in Thai, as if there were no such household, and shown nothing of it
        assert response.status == 404
        expect(page.locator("main")).to_contain_text(OUTSIDE)
        expect(page.locator("main")).not_to_contain_text("บัวผัน")
        expect(page.locator("main")).not_to_contain_text("12/3")

    # when the province's viewer opens the households' page
    page.context.clear_cookies()
    log_in(page, cast.chiangrai_viewer)
    page.goto("/care/households/")
    # then they are shown how many households there are, never who
    expect(page.locator("h1")).to_contain_text("ครัวเรือนรายพื้นที่")
    total = page.locator("main tfoot")
    expect(total).to_contain_text("รวม")
    expect(total.locator("td").first).to_have_text(re.compile("^(1|๑)$"))
    expect(page.locator("main")).not_to_contain_text("บัวผัน")
    expect(page.get_by_role("link", name="ลงทะเบียนครัวเรือน")).to_have_count(0)
    # and the household's own page is not theirs to open, nor is registering one
    assert page.goto(f"/care/households/{home.pk}/").status == 403
    expect(page.locator("main")).to_contain_text("บทบาทของคุณเห็นเฉพาะจำนวนผู้ได้รับความช่วยเหลือ")
    expect(page.locator("main")).not_to_contain_text("บัวผัน")
    assert page.goto("/care/households/new/").status == 403
    expect(page.locator("main")).to_contain_text("ไม่มีสิทธิ์เข้าถึง")
    expect(page.locator("main form")).to_have_count(0)
