"""Every page of the demo, read in Thai by its provincial coordinators (and by the administrator where only they may
open it), shows no Christian-era year, no stored code and no English the system wrote; in English, pages open.

The routes come from Django's URL resolver, as the access tests read them (tests/access/routes.py), filled with the
demo's own records, so a new page is read here as soon as it exists.
"""

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.test import Client
from django.utils import translation

from sanphalang.accounts.models import ApiToken, User
from sanphalang.accounts.services import api_token_create
from sanphalang.areas.models import Region
from sanphalang.care import models as care
from sanphalang.care.services.status import status_document_add
from sanphalang.demo.loader import load_demo
from sanphalang.directory.models import IssueArea, Organisation, Person, Position
from sanphalang.directory.services import organisation_update, person_update
from sanphalang.imports.models import ImportBatch
from sanphalang.imports.services import import_batch_create
from sanphalang.ingest.models import SourceDocument
from sanphalang.jobs.models import Job
from sanphalang.meetings import models as meetings
from sanphalang.meetings.reminders import send_reminders
from sanphalang.meetings.services.attachments import attachment_add
from sanphalang.meetings.services.bodies import membership_add
from sanphalang.meetings.services.meetings import invitation_add
from sanphalang.plans import models as plans
from sanphalang.reports.models import BoundaryUpload, QuarterlyReport
from sanphalang.reports.services.boundaries import boundary_upload_create
from sanphalang.welfare import models as welfare
from sanphalang.welfare.services.reconcile import link_confirm
from sanphalang.welfare.services.sources import source_upload_create
from tests.access.routes import PARAMETER, WEB_PARAMETERS, Route, UnfilledParameter, _value, fill, web_routes
from tests.conftest import rolled_back
from tests.imports.files import csv_bytes
from tests.reports.test_boundaries import district_file
from tests.welfare.registry_data import THAI_HEADINGS

from .page_text import data_values, offenders, stored_codes

