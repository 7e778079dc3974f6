"""How a person is shown on another record (docs/architecture.md, "How a person is shown"): every record kind that
names people, read by the coordinator of Mueang Chiang Rai (5701), who sees the province's records but may not
open the record of a person registered at the province (57). On the page, in the API, in exports and in the
printed documents, the person is named only in a public role, and never linked; otherwise "a member outside your
area". A new record kind that names people is added to RECORD_KINDS."""

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field

import docx
import pytest
from django.urls import reverse
from django.utils import translation
from pdfminer.high_level import extract_text

from sanphalang.directory.models import PositionRole
from sanphalang.directory.selectors import OUTSIDE_AREA_NAME, people_shown_to, person_shown_to
from sanphalang.directory.services import position_create
from sanphalang.meetings.services.action_items import action_item_create
from sanphalang.meetings.services.bodies import membership_add
from sanphalang.meetings.services.meetings import (
    attendance_record,
    invitation_add,
    meeting_create,
    resolution_add,
)
from sanphalang.welfare.models import Fund
from sanphalang.welfare.services.audits import audit_round_create, audit_visit_plan
from tests.meetings.factories import council, msdhs, person

NAME = "มานพ ทองมา"


def _outside_labels() -> list[str]:
    """The words for a hidden person, in either language a page may be in."""
    labels = []
    for language in ("th", "en"):
        with translation.override(language):
            labels.append(str(OUTSIDE_AREA_NAME))
    return labels


@dataclass
class World:
    """A province-level person, the province's records that name them, and the district coordinator who reads."""

    cast: object
    person: object
    records: dict = field(default_factory=dict)

    @property
    def by(self):
        return self.cast.chiangrai_coordinator

    def meeting(self, **fields):
        if "meeting" not in self.records:
            self.records["meeting"] = meeting_create(
                by=self.by, body=council(self.cast), held_on=dt.date(2015, 7, 20), **fields
            )
        return self.records["meeting"]


def _organisation(world, role):
    organisation = msdhs(world.cast)
    position_create(by=world.by, person=world.person, organisation=organisation, role=role)
    return organisation


def _body(world, role):
    body = council(world.cast)
    membership_add(by=world.by, body=body, person=world.person, role=role)
    return body


def _action_item(world):
    meeting = world.meeting()
    resolution = resolution_add(by=world.by, meeting=meeting, text="รายงานผู้ว่าราชการจังหวัดทุก 3 เดือน")
    return action_item_create(
        by=world.by,
        resolution=resolution,
        title="รายงานความก้าวหน้า",
        due_on=dt.date(2015, 10, 20),
        owner_person=world.person,
    )


def _audit_visit(world):
    audit_round = audit_round_create(
        by=world.by,
        name="ติดตามกองทุน 2562",
        province_code="57",
        starts_on=dt.date(2019, 5, 20),
        ends_on=dt.date(2019, 6, 15),
    )
    fund = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570101", members=420)
    return audit_visit_plan(by=world.by, audit_round=audit_round, fund=fund, team=[world.person])


@dataclass(frozen=True)
class RecordKind:
    """A record that names a person: how to make it, whether the role it gives is public, and where it is read:
    pages, the API (path and the (id, name) pairs it gives), exports and documents (URL names with the record)."""

    key: str
    public: bool
    build: Callable
    pages: tuple[str, ...]
    api: tuple[str, Callable] | None = None
    exports: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


def _positions(data):
    return [(p["person_id"], p["person_name"]) for p in data["positions"]]


def _members(data):
    return [(m["person_id"], m["person_name"]) for m in data["members"]]


def _attendances(data):
    return [(a["person_id"], a["person_name"]) for a in data["attendances"]]


def _chair(data):
    return [(data["chair_id"], data["chair_name"])]


def _owner(data):
    return [(data["owner_person_id"], data["owner_person_name"])]


def _signatory(world):
    from sanphalang.plans.services.agreements import agreement_create, party_add, signatory_add
    from sanphalang.plans.services.plans import plan_create

    plan = plan_create(by=world.by, title="วาระคนเชียงราย ปี 2565", area_code="57", year_be=2565)
    agreement = agreement_create(by=world.by, title="บันทึกความร่วมมือ", plan=plan)
    party = party_add(by=world.by, agreement=agreement, organisation=msdhs(world.cast))
    signatory_add(by=world.by, party=party, person=world.person, position="ผู้ว่าราชการจังหวัด")
    return agreement


def _signatories(data):
    return [(s["person_id"], s["person_name"]) for party in data["parties"] for s in party["signatories"]]


def _team(data):
    return [(m["id"], m["name"]) for visit in data["visits"] for m in visit["team"]]


