"""Every kind of record people edit, and how two of them change it at once: on its page, through the API and in
its service. A model that carries a version (sanphalang/versions.py: Versioned) and is missing here fails
test_every_versioned_record_is_in_the_table; an API operation that changes a record and is missing fails too."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    kind: str  # the key of the record in tests/access/records.py
    field: str  # a field both editors change: the form's, the API body's and the model's name
    first: object  # the first editor's value
    second: object  # the second editor's, sent on the version the first one changed
    web: str | None = None  # the URL name of its edit page (None: changed only by a one-button action)
    post_to: str | None = None  # where the page's form is sent, when not to the page itself
    form_key: str = "form"  # the form in the page's context
    api: str | None = None  # "METHOD /api/path" of its change operation
    editors: tuple[str, str] = ("maesai_coordinator", "chiangrai_coordinator")
    # Fields its change service stamps on every change (who submitted it and when): they differ between any two
    # changes, so a conflict shows them beside the field both editors changed.
    stamped: tuple[str, ...] = ()


TODAY = dt.date.today()  # the access tests' records are dated from today too

EDITS = [
    Edit(
        "region",
        "name_th",
        "ภาคเหนือตอนบนหนึ่ง",
        "ภาคเหนือตอนบนสอง",
        web="areas:region_edit",
        api="PATCH /api/regions/{region_id}",
        editors=("admin", "admin"),
    ),
    Edit(
        "issue_area",
        "name_th",
        "ประเด็นที่ดิน",
        "ประเด็นป่าไม้",
        web="directory:issue_area_update",
        api="PATCH /api/issue-areas/{issue_area_id}",
        editors=("chiangrai_coordinator", "admin"),
    ),
    Edit(
        "organisation",
        "name_th",
        "กลุ่มออมทรัพย์บ้านป่าซาง",
        "กลุ่มออมทรัพย์บ้านสันทราย",
        web="directory:organisation_update",
        api="PATCH /api/organisations/{organisation_id}",
    ),
    Edit(
        "person", "nickname", "แดง", "ดำ", web="directory:person_update", api="PATCH /api/people/{person_id}"
    ),
    Edit("position", "title", "เลขานุการ", "เหรัญญิก"),
    Edit(
        "body",
        "name_th",
        "สภาองค์กรชุมชนตำบลเวียงพางคำ",
        "สภาองค์กรชุมชนตำบลแม่สาย",
        web="meetings:body_update",
        api="PATCH /api/bodies/{body_id}",
    ),
    Edit("membership", "title", "รองประธาน", "เลขานุการ", web="meetings:membership_update"),
    Edit(
        "meeting",
        "title",
        "ประชุมสามัญ",
        "ประชุมวิสามัญ",
        web="meetings:meeting_update",
        api="PATCH /api/meetings/{meeting_id}",
    ),
    Edit(
        "agenda_item",
        "title",
        "เรื่องแจ้งเพื่อทราบ",
        "เรื่องเพื่อพิจารณา",
        web="meetings:agenda_item_update",
        api="PATCH /api/meetings/{meeting_id}/agenda-items/{item_id}",
    ),
    Edit("invitation", "response", "accepted", "declined", web="meetings:invitation_update"),
    Edit(
        "attendance",
        "role",
        "ผู้แทนกลุ่ม",
        "ผู้สังเกตการณ์",
        web="meetings:attendance_update",
        api="PATCH /api/meetings/{meeting_id}/attendance/{attendance_id}",
    ),
    Edit(
        "resolution",
        "text",
        "ที่ประชุมเห็นชอบ",
        "ที่ประชุมไม่เห็นชอบ",
        web="meetings:resolution_update",
        api="PATCH /api/meetings/{meeting_id}/resolutions/{resolution_id}",
    ),
    Edit(
        "action_item",
        "title",
        "ทำหนังสือถึงอำเภอ",
        "ทำหนังสือถึงจังหวัด",
        web="meetings:action_item_update",
        api="PATCH /api/action-items/{item_id}",
    ),
    Edit(
        "letter",
        "subject",
        "ขอเชิญประชุม",
        "ขอความอนุเคราะห์",
        web="meetings:letter_update",
        api="PATCH /api/letters/{letter_id}",
    ),
    Edit("fund", "contact_name", "นางบุญมี ใจดี", "นายสมชาย ใจงาม", web="welfare:fund_update"),
    Edit(
        "fund_year",
        "members",
        400,
        500,
        web="welfare:fund_year_edit",
        api="PUT /api/welfare/funds/{fund_id}/years/{year_be}",
    ),
    Edit(
        "audit_round",
        "name",
        "รอบตรวจติดตามครึ่งปีแรก",
        "รอบตรวจติดตามครึ่งปีหลัง",
        web="welfare:audit_round_edit",
        editors=("chiangrai_coordinator", "admin"),
    ),
    Edit(
        "audit_visit",
        "planned_on",
        TODAY + dt.timedelta(days=1),
        TODAY + dt.timedelta(days=2),
        web="welfare:audit_visit_detail",
        post_to="welfare:audit_visit_edit",
        form_key="edit_form",
    ),
    Edit("finding", "follow_up", "ติดตามอีกครั้งเดือนหน้า", "ปิดเรื่องแล้ว"),
    Edit(
        "project",
        "name",
        "โครงการบ้านพอเพียงชนบท ปี 2565",
        "โครงการบ้านมั่นคง ปี 2565",
        web="plans:project_update",
        api="PATCH /api/projects/{project_id}",
    ),
    Edit(
        "budget_line",
        "note",
        "งบ พอช.",
        "งบ อบจ.",
        web="plans:budget_line_update",
        api="PATCH /api/budget-lines/{line_id}",
    ),
    Edit(
        "indicator",
        "name",
        "ครัวเรือนที่ได้รับการซ่อมแซมบ้าน",
        "ครัวเรือนที่มีที่อยู่อาศัยมั่นคง",
        web="plans:indicator_update",
        api="PATCH /api/indicators/{indicator_id}",
        editors=("chiangrai_coordinator", "admin"),
    ),
    Edit("target_split", "target", 500, 550, editors=("chiangrai_coordinator", "admin")),
    *(
        Edit(kind, field, first, second, web=web, api=api, editors=("chiangrai_coordinator", "admin"))
        for kind, field, first, second, web, api in (
            (
                "plan",
                "title",
                "วาระคนเชียงราย ปี 2565",
                "วาระคนเชียงราย ปี 2566",
                "plans:plan_update",
                "PATCH /api/plans/{plan_id}",
            ),
            (
                "main_work",
                "title",
                "ความมั่นคงทางอาหาร",
                "ที่อยู่อาศัยมั่นคง",
                "plans:main_work_update",
                "PATCH /api/main-works/{main_work_id}",
            ),
            (
                "agreement",
                "title",
                "บันทึกความร่วมมือขับเคลื่อนวาระ",
                "บันทึกความเข้าใจขับเคลื่อนวาระ",
                "plans:agreement_update",
                "PATCH /api/agreements/{agreement_id}",
            ),
            (
                "agreement_party",
                "commitment",
                "สนับสนุนงบประมาณ",
                "สนับสนุนบุคลากร",
                "plans:party_update",
                "PATCH /api/agreement-parties/{party_id}",
            ),
            (
                "signatory",
                "position",
                "ผู้ว่าราชการจังหวัดเชียงราย",
                "รองผู้ว่าราชการจังหวัดเชียงราย",
                "plans:signatory_update",
                "PATCH /api/signatories/{signatory_id}",
            ),
        )
    ),
    Edit(
        "charter",
        "title",
        "ธรรมนูญตำบลแม่สาย ฉบับที่ 1",
        "ธรรมนูญตำบลแม่สาย ฉบับที่ 2",
        web="plans:charter_update",
        api="PATCH /api/plans/charters/{charter_id}",
    ),
    Edit(
        "registration",
        "registration_number",
        "สวช. 57/2567",
        "สวช. 57/2568",
        web="plans:registration_update",
        api="PATCH /api/plans/registrations/{registration_id}",
        editors=("chiangrai_coordinator", "admin"),
    ),
    Edit(
        "progress_entry",
        "note",
        "ซ่อมหลังคาแล้ว",
        "ซ่อมผนังแล้ว",
        api="PATCH /api/plans/entries/{entry_id}",
        stamped=("submitted_by", "submitted_at"),
    ),
    Edit(
        "risk_area",
        "note",
        "น้ำป่าไหลหลากทุกปี",
        "ดินสไลด์หลังฝนตกหนัก",
        web="care:risk_area_update",
        api="PATCH /api/care/risk-areas/{risk_area_id}",
    ),
    Edit(
        "incident",
        "description",
        "น้ำท่วมสูงหนึ่งเมตร",
        "น้ำท่วมสูงสองเมตร",
        web="care:incident_update",
        api="PATCH /api/care/incidents/{incident_id}",
    ),
    Edit(
        "status_case",
        "note",
        "รอพยานบุคคล",
        "รอผลตรวจดีเอ็นเอ",
        web="care:status_case_update",
        api="PATCH /api/care/status-cases/{status_case_id}",
    ),
    Edit(
        "housing_work",
        "work",
        "เปลี่ยนหลังคา",
        "ซ่อมผนังและพื้น",
        web="care:housing_update",
        api="PATCH /api/care/housing/{housing_id}",
    ),
    Edit(
        "household",
        "house_number",
        "17/2",
        "17/3",
        web="care:household_edit",
        api="PATCH /api/care/households/{household_id}",
    ),
    Edit(
        "member",
        "phone",
        "0811111111",
        "0822222222",
        web="care:member_edit",
        api="PATCH /api/care/members/{member_id}",
    ),
]
EDITS += [
    Edit("case", "summary", "ต้องการผู้ดูแล", "ต้องการรถเข็น", api="PATCH /api/care/cases/{case_id}"),
    Edit("referral", "answer", "รับเรื่องแล้ว", "ส่งต่อโรงพยาบาล"),
    # The social fund (S5): its committee's province writes it; a request changes only by one-button actions.
    Edit(
        "social_fund",
        "name",
        "กองทุนพัฒนาสังคมจังหวัด ปี 2568",
        "กองทุนพัฒนาสังคมจังหวัด ปี 2569",
        web="care:fund_update",
        api="PATCH /api/care/funds/{social_fund_id}",
        editors=("chiangrai_coordinator", "admin"),
    ),
    Edit("fund_request", "purpose", "ค่ารักษาพยาบาล", "ค่าเดินทางไปโรงพยาบาล"),
]
# The quarterly report to the governor (S2): its province's coordinators write the narrative.
EDITS += [
    Edit(
        "quarterly_report",
        "summary",
        "ไตรมาสนี้เครือข่ายจัดเวทีสามครั้ง",
        "ไตรมาสนี้เครือข่ายจัดเวทีสี่ครั้ง",
        web="reports:quarterly_edit",
        api="PATCH /api/reports/quarterly/{report_id}",
        editors=("chiangrai_coordinator", "admin"),
    ),
]

BY_KIND = {edit.kind: edit for edit in EDITS}
WEB_EDITS = [edit for edit in EDITS if edit.web]
API_EDITS = [edit for edit in EDITS if edit.api]