# Who reads the pages, in turn, until one may open the record: the demo's provincial coordinators of Chiang Rai,
# Chumphon (its care records) and Phayao (its plans and housing), then the administrator.
READERS = ("chiangrai", "chumphon", "phayao", "bangkok", "admin")
# Records the demo has of every kind the routes name, picked where the most shows: Chiang Rai's first, else any;
# a model alone stands for its first record.
PICKS = {
    "organisation": lambda: Organisation.objects.filter(area_id="57").order_by("pk").first(),
    "person": lambda: Person.objects.filter(area__pk__startswith="57").order_by("pk").first(),
    "position": lambda: Position.objects.filter(person__area__pk__startswith="57").order_by("pk").first(),
    "issue_area": IssueArea,
    "region": Region,
    "api_token": ApiToken,
    "import_batch": lambda: ImportBatch.objects.filter(entity="people").order_by("pk").first(),
    "job": Job,
    "body": lambda: meetings.Body.objects.filter(memberships__isnull=False).order_by("pk").first(),
    "meeting": lambda: (
        meetings.Meeting.objects.annotate(n=Count("agenda_items")).order_by("-n", "pk").first()
    ),
    "agenda_item": meetings.AgendaItem,
    "invitation": meetings.Invitation,
    "attendance": meetings.Attendance,
    "resolution": lambda: (
        meetings.Resolution.objects.filter(action_items__isnull=False).order_by("pk").first()
    ),
    "action_item": meetings.ActionItem,
    "membership": meetings.Membership,
    "letter": meetings.Letter,
    "attachment": meetings.Attachment,
    "fund": lambda: welfare.Fund.objects.filter(link_decisions__kind="confirmed").order_by("pk").first(),
    "fund_year": welfare.FundYear,
    "source_record": lambda: (
        welfare.SourceRecord.objects.filter(needs_review=True).order_by("pk").first()
        or welfare.SourceRecord.objects.order_by("pk").first()
    ),
    "source_upload": lambda: ImportBatch.objects.filter(entity="fund_source").order_by("pk").first(),
    "audit_round": welfare.AuditRound,
    "audit_visit": lambda: welfare.AuditVisit.objects.filter(findings__isnull=False).order_by("pk").first(),
    "finding": welfare.Finding,
    "plan": lambda: plans.Plan.objects.filter(area_id="56").order_by("pk").first(),
    "main_work": plans.MainWork,
    "agreement": plans.Agreement,
    "agreement_party": plans.AgreementParty,
    "signatory": plans.Signatory,
    "agreement_document": plans.AgreementDocument,
    "project": plans.Project,
    "budget_line": plans.BudgetLine,
    "indicator": lambda: plans.Indicator.objects.filter(entries__isnull=False).order_by("pk").first(),
    "progress_entry": plans.ProgressEntry,
    "charter": lambda: plans.Charter.objects.filter(events__isnull=False).order_by("pk").first(),
    "stage_event": lambda: (
        plans.StageEvent.objects.filter(charter__isnull=False).exclude(document="").order_by("pk").first()
    ),
    "registration": plans.Registration,
    "registration_stage_event": lambda: (
        plans.StageEvent.objects.filter(registration__isnull=False)
        .exclude(document="")
        .order_by("pk")
        .first()
    ),
    "household": lambda: care.Household.objects.filter(area__pk__startswith="86").order_by("pk").first(),
    "member": lambda: care.Member.objects.filter(household__area__pk__startswith="86").order_by("pk").first(),
    "case": lambda: care.Case.objects.filter(referrals__isnull=False).order_by("pk").first(),
    "referral": care.Referral,
    "follow_up": care.FollowUp,
    "social_fund": care.SocialFund,
    "ledger_entry": care.LedgerEntry,
    "fund_request": care.FundRequest,
    "risk_area": care.RiskArea,
    "incident": care.Incident,
    "affected_household": care.AffectedHousehold,
    "status_case": lambda: (
        care.LegalStatusCase.objects.filter(documents__isnull=False).order_by("pk").first()
    ),
    "status_document": care.LegalStatusDocument,
    "housing_work": care.HousingWork,
    "quarterly_report": QuarterlyReport,
    "boundary_upload": BoundaryUpload,
    "source_document": SourceDocument,
}
# Where the demo's records differ from the access tests' (a fund's year, the progress periods).
SWEEP_PARAMETERS = {
    "welfare:fund_year_edit": {"pk": "fund_year.fund_id", "year_be": "fund_year.year_be"},
    "welfare:fund_year_delete": {"pk": "fund_year.fund_id", "year_be": "fund_year.year_be"},
    "reports:boundary_upload": {"pk": "boundary_upload"},
    "reports:boundary_confirm": {"pk": "boundary_upload"},
}
# Downloads the demo has nothing for: each answers "not found" until there is.
NOTHING_TO_DOWNLOAD = {
    "plans:entry_evidence": "no progress entry of the demo has an evidence file",
    "reports:quarterly_draft_download": "the demo's report is issued, with no draft left",
}
# Pages the sweep does not read, and why.
NOT_READ = {
    "admin/": "Django's admin is the back office, in Django's own translation",
    "api/": "the API answers programs, and its documentation is its developers' (the OpenAPI document)",
}
# Pages read in English too, to see that switching the language breaks none of them.
ENGLISH_PAGES = (
    "home",
    "directory:organisation_detail",
    "meetings:meeting_detail",
    "welfare:fund_detail",
    "directory:person_history",
    "care:case_detail",
    "plans:plan_detail",
)


@dataclass
class DemoRecords:
    """The demo's records by kind, in the shape the access tests' routes are filled from."""

    objects: dict
    subdistrict_code: str
    owner: object = None


@dataclass
class Demo:
    records: DemoRecords
    sessions: dict
    data: object
    codes: set
    clients: dict = field(default_factory=dict)

    def client(self, username: str, *, language: str = "th") -> Client:
        client = self.clients.setdefault(username, Client())
        client.cookies.clear()
        client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[username]
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        return client


def _complete_the_demo(admin) -> None:
    """What the demo has none of, added through the services, and changes that give the history pages something
    of every kind to show: a choice, a yes or no, a link to another record, a date."""
    chiangrai = User.objects.get(username="chiangrai")
    api_token_create(user=chiangrai, name="ปฏิทินการประชุม")
    import_batch_create(
        by=chiangrai,
        entity="people",
        filename="people.csv",
        data=csv_bytes([["ชื่อ", "นามสกุล", "รหัสพื้นที่"], ["สมหมาย", "ใจดี", "570101"]]),
    )
    source_upload_create(
        by=chiangrai,
        source_name="ทะเบียนกองทุนอำเภอเมืองเชียงราย",
        area_code="57",
        filename="funds.csv",
        data=csv_bytes(
            [THAI_HEADINGS, ["1", "กองทุนบ้านดู่", "บ้านดู่", "เมืองเชียงราย", "เชียงราย", "120", "ดำเนินการ", ""]]
        ),
    )
    person = _pick(PICKS["person"])
    meeting = _pick(PICKS["meeting"])
    membership_add(by=admin, body=meeting.body, person=person, title="กรรมการ")
    invitation_add(by=admin, meeting=meeting, person=person, sent_on=meeting.held_on - dt.timedelta(days=7))
    attachment_add(
        by=admin,
        meeting=meeting,
        title="เอกสารประกอบ",
        file=SimpleUploadedFile("minutes.txt", "รายงาน".encode()),
    )
    status_case = care.LegalStatusCase.objects.order_by("pk").first()
    status_document_add(
        by=admin, case=status_case, kind="other", file=SimpleUploadedFile("status.txt", "เอกสาร".encode())
    )
    person_update(by=admin, person=person, legal_basis="consent", consent_on=dt.date(2025, 5, 14))
    organisation = _pick(PICKS["organisation"])
    parent = Organisation.objects.exclude(pk=organisation.pk).filter(area_id="57").order_by("pk").first()
    organisation_update(by=admin, organisation=organisation, kind="network", is_active=False, parent=parent)
    # An officer who reads English confirms a link: the Thai reader sees the decision in Thai.
    record = welfare.SourceRecord.objects.filter(fund__isnull=False).order_by("pk").first()
    with translation.override("en"):
        link_confirm(by=chiangrai, record=record)
    boundary_upload_create(by=admin, filename="districts.geojson", data=district_file())
    send_reminders(today=dt.date.today())


