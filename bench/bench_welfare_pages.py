"""The welfare registry's pages at national scale on PostgreSQL: the fund list, the API list, the exports and the
roll-up by district, each against a bare baseline measured in the same run.

National data: about 10,000 funds in all 77 provinces (the generator of the linkage benchmark, demo/fund_sources),
five years of their figures, and the ~24,000 rows of three national sources linked to them, some waiting for
review; written with bulk inserts into a database of its own, created and dropped here. Without a PostgreSQL
server (SANPHALANG_BENCH_POSTGRES, else DATABASE_URL's server, else postgres@127.0.0.1:5432) it says so and
exits 0. Everything is timed through the test client, as a logged-in national administrator meets it
(the API as a script calls it: with its token alone, no session):

- fund list, page 1, a middle page and the last: the page against a plain view running the bare page query by
  hand (the page's ids by ORDER BY sort_key, id LIMIT/OFFSET, their rows, areas and record counts; and the count)
  and rendering a bare template of the same rows in the site's layout. Target: within 2x, whatever the page.
- API list (/api/welfare/funds) at the same offsets against a plain JsonResponse of the same query's rows.
  Target: within 2x.
- exports (CSV, XLSX) of every fund: rows a second (target at least 20,000), the bare read of the same rows
  printed beside it; and memory: tracemalloc's peak while streaming all funds against streaming the ~2,400 a
  source lacks (target: at most 1.5x, i.e. memory does not grow with the rows).
- roll-up page by district with the latest year's figures: against running its own queries again by hand plus
  a bare template of the same rows. Target: within 2x.
- the roll-up's query (the selector) against the one bare grouped query summing the year's figures per
  district. Target: at most 2x.
"""

import hashlib
import os
import random
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from common import best_of, best_of_interleaved, postgres_database_url, postgres_server, report, setup_django

FUNDS = 10_000
SEED = 20
YEARS = range(2564, 2569)
ROUNDS = 7
REVIEW_RATE = 0.04
MEMORY_RATIO_LIMIT = 1.5
WORKLIST_FILL_LIMIT = 3.0
WORKLIST_REFRESH_LIMIT = 3.0
EXPORT_RATE_TARGET = 20_000

urlpatterns: list = []  # this module is the bench's URLconf: the app's routes and the baselines


def _load() -> dict:
    """National funds, their years and three national sources' rows, as bulk inserts; the sources' ids."""
    import geothai

    from sanphalang.demo.fund_sources import NAME_FORMS, generate_registry
    from sanphalang.demo.welfare_loader import money, year_figures
    from sanphalang.welfare.models import Fund, FundYear, Source, SourceKind, SourceRecord
    from sanphalang.welfare.services.registry import set_fund_keys

    rng = random.Random(SEED)
    provinces = tuple(p.code for p in geothai.provinces())
    registry = generate_registry(FUNDS, seed=SEED, provinces=provinces)
    funds, seen = [], set()
    for planned in registry.funds:
        name = NAME_FORMS[planned.kind][0].format(x=planned.core_name)
        if (planned.area_code, name) in seen:
            continue
        seen.add((planned.area_code, name))
        fund = Fund(
            name_th=name,
            area_id=planned.area_code,
            is_municipal=planned.kind == "municipality",
            fund_code=planned.fund_code,
            founded_on=planned.founded,
            status=planned.status,
            members=planned.members,
        )
        fund.planned_id = planned.fund_id
        set_fund_keys(fund)
        funds.append(fund)
    Fund.objects.bulk_create(funds, batch_size=2000)
    fund_of = {fund.planned_id: fund for fund in funds}
    years = []
    for fund in funds:
        members, balance = fund.members, money(fund.members * rng.uniform(500, 1500))
        for year in YEARS:
            members = max(1, round(members * rng.uniform(0.97, 1.08)))
            values = year_figures(members, rng, balance)
            balance = values["balance"]
            if rng.random() < 0.9:  # one year in ten is not reported
                years.append(FundYear(fund=fund, year_be=year, **values))
    FundYear.objects.bulk_create(years, batch_size=5000)
    sources = {}
    records = []
    for kind, rows in registry.sources.items():
        source = Source.objects.create(name=f"{kind} ทั้งประเทศ", kind=SourceKind(kind), area_id="TH")
        sources[kind] = source.pk
        for record in rows:
            fund = fund_of.get(registry.truth[(kind, record.row)])
            data = {
                k: str(v)
                for k, v in vars(record).items()
                if k not in ("source", "row") and v not in ("", None)
            }
            records.append(
                SourceRecord(
                    source=source,
                    row=record.row,
                    data=data,
                    fund_name=record.fund_name,
                    area_id=fund.area_id if fund else None,
                    fund=fund,
                    link_score=rng.uniform(0.6, 1.0),
                    needs_review=rng.random() < REVIEW_RATE,
                )
            )
    SourceRecord.objects.bulk_create(records, batch_size=5000)
    return sources


