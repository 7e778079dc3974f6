"""The audit pages (S11) against the cast: rounds, planning, the checklist, findings and their settle step."""

import datetime as dt

import pytest
from django.urls import reverse

from sanphalang.directory.models import Person
from sanphalang.welfare.audits import DEFAULT_CHECKLIST, audit_round_create, audit_visit_plan, finding_add
from sanphalang.welfare.models import AuditRound, AuditVisit, Finding, Fund, Settlement

D = dt.date
TAMBONS = ["570101", "570102", "570103"]


def _funds(count: int) -> list[Fund]:
    return [Fund.objects.create(name_th=f"กองทุนสวัสดิการชุมชนที่ {n}", area_id=TAMBONS[n % len(TAMBONS)], members=100 + n)
            for n in range(count)]


@pytest.fixture
def audit_round(cast):
    return audit_round_create(by=cast.chiangrai_coordinator, name="ติดตามสอบทานกองทุน 2562", province_code="57",
                              starts_on=D(2019, 5, 20), ends_on=D(2019, 6, 15))


@pytest.fixture
def visit(cast, audit_round):
    fund = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570101", members=420)
    return audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund,
                            planned_on=D(2019, 5, 28))


@pytest.fixture
def finding(cast, visit):
    return finding_add(by=cast.chiangrai_coordinator, visit=visit, text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน",
                       proposed_field="members", proposed_value="388")


