"""The pages whose forms pick an organisation or a person: with pickers instead of long selects, neither their
queries nor their size grow with the organisations and people of the user's areas."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sanphalang.directory.models import Organisation, OrganisationKind, Person
from sanphalang.directory.services import organisation_create, person_create
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.bodies import membership_add
from sanphalang.meetings.services.letters import letter_create
from sanphalang.meetings.services.meetings import resolution_add
from sanphalang.welfare.services.audits import audit_round_create, audit_visit_plan
from sanphalang.welfare.services.registry import fund_create
from tests.meetings.factories import council, meeting_3_2558, msdhs

FEW, MANY = 3, 40
MARK = "แถวทดลอง"  # in the name of every extra organisation and person


@pytest.fixture
def scene(cast):
    """A council with a member, its meeting with a resolution and an action item, a letter, an organisation with
    a parent, a fund with its network and a planned audit visit: every form with a picker has something chosen."""
    by = cast.chiangrai_coordinator
    office = msdhs(cast)
    network = organisation_create(
        by=by, kind=OrganisationKind.NETWORK, area_code="57", name_th="เครือข่ายบ้านมั่นคง"
    )
    centre = organisation_create(
        by=by, kind="other", area_code="57", name_th="ศูนย์ประสานงาน", parent=office.pk, partners=[network.pk]
    )
    person = person_create(by=by, first_name="สมศรี", last_name="ใจดี", area_code="5701")
    body = council(cast)
    membership_add(by=by, body=body, person=person)
    meeting = meeting_3_2558(cast, body=body)
    resolution = resolution_add(by=by, meeting=meeting, text="ให้รายงานผลทุกสามเดือน")
    item = action_item_create(
        by=by,
        resolution=resolution,
        title="รายงานผล",
        due_on=dt.date(2015, 10, 20),
        owner_organisation=office,
        owner_person=person,
    )
    letter = letter_create(
        by=by,
        body=body,
        direction="out",
        dated_on=dt.date(2015, 8, 1),
        subject="เชิญประชุม",
        counterpart=office,
    )
    fund = fund_create(by=by, name="กองทุนสวัสดิการชุมชนตำบลเวียง", area_code="570101", networks=[network.pk])
    audit_round = audit_round_create(
        by=by,
        name="ติดตาม 2562",
        province_code="57",
        starts_on=dt.date(2019, 5, 20),
        ends_on=dt.date(2019, 6, 15),
    )
    visit = audit_visit_plan(by=by, audit_round=audit_round, fund=fund, planned_on=dt.date(2019, 5, 28))
    visit.team.set([person])
    return {
        "office": office,
        "organisation": centre,
        "person": person,
        "body": body,
        "meeting": meeting,
        "item": item,
        "letter": letter,
        "fund": fund,
        "visit": visit,
    }


# Each page as its URL name, the record it shows (if any) and the filter it is asked with (if any).
PAGES = [
    ("directory:organisation_create", None, {}),
    ("directory:organisation_update", "organisation", {}),
    ("directory:person_list", None, {"q": "person", "organisation": "office"}),
    ("directory:person_detail", "person", {}),
    ("meetings:body_create", None, {}),
    ("meetings:body_detail", "body", {}),
    ("meetings:meeting_create", None, {}),
    ("meetings:meeting_update", "meeting", {}),
    ("meetings:meeting_detail", "meeting", {}),
    ("meetings:action_item_list", None, {"owner": "office"}),
    ("meetings:action_item_update", "item", {}),
    ("meetings:letter_create", None, {}),
    ("meetings:letter_update", "letter", {}),
    ("welfare:fund_create", None, {}),
    ("welfare:fund_update", "fund", {}),
    ("welfare:audit_visit_detail", "visit", {}),
]


def add_rows(start: int, count: int) -> None:
    """Organisations of each kind and people, in the coordinator's province, none of them chosen anywhere."""
    kinds = [OrganisationKind.NETWORK, OrganisationKind.WELFARE_FUND, OrganisationKind.AGENCY]
    Organisation.objects.bulk_create(
        [
            Organisation(
                kind=kinds[n % len(kinds)], name_th=f"{MARK}องค์กร{n}", area_id="57", sort_key=f"{n:04}"
            )
            for n in range(start, start + count)
        ]
    )
    Person.objects.bulk_create(
        [
            Person(first_name=f"{MARK}บุคคล{n}", area_id="5701", sort_key=f"{n:04}")
            for n in range(start, start + count)
        ]
    )


@pytest.mark.parametrize(("name", "record", "query"), PAGES)
def test_the_page_reads_the_same_queries_with_few_or_many_organisations_and_people(
    cast, client_for, scene, name, record, query
):
    client = client_for(cast.chiangrai_coordinator)
    url = reverse(name, args=[scene[record].pk] if record else [])
    data = {key: str(scene[value].pk) if key != "q" else str(scene[value]) for key, value in query.items()}

    def measure() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, data)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    measure()  # a first request fills what the site keeps for a while (the user's areas, the menus)
    # given a few organisations and people, then many
    add_rows(0, FEW)
    few_queries, few_html = measure()
    add_rows(FEW, MANY)
    many_queries, many_html = measure()

    # then the page reads as many queries, and lists none of them: the pickers fetch them as the user types
    assert many_queries == few_queries
    assert MARK not in few_html and MARK not in many_html
    assert "<autocomplete-select" in many_html
