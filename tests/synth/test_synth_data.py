"""The synthetic data at the tiny scale: every app gets its part, the records keep the models' rules, and the
pages and the API show them to a synthesized coordinator within that coordinator's areas only."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from sanphalang.accounts.services import api_token_create
from sanphalang.areas.models import Area, AreaLevel
from sanphalang.demo.synth import DatabaseNotEmpty, synthesize
from sanphalang.demo.synth.scales import SCALES
from sanphalang.directory.models import Organisation, Person
from sanphalang.meetings.models import ActionItem, Attendance, Meeting
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
    # five years of figures, with the years a fund sent no report left out
    assert 0 < FundYear.objects.count() <= 5 * TINY.funds
    assert set(FundYear.objects.values_list("year_be", flat=True)) <= {2564, 2565, 2566, 2567, 2568}
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
