"""One record of every kind in one area, built through the services, with a marker in every name so that a page
or an answer that shows any of them to someone outside the area is easy to catch."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from stdnum.th import pin

from sanphalang.accounts.models import Role
from sanphalang.accounts.services import api_token_create, user_create
from sanphalang.areas.models import Area
from sanphalang.areas.services import region_create, village_create
from sanphalang.care.services.cases import case_open, referral_send
from sanphalang.care.services.fund import donation_record, fund_request_decide, fund_request_make
from sanphalang.care.services.fund import fund_create as social_fund_create
from sanphalang.care.services.households import household_register, member_add
from sanphalang.care.services.housing import housing_work_create
from sanphalang.care.services.risks import affected_household_add, incident_create, risk_area_create
from sanphalang.care.services.status import status_case_open, status_document_add
from sanphalang.directory.services import (
    issue_area_create,
    organisation_create,
    person_create,
    position_create,
)
from sanphalang.imports.services import import_batch_create
from sanphalang.ingest.services.documents import GivenFile, documents_give
from sanphalang.jobs.models import Job
from sanphalang.meetings.models import Notification
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.attachments import attachment_add
from sanphalang.meetings.services.bodies import body_create, membership_add
from sanphalang.meetings.services.letters import letter_create
from sanphalang.meetings.services.meetings import (
    agenda_item_add,
    attendance_record,
    invitation_add,
    meeting_create,
    resolution_add,
)
from sanphalang.plans.services.agreements import agreement_create, document_add, party_add, signatory_add
from sanphalang.plans.services.plans import main_work_add, plan_create
from sanphalang.plans.services.progress import progress_submit
from sanphalang.plans.services.projects import budget_line_add, project_create
from sanphalang.plans.services.stages import charter_create, registration_create, stage_record
from sanphalang.plans.services.targets import indicator_create, target_splits_set
from sanphalang.welfare.models import SourceRecord
from sanphalang.welfare.services.audits import audit_round_create, audit_visit_plan, finding_add
from sanphalang.welfare.services.figures import fund_year_save
from sanphalang.welfare.services.reconcile import reconcile
from sanphalang.welfare.services.registry import fund_create
from sanphalang.welfare.services.settle import settle
from sanphalang.welfare.services.sources import source_import, source_upload_create
from tests.imports.files import csv_bytes
from tests.welfare.registry_data import THAI_HEADINGS, table

FIGURES_YEAR_BE = 2567
# The fiscal year of the records' plan and the first quarter of it, in which their progress is entered.
PROGRESS_YEAR_BE = 2568
PROGRESS_PERIOD = dt.date(2024, 10, 1)


def national_id(stem: str) -> str:
    """A national ID with the right check digit, from its first twelve digits."""
    return stem + pin.calc_check_digit(stem)


@dataclass
class AreaRecords:
    """The records of one area, by kind, and the strings that betray them."""

    label: str
    district_code: str  # where the records live
    subdistrict_code: str
    province_code: str
    marker: str  # in the names of the records of the district and below
    province_marker: str  # in the names of the records that belong to the whole province
    national_id: str
    owner: object  # the coordinator who wrote them
    objects: dict = field(default_factory=dict)

    def pk(self, kind: str):
        return self.objects[kind].pk

    def secrets(self, *, district: bool = True, province: bool = True, national_id: bool = True) -> list[str]:
        found = []
        if district:
            found.append(self.marker)
        if province:
            found.append(self.province_marker)
        if national_id:
            found.extend(national_id_forms(self.national_id))
        return found


def national_id_forms(value: str) -> list[str]:
    thai = value.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    return [value, pin.format(value), thai, pin.format(thai)]


def build_area_records(
    *, label, owner, province_owner, district_code, subdistrict_code, marker, province_marker, id_stem
) -> AreaRecords:
    """Every kind of record of one district: directory, meetings, welfare, imports. owner coordinates the district;
    province_owner writes what belongs to the whole province (issue areas, sources, audit rounds)."""
    province_code = district_code[:2]
    records = AreaRecords(
        label=label,
        district_code=district_code,
        subdistrict_code=subdistrict_code,
        province_code=province_code,
        marker=marker,
        province_marker=province_marker,
        national_id=national_id(id_stem),
        owner=owner,
    )
    put = records.objects.__setitem__
    subdistrict = Area.objects.get(code=subdistrict_code)
    today = dt.date.today()

    # Villages are places, shown to everyone like the rest of the map: not a secret, only for writing to.
    put(
        "village",
        village_create(
            by=province_owner, subdistrict_code=subdistrict_code, name_th=f"บ้านทดสอบ {label}", moo=17
        ),
    )
    # Regions group provinces for everyone to see: theirs is no secret, only for writing to.
    put(
        "region",
        region_create(
            by=province_owner.__class__.objects.get(username="admin"),
            name_th=f"ภาคทดสอบ {label}",
            province_codes=[province_code],
            slug=f"region-{label}",
        ),
    )
    put(
        "issue_area",
        issue_area_create(
            by=province_owner,
            province_code=province_code,
            name_th=f"ประเด็น{province_marker}",
            slug=f"issue-{label}",
        ),
    )
    put(
        "organisation",
        organisation_create(
            by=owner, kind="community_organisation", name_th=f"กลุ่มออมทรัพย์{marker}", area_code=subdistrict_code
        ),
    )
    put(
        "person",
        person_create(
            by=owner,
            first_name="สมศรี",
            last_name=f"{marker}ดี",
            area_code=subdistrict_code,
            national_id=records.national_id,
            phone="0812345678",
        ),
    )
    put(
        "position",
        position_create(
            by=owner,
            person=records.objects["person"],
            organisation=records.objects["organisation"],
            title=f"ประธาน{marker}",
        ),
    )
    body = body_create(by=owner, name_th=f"สภา{marker}", area_code=district_code, kind="council")
    put("body", body)
    put(
        "membership",
        membership_add(by=owner, body=body, person=records.objects["person"], title=f"สมาชิก{marker}"),
    )
    meeting = meeting_create(
        by=owner,
        body=body,
        held_on=today - dt.timedelta(days=30),
        title=f"ประชุม{marker}",
        venue=f"ห้องประชุม{marker}",
        chair=records.objects["person"],
    )
    put("meeting", meeting)
    put("agenda_item", agenda_item_add(by=owner, meeting=meeting, title=f"วาระ{marker}"))
    put("invitation", invitation_add(by=owner, meeting=meeting, person=records.objects["person"]))
    put(
        "attendance",
        attendance_record(by=owner, meeting=meeting, organisation=records.objects["organisation"]),
    )
    resolution = resolution_add(by=owner, meeting=meeting, text=f"มติ{marker}")
    put("resolution", resolution)
    put(
        "action_item",
        action_item_create(
            by=owner,
            resolution=resolution,
            title=f"งาน{marker}",
            due_on=today - dt.timedelta(days=3),
            owner_organisation=records.objects["organisation"],
        ),
    )
    letter = letter_create(
        by=owner,
        body=body,
        direction="out",
        subject=f"หนังสือ{marker}",
        dated_on=today,
        counterpart=records.objects["organisation"],
    )
    put("letter", letter)
    put(
        "attachment",
        attachment_add(
            by=owner,
            meeting=meeting,
            title=f"เอกสาร{marker}",
            file=SimpleUploadedFile("minutes.txt", f"รายงาน{marker}".encode()),
        ),
    )
    put(
        "letter_attachment",
        attachment_add(
            by=owner,
            letter=letter,
            title=f"สำเนา{marker}",
            file=SimpleUploadedFile("letter.txt", f"สำเนา{marker}".encode()),
        ),
    )
    put(
        "notification",
        Notification.objects.create(
            user=owner, key=f"test:{label}", message=f"แจ้ง{marker}", link=f"/meetings/{meeting.pk}/"
        ),
    )

    fund_name = f"กองทุนสวัสดิการชุมชน{marker}"
    fund = fund_create(by=owner, name=fund_name, area_code=subdistrict_code, fund_code=f"F-{label}")
    put("fund", fund)
    put(
        "fund_year",
        fund_year_save(
            by=owner, fund=fund, year_be=FIGURES_YEAR_BE, values={"members": 321, "savings": 45678}
        )[0],
    )
    district = subdistrict.parent
    province = district.parent
    source = source_import(
        by=province_owner,
        source_name=f"แหล่ง{province_marker}",
        area_code=province_code,
        table=table(
            THAI_HEADINGS,
            [
                [
                    "1",
                    fund_name,
                    subdistrict.name_th,
                    district.name_th,
                    province.name_th,
                    "330",
                    "ดำเนินการ",
                    f"F-{label}",
                ],
                [
                    "2",
                    f"กองทุนสวัสดิการ{marker}ใหม่",
                    subdistrict.name_th,
                    district.name_th,
                    province.name_th,
                    "12",
                    "ดำเนินการ",
                    "",
                ],
            ],
        ),
    ).source
    put("source", source)
    reconcile(by=province_owner, province_code=province_code)
    record = SourceRecord.objects.filter(source=source, fund=fund).first() or source.records.first()
    SourceRecord.objects.filter(source=source).update(needs_review=True, fund=fund)
    record.refresh_from_db()
    put("source_record", record)
    put(
        "settlement",
        settle(by=owner, fund=fund, field="members", value=330, from_record=record, reason=f"ตรวจ{marker}"),
    )
    audit_round = audit_round_create(
        by=province_owner,
        name=f"รอบ{province_marker}",
        province_code=province_code,
        starts_on=today - dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=60),
    )
    put("audit_round", audit_round)
    visit = audit_visit_plan(by=owner, audit_round=audit_round, fund=fund, planned_on=today)
    put("audit_visit", visit)
    put("finding", finding_add(by=owner, visit=visit, text=f"ข้อพบ{marker}"))

    people_file = csv_bytes([["ชื่อ", "นามสกุล", "รหัสพื้นที่"], ["สมหมาย", f"{marker}นำเข้า", subdistrict_code]])
    batch = import_batch_create(by=owner, entity="people", filename=f"{label}.csv", data=people_file)
    put("import_batch", batch)
    # The job that checks the batch's rows: seen only by the owner who started it.
    put("job", Job.objects.get(kind="import.preview", params__batch=batch.pk))
    report = f"รายงานการประชุม{marker} เมื่อวันที่ ๒๐ กรกฎาคม ๒๕๕๘ ณ ศาลากลางจังหวัด ผู้เข้าร่วม ๕๐ คน".encode()
    (document,), _job = documents_give(
        by=owner,
        area_code=district_code,
        files=[GivenFile(name=f"{label}.txt", data=report, size=len(report))],
    )
    put("source_document", document)
    source_file = csv_bytes(
        [
            THAI_HEADINGS,
            [
                "1",
                f"กองทุน{province_marker}",
                subdistrict.name_th,
                district.name_th,
                province.name_th,
                "5",
                "ดำเนินการ",
                "",
            ],
        ]
    )
    put(
        "source_upload",
        source_upload_create(
            by=province_owner,
            source_name=f"ไฟล์{province_marker}",
            area_code=province_code,
            filename=f"{label}-source.csv",
            data=source_file,
        ),
    )
    put("api_token", api_token_create(user=owner, name=f"token-{label}")[0])

    # Plans and agreements belong to the whole province: its people's agenda and the MOU its partners signed (S7).
    # The party and the person who signed are of the province too (a signatory is named in public).
    put(
        "province_organisation",
        organisation_create(
            by=province_owner,
            kind="agency",
            name_th=f"สำนักงานจังหวัด{province_marker}",
            area_code=province_code,
        ),
    )
    put(
        "province_person",
        person_create(
            by=province_owner, first_name="ศักดิ์ฤทธิ์", last_name=f"{province_marker}คำ", area_code=province_code
        ),
    )
    plan = plan_create(
        by=province_owner,
        title=f"วาระ{province_marker} ปี {PROGRESS_YEAR_BE}",
        area_code=province_code,
        year_be=PROGRESS_YEAR_BE,
        vision=f"วิสัยทัศน์{province_marker}",
    )
    put("plan", plan)
    put("main_work", main_work_add(by=province_owner, plan=plan, title=f"งานหลัก{province_marker}"))
    # Signed at a meeting of the district: a reader of the province who may not read that meeting is not led to it.
    agreement = agreement_create(
        by=province_owner,
        title=f"บันทึกความร่วมมือ{province_marker}",
        plan=plan,
        signed_on=today - dt.timedelta(days=10),
        venue=f"ห้องประชุม{province_marker}",
        meeting=meeting,
    )
    put("agreement", agreement)
    party = party_add(
        by=province_owner,
        agreement=agreement,
        organisation=records.objects["province_organisation"],
        commitment=f"พันธกิจ{province_marker}",
    )
    put("agreement_party", party)
    put(
        "signatory",
        signatory_add(
            by=province_owner,
            party=party,
            person=records.objects["province_person"],
            position=f"ผู้ว่าราชการ{province_marker}",
        ),
    )
    put(
        "agreement_document",
        document_add(
            by=province_owner,
            agreement=agreement,
            title=f"ฉบับลงนาม{province_marker}",
            file=SimpleUploadedFile("mou.txt", f"บันทึก{province_marker}".encode()),
        ),
    )
    project = project_create(
        by=province_owner,
        plan=plan,
        name=f"โครงการ{province_marker}",
        area_code=district_code,
        # The partners a province's plan names are the province's: its page shows them to all who read the plan.
        owner=records.objects["province_organisation"],
    )
    put("project", project)
    put(
        "budget_line",
        budget_line_add(
            by=province_owner,
            project=project,
            source="codi",
            amount=Decimal(150000),
            note=f"งบ{province_marker}",
        ),
    )
    indicator = indicator_create(
        by=province_owner, plan=plan, project=project, name=f"เป้าหมาย{province_marker}", target=Decimal(618)
    )
    put("indicator", indicator)
    put(
        "target_split",
        target_splits_set(by=province_owner, indicator=indicator, splits={district_code: Decimal(600)})[0],
    )
    # Progress of a province's plan is read by everyone who reads the plan: the district reports it for the province.
    put(
        "progress_entry",
        progress_submit(
            by=owner,
            indicator=indicator,
            area_code=district_code,
            period_start=PROGRESS_PERIOD,
            value=Decimal(5),
            note=f"ผลงาน{province_marker}",
        ),
    )
    # Charters and registrations are read in the whole province (plans/access.py): the province's owner writes
    # them, named with the province's marker; each has reached a stage with a document.
    charter = charter_create(by=province_owner, area_code=subdistrict_code, title=f"ธรรมนูญ{province_marker}")
    put("charter", charter)
    put(
        "stage_event",
        stage_record(
            by=province_owner,
            record=charter,
            stage="hearing",
            happened_on=today - dt.timedelta(days=10),
            note=f"เวที{province_marker}",
            document=SimpleUploadedFile("charter.txt", f"ร่าง{province_marker}".encode()),
            document_title=f"ร่าง{province_marker}",
        ),
    )
    network = organisation_create(
        by=province_owner, kind="network", name_th=f"เครือข่าย{province_marker}", area_code=province_code
    )
    registration = registration_create(
        by=province_owner, organisation=network, registration_number=f"ทะเบียน{province_marker}"
    )
    put("registration", registration)
    put(
        "registration_stage_event",
        stage_record(
            by=province_owner,
            record=registration,
            stage="submitted",
            happened_on=today - dt.timedelta(days=5),
            note=f"ยื่น{province_marker}",
            document=SimpleUploadedFile("bylaws.txt", f"ข้อบังคับ{province_marker}".encode()),
        ),
    )
    # A household in hardship and its members: seen in full only by the care roles of its area (care/access.py).
    household = household_register(
        by=owner,
        area_code=subdistrict_code,
        house_number="17/1",
        address=f"ซอย{marker}",
        phone="0897654321",
        purpose=f"ดูแล{marker}",
        legal_basis="public_task",
        consent_for_services=True,
        consent_for_sharing=True,
        consent_on=today,
        members=[
            {
                "title": "นาง",
                "first_name": "บัวผัน",
                "last_name": f"{marker}สุข",
                "relationship": "head",
                "birth_year_be": 2490,
                "sex": "female",
                "national_id": records.national_id,
                "chronic_illness": f"โรค{marker}",
            }
        ],
    )
    put("household", household)
    put(
        "member",
        member_add(
            by=owner,
            household=household,
            first_name="ต้น",
            last_name=f"{marker}สุข",
            relationship="grandchild",
            no_national_id_reason="stateless",
            legal_status="stateless",
        ),
    )
    # A case opened on the household with its first follow-up, and a referral to the district's organisation,
    # which the household consented to share.
    case = case_open(
        by=owner,
        household=household,
        member=records.objects["member"],
        kind="elderly_alone",
        summary=f"กรณี{marker}",
        opened_on=today,
        first_follow_up_on=today,
    )
    put("case", case)
    put("follow_up", case.follow_ups.get())
    put(
        "referral",
        referral_send(by=owner, case=case, agency=records.objects["organisation"], reason=f"ส่งต่อ{marker}"),
    )
    _care_records(records, owner, put, today)
    _social_fund_records(
        records, owner=owner, province_owner=province_owner, marker=marker, province_marker=province_marker
    )
    _quarterly_report(records, province_owner, put, province_marker)
    return records


def _quarterly_report(records, province_owner, put, province_marker) -> None:
    """The province's report to the governor with an issued edition whose content and files carry the marker."""
    from django.utils import timezone

    from sanphalang.reports.models import QuarterlyEdition
    from sanphalang.reports.services.quarterly import quarterly_report_create, quarterly_report_update

    report = quarterly_report_create(
        by=province_owner, province_code=records.province_code, year_kind="fiscal", year_be=2568, quarter=1
    )
    quarterly_report_update(by=province_owner, report=report, summary=f"สรุป{province_marker}")
    content = {
        "province": {"code": records.province_code, "name": province_marker},
        "quarter": 1,
        "year_be": 2568,
        "summary": f"สรุป{province_marker}",
    }
    marked = f"%PDF {province_marker}".encode()
    QuarterlyEdition.objects.create(
        report=report,
        number=1,
        content=content,
        pdf=marked,
        docx=marked,
        built_at=timezone.now(),
        built_by=province_owner,
        issued_at=timezone.now(),
    )
    put("quarterly_report", report)


