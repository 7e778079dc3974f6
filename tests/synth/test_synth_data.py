"""The synthetic data at the tiny scale: every app gets its part, the records keep the models' rules, and the
pages and the API show them to a synthesized coordinator within that coordinator's areas only."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.urls import reverse

from sanphalang.accounts.services import api_token_create
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.demo.synth import DatabaseNotEmpty, synthesize
from sanphalang.demo.synth.plans import YEARS
from sanphalang.demo.synth.scales import SCALES
from sanphalang.directory.models import Organisation, Person
from sanphalang.meetings.models import ActionItem, Attendance, Meeting
from sanphalang.plans.models import (
    Charter,
    EntryStatus,
    Indicator,
    MainWork,
    PeriodLock,
    Plan,
    ProgressEntry,
    Project,
    Registration,
    TargetSplit,
)
from sanphalang.welfare.models import Fund, FundYear

TINY = SCALES["tiny"]


@pytest.fixture(scope="module")
def _synthesized(django_db_setup, django_db_blocker):
    # Written once for the tests of this module, in a transaction rolled back after the last one.
    with django_db_blocker.unblock(), transaction.atomic():
        yield synthesize(scale="tiny", seed=7)
        transaction.set_rollback(True)


@pytest.fixture
def synthesized(_synthesized, db):
    """What synthesize() returned; each test runs in a savepoint of its own inside the data's transaction."""
    return _synthesized


def test_every_app_gets_its_part_in_the_scales_provinces(synthesized):
    assert Fund.objects.count() == TINY.funds
    assert Meeting.objects.count() == TINY.meetings
    assert {code[:2] for code in Fund.objects.values_list("area_id", flat=True)} == set(TINY.provinces)
    assert Area.objects.filter(level=AreaLevel.VILLAGE, is_official=False).exists()
    assert Person.objects.exists() and Organisation.objects.exists()
    assert Attendance.objects.exists() and ActionItem.objects.exists()
    # six years of figures, with the years a fund sent no report left out
    assert 0 < FundYear.objects.count() <= 6 * TINY.funds
    assert set(FundYear.objects.values_list("year_be", flat=True)) == {2564, 2565, 2566, 2567, 2568, 2569}
    assert synthesized.counts["welfare.Fund"] == TINY.funds


def test_meetings_are_numbered_in_their_body_and_be_year_from_one(synthesized):
    for meeting in Meeting.objects.all():
        assert meeting.year_be == meeting.held_on.year + 543
    for body_id, year in Meeting.objects.values_list("body_id", "year_be").distinct():
        numbers = sorted(
            Meeting.objects.filter(body_id=body_id, year_be=year).values_list("number", flat=True)
        )
        assert numbers == list(range(1, len(numbers) + 1))


def test_a_second_synthesis_is_refused_on_a_database_that_holds_records(synthesized):
    with pytest.raises(DatabaseNotEmpty) as refused:
        synthesize(scale="tiny", seed=7)
    assert refused.value.labels


@pytest.fixture
def coordinator(synthesized):
    return get_user_model().objects.get(username="synth-p57")


@pytest.mark.parametrize(
    "name",
    [
        "web:home",
        "directory:organisation_list",
        "directory:person_list",
        "meetings:meeting_list",
        "meetings:body_list",
        "meetings:action_item_list",
        "welfare:fund_list",
        "welfare:rollup",
        "welfare:audit_round_list",
    ],
)
def test_the_main_lists_render_for_a_synthesized_coordinator(client, coordinator, name):
    client.force_login(coordinator)
    response = client.get(reverse(name))
    assert response.status_code == 200


def test_the_detail_pages_show_the_synthesized_records(client, coordinator):
    client.force_login(coordinator)
    fund = Fund.objects.filter(area__code__startswith="57", years__isnull=False).first()
    meeting = (
        Meeting.objects.filter(body__area__code__startswith="57", status="held").exclude(chair=None).first()
    )
    person = Person.objects.filter(area__code__startswith="57").first()
    pages = [
        (reverse("welfare:fund_detail", args=[fund.pk]), fund.name_th),
        (reverse("meetings:meeting_detail", args=[meeting.pk]), meeting.chair.first_name),
        (reverse("directory:person_detail", args=[person.pk]), person.last_name),
        (reverse("areas:detail", args=["57"]), "เชียงราย"),
    ]
    for url, text in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert text in response.content.decode(), url