MINUTES = ("meetings:minutes_docx", "meetings:minutes_pdf")

RECORD_KINDS = [
    RecordKind(
        "organisation_member",
        public=False,
        build=lambda w: _organisation(w, PositionRole.MEMBER),
        pages=("directory:organisation_detail",),
        api=("/api/organisations/{pk}", _positions),
    ),
    RecordKind(
        "organisation_head",
        public=True,
        build=lambda w: _organisation(w, PositionRole.HEAD),
        pages=("directory:organisation_detail",),
        api=("/api/organisations/{pk}", _positions),
    ),
    RecordKind(
        "body_member",
        public=False,
        build=lambda w: _body(w, "member"),
        pages=("meetings:body_detail",),
        api=("/api/bodies/{pk}", _members),
    ),
    RecordKind(
        "body_secretary",
        public=True,
        build=lambda w: _body(w, "secretary"),
        pages=("meetings:body_detail",),
        api=("/api/bodies/{pk}", _members),
    ),
    RecordKind(
        "meeting_chair",
        public=True,
        build=lambda w: w.meeting(chair=w.person, chair_title="รองผู้ว่าราชการจังหวัดเชียงราย"),
        pages=("meetings:meeting_detail", "meetings:meeting_list"),
        api=("/api/meetings/{pk}", _chair),
        exports=("meetings:meeting_list",),
        documents=(*MINUTES, "meetings:agenda_docx"),
    ),
    RecordKind(
        "meeting_attendance",
        public=False,
        build=lambda w: attendance_record(by=w.by, meeting=w.meeting(), person=w.person, role="ผู้แทน").meeting,
        pages=("meetings:meeting_detail",),
        api=("/api/meetings/{pk}", _attendances),
        documents=MINUTES,
    ),
    RecordKind(
        "meeting_invitation",
        public=False,
        build=lambda w: invitation_add(by=w.by, meeting=w.meeting(), person=w.person).meeting,
        pages=("meetings:meeting_detail",),
    ),
    RecordKind(
        "action_item_owner",
        public=False,
        build=_action_item,
        pages=("meetings:action_item_detail", "meetings:action_item_list", "web:home"),
        api=("/api/action-items/{pk}", _owner),
        exports=("meetings:action_item_list",),
    ),
    RecordKind(
        "action_item_owner_in_minutes",
        public=False,
        build=lambda w: _action_item(w).meeting,
        pages=(),
        documents=MINUTES,
    ),
    RecordKind(
        "audit_visit_team",
        public=False,
        build=_audit_visit,
        pages=("welfare:audit_visit_detail",),  # with its edit form
        api=None,
    ),
    RecordKind(
        "audit_round_team",
        public=False,
        build=lambda w: _audit_visit(w).round,
        pages=("welfare:audit_round_detail",),
        api=("/api/welfare/audit-rounds/{pk}", _team),
    ),
    RecordKind(
        "agreement_signatory",
        public=True,
        build=_signatory,
        pages=("plans:agreement_detail",),
        api=("/api/agreements/{pk}", _signatories),
    ),
]
LIST_PAGES = {"meetings:meeting_list", "meetings:action_item_list", "web:home"}


@pytest.fixture
def world(cast):
    return World(cast=cast, person=person(cast, first_name="มานพ", last_name="ทองมา", area_code="57"))


@pytest.fixture
def reader(cast):
    return cast.mueang_coordinator


def _url(name: str, record) -> str:
    return reverse(name) if name in LIST_PAGES else reverse(name, args=[record.pk])


def _text_of(name: str, content: bytes) -> str:
    if name.endswith("_docx"):
        document = docx.Document(io.BytesIO(content))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if name.endswith("_pdf"):
        return extract_text(io.BytesIO(content))
    return content.decode("utf-8")


def _compact(text: str) -> str:
    """Without white space: a PDF's text comes back broken at Thai tone marks."""
    return "".join(text.split())


