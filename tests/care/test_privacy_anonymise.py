"""Erasing a household's personal data on request: every personal field and its history go, every figure stays,
and the household cannot be filled in again."""

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Count, Sum

from sanphalang.accounts.models import AccessAction, AccessLog
from sanphalang.care.access import require_not_anonymised
from sanphalang.care.errors import CareError
from sanphalang.care.models import Case, Help, Household, LedgerEntry, Member
from sanphalang.care.services.privacy import ErasureReason, household_anonymise
from sanphalang.errors import Access, AccessDenied

from .records import ADDRESS, ILLNESS, NAME, NATIONAL_ID, PHONE, SURNAME, TEXT, everything, household, member

SECRETS = [NAME, SURNAME, ADDRESS, PHONE, ILLNESS, TEXT, NATIONAL_ID, NATIONAL_ID[-4:] + "'", "99/9"]


def _every_care_value() -> str:
    """Every text of every row of the care app's tables and their history tables, as one string."""
    dumped = []
    with connection.cursor() as cursor:
        for model in apps.get_app_config("care").get_models():
            cursor.execute(f"SELECT * FROM {model._meta.db_table}")  # noqa: S608 (our own table names)
            dumped.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(dumped)


def _figures() -> dict:
    return {
        "households": list(Household.objects.values("area_id").annotate(n=Count("pk")).order_by("area_id")),
        "members": list(
            Member.objects.values("area_id", "sex", "birth_year", "legal_status", "disability")
            .annotate(n=Count("pk"))
            .order_by("area_id", "sex", "birth_year", "legal_status", "disability")
        ),
        "cases": list(
            Case.objects.values("area_id", "kind", "status", "opened_on", "closed_on")
            .annotate(n=Count("pk"))
            .order_by("area_id", "kind", "status", "opened_on")
        ),
        "help": list(
            Help.objects.values("kind").annotate(n=Count("pk"), total=Sum("amount")).order_by("kind")
        ),
        "ledger": list(
            LedgerEntry.objects.values_list("fund_id", "number", "kind", "amount", "balance_after", "note")
        ),
    }


def test_it_erases_every_personal_field_and_its_history_and_keeps_every_figure(
    cast, django_capture_on_commit_callbacks
):
    # given a household with every kind of record, and another household that must be left alone
    records = everything(cast.admin)
    elsewhere = household("570901", house_number="1", address="ถนนอื่น", phone="021111111", note="")
    other = member(elsewhere, first_name="สมหมายอื่น", last_name="ใจดี", phone="", chronic_illness="")
    before = _figures()
    assert all(secret in _every_care_value() for secret in (NAME, ADDRESS, TEXT))
    document_path = records.document.file.path
    # when an administrator erases it on the household's request
    with django_capture_on_commit_callbacks(execute=True):
        erased = household_anonymise(by=cast.admin, household=records.household, reason=ErasureReason.REQUEST)
    # then no personal value is left in any care table or history table
    remaining = _every_care_value()
    for secret in SECRETS:
        assert secret not in remaining, secret
    # and the other household is as it was
    other.refresh_from_db()
    assert other.first_name == "สมหมายอื่น" and other.history.exists()
    # and the names read the placeholder in Thai, the national ID is gone, and the household says when
    head = Member.objects.get(pk=records.head.pk)
    assert head.first_name == "ข้อมูลถูกลบตามคำขอ" and head.last_name == "" and not head.has_national_id
    assert erased.anonymised_at is not None
    # and every figure is the same, the ledger untouched
    assert _figures() == before
    assert (head.birth_year, head.sex) == (1950, "female")
    # and the legal status document is deleted from storage
    assert not records.document.file.storage.exists(document_path)
    # and the log keeps the fact and the reason's code, nothing personal
    entries = AccessLog.objects.filter(action=AccessAction.ERASE)
    assert {(e.model, e.object_id) for e in entries} == {
        ("care.household", str(records.household.pk)),
        ("care.member", str(records.head.pk)),
        ("care.member", str(records.child.pk)),
    }
    assert {e.detail for e in entries} == {"request"}
    assert not any(NAME in e.object_repr or NAME in e.detail for e in AccessLog.objects.all())


def test_an_erased_household_cannot_be_changed_or_erased_again(cast):
    # given an erased household
    home = household()
    household_anonymise(by=cast.admin, household=home, reason=ErasureReason.CONSENT_WITHDRAWN)
    home.refresh_from_db()
    # then the helper the other services call refuses a change
    with pytest.raises(ValidationError) as refused:
        require_not_anonymised(home)
    assert refused.value.code == CareError.HOUSEHOLD_ERASED.code
    # and erasing it again is refused the same way
    with pytest.raises(ValidationError):
        household_anonymise(by=cast.admin, household=home, reason=ErasureReason.REQUEST)
    assert AccessLog.objects.filter(action=AccessAction.ERASE).count() == 1


def test_a_household_not_erased_may_be_changed(cast):
    require_not_anonymised(household())


@pytest.mark.parametrize(
    "who", ["chiangrai_coordinator", "mueang_coordinator", "chiangrai_viewer", "chiangrai_partner"]
)
def test_it_refuses_anyone_but_an_administrator(cast, who):
    # given a household of Mueang Chiang Rai, which its coordinators see
    home = household()
    member(home)
    # when someone other than an administrator erases it
    with pytest.raises(AccessDenied) as refused:
        household_anonymise(by=getattr(cast, who), household=home, reason=ErasureReason.REQUEST)
    # then it is refused, and nothing is erased
    assert str(refused.value) == Access.ADMINISTRATOR_ONLY_ERASE.message()
    assert Member.objects.get(household=home).first_name == NAME


def test_it_refuses_an_unknown_reason(cast):
    home = household()
    with pytest.raises(ValidationError) as refused:
        household_anonymise(by=cast.admin, household=home, reason="because")
    assert refused.value.error_dict["reason"][0].code == CareError.ERASURE_REASON_REQUIRED.code
    home.refresh_from_db()
    assert home.anonymised_at is None


def test_a_failed_erasure_leaves_everything_as_it_was(cast, monkeypatch):
    # given a household whose erasure fails after its members are blanked
    records = everything(cast.admin, closed_on=dt.date(2020, 1, 1))
    from sanphalang.care.services import privacy

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(privacy, "log_access", fail)
    with pytest.raises(RuntimeError):
        household_anonymise(by=cast.admin, household=records.household, reason=ErasureReason.REQUEST)
    # then nothing of it was erased, its document file included
    assert Member.objects.get(pk=records.head.pk).first_name == NAME
    assert records.document.file.storage.exists(records.document.file.name)
    assert Household.objects.get(pk=records.household.pk).anonymised_at is None
