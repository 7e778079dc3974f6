"""The audit pages (S11) against the cast: rounds, planning, the checklist, findings and their settle step."""

import datetime as dt

import pytest
from django.urls import reverse

from sanphalang.directory.models import Person
from sanphalang.welfare.errors import WelfareError
from sanphalang.welfare.models import AuditRound, AuditVisit, Finding, Fund, Settlement
from sanphalang.welfare.services.audits import (
    DEFAULT_CHECKLIST,
    audit_round_create,
    audit_visit_plan,
    audit_visit_record,
    finding_add,
)

D = dt.date
TAMBONS = ["570101", "570102", "570103"]


def _funds(count: int) -> list[Fund]:
    return [
        Fund.objects.create(
            name_th=f"กองทุนสวัสดิการชุมชนที่ {n}", area_id=TAMBONS[n % len(TAMBONS)], members=100 + n
        )
        for n in range(count)
    ]


@pytest.fixture
def audit_round(cast):
    return audit_round_create(
        by=cast.chiangrai_coordinator,
        name="ติดตามสอบทานกองทุน 2562",
        province_code="57",
        starts_on=D(2019, 5, 20),
        ends_on=D(2019, 6, 15),
    )


@pytest.fixture
def visit(cast, audit_round):
    fund = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570101", members=420)
    return audit_visit_plan(
        by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund, planned_on=D(2019, 5, 28)
    )


@pytest.fixture
def finding(cast, visit):
    return finding_add(
        by=cast.chiangrai_coordinator,
        visit=visit,
        text="ทะเบียนสมาชิกไม่เป็นปัจจุบัน",
        proposed_field="members",
        proposed_value="388",
    )


def test_a_coordinator_runs_a_round_from_planning_to_a_settled_correction(cast, client_for):
    # given a coordinator of Chiang Rai, two funds and a colleague for the team
    client = client_for(cast.chiangrai_coordinator)
    first, second = _funds(2)
    colleague = Person.objects.create(first_name="สมศรี", last_name="ใจดี", area_id="570101")

    # when they open the new-round form, it offers the network's checklist
    form = client.get(reverse("welfare:audit_round_create")).context["form"]
    assert form["checklist"].value() == "\n".join(DEFAULT_CHECKLIST)

    # and create the round with BE dates and the default checklist
    response = client.post(
        reverse("welfare:audit_round_create"),
        {
            "name": "ติดตามสอบทานกองทุน 2562",
            "province": "57",
            "starts_on": "20/5/2562",
            "ends_on": "15 มิ.ย. 2562",
            "checklist": "\n".join(DEFAULT_CHECKLIST),
        },
    )
    audit_round = AuditRound.objects.get()
    assert response.status_code == 302
    assert (audit_round.starts_on, audit_round.ends_on) == (D(2019, 5, 20), D(2019, 6, 15))
    assert audit_round.checklist == DEFAULT_CHECKLIST

    # and plan visits to both funds with a team
    response = client.post(
        reverse("welfare:audit_round_plan", args=[audit_round.pk]),
        {"funds": [first.pk, second.pk], "planned_on": "28/5/2562", "team": [colleague.pk]},
    )
    assert response.status_code == 302
    visit = AuditVisit.objects.get(fund=first)
    assert AuditVisit.objects.filter(round=audit_round).count() == 2
    assert list(visit.team.all()) == [colleague]

    # and record the answers of one visit
    response = client.post(
        reverse("welfare:audit_visit_record", args=[visit.pk]),
        {"visited_on": "28/5/2562", "q0": "yes", "q2": "no", "q3": "partly"},
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.visited_on == D(2019, 5, 28)
    assert visit.answers == {
        DEFAULT_CHECKLIST[0]: "yes",
        DEFAULT_CHECKLIST[2]: "no",
        DEFAULT_CHECKLIST[3]: "partly",
    }

    # and add a finding that proposes a new member count
    response = client.post(
        reverse("welfare:audit_finding_add", args=[visit.pk]),
        {
            "text": "ทะเบียนสมาชิกไม่เป็นปัจจุบัน",
            "follow_up": "ปรับปรุงทะเบียน",
            "due_on": "31/7/2562",
            "proposed_field": "members",
            "proposed_value": "388",
        },
    )
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
    assert (settlement.field, settlement.value, settlement.decided_by) == (
        "members",
        "388",
        cast.chiangrai_coordinator,
    )
    finding.refresh_from_db()
    assert finding.settlement == settlement
    history = client.get(reverse("welfare:fund_detail", args=[first.pk]))
    assert settlement in [row.settlement for row in history.context["settlements"]]

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
        audit_round
    ]
    assert (
        client_for(cast.phayao_coordinator).get(reverse("welfare:audit_round_list")).context["rounds"] == []
    )


