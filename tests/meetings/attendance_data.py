"""The 50 participants of S1 (meeting 3/2558 of the Chiang Rai citizens' council, 20 July 2558 BE) as a sign-in
sheet names them: agencies of the province and the networks, and the council with its working groups."""

import datetime as dt

from sanphalang.directory.services import organisation_create
from sanphalang.meetings.services.bodies import body_create, membership_add

from .factories import council, meeting_3_2558, msdhs

# Agencies the directory holds before the meeting (tests/meetings/views/test_documents.py, the demo).
KNOWN_AGENCIES = [
    "สำนักงานจัดการทรัพยากรป่าไม้ที่ 2 (เชียงราย)",
    "สำนักงานกองทุนฟื้นฟูและพัฒนาเกษตรกรจังหวัดเชียงราย",
    "สำนักงานแรงงานจังหวัดเชียงราย",
    "สำนักงานธนารักษ์พื้นที่จังหวัดเชียงราย",
    "สำนักงานจังหวัดเชียงราย",
    "องค์การบริหารส่วนจังหวัดเชียงราย",
    "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเชียงราย",
    "ศูนย์คุ้มครองผู้บริโภคจังหวัดเชียงราย",
    "สภาองค์กรชุมชนตำบลเวียง",
]
# Those the sheet names that the directory does not hold yet.
NEW_AGENCIES = [
    "สำนักงานเกษตรจังหวัดเชียงราย",
    "สำนักงานสาธารณสุขจังหวัดเชียงราย",
    "สำนักงานศึกษาธิการจังหวัดเชียงราย",
    "สำนักงานพระพุทธศาสนาจังหวัดเชียงราย",
    "สำนักงานวัฒนธรรมจังหวัดเชียงราย",
    "สำนักงานการท่องเที่ยวและกีฬาจังหวัดเชียงราย",
    "สำนักงานพาณิชย์จังหวัดเชียงราย",
    "สำนักงานอุตสาหกรรมจังหวัดเชียงราย",
    "สำนักงานสหกรณ์จังหวัดเชียงราย",
    "สำนักงานปศุสัตว์จังหวัดเชียงราย",
    "สำนักงานประมงจังหวัดเชียงราย",
    "สำนักงานพลังงานจังหวัดเชียงราย",
    "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดเชียงราย",
    "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงราย",
    "สำนักงานพัฒนาชุมชนจังหวัดเชียงราย",
    "สำนักงานที่ดินจังหวัดเชียงราย",
    "สำนักงานโยธาธิการและผังเมืองจังหวัดเชียงราย",
    "สำนักงานสถิติจังหวัดเชียงราย",
    "สำนักงานประชาสัมพันธ์จังหวัดเชียงราย",
    "สำนักงานจัดหางานจังหวัดเชียงราย",
    "สำนักงานสวัสดิการและคุ้มครองแรงงานจังหวัดเชียงราย",
    "สำนักงานประกันสังคมจังหวัดเชียงราย",
    "สำนักงานพัฒนาฝีมือแรงงานเชียงราย",
    "สำนักงานการปฏิรูปที่ดินจังหวัดเชียงราย",
    "สำนักงานตรวจบัญชีสหกรณ์เชียงราย",
    "สำนักงานคลังจังหวัดเชียงราย",
    "สำนักงานสรรพากรพื้นที่เชียงราย",
    "สำนักงานยุติธรรมจังหวัดเชียงราย",
    "สำนักงานคุมประพฤติจังหวัดเชียงราย",
    "สำนักงานบังคับคดีจังหวัดเชียงราย",
    "โครงการชลประทานเชียงราย",
    "สำนักงานทางหลวงชนบทจังหวัดเชียงราย",
    "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงราย เขต 1",
    "มหาวิทยาลัยแม่ฟ้าหลวง",
    "มหาวิทยาลัยราชภัฏเชียงราย",
    "ศูนย์พัฒนาราษฎรบนพื้นที่สูงจังหวัดเชียงราย",
    "เครือข่ายสวัสดิการชุมชนจังหวัดเชียงราย",
    "มูลนิธิพัฒนาชุมชนเชียงราย",
    "เครือข่ายองค์กรชุมชนคนไร้สัญชาติเชียงราย",
    "สำนักงานพัฒนาองค์กรชุมชน สาขาภาคเหนือ",
]
MSDHS = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย"
SHEET = [MSDHS, *KNOWN_AGENCIES, *NEW_AGENCIES]
assert len(SHEET) == len(set(SHEET)) == 50


def s1_with_directory(cast):
    """Meeting 3/2558 of the council, with the agencies the directory holds and none of the attendance."""
    by = cast.chiangrai_coordinator
    meeting = meeting_3_2558(cast)
    msdhs(cast)
    for name in KNOWN_AGENCIES:
        kind = (
            "local_government"
            if name.startswith("องค์การ")
            else "council"
            if name.startswith("สภา")
            else "agency"
        )
        organisation_create(by=by, kind=kind, name_th=name, area_code="57")
    return meeting


def s1_with_members(cast):
    """Meeting 3/2558 with a council of three member organisations and a working group of two more."""
    by = cast.chiangrai_coordinator
    body = council(cast)
    meeting = meeting_3_2558(cast, body=body)
    group = body_create(
        by=by,
        name_th="คณะทำงานประเด็นการเข้าถึงสิทธิและสวัสดิการสังคม",
        area_code="57",
        kind="working_group",
        parent=body,
    )
    members = [
        organisation_create(by=by, kind="agency", name_th=name, area_code="57") for name in KNOWN_AGENCIES[:5]
    ]
    for organisation in members[:3]:
        membership_add(by=by, body=body, organisation=organisation, role="committee_member")
    for organisation in members[3:]:
        membership_add(by=by, body=group, organisation=organisation, started_on=dt.date(2015, 1, 1))
    # A member whose membership ended before the meeting is not on its roster.
    former = organisation_create(by=by, kind="agency", name_th=KNOWN_AGENCIES[5], area_code="57")
    membership_add(by=by, body=body, organisation=former, ended_on=dt.date(2015, 6, 30))
    return meeting, members, former
