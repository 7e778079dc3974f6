"""The S1 cast of records, built through the services: the Chiang Rai citizens' council and its meeting 3/2558."""

import datetime as dt

from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.services import body_create, meeting_create


def council(cast):
    return body_create(by=cast.chiangrai_coordinator, name_th="สภาพลเมืองจังหวัดเชียงราย", area_code="57",
                       kind="council")


def msdhs(cast):
    return organisation_create(by=cast.chiangrai_coordinator, kind="agency", area_code="57",
                               name_th="สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย",
                               abbreviation="พมจ.เชียงราย")


def meeting_3_2558(cast, body=None):
    body = body or council(cast)
    chair = person_create(by=cast.chiangrai_coordinator, title="นาย", first_name="รัชกฤช", last_name="สถิรานนท์",
                          area_code="57", legal_basis="public_role")
    meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 3, 1))
    meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 5, 1))
    return meeting_create(by=cast.chiangrai_coordinator, body=body, held_on=dt.date(2015, 7, 20),
                          venue="ห้องพญาพิภักดิ์ ศาลากลางจังหวัดเชียงราย", chair=chair,
                          chair_title="รองผู้ว่าราชการจังหวัดเชียงราย", head_count=50)