def test_it_shows_an_outsider_nothing(cast, client_for, visit, finding):
    client = client_for(cast.phayao_coordinator)
    assert client.get(reverse("welfare:audit_round_detail", args=[visit.round_id])).status_code == 404
    assert client.get(reverse("welfare:audit_visit_detail", args=[visit.pk])).status_code == 404
    assert client.post(reverse("welfare:audit_round_plan", args=[visit.round_id]), {}).status_code == 404
    assert client.post(reverse("welfare:audit_visit_record", args=[visit.pk]), {}).status_code == 404
    assert (
        client.post(reverse("welfare:audit_finding_add", args=[visit.pk]), {"text": "x"}).status_code == 404
    )
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
        (
            reverse("welfare:audit_round_create"),
            {
                "name": "x",
                "province": "57",
                "starts_on": "20/5/2562",
                "ends_on": "15/6/2562",
                "checklist": "ถาม",
            },
        ),
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
    assert (
        AuditRound.objects.count() == 1 and AuditVisit.objects.count() == 1 and Finding.objects.count() == 1
    )
    assert visit.visited_on is None and finding.closed_on is None and finding.settlement_id is None
    assert not Settlement.objects.exists()


def test_a_bad_plan_is_shown_on_the_form_and_plans_nothing(cast, client_for, audit_round):
    funds = _funds(2)
    response = client_for(cast.chiangrai_coordinator).post(
        reverse("welfare:audit_round_plan", args=[audit_round.pk]),
        {"funds": [f.pk for f in funds], "planned_on": "1/7/2562"},
    )
    assert response.status_code == 400
    assert response.context["plan_form"].errors["planned_on"]
    assert not AuditVisit.objects.exists()


@pytest.mark.parametrize("visits", [2, 20])
def test_it_reads_the_round_in_a_constant_number_of_queries(
    cast, client_for, audit_round, visits, django_assert_max_num_queries
):
    team = [Person.objects.create(first_name=f"ทีม{n}", area_id="570101") for n in range(2)]
    for n, fund in enumerate(_funds(visits + 3)):
        if AuditVisit.objects.count() < visits:
            visit = audit_visit_plan(
                by=cast.chiangrai_coordinator,
                audit_round=audit_round,
                fund=fund,
                planned_on=D(2019, 5, 28),
                team=team,
            )
            if n % 2:  # half the visits have a finding, so only the other half can be removed
                finding_add(by=cast.chiangrai_coordinator, visit=visit, text="ข้อค้นพบ")
    client = client_for(cast.chiangrai_coordinator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("welfare:audit_round_detail", args=[audit_round.pk]))
    assert response.status_code == 200 and len(response.context["visits"]) == visits
    removable = [v.pk for v in response.context["visits"] if v.removable]
    assert len(removable) == visits // 2
    assert response.content.decode().count("/remove/") == visits // 2


def _visit_as_saved(visit) -> tuple:
    visit = AuditVisit.objects.get(pk=visit.pk)
    return visit.planned_on, sorted(p.pk for p in visit.team.all())


def _round_as_saved(audit_round) -> tuple:
    saved = AuditRound.objects.get(pk=audit_round.pk)
    return saved.name, saved.starts_on, saved.ends_on, saved.checklist