BARE_PAGE_SQL = """
    SELECT f.id, f.name_th, f.status, f.members, a.name_th, a.level, p.name_th, a.path_th, a.path_en,
           f.area_id, f.fund_code, f.founded_on, f.is_municipal, f.registered_welfare_organisation,
           (SELECT count(*) FROM welfare_sourcerecord r WHERE r.fund_id = f.id),
           (SELECT count(*) FROM welfare_sourcerecord r WHERE r.fund_id = f.id AND r.needs_review)
    FROM (SELECT id FROM welfare_fund ORDER BY sort_key, id LIMIT %s OFFSET %s) page
    JOIN welfare_fund f ON f.id = page.id
    JOIN areas_area a ON a.code = f.area_id
    LEFT JOIN areas_area p ON p.code = a.parent_id
    ORDER BY f.sort_key, f.id
"""

BARE_LIST = """{% extends "base.html" %}{% block content %}<h1>funds</h1><p>{{ total }}</p><table><tbody>
{% for r in rows %}<tr><td><a href="/welfare/funds/{{ r.0 }}/">{{ r.1 }}</a>{% if r.15 %} !{% endif %}</td>
<td>{{ r.4 }}<div>{{ r.6 }}</div></td><td>{{ r.2 }}</td><td>{{ r.3 }}</td><td>{{ r.14 }}</td></tr>{% endfor %}
</tbody></table>{% endblock %}"""

BARE_ROLLUP = """{% extends "base.html" %}{% block content %}<h1>rollup</h1><table><tbody>
{% for r in rows %}<tr><td>{{ r.name }} ({{ r.code }})</td><td>{{ r.funds }}</td><td>{{ r.members }}</td>
<td>{{ r.figures.reporting }}</td><td>{{ r.figures.members }} {{ r.change.members }}</td>
<td>{{ r.figures.savings }} {{ r.change.savings }}</td><td>{{ r.matching_total }}</td><td>{{ r.benefits_total }}</td>
<td>{{ r.figures.balance }} {{ r.change.balance }}</td></tr>{% endfor %}</tbody></table>{% endblock %}"""


def _page_rows(offset: int, limit: int) -> tuple[int, list]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM welfare_fund")
        (total,) = cursor.fetchone()
        cursor.execute(BARE_PAGE_SQL, [limit, offset])
        return total, cursor.fetchall()


def _timed_get(client, path: str, **headers):
    def run():
        response = client.get(path, headers=headers)
        assert response.status_code == 200, (path, response.status_code)
        if response.streaming:
            for _chunk in response.streaming_content:
                pass
        else:
            assert response.content

    return run


def _stream_peak(client, path: str) -> tuple[int, int]:
    """tracemalloc's peak while the export at path is streamed, and its length in bytes."""
    tracemalloc.start()
    size = 0
    for chunk in client.get(path).streaming_content:
        size += len(chunk)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, size


def _migrations_key() -> str:
    """A digest of every migration file: a migrated template database is reused while none has changed."""
    src = Path(__file__).resolve().parents[1] / "src"
    digest = hashlib.sha256()
    for migration in sorted(src.glob("sanphalang/*/migrations/*.py")):
        digest.update(str(migration.relative_to(src)).encode() + migration.read_bytes())
    return digest.hexdigest()[:12]


