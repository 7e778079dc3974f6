"""The same seed gives the same data; another seed gives other data, for all the parts and for the plans part
alone."""

from django.db import transaction

from sanphalang.care.models import Case, Household, LedgerEntry, LegalStatusCase, Member
from sanphalang.demo.synth import synthesize
from sanphalang.directory.models import Person
from sanphalang.meetings.models import Attendance, Meeting
from sanphalang.plans.models import (
    Charter,
    Indicator,
    PeriodLock,
    ProgressEntry,
    Project,
    Registration,
    TargetSplit,
)
from sanphalang.welfare.models import Fund, FundYear


def _rows(queryset) -> list:
    return sorted(queryset, key=repr)  # repr: some values are None


def plans_fingerprint() -> tuple:
    """The plans part without primary keys or the moment rows were written (auto_now_add)."""
    return (
        _rows(Project.objects.values_list("external_id", "name", "area_id", "status", "owner__name_th")),
        _rows(
            Indicator.objects.values_list(
                "external_id",
                "name",
                "unit",
                "measure__slug",
                "accumulates",
                "baseline",
                "target",
                "counted_by",
            )
        ),
        _rows(TargetSplit.objects.values_list("indicator__external_id", "area_id", "target")),
        _rows(
            ProgressEntry.objects.values_list(
                "indicator__external_id",
                "area_id",
                "period_start",
                "value",
                "denominator",
                "status",
                "version",
                "submitted_at",
                "decided_at",
            )
        ),  # fmt: skip
        _rows(
            PeriodLock.objects.values_list("plan__area_id", "plan__year_be", "period_start", "reopened_at")
        ),
        _rows(Charter.objects.values_list("area_id", "stage", "stage_on", "adopted_by__name_th")),
        _rows(Registration.objects.values_list("area_id", "law", "stage", "stage_on", "registered_on")),
    )


def care_fingerprint() -> tuple:
    """The care part without primary keys, encrypted IDs (a token differs on every encryption) or row moments."""
    return (
        _rows(
            Household.objects.values_list("area_id", "house_number", "address", "income_band", "consent_on")
        ),
        _rows(
            Member.objects.values_list(
                "household__address",
                "title",
                "first_name",
                "last_name",
                "birth_year",
                "legal_status",
                "national_id_lookup",
            )
        ),  # fmt: skip
        _rows(
            Case.objects.values_list(
                "area_id", "kind", "status", "opened_on", "next_follow_up_on", "plan_status"
            )
        ),
        _rows(LedgerEntry.objects.values_list("fund__area_id", "number", "kind", "amount", "balance_after")),
        _rows(LegalStatusCase.objects.values_list("area_id", "status_sought", "step", "step_since")),
    )


def _fingerprint() -> tuple:
    """What the data says, without the primary keys (a database may not give the same ones twice)."""
    return (
        _rows(Fund.objects.values_list("name_th", "area_id", "members", "fund_code", "founded_on", "status")),
        _rows(
            FundYear.objects.values_list("fund__name_th", "fund__area_id", "year_be", "members", "savings")
        ),
        _rows(
            Meeting.objects.values_list(
                "body__name_th", "year_be", "number", "held_on", "status", "chair__first_name"
            )
        ),
        _rows(Person.objects.values_list("first_name", "last_name", "area_id", "phone")),
        _rows(
            Attendance.objects.values_list("meeting__body__name_th", "meeting__held_on", "person__first_name")
        ),
        *plans_fingerprint(),
    )


def _synthesized_fingerprint(seed: int, fingerprint=_fingerprint) -> tuple:
    with transaction.atomic():
        synthesize(scale="tiny", seed=seed)
        fingerprint = fingerprint()
        transaction.set_rollback(True)
    return fingerprint


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(db):
    first = _synthesized_fingerprint(3)
    assert _synthesized_fingerprint(3) == first
    other = _synthesized_fingerprint(4)
    assert all(a != b for a, b in zip(first, other, strict=True))


def test_the_plans_part_is_the_same_for_a_seed_and_differs_for_another(db):
    first = _synthesized_fingerprint(11, plans_fingerprint)
    assert all(first), "every kind of plans record is synthesized"
    assert _synthesized_fingerprint(11, plans_fingerprint) == first
    other = _synthesized_fingerprint(12, plans_fingerprint)
    assert all(a != b for a, b in zip(first, other, strict=True))


def test_the_care_part_is_the_same_for_a_seed_and_differs_for_another(db):
    first = _synthesized_fingerprint(21, care_fingerprint)
    assert all(first), "every kind of care record is synthesized"
    assert _synthesized_fingerprint(21, care_fingerprint) == first
    other = _synthesized_fingerprint(22, care_fingerprint)
    assert all(a != b for a, b in zip(first, other, strict=True))