def _round_post(audit_round, **changes) -> dict:
    """The edit form's fields as the round has them, in BE dates, with some changed."""
    data = {
        "name": audit_round.name,
        "starts_on": "20/5/2562",
        "ends_on": "15/6/2562",
        "checklist": "\n".join(audit_round.checklist),
    }
    return {**data, **changes}


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_a_coordinator_moves_a_visit_and_changes_its_team_on_the_visit_page(cast, client_for, visit):
    # given a coordinator of Mueang Chiang Rai and a colleague of their district
    client = client_for(cast.mueang_coordinator)
    colleague = Person.objects.create(first_name="สมศรี", last_name="ใจดี", area_id="570101")

    # when they open the visit, the plan form starts from the visit's date and offers the colleague
    form = client.get(reverse("welfare:audit_visit_detail", args=[visit.pk])).context["edit_form"]
    assert form["planned_on"].value() == D(2019, 5, 28)
    assert list(form.fields["team"].queryset) == [colleague]

    # and move it to 3 June (a BE date) with the colleague on the team
    response = client.post(
        reverse("welfare:audit_visit_edit", args=[visit.pk]),
        {"planned_on": "3 มิ.ย. 2562", "team": [colleague.pk]},
    )

    # then the visit has both
    assert response.status_code == 302 and response.url == reverse(
        "welfare:audit_visit_detail", args=[visit.pk]
    )
    assert _visit_as_saved(visit) == (D(2019, 6, 3), [colleague.pk])


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"planned_on": "16/6/2562"}, "planned_on"),  # after the round ends
        ({"planned_on": "สามมิถุนา"}, "planned_on"),  # not a date
        ({"team": ["x"]}, "team"),  # not a person
    ],
)
def test_a_bad_change_to_a_visit_is_shown_at_its_field_and_changes_nothing(
    cast, client_for, visit, data, field
):
    response = client_for(cast.chiangrai_coordinator).post(
        reverse("welfare:audit_visit_edit", args=[visit.pk]), data
    )
    assert response.status_code == 400
    assert list(response.context["edit_form"].errors) == [field]
    assert _visit_as_saved(visit) == (D(2019, 5, 28), [])


def test_a_person_outside_the_users_areas_is_refused_with_a_clear_error(cast, client_for, visit):
    # given a coordinator of Mueang Chiang Rai and a person registered in Mae Sai
    maesai_person = Person.objects.create(first_name="สมชาย", last_name="ใจดี", area_id="5709")

    # when they put that person on the team
    response = client_for(cast.mueang_coordinator).post(
        reverse("welfare:audit_visit_edit", args=[visit.pk]),
        {"planned_on": "28/5/2562", "team": [maesai_person.pk]},
    )

    # then the team field says why, and the team is unchanged
    assert response.status_code == 400
    assert response.context["edit_form"].errors["team"] == [WelfareError.TEAM_OUTSIDE_AREAS.message()]
    assert 'id="id_team_error"' in response.content.decode()
    assert _visit_as_saved(visit) == (D(2019, 5, 28), [])


def test_a_coordinator_removes_a_visit_nothing_was_recorded_of_from_the_round_page(cast, client_for, visit):
    # given the round page offers to remove the visit
    client = client_for(cast.chiangrai_coordinator)
    remove_url = reverse("welfare:audit_visit_remove", args=[visit.pk])
    page = client.get(reverse("welfare:audit_round_detail", args=[visit.round_id]))
    assert remove_url in page.content.decode()

    # when they press the button
    response = client.post(remove_url)

    # then the visit is gone and they are back on the round
    assert response.status_code == 302
    assert response.url == reverse("welfare:audit_round_detail", args=[visit.round_id])
    assert not AuditVisit.objects.filter(pk=visit.pk).exists()


def test_a_recorded_visit_stays_and_its_page_says_why(cast, client_for, visit):
    # given the visit has been recorded
    audit_visit_record(
        by=cast.chiangrai_coordinator,
        visit=visit,
        visited_on=D(2019, 5, 28),
        answers={DEFAULT_CHECKLIST[0]: "yes"},
    )
    client = client_for(cast.chiangrai_coordinator)
    remove_url = reverse("welfare:audit_visit_remove", args=[visit.pk])

    # when the coordinator opens it, the page offers no removal and explains why
    page = client.get(reverse("welfare:audit_visit_detail", args=[visit.pk]))
    assert remove_url not in page.content.decode()
    assert WelfareError.RECORDED_VISIT_KEPT.message() in page.content.decode()
    assert (
        remove_url
        not in client.get(reverse("welfare:audit_round_detail", args=[visit.round_id])).content.decode()
    )

    # and a removal posted anyway is refused with the reason
    response = client.post(remove_url, follow=True)
    assert response.redirect_chain == [(reverse("welfare:audit_visit_detail", args=[visit.pk]), 302)]
    assert WelfareError.RECORDED_VISIT_KEPT.message() in _messages(response)
    assert AuditVisit.objects.filter(pk=visit.pk).exists()