def _care_records(records: AreaRecords, owner, put, today: dt.date) -> None:
    """Of the district's household and its stateless member: a watch-list entry, an incident that hit the household, the head's legal status case with a document, and the
    household's housing work: all named with the district's marker."""
    marker, subdistrict_code = records.marker, records.subdistrict_code
    household, member = records.objects["household"], records.objects["member"]
    put(
        "risk_area",
        risk_area_create(
            by=owner,
            area_code=subdistrict_code,
            hazard="flood",
            season_starts=1,
            season_ends=12,
            listed_on=today,
            note=f"เสี่ยง{marker}",
        ),
    )
    incident = incident_create(
        by=owner, area_code=subdistrict_code, hazard="flood", occurred_on=today, description=f"น้ำท่วม{marker}"
    )
    put("incident", incident)
    put(
        "affected_household",
        affected_household_add(
            by=owner, incident=incident, household_pk=household.pk, damage=f"เสียหาย{marker}"
        ),
    )
    case = status_case_open(
        by=owner, member=member, status_sought="thai_nationality", opened_on=today, note=f"สถานะ{marker}"
    )
    put("status_case", case)
    put(
        "status_document",
        status_document_add(
            by=owner,
            case=case,
            kind="other",
            file=SimpleUploadedFile("status.txt", f"เอกสาร{marker}".encode()),
            note=f"เอกสาร{marker}",
        ),
    )
    put(
        "housing_work",
        housing_work_create(by=owner, household=household, programme="rural_repair", work=f"ซ่อม{marker}"),
    )


def _social_fund_records(records: AreaRecords, *, owner, province_owner, marker, province_marker) -> None:
    """The province's social fund (read province-wide), with money in and a request for a case of the district,
    approved by one member. The household and its case are written as the households' services leave them."""
    put = records.objects.__setitem__
    members = [
        user_create(
            username=f"fund_{records.label}_{n}",
            password="fund-committee-member-42",
            role=Role.AREA_COORDINATOR,
            area_codes=[records.province_code],
        )
        for n in (1, 2)
    ]
    fund = social_fund_create(
        by=province_owner,
        area_code=records.province_code,
        name=f"กองทุนพัฒนาสังคม{province_marker}",
        committee=[province_owner, *members],
    )
    put("social_fund", fund)
    put(
        "ledger_entry",
        donation_record(
            by=province_owner, fund=fund, amount=Decimal(5000), donor_name=f"ผู้บริจาค{province_marker}"
        ),
    )
    request = fund_request_make(
        by=owner, fund=fund, case=records.objects["case"], amount=Decimal(1200), purpose=f"ค่ารักษา{marker}"
    )
    put("fund_request", fund_request_decide(by=members[0], request=request, approves=True))