def _pick(pick):
    return pick.objects.order_by("pk").first() if isinstance(pick, type) else pick()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Demo:
    with rolled_back(django_db_blocker):
        load_demo()
        admin = User.objects.get(username="admin")
        _complete_the_demo(admin)
        objects = {kind: _pick(pick) for kind, pick in PICKS.items()}
        sessions = {}
        for username in READERS:
            client = Client()
            client.force_login(User.objects.get(username=username))
            sessions[username] = client.cookies[settings.SESSION_COOKIE_NAME].value
        records = DemoRecords(objects=objects, subdistrict_code="570101", owner=admin)
        yield Demo(records=records, sessions=sessions, data=data_values(), codes=stored_codes())


def _url(route: Route, records: DemoRecords) -> str:
    overrides = SWEEP_PARAMETERS.get(route.name)
    if overrides is None:
        return fill(route, records)
    specs = {**WEB_PARAMETERS.get(route.name, {}), **overrides}
    return "/" + PARAMETER.sub(lambda m: str(_value(specs[m["name"] or m["group"]], records)), route.route)


def _read(demo: Demo, url: str, *, language: str = "th"):
    """The page as the first reader who may open it sees it; None when nobody may (a page for a POST only)."""
    last = None
    for username in READERS:
        response = demo.client(username, language=language).get(url)
        if response.status_code not in (403, 404):
            return username, response
        last = (username, response)
    return last


def _routes() -> list[Route]:
    return [r for r in web_routes() if not any(r.route.startswith(prefix) for prefix in NOT_READ)]


def test_every_page_of_the_demo_reads_in_thai(demo, db):
    # given every page, filled with the demo's records
    problems: dict[str, list[str]] = {}
    read = 0
    unopened = []
    for route in _routes():
        missing = [kind for kind, record in demo.records.objects.items() if record is None]
        assert not missing, f"the demo has no record of {missing}: add one in _complete_the_demo"
        try:
            url = _url(route, demo.records)
        except UnfilledParameter as error:
            unopened.append(str(error))
            continue
        # when the first reader who may opens it in Thai
        try:
            username, response = _read(demo, url)
        except Exception as error:  # noqa: BLE001 - a page that fails is reported with the others
            problems[url] = [f"fails: {error!r}"]
            continue
        if response.status_code == 404 and route.name in NOTHING_TO_DOWNLOAD:
            continue
        if response.status_code in (403, 404):
            unopened.append(f"{url} ({response.status_code})")
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        # then it shows no Christian-era year, stored code or English of the system's
        found = offenders(response.content, data=demo.data, codes=demo.codes)
        if found:
            problems[f"{url} as {username}"] = sorted({str(o) for o in found})
    report = "\n".join(f"{page}:\n  " + "\n  ".join(found) for page, found in sorted(problems.items()))
    counts = {}
    for found in problems.values():
        for line in found:
            counts[line.split(" ", 1)[0]] = counts.get(line.split(" ", 1)[0], 0) + 1
    assert not problems, f"{len(problems)} of {read} pages ({counts}):\n{report}"
    assert not unopened, "no demo reader could open:\n" + "\n".join(unopened)
    assert read > 150, f"only {read} pages were read"


@pytest.mark.parametrize("name", ENGLISH_PAGES)
def test_pages_open_in_english(demo, db, name):
    # given a page of the demo
    route = next(r for r in _routes() if r.name == name or (name == "home" and r.route == ""))
    # when it is opened with English chosen
    _username, response = _read(demo, _url(route, demo.records), language="en")
    # then it opens, in English
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