def test_a_coordinator_edits_the_round_name_period_and_checklist(cast, client_for, audit_round, visit):
    # given a coordinator of Chiang Rai on the round page
    client = client_for(cast.chiangrai_coordinator)
    edit_url = reverse("welfare:audit_round_edit", args=[audit_round.pk])
    assert (
        edit_url in client.get(reverse("welfare:audit_round_detail", args=[audit_round.pk])).content.decode()
    )

    # when they open the edit form, it starts from the round
    form = client.get(edit_url).context["form"]
    assert form["name"].value() == audit_round.name
    assert form["checklist"].value() == "\n".join(DEFAULT_CHECKLIST)

    # and save a new name, a longer period in BE dates and one more question
    checklist = [*DEFAULT_CHECKLIST, "มีแผนพัฒนากองทุนระยะ 3 ปี"]
    response = client.post(
        edit_url,
        _round_post(
            audit_round,
            name="ติดตามกองทุน รอบ 1/2562",
            starts_on="15 พ.ค. 62",
            ends_on="30/6/2562",
            checklist="\n".join(checklist),
        ),
    )

    # then the round has them
    assert response.status_code == 302
    assert _round_as_saved(audit_round) == (
        "ติดตามกองทุน รอบ 1/2562",
        D(2019, 5, 15),
        D(2019, 6, 30),
        checklist,
    )


def test_a_period_that_would_leave_a_planned_visit_outside_names_the_visit_at_the_field(
    cast, client_for, audit_round, visit
):
    before = _round_as_saved(audit_round)
    response = client_for(cast.chiangrai_coordinator).post(
        reverse("welfare:audit_round_edit", args=[audit_round.pk]),
        _round_post(audit_round, starts_on="1/6/2562"),
    )
    assert response.status_code == 400
    assert visit.fund.name_th in response.context["form"].errors["starts_on"][0]
    assert _round_as_saved(audit_round) == before


def test_a_checklist_that_drops_an_answered_question_names_it_at_the_field(
    cast, client_for, audit_round, visit
):
    # given the visit answered the first question
    audit_visit_record(
        by=cast.chiangrai_coordinator,
        visit=visit,
        visited_on=D(2019, 5, 28),
        answers={DEFAULT_CHECKLIST[0]: "partly"},
    )
    before = _round_as_saved(audit_round)

    # when the coordinator saves the checklist without it
    response = client_for(cast.chiangrai_coordinator).post(
        reverse("welfare:audit_round_edit", args=[audit_round.pk]),
        _round_post(audit_round, checklist="\n".join(DEFAULT_CHECKLIST[1:])),
    )

    # then the checklist field names the question, the page still names the round, and nothing changed
    assert response.status_code == 400
    assert DEFAULT_CHECKLIST[0] in response.context["form"].errors["checklist"][0]
    assert response.context["round"].checklist == DEFAULT_CHECKLIST
    assert _round_as_saved(audit_round) == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ends_on": "19/5/2562"}, "ends_on"),  # ends before it starts
        ({"starts_on": "วันจันทร์"}, "starts_on"),  # not a date
        ({"name": " "}, "name"),
        ({"checklist": " \n "}, "checklist"),
    ],
)
def test_a_bad_round_edit_is_shown_at_its_field_and_changes_nothing(
    cast, client_for, audit_round, changes, field
):
    before = _round_as_saved(audit_round)
    response = client_for(cast.chiangrai_coordinator).post(
        reverse("welfare:audit_round_edit", args=[audit_round.pk]), _round_post(audit_round, **changes)
    )
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert _round_as_saved(audit_round) == before


def test_it_lets_an_outsider_see_or_change_none_of_it(cast, client_for, audit_round, visit):
    client = client_for(cast.phayao_coordinator)
    before = (_round_as_saved(audit_round), _visit_as_saved(visit))
    assert client.get(reverse("welfare:audit_round_edit", args=[audit_round.pk])).status_code == 404
    assert (
        client.post(
            reverse("welfare:audit_round_edit", args=[audit_round.pk]),
            _round_post(audit_round, name="ของพะเยา"),
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("welfare:audit_visit_edit", args=[visit.pk]), {"planned_on": "1/6/2562"}
        ).status_code
        == 404
    )
    assert client.post(reverse("welfare:audit_visit_remove", args=[visit.pk])).status_code == 404
    assert (_round_as_saved(audit_round), _visit_as_saved(visit)) == before