def _assert_named_per_rule(text: str, kind: RecordKind, world: World, where: str) -> None:
    text = _compact(text)
    person_url = reverse("directory:person_detail", args=[world.person.pk])
    assert person_url not in text, f"{kind.key}: {where} links the person's page"
    if kind.public:
        assert _compact(NAME) in text, f"{kind.key}: {where} does not name the chair, secretary or head"
    else:
        assert "มานพ" not in text, f"{kind.key}: {where} names a person outside the reader's area"
        labels = [_compact(label) for label in _outside_labels()]
        assert any(label in text for label in labels), f"{kind.key}: {where} says nothing of them"


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=[kind.key for kind in RECORD_KINDS])
def test_a_person_outside_the_readers_area_is_named_only_in_a_public_role(
    world, reader, client_for, api_for, kind
):
    # given a record of the province that names a person registered at the province
    record = kind.build(world)
    client = client_for(reader)
    # when the coordinator of another district reads it on its pages, exports and documents
    for name in kind.pages:
        response = client.get(_url(name, record))
        assert response.status_code == 200, f"{kind.key}: {name} is not readable"
        # then the person is named per the rule
        _assert_named_per_rule(response.content.decode(), kind, world, name)
    for name in kind.exports:
        response = client.get(_url(name, record), {"export": "csv"})
        _assert_named_per_rule(response.content.decode("utf-8-sig"), kind, world, f"{name} export")
    for name in kind.documents:
        response = client.get(_url(name, record))
        _assert_named_per_rule(_text_of(name, response.content), kind, world, name)
    # and in the API, with no id that leads to the person's record
    if kind.api:
        path, named = kind.api
        response = api_for(reader).get(path.format(pk=record.pk))
        assert response.status_code == 200
        entries = named(response.json())
        expected = NAME if kind.public else str(OUTSIDE_AREA_NAME)
        assert entries == [(None, expected)], f"{kind.key}: the API gave {entries}"


def test_every_record_kind_that_names_a_person_is_in_the_table():
    # then each foreign key or link to a person, outside the directory's own, is read by a row above
    from django.apps import apps

    from sanphalang.directory.models import Person

    named_by = sorted(
        f"{model._meta.label}.{f.name}"
        for model in apps.get_models()
        if not model._meta.label.startswith(("directory.", "simple_history"))
        and "Historical" not in model.__name__
        for f in model._meta.get_fields()
        if f.is_relation and f.related_model is Person and (f.many_to_one or f.many_to_many) and f.concrete
    )
    assert named_by == [
        "meetings.ActionItem.owner_person",
        "meetings.Attendance.person",
        "meetings.Invitation.person",
        "meetings.Meeting.chair",
        "meetings.Membership.person",
        "plans.Signatory.person",
        "welfare.AuditVisit.team",
    ], "a new record names people: add it to RECORD_KINDS and to docs/architecture.md"


def test_the_calendar_feed_names_a_chair_and_links_no_one(world, reader, client_for):
    # given a meeting chaired by a person of the province
    meeting = world.meeting(chair=world.person)
    # when the coordinator of another district subscribes to the body's calendar
    response = client_for(reader).get(reverse("meetings:body_calendar", args=[meeting.body.pk]))
    # then the chair is named (a public role)
    assert NAME in response.content.decode("utf-8")


def test_a_reader_who_may_open_the_person_sees_the_name_linked(world, cast, client_for, api_for):
    # given an action item owned by a person of the province
    item = _action_item(world)
    # when the provincial coordinator reads it
    page = client_for(cast.chiangrai_coordinator).get(reverse("meetings:action_item_detail", args=[item.pk]))
    data = api_for(cast.chiangrai_coordinator).get(f"/api/action-items/{item.pk}").json()
    # then the name links to the person's page, and the API gives the id
    assert (
        f'<a href="{reverse("directory:person_detail", args=[world.person.pk])}">{NAME}</a>'
        in page.content.decode()
    )
    assert _owner(data) == [(world.person.pk, NAME)]


@pytest.mark.parametrize(
    ("role", "public"),
    [
        *((role, True) for role in ("chair", "vice_chair", "secretary", "treasurer", "committee_member")),
        *((role, True) for role in ("head", "deputy_head")),
        *(
            (role, False)
            for role in ("member", "officer", "coordinator", "adviser", "representative", "other")
        ),
        ("", False),
        ("ประธาน", False),  # free text (an attendance line's role) is never a public role
    ],
)
def test_only_the_public_roles_name_a_person_outside_the_readers_area(world, reader, role, public):
    # when the rule decides for a role
    shown = person_shown_to(user=reader, person=world.person, role=role)
    # then the name goes only with a public role, never a link, id or anything else of the person
    assert (shown.name == NAME) is public
    assert shown.hidden is not public
    assert shown.url == "" and shown.person_id is None


def test_it_decides_for_many_people_without_a_query(world, reader, django_assert_num_queries):
    # given people already read
    people = [world.person, person(world.cast, first_name="สมศรี", last_name="ใจดี", area_code="570101")]
    # when the rule decides for them all
    with django_assert_num_queries(0):
        shown = people_shown_to(user=reader, people=people)
    # then the one of the reader's district is linked and the one of the province is not named
    assert [s.hidden for s in shown] == [True, False]
    assert shown[1].url == reverse("directory:person_detail", args=[people[1].pk])