def test_a_coordinator_runs_a_round_from_planning_to_a_settled_correction(cast, client_for):
    # given a coordinator of Chiang Rai, two funds and a colleague for the team
    client = client_for(cast.chiangrai_coordinator)
    first, second = _funds(2)
    colleague = Person.objects.create(first_name="สมศรี", last_name="ใจดี", area_id="570101")

    # when they open the new-round form, it offers the network's checklist
    form = client.get(reverse("welfare:audit_round_create")).context["form"]
    assert form["checklist"].value() == "\n".join(DEFAULT_CHECKLIST)

    # and create the round with BE dates and the default checklist
    response = client.post(reverse("welfare:audit_round_create"), {
        "name": "ติดตามสอบทานกองทุน 2562", "province": "57", "starts_on": "20/5/2562", "ends_on": "15 มิ.ย. 2562",
        "checklist": "\n".join(DEFAULT_CHECKLIST)})
    audit_round = AuditRound.objects.get()
    assert response.status_code == 302
    assert (audit_round.starts_on, audit_round.ends_on) == (D(2019, 5, 20), D(2019, 6, 15))
    assert audit_round.checklist == DEFAULT_CHECKLIST

    # and plan visits to both funds with a team
    response = client.post(reverse("welfare:audit_round_plan", args=[audit_round.pk]), {
        "funds": [first.pk, second.pk], "planned_on": "28/5/2562", "team": [colleague.pk]})
    assert response.status_code == 302
    visit = AuditVisit.objects.get(fund=first)
    assert AuditVisit.objects.filter(round=audit_round).count() == 2
    assert list(visit.team.all()) == [colleague]

    # and record the answers of one visit
    response = client.post(reverse("welfare:audit_visit_record", args=[visit.pk]), {
        "visited_on": "28/5/2562", "q0": "yes", "q2": "no", "q3": "partly"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.visited_on == D(2019, 5, 28)
    assert visit.answers == {DEFAULT_CHECKLIST[0]: "yes", DEFAULT_CHECKLIST[2]: "no", DEFAULT_CHECKLIST[3]: "partly"}

    # and add a finding that proposes a new member count
    response = client.post(reverse("welfare:audit_finding_add", args=[visit.pk]), {
        "text": "ทะเบียนสมาชิกไม่เป็นปัจจุบัน", "follow_up": "ปรับปรุงทะเบียน", "due_on": "31/7/2562",
        "proposed_field": "members", "proposed_value": "388"})
    assert response.status_code == 302
    finding = Finding.objects.get()
    first.refresh_from_db()
    assert first.members == 100  # the finding alone changes nothing

    # then the round shows its progress and the open finding
    page = client.get(reverse("welfare:audit_round_detail", args=[audit_round.pk]))
    assert (page.context["visited_count"], page.context["planned_count"]) == (1, 2)
    assert {v.fund_id: v.open_findings for v in page.context["visits"]} == {first.pk: 1, second.pk: 0}

    # when they apply the correction to the registry
    response = client.post(reverse("welfare:audit_finding_settle", args=[finding.pk]), {"reason": ""})
    assert response.status_code == 302

    # then the registry changed through the settle step, and the fund's history says so
    first.refresh_from_db()
    settlement = Settlement.objects.get(fund=first)
    assert first.members == 388
    assert (settlement.field, settlement.value, settlement.decided_by) == ("members", "388", cast.chiangrai_coordinator)
    finding.refresh_from_db()
    assert finding.settlement == settlement
    history = client.get(reverse("welfare:fund_detail", args=[first.pk]))
    assert settlement in history.context["settlements"]

    # and closing the finding leaves no open finding
    client.post(reverse("welfare:audit_finding_close", args=[finding.pk]), {"closed_on": "1/8/2562"})
    finding.refresh_from_db()
    assert finding.closed_on == D(2019, 8, 1)


def test_the_visit_page_shows_the_checklist_as_radio_groups(cast, client_for, visit, finding):
    response = client_for(cast.chiangrai_viewer).get(reverse("welfare:audit_visit_detail", args=[visit.pk]))
    assert response.status_code == 200 and response.context["nav_active"] == "welfare"
    assert response.content.decode().count('type="radio"') == 4 * len(DEFAULT_CHECKLIST)
    assert response.context["findings"] == [finding]
    assert not response.context["can_write"]


def test_it_lists_only_the_rounds_of_the_users_provinces(cast, client_for, audit_round):
    assert client_for(cast.mueang_coordinator).get(reverse("welfare:audit_round_list")).context["rounds"] == [
        audit_round]
    assert client_for(cast.phayao_coordinator).get(reverse("welfare:audit_round_list")).context["rounds"] == []


def test_it_shows_an_outsider_nothing(cast, client_for, visit, finding):
    client = client_for(cast.phayao_coordinator)
    assert client.get(reverse("welfare:audit_round_detail", args=[visit.round_id])).status_code == 404
    assert client.get(reverse("welfare:audit_visit_detail", args=[visit.pk])).status_code == 404
    assert client.post(reverse("welfare:audit_round_plan", args=[visit.round_id]), {}).status_code == 404
    assert client.post(reverse("welfare:audit_visit_record", args=[visit.pk]), {}).status_code == 404
    assert client.post(reverse("welfare:audit_finding_add", args=[visit.pk]), {"text": "x"}).status_code == 404
    assert client.post(reverse("welfare:audit_finding_settle", args=[finding.pk]), {}).status_code == 404
    assert client.post(reverse("welfare:audit_finding_close", args=[finding.pk]), {}).status_code == 404
    finding.refresh_from_db()
    assert finding.settlement_id is None and finding.closed_on is None


def test_it_refuses_a_viewer_every_write_and_writes_nothing(cast, client_for, visit, finding):
    # given a viewer of Chiang Rai and a fund not yet in the round
    client = client_for(cast.chiangrai_viewer)
    (other,) = _funds(1)
    # when they post to every form, then each is refused
    posts = [
        (reverse("welfare:audit_round_create"), {"name": "x", "province": "57", "starts_on": "20/5/2562",
                                                  "ends_on": "15/6/2562", "checklist": "ถาม"}),
        (reverse("welfare:audit_round_plan", args=[visit.round_id]), {"funds": [other.pk]}),
        (reverse("welfare:audit_visit_record", args=[visit.pk]), {"visited_on": "28/5/2562", "q0": "yes"}),
        (reverse("welfare:audit_finding_add", args=[visit.pk]), {"text": "ข้อค้นพบ"}),
        (reverse("welfare:audit_finding_close", args=[finding.pk]), {}),
        (reverse("welfare:audit_finding_settle", args=[finding.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403, url
    # and nothing was written
    visit.refresh_from_db()
    finding.refresh_from_db()
    assert AuditRound.objects.count() == 1 and AuditVisit.objects.count() == 1 and Finding.objects.count() == 1
    assert visit.visited_on is None and finding.closed_on is None and finding.settlement_id is None
    assert not Settlement.objects.exists()


def test_a_bad_plan_is_shown_on_the_form_and_plans_nothing(cast, client_for, audit_round):
    funds = _funds(2)
    response = client_for(cast.chiangrai_coordinator).post(
        reverse("welfare:audit_round_plan", args=[audit_round.pk]),
        {"funds": [f.pk for f in funds], "planned_on": "1/7/2562"})
    assert response.status_code == 400
    assert response.context["plan_form"].errors["planned_on"]
    assert not AuditVisit.objects.exists()


@pytest.mark.parametrize("visits", [2, 20])
def test_it_reads_the_round_in_a_constant_number_of_queries(cast, client_for, audit_round, visits,
                                                            django_assert_max_num_queries):
    team = [Person.objects.create(first_name=f"ทีม{n}", area_id="570101") for n in range(2)]
    for fund in _funds(visits + 3):
        if AuditVisit.objects.count() < visits:
            visit = audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund,
                                     planned_on=D(2019, 5, 28), team=team)
            finding_add(by=cast.chiangrai_coordinator, visit=visit, text="ข้อค้นพบ")
    client = client_for(cast.chiangrai_coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("welfare:audit_round_detail", args=[audit_round.pk]))
    assert response.status_code == 200 and len(response.context["visits"]) == visits