def test_it_lets_a_viewer_read_but_change_none_of_it(cast, client_for, audit_round, visit):
    # given a viewer of Chiang Rai
    client = client_for(cast.chiangrai_viewer)
    before = (_round_as_saved(audit_round), _visit_as_saved(visit))

    # when they read the round and the visit, then neither offers a change
    round_page = client.get(reverse("welfare:audit_round_detail", args=[audit_round.pk]))
    visit_page = client.get(reverse("welfare:audit_visit_detail", args=[visit.pk]))
    assert not round_page.context["can_edit"] and not round_page.context["can_remove"]
    assert visit_page.context["edit_form"] is None
    assert "/remove/" not in round_page.content.decode() + visit_page.content.decode()

    # and every change they post is refused, leaving everything as it was
    assert client.get(reverse("welfare:audit_round_edit", args=[audit_round.pk])).status_code == 403
    assert (
        client.post(
            reverse("welfare:audit_round_edit", args=[audit_round.pk]),
            _round_post(audit_round, name="ของผู้อ่าน"),
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("welfare:audit_visit_edit", args=[visit.pk]), {"planned_on": "1/6/2562"}
        ).status_code
        == 403
    )
    assert client.post(reverse("welfare:audit_visit_remove", args=[visit.pk])).status_code == 403
    assert (_round_as_saved(audit_round), _visit_as_saved(visit)) == before


def test_a_district_coordinator_changes_their_visits_but_not_the_provinces_round(
    cast, client_for, audit_round, visit
):
    # given the coordinator of Mueang Chiang Rai, where the visited fund is
    client = client_for(cast.mueang_coordinator)

    # when they open the round, then it offers no edit, and the edit page is refused
    assert not client.get(reverse("welfare:audit_round_detail", args=[audit_round.pk])).context["can_edit"]
    assert client.get(reverse("welfare:audit_round_edit", args=[audit_round.pk])).status_code == 403

    # but the visit in their district they can move
    response = client.post(reverse("welfare:audit_visit_edit", args=[visit.pk]), {"planned_on": "1/6/2562"})
    assert response.status_code == 302 and _visit_as_saved(visit) == (D(2019, 6, 1), [])

    # and the Mae Sai coordinator does not even see it
    maesai = client_for(cast.maesai_coordinator)
    assert maesai.post(reverse("welfare:audit_visit_remove", args=[visit.pk])).status_code == 404


def test_the_change_and_removal_endpoints_take_only_posts(cast, client_for, visit):
    client = client_for(cast.chiangrai_coordinator)
    assert client.get(reverse("welfare:audit_visit_edit", args=[visit.pk])).status_code == 405
    assert client.get(reverse("welfare:audit_visit_remove", args=[visit.pk])).status_code == 405
    assert AuditVisit.objects.filter(pk=visit.pk).exists()


@pytest.mark.parametrize("people", [2, 20])
def test_it_reads_the_visit_page_in_a_constant_number_of_queries(
    cast, client_for, visit, people, django_assert_max_num_queries
):
    # given as many people of the district on the team and in the team list
    team = [Person.objects.create(first_name=f"ทีม{n}", area_id="570101") for n in range(people)]
    visit.team.set(team)
    finding_add(by=cast.chiangrai_coordinator, visit=visit, text="ข้อค้นพบ")
    client = client_for(cast.mueang_coordinator)

    # when the coordinator opens the visit, then the queries do not grow with the people
    with django_assert_max_num_queries(8):
        response = client.get(reverse("welfare:audit_visit_detail", args=[visit.pk]))
    assert response.status_code == 200
    team_select = str(response.context["edit_form"]["team"])
    assert team_select.count("<option") == team_select.count(" selected>") == people


def test_a_new_round_starts_from_the_checklist_the_network_used_last(cast, client_for):
    # given last year's round, whose checklist the network edited
    from sanphalang.welfare.services.audits import audit_round_create

    edited = ["มีคณะกรรมการบริหารกองทุน", "สมุดบัญชีตรงกับรายงาน"]
    audit_round_create(
        by=cast.chiangrai_coordinator,
        name="ติดตาม 2561",
        province_code="57",
        starts_on=D(2018, 5, 1),
        ends_on=D(2018, 6, 1),
        checklist=edited,
    )
    # when a colleague of the province opens the new-round form, then it offers that checklist
    form = client_for(cast.chiangrai_coordinator).get(reverse("welfare:audit_round_create")).context["form"]
    assert form["checklist"].value() == "\n".join(edited)
    # and another province's coordinator still gets the default
    form = client_for(cast.phayao_coordinator).get(reverse("welfare:audit_round_create")).context["form"]
    assert form["checklist"].value() == "\n".join(DEFAULT_CHECKLIST)


