"""What the demo and the synthetic data share when they write records of people in care directly: made-up national
IDs, the search and sort keys the services compute, and a social fund's ledger numbered with its running balance."""

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from pythainlp.util.collate import _RE_TONE, _thkey
from stdnum.th.pin import calc_check_digit

from sanphalang.care.models import EntryKind, LedgerEntry, SocialFund
from sanphalang.thai.collation import SORT_KEY_CHARS, thai_sort_key
from sanphalang.thai.names import compact, strip_person_title

ID_BODY = 10**11  # the eleven digits between the first digit and the check digit
# Odd and not a multiple of 5, so coprime with 10**11: counter → body is one-to-one, and looks random.
ID_SCRAMBLE = 7_919_861_123


class NationalIds:
    """Distinct, well-formed 13-digit IDs that belong to no one: the n-th ID drawn is n scrambled, so no two are
    ever the same and none has to be remembered."""

    def __init__(self, offset: int = 0):
        self.offset = offset
        self.drawn = 0

    def next(self, first_digit: str = "1") -> str:
        body = (self.drawn * ID_SCRAMBLE + self.offset) % ID_BODY
        self.drawn += 1
        digits = f"{first_digit}{body:011d}"
        return digits + calc_check_digit(digits)


@lru_cache(maxsize=200_000)
def _name_part_key(part: str) -> str:
    return compact(strip_person_title(part)[1])


def member_keys(first_name: str, last_name: str) -> tuple[str, str]:
    """(search_key, sort_key) of a member, as person_search_key and thai_sort_key give them, from cached parts:
    the same names come back again and again."""
    search = " ".join(_name_part_key(part) for part in (first_name, last_name) if part)
    return search, _name_sort_key(first_name, last_name)


@lru_cache(maxsize=200_000)
def _sort_part(part: str) -> tuple[str, str]:
    """A name's part of the sort key (hex, without its tone mark) and the first tone mark in it."""
    tone = _RE_TONE.search(part)
    tone = tone.group() if tone else ""
    key = _thkey(part)
    return "".join(f"{ord(ch):04x}" for ch in key[: len(key) - len(tone)]), tone


def _name_sort_key(first_name: str, last_name: str) -> str:
    """thai_sort_key(f"{first_name} {last_name}"): the collation key drops the tone marks of the whole text and
    puts its first one at the end, so it joins from the parts' keys."""
    text = f"{first_name} {last_name}"
    if not (first_name and last_name) or len(text) > SORT_KEY_CHARS or text != text.strip().lower():
        return thai_sort_key(text)
    first, first_tone = _sort_part(first_name)
    last, last_tone = _sort_part(last_name)
    tone = first_tone or last_tone
    return f"{first}0020{last}" + (f"{ord(tone):04x}" if tone else "")


@lru_cache(maxsize=200_000)
def compact_part(text: str) -> str:
    return compact(text)


def household_search_key(house_number: str, address: str) -> str:
    """compact(f"{house_number} {address}"), from the compacted parts (compact drops the space between them)."""
    return compact_part(house_number) + compact_part(address)


class LedgerRefused(Exception):
    """An entry would take the fund below zero."""


class Ledger:
    """The entries of one fund, numbered 1..n in the order added, each with the balance after it; never below
    zero. `finish()` gives the fund its balance and entry count, as the ledger services keep them."""

    def __init__(self, fund: SocialFund):
        self.fund = fund
        self.balance = Decimal("0.00")
        self.entries: list[LedgerEntry] = []

    def can_pay(self, amount: Decimal) -> bool:
        return self.balance - amount >= 0

    def add(self, kind: str, amount: Decimal, on: dt.date, **fields) -> LedgerEntry:
        amount = Decimal(amount).quantize(Decimal("0.01"))
        if self.balance + amount < 0:
            raise LedgerRefused(kind)
        self.balance += amount
        entry = LedgerEntry(
            fund=self.fund,
            number=len(self.entries) + 1,
            kind=kind,
            amount=amount,
            balance_after=self.balance,
            entered_on=on,
            **fields,
        )
        self.entries.append(entry)
        return entry

    def pay(self, request, on: dt.date, **fields) -> LedgerEntry:
        return self.add(EntryKind.PAYMENT, -request.amount, on, request=request, **fields)

    def reverse(self, entry: LedgerEntry, on: dt.date, **fields) -> LedgerEntry:
        return self.add(EntryKind.REVERSAL, -entry.amount, on, reverses=entry, **fields)

    def finish(self) -> SocialFund:
        self.fund.balance = self.balance
        self.fund.entry_count = len(self.entries)
        return self.fund


def write_ledger(ledgers: list[Ledger]) -> list[LedgerEntry]:
    """Write the entries in number order (a reversal after the entry it reverses) and the funds' balances."""
    entries = [entry for ledger in ledgers for entry in ledger.entries]
    for entry in entries:
        entry.fund_id = entry.fund.pk
        entry.request_id = entry.request.pk if entry.request else None
    plain = [e for e in entries if e.reverses is None]
    LedgerEntry.objects.bulk_create(plain, batch_size=2000)
    reversals = [e for e in entries if e.reverses is not None]
    for entry in reversals:
        entry.reverses_id = entry.reverses.pk
    LedgerEntry.objects.bulk_create(reversals, batch_size=2000)
    SocialFund.objects.bulk_update([ledger.finish() for ledger in ledgers], ["balance", "entry_count"])
    return entries
