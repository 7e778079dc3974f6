"""The same seed gives the same data; another seed gives other data."""

from django.db import transaction

from sanphalang.demo.synth import synthesize
from sanphalang.directory.models import Person
from sanphalang.meetings.models import Attendance, Meeting
from sanphalang.welfare.models import Fund, FundYear

from .test_synth_plans_determinism import plans_fingerprint


def _rows(queryset) -> list:
    return sorted(queryset, key=repr)  # repr: some values are None


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


def _synthesized_fingerprint(seed: int) -> tuple:
    with transaction.atomic():
        synthesize(scale="tiny", seed=seed)
        fingerprint = _fingerprint()
        transaction.set_rollback(True)
    return fingerprint


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(db):
    first = _synthesized_fingerprint(3)
    assert _synthesized_fingerprint(3) == first
    other = _synthesized_fingerprint(4)
    assert all(a != b for a, b in zip(first, other, strict=True))