def test_an_area_coordinator_lists_only_the_funds_of_their_district_through_the_api(client, synthesized):
    coordinator = get_user_model().objects.get(username="synth-d5701")
    _token, raw = api_token_create(user=coordinator, name="test")
    response = client.get("/api/welfare/funds?page_size=100", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    codes = [item["area_code"] for item in response.json()["items"]]
    assert codes and all(code.startswith("5701") for code in codes)
    assert len(codes) == Fund.objects.filter(area__code__startswith="5701").count()


def test_each_province_gets_two_years_of_plans_with_its_projects(synthesized):
    for code in TINY.provinces:
        plans = Plan.objects.filter(area_id=code)
        assert sorted(plans.values_list("year_be", flat=True)) == list(YEARS)
        assert set(plans.values_list("period_kind", flat=True)) == {"quarter"}
        assert Project.objects.filter(plan__area_id=code).count() == TINY.projects_per_province
        assert MainWork.objects.filter(plan__area_id=code).exists()
        entries = ProgressEntry.objects.filter(indicator__plan__area_id=code)
        assert entries.exists()
        assert all(area.startswith(code) for area in entries.values_list("area_id", flat=True))
        # 4 quarters a year, 8 in all, that have ended by the day the data is dated
        assert entries.values("period_start").distinct().count() == 8
    assert Registration.objects.count() <= TINY.registrations_per_province * len(TINY.provinces)


def test_targets_are_split_over_districts_and_tambons_and_not_every_split_adds_up(synthesized):
    assert TargetSplit.objects.filter(area__level=AreaLevel.DISTRICT).exists()
    assert TargetSplit.objects.filter(area__level=AreaLevel.SUBDISTRICT).exists()
    # a target's parts at the highest level it is split at (districts, or a district's tambons) against the whole
    top: dict[int, list] = {}
    counted = TargetSplit.objects.exclude(indicator__unit="percent")
    for indicator_id, code, part in counted.values_list("indicator_id", "area_id", "target"):
        top.setdefault(indicator_id, []).append((len(code), part))
    wholes = dict(Indicator.objects.values_list("pk", "target"))
    adds_up = {pk: sum(p for n, p in parts if n == min(parts)[0]) == wholes[pk] for pk, parts in top.items()}
    assert True in adds_up.values() and False in adds_up.values()
    units = set(Indicator.objects.values_list("unit", flat=True))
    assert len(units) >= 3
    assert Indicator.objects.filter(measure__isnull=False).exists()
    assert {True, False} <= set(Indicator.objects.values_list("accumulates", flat=True))


def test_progress_has_the_noise_of_real_reports(synthesized):
    statuses = set(ProgressEntry.objects.values_list("status", flat=True))
    assert statuses == {EntryStatus.SUBMITTED, EntryStatus.APPROVED, EntryStatus.RETURNED}
    assert ProgressEntry.objects.filter(value=0).exists()
    assert ProgressEntry.objects.filter(status=EntryStatus.APPROVED, version__gt=1).exists()  # corrected
    # a percentage is entered as its parts
    percent = ProgressEntry.objects.filter(indicator__unit="percent")
    assert not percent.filter(denominator__isnull=True).exists()
    assert not percent.filter(value__gt=F("denominator")).exists()
    assert (
        not ProgressEntry.objects.exclude(indicator__unit="percent")
        .filter(denominator__isnull=False)
        .exists()
    )
    # a locked quarter was decided entirely; the quarters after it may wait
    for lock in PeriodLock.objects.filter(reopened_at__isnull=True):
        waiting = ProgressEntry.objects.filter(
            indicator__plan=lock.plan, period_start=lock.period_start, status=EntryStatus.SUBMITTED
        )
        assert not waiting.exists()
    last_year = Plan.objects.filter(year_be=YEARS[-1])
    assert PeriodLock.objects.filter(plan__in=last_year).count() < 4 * last_year.count()
    # some districts given a part of a target never report on it
    reported = {(i, area[:4]) for i, area in ProgressEntry.objects.values_list("indicator_id", "area_id")}
    split = set(
        TargetSplit.objects.filter(area__level=AreaLevel.DISTRICT).values_list("indicator_id", "area_id")
    )
    assert split - reported


def test_charters_and_registrations_move_through_their_stages_in_order(synthesized):
    assert Charter.objects.exists() and Registration.objects.exists()
    for record in [
        *Charter.objects.prefetch_related("events"),
        *Registration.objects.prefetch_related("events"),
    ]:
        events = list(record.events.all())
        assert events, record
        assert [e.happened_on for e in events] == sorted(e.happened_on for e in events)
        assert events[-1].stage == record.stage and events[-1].happened_on == record.stage_on
    for registration in Registration.objects.exclude(registered_on=None):
        assert registration.registration_number and registration.expires_on > registration.registered_on
