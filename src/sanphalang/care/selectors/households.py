"""Reads of households and their members: one household (each read in the access log), a search of members by
national ID, name or address, and the counts that every role of an area sees (never names).

The search is built for a million households on PostgreSQL: names and addresses are matched with LIKE on their
compact search keys (`__contains`, which the trigram indexes of migration 0002 answer; `icontains` would not use
them), and an ID by its keyed hash, so no one else's ID is decrypted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from django.http import Http404

from sanphalang.accounts.audit import log_access
from sanphalang.accounts.models import AccessAction
from sanphalang.areas.models import Area
from sanphalang.areas.scoping import scope_for
from sanphalang.thai.digits import to_arabic_digits
from sanphalang.thai.names import compact
from sanphalang.thai.search import search_terms, search_text

from ..access import counts_q, people_q, require_care_write, require_sees_people, sees_people
from ..models import Household, Member
from ..protection import national_id_lookup

if TYPE_CHECKING:
    from sanphalang.accounts.models import User

_ID_SPELLING = re.compile(r"[\s\-.]")
# An address fragment that matches more households than this is too wide to be a search: only these are looked at.
ADDRESS_MATCHES_MAX = 2000
# How long an area code is one level below one of this length (a subdistrict's households: by village).
_CHILD_CODE_LENGTH = {0: 2, 2: 4, 4: 6}


def _households(user: User) -> QuerySet[Household]:
    return (
        Household.objects.filter(people_q(user, "area_id"))
        .select_related("area__parent__parent__parent")
        .prefetch_related(Prefetch("members", queryset=Member.objects.order_by("pk")))
    )


def _read(user: User, records: QuerySet, pk: int, channel: str):
    """One record of a person, for a role that sees the people of its area (the others see counts only, and are
    refused); not found outside the user's areas; the read is written to the access log."""
    if not sees_people(user):
        require_sees_people(user, None)
    try:
        record = records.get(pk=pk)
    except (records.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    log_access(user, AccessAction.READ, record, channel=channel)
    return record


def household_get(*, user: User, pk: int, channel: str = "web") -> Household:
    """One household with its members."""
    return _read(user, _households(user), pk, channel)


def household_get_for_change(*, user: User, pk: int, channel: str = "web") -> Household:
    household = household_get(user=user, pk=pk, channel=channel)
    require_care_write(user, household.area_id)
    return household


def member_get(*, user: User, pk: int, channel: str = "web") -> Member:
    """One member with their household."""
    members = Member.objects.filter(people_q(user, "area_id")).select_related("household__area")
    return _read(user, members, pk, channel)


def member_get_for_change(*, user: User, pk: int, channel: str = "web") -> Member:
    member = member_get(user=user, pk=pk, channel=channel)
    require_care_write(user, member.area_id)
    return member


def national_id_digits(query: str) -> str | None:
    """The 13 digits when the query is a national ID in any spelling (Thai digits, dashes, spaces), else None."""
    digits = _ID_SPELLING.sub("", to_arabic_digits(search_text(query).strip()))
    return digits if len(digits) == 13 and digits.isdigit() else None


def _name_q(query: str) -> Q | None:
    terms = search_terms(query, expand=False)
    if not terms:
        return None
    return reduce(and_, (Q(search_key__contains=term) for term in terms))


def _address_households(user: User, query: str, area: str | None) -> list[int]:
    key = compact(search_text(query))
    if not key:
        return []
    households = Household.objects.filter(people_q(user, "area_id"), search_key__contains=key)
    if area:
        households = households.filter(area__pk__startswith=area)
    return list(households.order_by().values_list("pk", flat=True)[:ADDRESS_MATCHES_MAX])


def household_search(*, user: User, query: str, area: str | None = None) -> QuerySet[Member]:
    """Members the user sees in full (with their household) found by a national ID (any spelling), or by a
    fragment of a name (every word of it) or of the household's address or house number; in Thai order."""
    members = Member.objects.filter(people_q(user, "area_id"))
    if area:
        members = members.filter(area__pk__startswith=area)
    digits = national_id_digits(query or "")
    if digits:
        members = members.filter(national_id_lookup=national_id_lookup(digits))
    else:
        name = _name_q(query or "")
        # A literal list of households: PostgreSQL then combines the two indexes (a subquery would scan).
        address = _address_households(user, query or "", area)
        wanted = [q for q in (name, Q(household_id__in=address) if address else None) if q is not None]
        if not wanted:
            return Member.objects.none()
        members = members.filter(reduce(lambda a, b: a | b, wanted))
    return members.select_related("household__area").order_by("sort_key", "pk")


@dataclass(frozen=True)
class CountRow:
    area: Area | None
    code: str
    households: int = 0
    elderly_alone: int = 0
    bedridden: int = 0
    disabled: int = 0


@dataclass(frozen=True)
class HouseholdCounts:
    within: Area | None  # None: all the user's areas
    rows: list[CountRow]
    total: CountRow


def _base_code(user: User, area: str | None) -> str:
    scope = scope_for(user)
    if area:
        return area
    if scope.national or len(scope.prefixes) != 1:
        return ""
    return scope.prefixes[0]


def household_counts(*, user: User, area: str | None = None) -> HouseholdCounts:
    """How many households, and members elderly and alone, bedridden or disabled, in each area one level below
    the user's area (or the area given), that any role of the area sees: counts, never names. In two grouped
    queries."""
    base = _base_code(user, area)
    length = _CHILD_CODE_LENGTH.get(len(base))
    within = Q(area__pk__startswith=base) if base else Q()
    group = Substr("area_id", 1, length) if length else Substr("area_id", 1, 20)
    household_rows = (
        Household.objects.filter(counts_q(user, "area_id"), within)
        .annotate(code=group)
        .values("code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    member_rows = (
        Member.objects.filter(counts_q(user, "area_id"), within)
        .annotate(code=group)
        .values("code")
        .annotate(
            elderly_alone=Count("pk", filter=Q(elderly_alone=True)),
            bedridden=Count("pk", filter=Q(bedridden=True)),
            disabled=Count("pk", filter=~Q(disability="")),
        )
        .order_by()
    )
    by_code: dict[str, dict] = {}
    for row in household_rows:
        by_code.setdefault(row["code"], {})["households"] = row["n"]
    for row in member_rows:
        by_code.setdefault(row["code"], {}).update(
            {name: row[name] for name in ("elderly_alone", "bedridden", "disabled")}
        )
    areas = Area.objects.in_bulk(list(by_code))
    rows = [CountRow(area=areas.get(code), code=code, **values) for code, values in sorted(by_code.items())]
    total = CountRow(
        area=None,
        code=base,
        **{
            name: sum(getattr(row, name) for row in rows)
            for name in ("households", "elderly_alone", "bedridden", "disabled")
        },
    )
    return HouseholdCounts(
        within=Area.objects.filter(code=base).first() if base else None, rows=rows, total=total
    )