def test_the_round_list_counts_only_the_visits_a_district_coordinator_can_see(cast, client_for):
    # given a provincial round with one visit in Mueang and one in Mae Sai
    from sanphalang.welfare.services.audits import audit_round_create, audit_visit_plan

    funds = _funds(2)
    audit_round = audit_round_create(
        by=cast.chiangrai_coordinator,
        name="ติดตาม 2562",
        province_code="57",
        starts_on=D(2019, 5, 20),
        ends_on=D(2019, 6, 15),
    )
    for fund in funds:
        audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=fund)
    # when each reads the list, then each counts the visits their round page shows
    listed = client_for(cast.chiangrai_coordinator).get(reverse("welfare:audit_round_list")).context["rounds"]
    assert listed[0].planned_count == 2
    for user, district in ((cast.mueang_coordinator, "5701"), (cast.maesai_coordinator, "5709")):
        [row] = client_for(user).get(reverse("welfare:audit_round_list")).context["rounds"]
        assert row.planned_count == sum(1 for fund in funds if fund.area_id.startswith(district))


class TestAddingFundsWithThePicker:
    """Many funds share a tambon's name ("…ตำบลเวียง"): the round adds them by typing, each named with its district."""

    def _suggestions(self, response) -> list[tuple[str, str]]:
        import re

        assert response.status_code == 200
        return re.findall(r'<div data-value="(\d+)">([^<]*)</div>', response.content.decode())

    def test_the_round_page_offers_a_search_picker_not_every_fund(self, cast, client_for, audit_round):
        _funds(150)
        html = (
            client_for(cast.chiangrai_coordinator)
            .get(reverse("welfare:audit_round_detail", args=[audit_round.pk]))
            .content.decode()
        )
        assert "<autocomplete-select" in html
        assert reverse("welfare:audit_fund_options", args=[audit_round.pk]) in html
        assert "กองทุนสวัสดิการชุมชนที่ 149" not in html

    def test_it_suggests_namesakes_with_their_subdistrict_and_district(self, cast, client_for, audit_round):
        # given two funds called after a tambon Wiang, in two districts of Chiang Rai, one already visited
        here = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570101")
        there = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียง", area_id="570901")
        visited = Fund.objects.create(name_th="กองทุนสวัสดิการชุมชนตำบลเวียงชัย", area_id="570102")
        audit_visit_plan(by=cast.chiangrai_coordinator, audit_round=audit_round, fund=visited)
        url = reverse("welfare:audit_fund_options", args=[audit_round.pk])
        # when the coordinator types เวียง
        found = dict(self._suggestions(client_for(cast.chiangrai_coordinator).get(url, {"q": "เวียง"})))
        # then both namesakes come, each with its subdistrict and district, and the visited fund does not
        assert set(found) == {str(here.pk), str(there.pk)}
        assert found[str(here.pk)] != found[str(there.pk)]
        assert here.area.parent.display_name in found[str(here.pk)]
        assert there.area.parent.display_name in found[str(there.pk)]
        # and typing the district's name finds its fund
        by_district = dict(self._suggestions(client_for(cast.chiangrai_coordinator).get(url, {"q": "แม่สาย"})))
        assert set(by_district) == {str(there.pk)}

    def test_an_outsider_gets_no_suggestions_and_cannot_add_a_fund(self, cast, client_for, audit_round):
        (fund,) = _funds(1)
        client = client_for(cast.phayao_coordinator)
        assert client.get(reverse("welfare:audit_fund_options", args=[audit_round.pk])).status_code == 404
        client.post(reverse("welfare:audit_round_plan", args=[audit_round.pk]), {"funds": [fund.pk]})
        assert not AuditVisit.objects.exists()

    def test_picked_funds_are_planned(self, cast, client_for, audit_round):
        first, second = _funds(2)
        response = client_for(cast.chiangrai_coordinator).post(
            reverse("welfare:audit_round_plan", args=[audit_round.pk]),
            {"funds": [first.pk, second.pk], "planned_on": "28/5/2562"},
        )
        assert response.status_code == 302
        assert set(AuditVisit.objects.values_list("fund_id", flat=True)) == {first.pk, second.pk}
