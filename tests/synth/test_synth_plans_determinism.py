"""The plans part is the same for the same seed and another for another seed, down to each entry's status."""

from django.db import transaction

from sanphalang.demo.synth import synthesize
from sanphalang.plans.models import (
    Charter,
    Indicator,
    PeriodLock,
    ProgressEntry,
    Project,
    Registration,
    TargetSplit,
)


def _rows(queryset) -> list:
    return sorted(queryset, key=repr)


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


def _synthesized(seed: int) -> tuple:
    with transaction.atomic():
        synthesize(scale="tiny", seed=seed)
        fingerprint = plans_fingerprint()
        transaction.set_rollback(True)
    return fingerprint


def test_the_plans_part_is_the_same_for_a_seed_and_differs_for_another(db):
    first = _synthesized(11)
    assert all(first), "every kind of plans record is synthesized"
    assert _synthesized(11) == first
    other = _synthesized(12)
    assert all(a != b for a, b in zip(first, other, strict=True))
