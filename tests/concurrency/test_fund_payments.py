"""Payments from the social fund made at the same moment (S5), in threads with their own database connections:
those the balance covers land, the others are refused, and the fund is never overdrawn, on SQLite and PostgreSQL
alike (PostgreSQL makes each payment wait on the fund's row; SQLite lets one writer in at a time)."""

import threading
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import connection

from sanphalang.care.models import EntryKind, LedgerEntry, RequestStatus, SocialFund
from sanphalang.care.selectors.fund import ledger_balances
from sanphalang.care.services.fund import fund_request_decide, fund_request_make, fund_request_pay
from tests.care.fund_data import a_case, a_fund, funded
from tests.concurrency.test_races import save_waiting_for_the_lock
from tests.conftest import build_cast
from tests.e2e.conftest import official_areas_copy, reference_data  # noqa: F401 (fixtures)


# reference_data: a test that ran before in this process may have emptied the tables, the official areas with them.
def test_payments_at_once_that_together_exceed_the_balance_never_overdraw(reference_data):  # noqa: F811
    # given a fund holding 1,000 baht and three approved requests of 400 baht each
    cast = build_cast()
    fund = a_fund(cast)
    funded(cast, fund, "1000.00")
    case = a_case(by=cast.maesai_coordinator)
    requests = []
    for _n in range(3):
        request = fund_request_make(
            by=cast.maesai_coordinator, fund=fund, case=case, amount=Decimal("400.00"), purpose="ค่ารักษาพยาบาล"
        )
        fund_request_decide(by=cast.chiangrai_coordinator, request=request, approves=True)
        requests.append(fund_request_decide(by=cast.mueang_coordinator, request=request, approves=True))
    all_ready = threading.Barrier(len(requests))
    outcomes: dict[int, object] = {}

    def pay(request) -> None:
        try:
            all_ready.wait(timeout=30)
            # when the province pays all three at once
            save_waiting_for_the_lock(
                lambda: fund_request_pay(by=cast.chiangrai_coordinator, request=request)
            )
            outcomes[request.pk] = "paid"
        except ValidationError as refusal:
            outcomes[request.pk] = refusal
        except Exception as error:  # noqa: BLE001 - shown by the assertion below
            outcomes[request.pk] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # then two land, the third is refused for want of money, and the ledger balances at 200 baht
    paid = [pk for pk, outcome in outcomes.items() if outcome == "paid"]
    refused = [outcome for outcome in outcomes.values() if isinstance(outcome, ValidationError)]
    assert len(paid) == 2 and len(refused) == 1, outcomes
    assert refused[0].error_dict["amount"][0].code == "not_enough_balance"
    saved = SocialFund.objects.get(pk=fund.pk)
    assert saved.balance == Decimal("200.00") and saved.entry_count == 3
    assert LedgerEntry.objects.filter(fund=fund, kind=EntryKind.PAYMENT).count() == 2
    assert sorted(LedgerEntry.objects.filter(fund=fund).values_list("balance_after", flat=True)) == [
        Decimal("200.00"),
        Decimal("600.00"),
        Decimal("1000.00"),
    ]
    assert ledger_balances(saved).balances
    statuses = sorted(type(request).objects.get(pk=request.pk).status for request in requests)
    assert statuses == sorted([RequestStatus.PAID, RequestStatus.PAID, RequestStatus.APPROVED])
