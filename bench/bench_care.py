"""The coordinator's caseload and the household search, on synthetic people in care, against the bare indexed SQL
for the same rows.

What is timed is what the page reads and shows: the caseload selector's first page of due cases with the
approvals and unanswered referrals beside it, each person turned into what the reader may see (member_shown),
and the household search's first page of members found by a fragment of a name, by a national ID and by a
fragment of an address. The baseline is hand-written SQL over the same indexes returning the same rows, unscoped
and untranslated; both must give the same ids. The whole page (the test client's request, templates included) is
timed too and printed beside them. Target: at most 2x the baseline's time.

By default one province (Chiang Rai, 30,000 households) on SQLite, as CI runs it; `--national` builds all of
Thailand (1.3 million households, about 200,000 open cases): run it on PostgreSQL
(`DATABASE_URL=postgres://postgres@127.0.0.1:5432/<new database> python bench/bench_care.py --national`).
"""

import dataclasses
import datetime as dt
import sys
import time

from common import best_of, best_of_interleaved, report, setup_django

SEED = 1
ROUNDS = 9
PAGE = 50
# The approvals and unanswered referrals the caseload lists beside the due cases (selectors/cases.py).
LISTED = 50
LIMIT = 2.0


def _build(national: bool) -> None:
    from sanphalang.demo.synth import synthesize
    from sanphalang.demo.synth.scales import SCALES

    if national:
        scale = dataclasses.replace(SCALES["national"], name="national-care", meetings=0, funds=500)
    else:
        scale = dataclasses.replace(SCALES["province"], name="province-care", meetings=0, funds=40)
    started = time.perf_counter()
    ctx = synthesize(scale=scale, seed=SEED)
    counts = ctx.counts
    print(
        f"synthetic data in {time.perf_counter() - started:.0f} s (the care part "
        f"{ctx.made['seconds']['care']:.0f} s): {counts['care.Household']:,} households, "
        f"{counts['care.Member']:,} members, {counts['care.Case']:,} cases"
    )


def _rows(cursor, sql: str, params) -> list:
    cursor.execute(sql, params)
    return cursor.fetchall()


def caseload_sql(area: str, today: dt.date, user_id: int) -> list[list[int]]:
    """The due page, the plans and closures waiting for someone else's approval, the referrals unanswered for two
    weeks: their case ids, from four statements on the caseload's indexes."""
    from django.db import connection

    prefix = f"{area}%"
    with connection.cursor() as cursor:
        due = _rows(
            cursor,
            "SELECT c.id, c.kind, c.next_follow_up_on, h.house_number, h.address, m.title, m.first_name, "
            "m.last_name, m.birth_year, m.sex, m.national_id_last_four, a.name_th FROM care_case c "
            "JOIN care_household h ON h.id = c.household_id LEFT JOIN care_member m ON m.id = c.member_id "
            "JOIN areas_area a ON a.code = c.area_id "
            "WHERE c.area_id LIKE %s AND c.status = 'open' AND c.next_follow_up_on <= %s "
            "ORDER BY c.next_follow_up_on, c.id LIMIT %s",
            [prefix, today + dt.timedelta(days=7), PAGE],
        )
        plans = _rows(
            cursor,
            "SELECT c.id FROM care_case c WHERE c.area_id LIKE %s AND c.plan_status = 'submitted' "
            "AND c.status IN ('open', 'closing') AND (c.plan_submitted_by_id IS NULL OR c.plan_submitted_by_id <> %s) "
            "ORDER BY c.updated_at, c.id LIMIT %s",
            [prefix, user_id, LISTED],
        )
        closures = _rows(
            cursor,
            "SELECT c.id FROM care_case c WHERE c.area_id LIKE %s AND c.status = 'closing' "
            "AND (c.closure_requested_by_id IS NULL OR c.closure_requested_by_id <> %s) "
            "ORDER BY c.closure_requested_at, c.id LIMIT %s",
            [prefix, user_id, LISTED],
        )
        referrals = _rows(
            cursor,
            "SELECT r.case_id FROM care_referral r JOIN care_case c ON c.id = r.case_id "
            "WHERE c.area_id LIKE %s AND r.status = 'in_progress' AND r.sent_on <= %s "
            "ORDER BY r.sent_on, r.id LIMIT %s",
            [prefix, today - dt.timedelta(days=14), LISTED],
        )
    return [[row[0] for row in rows] for rows in (due, plans, closures, referrals)]


def caseload_selector(user, today: dt.date) -> list[list[int]]:
    from sanphalang.care.selectors.cases import caseload
    from sanphalang.care.selectors.shown import member_shown

    load = caseload(user=user, today=today)
    due = list(load.due[:PAGE])
    for case in due:
        if case.member_id:
            member_shown(user=user, member=case.member, today=today)
    return [
        [case.pk for case in due],
        [case.pk for case in load.plans_to_approve],
        [case.pk for case in load.closures_to_approve],
        [referral.case_id for referral in load.stale_referrals],
    ]


