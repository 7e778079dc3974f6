"""Reads of legal status cases (S8): the days at the current step computed by the database (the most stuck first),
filters, the refusals of those who may not see legal status, and the summary of where cases are stuck."""

import datetime as dt

import pytest
from django.http import Http404

from sanphalang.care.models import StatusStep
from sanphalang.care.selectors.status import status_case_get, status_case_list, status_stuck
from sanphalang.directory.models import Organisation

from .status_data import open_case

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 1, 1)


@pytest.fixture
def cases(cast):
    user = cast.mueang_coordinator
    filed = open_case(user, steps=[(StatusStep.FILED, dt.date(2024, 6, 1))])
    stuck = open_case(user, opened_on=dt.date(2023, 1, 1), steps=[(StatusStep.FILED, dt.date(2023, 2, 1))])
    review = open_case(user, steps=[(StatusStep.DISTRICT_REVIEW, dt.date(2024, 12, 1))])
    granted = open_case(user, steps=[(StatusStep.GRANTED, dt.date(2024, 12, 20))])
    maesai = open_case(
        cast.maesai_coordinator,
        "570901",
        opened_on=dt.date(2023, 12, 1),
        steps=[(StatusStep.FILED, dt.date(2024, 1, 1))],
    )
    return filed, stuck, review, granted, maesai


def test_the_list_gives_days_at_the_step_the_most_stuck_first(cast, cases):
    filed, stuck, review, granted, _maesai = cases
    listed = list(status_case_list(user=cast.mueang_coordinator, today=TODAY))
    assert listed == [stuck, filed, review]
    assert [case.at_step.days for case in listed] == [700, 214, 31]
    assert granted in status_case_list(user=cast.mueang_coordinator, include_closed=True)


def test_the_list_filters_by_step_and_agency(cast, cases):
    filed, stuck, review, *_ = cases
    agency = Organisation.objects.create(name_th="ที่ว่าการอำเภอเมืองเชียงราย", kind="agency", area_id="5701")
    review.agency = agency
    review.save()
    user = cast.mueang_coordinator
    assert list(status_case_list(user=user, step=StatusStep.FILED)) == [stuck, filed]
    assert list(status_case_list(user=user, agency_id=agency.pk)) == [review]


@pytest.mark.parametrize(
    "who", ["chiangrai_partner", "chiangrai_viewer", "maesai_coordinator", "phayao_coordinator"]
)
def test_legal_status_is_refused_to_partners_viewers_and_other_districts(cast, cases, who):
    filed = cases[0]
    assert not status_case_list(user=getattr(cast, who)).filter(pk=filed.pk).exists()
    with pytest.raises(Http404):
        status_case_get(user=getattr(cast, who), pk=filed.pk)


def test_where_cases_are_stuck_counts_for_counts_only_roles_too(cast, cases):
    for user in (cast.chiangrai_viewer, cast.chiangrai_partner):
        rows = {row.step: row for row in status_stuck(user=user, today=TODAY)}
        assert (rows["filed"].count, rows["filed"].median_days, rows["filed"].max_days) == (3, 366, 700)
        assert rows["district_review"].count == 1
        assert "granted" not in rows
    mueang = {row.step: row for row in status_stuck(user=cast.mueang_coordinator, today=TODAY)}
    assert (mueang["filed"].count, mueang["filed"].median_days) == (2, 457)
    assert all(row.count == 0 for row in status_stuck(user=cast.phayao_coordinator, today=TODAY))