def _migrated_template(admin_connection, server: str) -> str:
    """A database migrated once for these migrations (kept on the server as sp_bench_template_<digest>; the
    migrations take a minute on PostgreSQL), that each run copies."""
    template = f"sp_bench_template_{_migrations_key()}"
    exists = admin_connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template]).fetchone()
    if not exists:
        building = f"{template}_building_{os.getpid()}"
        admin_connection.execute(f'CREATE DATABASE "{building}"')
        subprocess.run(
            [sys.executable, "-c", "import common; common.setup_django()"],
            cwd=Path(__file__).resolve().parent,
            env={**os.environ, "DATABASE_URL": postgres_database_url(server, building)},
            check=True,
        )
        admin_connection.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    return template


def main() -> int:
    import psycopg

    server = postgres_server()
    try:
        admin_connection = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        print(f"no PostgreSQL server answers ({error}); this benchmark needs one: nothing measured")
        return 0
    name = f"sp_bench_pages_{os.getpid()}"
    template = _migrated_template(admin_connection, server)
    admin_connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin_connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    os.environ["DATABASE_URL"] = postgres_database_url(server, name)
    try:
        return _measure()
    finally:
        from django.db import connections

        connections.close_all()
        admin_connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin_connection.close()


def _measure() -> int:
    started = time.perf_counter()
    setup_django()  # the copy of the template is migrated already: this checks it, in well under a second
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count, Sum
    from django.db.models.functions import Substr
    from django.http import HttpResponse, JsonResponse
    from django.template import engines
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from django.urls import include, path

    from sanphalang.accounts.models import Role
    from sanphalang.accounts.services import api_token_create, user_create
    from sanphalang.welfare.models import FIGURE_FIELDS, Fund, FundYear, SourceRecord
    from sanphalang.welfare.selectors.figures import rollup_table

    migrated = time.perf_counter()
    sources = _load()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    loaded = time.perf_counter()
    funds = Fund.objects.count()
    print(
        f"{funds:,} funds, {FundYear.objects.count():,} yearly rows, "
        f"{SourceRecord.objects.count():,} source rows; migrated in {migrated - started:.0f} s, loaded in {loaded - migrated:.0f} s"
    )
    admin = user_create(
        username="bench-admin", password="bench-password-not-real-42", role=Role.ADMINISTRATOR
    )
    _token, raw = api_token_create(user=admin, name="bench")
    bearer = {"Authorization": f"Bearer {raw}"}
    limit = settings.LIST_PAGE_SIZE
    template_engine = engines["django"]
    bare_list, bare_rollup = (template_engine.from_string(t) for t in (BARE_LIST, BARE_ROLLUP))

    def baseline_list(request):
        page = int(request.GET.get("page", 1))
        total, rows = _page_rows((page - 1) * limit, limit)
        return HttpResponse(bare_list.render({"rows": rows, "total": total}, request))

    def baseline_api(request):
        offset = int(request.GET.get("offset", 0))
        total, rows = _page_rows(offset, 50)
        items = [
            {
                "id": r[0],
                "name_th": r[1],
                "area_code": r[9],
                "area_path_th": r[7] or r[4],
                "area_path_en": r[8],
                "status": r[2],
                "members": r[3],
                "fund_code": r[10],
                "founded_on": r[11],
                "is_municipal": r[12],
                "registered_welfare_organisation": r[13],
                "record_count": r[14],
                "review_count": r[15],
            }
            for r in rows
        ]
        return JsonResponse({"count": total, "limit": 50, "offset": offset, "items": items})

    rollup_queries: list[str] = []
    rollup_rows: list = []

    def baseline_rollup(request):
        with connection.cursor() as cursor:
            for sql in rollup_queries:
                cursor.execute(sql)
                cursor.fetchall()
        return HttpResponse(bare_rollup.render({"rows": rollup_rows}, request))

    urlpatterns[:] = [
        path("bench/funds", baseline_list),
        path("bench/api-funds", baseline_api),
        path("bench/rollup", baseline_rollup),
        path("", include("sanphalang.urls")),
    ]
    failures = 0
    client = Client()
    client.force_login(admin)
    script = Client()  # a partner's script calls the API with its token alone, no browser session
    last = -(-funds // limit)
    with override_settings(ROOT_URLCONF=__name__):
        # Fund list pages, and the API list at the same offsets.
        for page in (1, last // 2, last):
            response = client.get(f"/welfare/?page={page}")
            shown = [int(pk) for pk in re.findall(r'href="/welfare/funds/(\d+)/"', response.content.decode())]
            _total, rows = _page_rows((page - 1) * limit, limit)
            assert shown == [r[0] for r in rows], "the page and its baseline must show the same funds"
            base, took = best_of_interleaved(
                ROUNDS,
                _timed_get(client, f"/bench/funds?page={page}"),
                _timed_get(client, f"/welfare/?page={page}"),
            )
            failures += report(
                f"fund list page {page} of {last} vs bare page query + bare template (seconds)",
                took,
                base,
                unit="s",
                limit=2.0,
                higher_is_better=False,
            )
        for page in (1, last // 2, last):
            offset = (page - 1) * 50
            api = script.get(f"/api/welfare/funds?offset={offset}", headers=bearer).json()
            assert [i["id"] for i in api["items"]] == [
                i["id"] for i in script.get(f"/bench/api-funds?offset={offset}").json()["items"]
            ], "the API and its baseline must list the same funds"
            base, took = best_of_interleaved(
                ROUNDS,
                _timed_get(script, f"/bench/api-funds?offset={offset}"),
                _timed_get(script, f"/api/welfare/funds?offset={offset}", **bearer),
            )
            failures += report(
                f"API fund list offset {offset:,} vs plain JSON of the bare page query (seconds)",
                took,
                base,
                unit="s",
                limit=2.0,
                higher_is_better=False,
            )

        # Exports: rows a second, beside the bare read of the same rows; memory against a smaller export.
        def bare_read():
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT f.name_th, f.area_id, a.path_th, f.fund_code, f.status, f.members, f.founded_on "
                    "FROM welfare_fund f JOIN areas_area a ON a.code = f.area_id ORDER BY f.sort_key, f.id"
                )
                cursor.fetchall()

        for fmt in ("csv", "xlsx"):
            base, took = best_of_interleaved(3, bare_read, _timed_get(client, f"/welfare/?export={fmt}"))
            print(f"  bare read of the {funds:,} rows: {funds / base:,.0f} rows/s")
            failures += report(
                f"{fmt.upper()} export of {funds:,} funds (rows per second, target {EXPORT_RATE_TARGET:,})",
                funds / took,
                EXPORT_RATE_TARGET,
                unit="rows/s",
                limit=1.0,
                higher_is_better=True,
            )
            subset = f"/welfare/?export={fmt}&missing_from={sources['survey']}"
            small_peak, small_size = _stream_peak(client, subset)
            all_peak, all_size = _stream_peak(client, f"/welfare/?export={fmt}")
            print(
                f"  memory: {all_size:,} bytes streamed with a peak of {all_peak / 1e6:.1f} MB; "
                f"{small_size:,} bytes with {small_peak / 1e6:.1f} MB"
            )
            failures += report(
                f"{fmt.upper()} export peak memory, all funds vs those the survey lacks (bytes)",
                all_peak,
                small_peak,
                unit="B",
                limit=MEMORY_RATIO_LIMIT,
                higher_is_better=False,
            )

        # The roll-up page by district, and its selector against the bare grouped query.
        year = max(YEARS)
        rollup_path = f"/welfare/rollup/?level=district&year={year}"
        with CaptureQueriesContext(connection) as captured:
            response = client.get(rollup_path)
        assert response.status_code == 200
        rollup_rows[:] = rollup_table(user=admin, level="district", year_be=year)[0]
        rollup_queries[:] = [
            q["sql"] for q in captured.captured_queries if q["sql"].lstrip().upper().startswith("SELECT")
        ]
        print(f"  roll-up page: {len(rollup_rows)} districts, {len(captured.captured_queries)} queries")
        base, took = best_of_interleaved(
            ROUNDS, _timed_get(client, "/bench/rollup"), _timed_get(client, rollup_path)
        )
        failures += report(
            "roll-up page by district vs its queries + bare template (seconds)",
            took,
            base,
            unit="s",
            limit=2.0,
            higher_is_better=False,
        )

    def bare_grouped():
        list(
            FundYear.objects.filter(year_be=year)
            .order_by()
            .annotate(code=Substr("fund__area_id", 1, 4))
            .values("code")
            .annotate(reporting=Count("fund_id"), **{name: Sum(name) for name in FIGURE_FIELDS})
        )

    def selector():
        rows, total = rollup_table(user=admin, level="district", year_be=year)
        assert rows and total["figures"]["reporting"]

    base, took = best_of_interleaved(ROUNDS, bare_grouped, selector)
    failures += report(
        "roll-up by district (selector) vs one bare grouped query (seconds)",
        took,
        base,
        unit="s",
        limit=2.0,
        higher_is_better=False,
    )
    failures += _measure_worklist()
    print(f"{time.perf_counter() - started:.0f} s in all")
    return 1 if failures else 0


def _measure_worklist() -> int:
    """The worklist of the whole country filled from nothing (the repair command's rebuild, which trusts no
    digest), and refreshed when nothing changed (as an import of a national source that changes no fund's
    values refreshes every fund it covers), against the bare reads of what it compares plus one bulk insert of
    the rows it writes."""
    from django.db import connection

    from sanphalang.welfare.models import Fund, FundDisagreement
    from sanphalang.welfare.services.worklist import worklist_rebuild, worklist_refresh

    through = FundDisagreement.sources.through

    def emptied():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {through._meta.db_table}, {FundDisagreement._meta.db_table}")

    def bare_reads():
        with connection.cursor() as cursor:
            for sql in (
                "SELECT id, area_id FROM welfare_fund",
                "SELECT r.*, s.* FROM welfare_sourcerecord r JOIN welfare_source s ON s.id = r.source_id "
                "WHERE r.fund_id IS NOT NULL",
                "SELECT * FROM welfare_settlement",
                "SELECT * FROM welfare_funddisagreement",
            ):
                cursor.execute(sql)
                cursor.fetchall()

    emptied()
    fill = best_of(1, worklist_rebuild)  # one round each: the whole country takes seconds, not milliseconds
    written = [
        FundDisagreement(
            fund_id=r.fund_id, field=r.field, kind=r.kind, values=r.values, opened_at=r.opened_at
        )
        for r in FundDisagreement.objects.all()
    ]
    sources_of = list(through.objects.values_list("funddisagreement_id", "source_id"))
    print(f"  worklist: {len(written):,} open fields of {len({r.fund_id for r in written}):,} funds")

    def bare_fill():
        bare_reads()
        rows = FundDisagreement.objects.bulk_create([FundDisagreement(**vars_of(r)) for r in written], 500)
        first = {old: new.pk for old, new in zip(sorted({d for d, _s in sources_of}), rows, strict=False)}
        through.objects.bulk_create(
            [through(funddisagreement_id=first[d], source_id=s) for d, s in sources_of if d in first], 500
        )

    emptied()
    bare = best_of(1, bare_fill)
    emptied()
    worklist_rebuild()
    failures = report(
        "worklist of the whole country filled from nothing vs bare reads + one bulk insert (seconds)",
        fill,
        bare,
        unit="s",
        limit=WORKLIST_FILL_LIMIT,
        higher_is_better=False,
    )
    every_fund = list(Fund.objects.values_list("pk", flat=True))
    base, took = best_of(3, bare_reads), best_of(1, lambda: worklist_refresh(every_fund))
    failures += report(
        "worklist of the whole country refreshed with nothing changed vs its bare reads (seconds)",
        took,
        base,
        unit="s",
        limit=WORKLIST_REFRESH_LIMIT,
        higher_is_better=False,
    )
    return failures


def vars_of(row) -> dict:
    return {name: getattr(row, name) for name in ("fund_id", "field", "kind", "values", "opened_at")}


if __name__ == "__main__":
    sys.exit(main())