def search_sql(area: str, query: str, *, lookup: str = "") -> list[int]:
    """Members of the area found by an ID's lookup hash, or else by every word of the query in their name or the
    whole query in their household's address."""
    from django.db import connection

    from sanphalang.thai.names import compact
    from sanphalang.thai.search import search_terms

    columns = (
        "SELECT m.id, m.title, m.first_name, m.last_name, m.birth_year, m.sex, m.national_id_last_four, "
        "h.house_number, h.address, a.name_th FROM care_member m JOIN care_household h ON h.id = m.household_id "
        "JOIN areas_area a ON a.code = h.area_id WHERE m.area_id LIKE %s AND "
    )
    if lookup:
        where, params = "m.national_id_lookup = %s", [lookup]
    else:
        terms = search_terms(query, expand=False)
        name = " AND ".join("m.search_key LIKE %s" for _term in terms)
        where = (
            f"(({name}) OR m.household_id IN (SELECT id FROM care_household WHERE area_id LIKE %s "
            "AND search_key LIKE %s LIMIT 2000))"
        )
        params = [*(f"%{term}%" for term in terms), f"{area}%", f"%{compact(query)}%"]
    with connection.cursor() as cursor:
        rows = _rows(
            cursor, columns + where + " ORDER BY m.sort_key, m.id LIMIT %s", [f"{area}%", *params, PAGE]
        )
    return [row[0] for row in rows]


def search_selector(user, query: str) -> list[int]:
    from sanphalang.care.selectors.households import household_search
    from sanphalang.care.selectors.shown import household_shown, member_shown

    members = list(household_search(user=user, query=query)[:PAGE])
    for member in members:
        member_shown(user=user, member=member)
        household_shown(user=user, household=member.household)
    return [member.pk for member in members]


def _page_seconds(client, method: str, url: str, data=None) -> float:
    def request():
        response = getattr(client, method)(url, data or {})
        assert response.status_code == 200, response.status_code

    return best_of(3, request)


def main() -> int:
    national = "--national" in sys.argv
    setup_django()
    _build(national)

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    from sanphalang.care.models import Case, CaseStatus, Member
    from sanphalang.care.protection import decrypt_national_id
    from sanphalang.thai.names import compact

    today = dt.date.today()
    users = get_user_model().objects
    # The busiest district of the province, as its coordinator reads it, and the whole province as its own does.
    province = "10" if national else "57"
    district = (
        Case.objects.filter(area__pk__startswith=province, status=CaseStatus.OPEN)
        .values_list("area_id", flat=True)
        .order_by("area_id")
    )
    counts: dict[str, int] = {}
    for code in district.iterator():
        counts[code[:4]] = counts.get(code[:4], 0) + 1
    busiest = max(counts, key=counts.get)
    readers = [
        (f"district {busiest}", users.get(username=f"synth-d{busiest}"), busiest)
        if users.filter(username=f"synth-d{busiest}").exists()
        else None,
        (f"province {province}", users.get(username=f"synth-p{province}"), province),
    ]
    failures = 0
    for label, user, area in [reader for reader in readers if reader]:
        base, measured = best_of_interleaved(
            ROUNDS,
            lambda area=area, user=user: caseload_sql(area, today, user.pk),
            lambda user=user: caseload_selector(user, today),
        )
        expected, got = caseload_sql(area, today, user.pk), caseload_selector(user, today)
        assert expected == got, f"the caseloads of {label} differ: {expected} vs {got}"
        client = Client()
        client.force_login(user)
        page = _page_seconds(client, "get", reverse("care:caseload"))
        print(f"caseload page of {label}: {page * 1000:.1f} ms end to end")
        failures += report(f"caseload, {label}", measured * 1000, base * 1000, unit="ms", limit=LIMIT,
                           higher_is_better=False)  # fmt: skip

        member = (
            Member.objects.filter(area__pk__startswith=area)
            .exclude(national_id_token="")
            .order_by("pk")[len(area) * 97]
        )
        name = compact(member.last_name)[:4] or compact(member.first_name)[:4]
        address = compact(member.household.address)[-6:]
        digits = decrypt_national_id(member.national_id_token)
        queries = [
            ("a fragment of a name", name, {}),
            ("a national ID", digits, {"lookup": member.national_id_lookup}),
            ("a fragment of an address", address, {}),
        ]
        for what, query, spec in queries:
            base, measured = best_of_interleaved(
                ROUNDS, lambda area=area, query=query, spec=spec: search_sql(area, query, **spec),
                lambda user=user, query=query: search_selector(user, query),
            )  # fmt: skip
            found = search_sql(area, query, **spec)
            assert found == search_selector(user, query), f"the searches by {what} differ"
            page = _page_seconds(client, "post", reverse("care:household_search"), {"q": query})
            print(
                f"search of {label} by {what} ({len(found)} on the first page): {page * 1000:.1f} ms end to end"
            )
            failures += report(f"search by {what}, {label}", measured * 1000, base * 1000, unit="ms", limit=LIMIT,
                               higher_is_better=False)  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
