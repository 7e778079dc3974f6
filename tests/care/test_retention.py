"""Retention: households whose cases all closed longer ago than the retention period are anonymised by a job (the
daily run queues it once a day); anything still going on keeps its household."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from sanphalang.care.models import Household, HousingWork, LegalStatusCase, Member
from sanphalang.care.services import privacy
from sanphalang.care.services.privacy import RETENTION_JOB, households_past_retention, retention_purge_start
from sanphalang.jobs.models import Job, JobStatus

from .records import NAME, case, household, member

TODAY = dt.date(2026, 6, 1)
SIX_YEARS_AGO = dt.date(2020, 5, 1)
LAST_YEAR = dt.date(2025, 6, 1)


def _household_with_case(closed_on=None, **case_fields) -> Household:
    home = household()
    member(home)
    case(home, closed_on=closed_on, **case_fields)
    return home


def _erased(home: Household) -> bool:
    home.refresh_from_db()
    return home.anonymised_at is not None


def test_only_households_past_the_retention_period_are_anonymised(cast, settings):
    # given the default retention period of five years
    settings.CARE_RETENTION_DAYS = 5 * 365
    old = _household_with_case(SIX_YEARS_AGO)
    recent = _household_with_case(LAST_YEAR)
    still_open = _household_with_case(None)
    old_and_open = _household_with_case(SIX_YEARS_AGO)
    case(old_and_open, kind="poverty")  # a second case, open
    old_with_status_case = _household_with_case(SIX_YEARS_AGO)
    LegalStatusCase.objects.create(
        member=old_with_status_case.members.get(),
        area_id="570101",
        status_sought="status_card",
        opened_on=dt.date(2019, 1, 1),
        step="filed",
        step_since=dt.date(2019, 2, 1),
    )
    old_with_housing = _household_with_case(SIX_YEARS_AGO)
    HousingWork.objects.create(
        household=old_with_housing, area_id="570101", programme="rural_repair", status="under_way"
    )
    never_a_case = household()
    # when the purge runs (the job, as the daily run queues it)
    job = retention_purge_start(by=cast.admin, day=TODAY)
    # then only the household whose only case closed six years ago is anonymised
    assert job.status == JobStatus.DONE and job.result == {"anonymised": 1}
    assert _erased(old)
    assert Member.objects.get(household=old).first_name != NAME
    for kept in (recent, still_open, old_and_open, old_with_status_case, old_with_housing, never_a_case):
        assert not _erased(kept)
    # and the job's progress says how many
    assert (job.done, job.total) == (1, 1)


def test_a_failure_half_way_leaves_every_household_as_it_was(cast, monkeypatch):
    # given three households past the period, the third of which fails to be anonymised
    homes = [_household_with_case(SIX_YEARS_AGO) for _ in range(3)]
    real = privacy.household_anonymise
    calls = []

    def fail_on_the_third(**kwargs):
        calls.append(kwargs["household"].pk)
        if len(calls) == 3:
            raise RuntimeError("killed")
        return real(**kwargs)

    monkeypatch.setattr(privacy, "household_anonymise", fail_on_the_third)
    # when the purge runs
    job = retention_purge_start(by=cast.admin, day=TODAY)
    # then the job failed and the two households it had anonymised are as they were
    assert job.status == JobStatus.FAILED and len(calls) == 3
    assert not any(_erased(home) for home in homes)
    assert all(Member.objects.get(household=home).first_name == NAME for home in homes)


def test_the_daily_run_queues_the_purge_once_a_day(cast):
    # given a household past the period
    old = _household_with_case(SIX_YEARS_AGO)
    # when the daily run runs twice on one day
    out = io.StringIO()
    call_command("remind", date=TODAY.isoformat(), stdout=out)
    call_command("remind", date=TODAY.isoformat(), stdout=out)
    # then one purge ran, and the household is anonymised
    assert Job.objects.filter(kind=RETENTION_JOB).count() == 1
    assert _erased(old)
    assert "queued already" in out.getvalue()
    # and the next day's run queues the next one
    call_command("remind", date=(TODAY + dt.timedelta(days=1)).isoformat(), stdout=io.StringIO())
    assert Job.objects.filter(kind=RETENTION_JOB).count() == 2


def test_the_daily_run_without_an_administrator_queues_nothing(db):
    out = io.StringIO()
    call_command("remind", date=TODAY.isoformat(), stdout=out)
    assert not Job.objects.filter(kind=RETENTION_JOB).exists()
    assert "not queued" in out.getvalue()


def test_the_command_runs_the_purge_now(cast):
    old = _household_with_case(SIX_YEARS_AGO)
    out = io.StringIO()
    call_command("care_purge", "--now", stdout=out)
    assert _erased(old)
    job = Job.objects.get(kind=RETENTION_JOB)
    assert job.status == JobStatus.DONE and job.result == {"anonymised": 1}


def test_the_command_refuses_a_user_who_is_not_an_administrator(cast):
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command(
            "care_purge", "--now", "--user", cast.chiangrai_coordinator.username, stdout=io.StringIO()
        )
    assert not Job.objects.filter(kind=RETENTION_JOB).exists()


def test_the_retention_period_is_a_setting(cast, settings):
    # given a case closed last year and a retention period of 300 days
    recent = _household_with_case(LAST_YEAR)
    settings.CARE_RETENTION_DAYS = 300
    # then it is past the period
    assert list(households_past_retention(today=TODAY)) == [recent]
