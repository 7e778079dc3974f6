"""A province's dashboard and the country's, as a signed-in coordinator opens them, against the hand-written SQL
aggregates they need.

What is timed is the dashboard page (the test client's GET of reports:dashboard for the quarter the synthetic data
is dated in, templates included) once the page exists; until then the dashboard selector and a plain render of
every number it gives. The baseline is the same GROUP BYs over the same tables with the same filters, written by
hand and run on the raw cursor, their rows turned into the same values per child area and quarter; both must give
the same numbers. Target: at most 2x the baseline's time, for each dashboard.

By default Chiang Rai's synthetic data (`--scale province`) on SQLite, as CI runs it: the province's coordinator
opens Chiang Rai's dashboard and a national coordinator the country's. `--national` runs on all of Thailand
(`DATABASE_URL=postgres://postgres@127.0.0.1:5432/<database> python bench/bench_dashboards.py --national`): it
writes the national synthetic data into an empty database, or reads what `sanphalang synth --scale national`
already wrote there; Bangkok's coordinator opens Bangkok's dashboard.
"""

import dataclasses
import datetime as dt
import sys
import time
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from common import best_of_interleaved, report, setup_django

SEED = 1
LIMIT = 2.0
QUARTER = dt.date(
    2026, 7, 1
)  # the quarter holding the day the synthetic data is dated (demo/synth/meetings.py)
NATIONAL_USERNAME = "bench-national-coordinator"
CENT = Decimal("0.01")
BANGKOK = ZoneInfo("Asia/Bangkok")


def _build(national: bool) -> None:
    from sanphalang.demo.synth import records_present, synthesize
    from sanphalang.demo.synth.scales import SCALES

    if national and records_present():
        print("national synthetic data already in the database: read as it is")
        return
    scale = (
        SCALES["national"] if national else dataclasses.replace(SCALES["province"], name="province-reports")
    )
    started = time.perf_counter()
    ctx = synthesize(scale=scale, seed=SEED)
    print(
        f"synthetic data in {time.perf_counter() - started:.0f} s: {sum(ctx.counts.values()):,} rows "
        f"({ctx.counts.get('care.Household', 0):,} households, {ctx.counts.get('meetings.Meeting', 0):,} meetings); "
        + ", ".join(f"{part} {seconds:.1f} s" for part, seconds in ctx.made["seconds"].items())
    )


# --- the baseline: the aggregates written by hand -----------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Aggregate:
    """One figure's statement: FROM ... WHERE ..., the area column, the date column(s) and what is summed."""

    kind: str  # flow, stock or yearly
    source: str  # FROM and its JOINs, with {table} names
    where: str  # the figure's own conditions ("" for none)
    area: str
    date: str
    ends: str = ""
    value: str = "COUNT(*)"
    timestamps: bool = False


def aggregates() -> dict[str, Aggregate]:
    body_join = "JOIN {meetings_body} b ON b.id = x.body_id"
    case_join = "JOIN {care_case} c ON c.id = x.case_id"
    return {
        "meetings_held": Aggregate("flow", "{meetings_meeting} x " + body_join, "x.status = 'held'",
                                   "b.area_id", "x.held_on"),
        "resolutions": Aggregate("flow", "{meetings_resolution} r JOIN {meetings_meeting} x ON x.id = r.meeting_id "
                                 + body_join, "x.status = 'held'", "b.area_id", "x.held_on"),
        "action_items_done": Aggregate("flow", "{meetings_actionitem} x " + body_join, "x.status = 'done'",
                                       "b.area_id", "x.done_on"),
        "action_items_overdue": Aggregate("stock", "{meetings_actionitem} x " + body_join,
                                          "x.status <> 'cancelled'", "b.area_id", "x.due_on", ends="x.done_on"),
        "letters_sent": Aggregate("flow", "{meetings_letter} x " + body_join,
                                  "x.direction = 'out' AND x.status <> 'draft'", "b.area_id", "x.dated_on"),
        "charters_enacted": Aggregate("flow", "{plans_stageevent} x JOIN {plans_charter} c ON c.id = x.charter_id",
                                      "x.stage = 'enacted'", "c.area_id", "x.happened_on"),
        "registrations_done": Aggregate("flow", "{plans_stageevent} x JOIN {plans_registration} c "
                                        "ON c.id = x.registration_id", "x.stage = 'registered'", "c.area_id",
                                        "x.happened_on"),
        "progress_reported": Aggregate("flow", "{plans_progressentry} x", "x.status = 'approved'", "x.area_id",
                                       "x.period_start"),
        "welfare_funds": Aggregate("yearly", "{welfare_fundyear} x JOIN {welfare_fund} f ON f.id = x.fund_id", "",
                                   "f.area_id", "x.year_be"),
        "welfare_members": Aggregate("yearly", "{welfare_fundyear} x JOIN {welfare_fund} f ON f.id = x.fund_id",
                                     "", "f.area_id", "x.year_be", value="SUM(x.members)"),
        "welfare_balance": Aggregate("yearly", "{welfare_fundyear} x JOIN {welfare_fund} f ON f.id = x.fund_id",
                                     "", "f.area_id", "x.year_be", value="SUM(x.balance)"),
        "households": Aggregate("stock", "{care_household} x", "", "x.area_id", "x.registered_at",
                                ends="x.anonymised_at", timestamps=True),
        "cases_opened": Aggregate("flow", "{care_case} x", "", "x.area_id", "x.opened_on"),
        "cases_open": Aggregate("stock", "{care_case} x", "", "x.area_id", "x.opened_on", ends="x.closed_on"),
        "help_given": Aggregate("flow", "{care_help} x " + case_join, "", "c.area_id", "x.given_on"),
        "help_value": Aggregate("flow", "{care_help} x " + case_join, "", "c.area_id", "x.given_on",
                                value="SUM(x.amount)"),
        "referrals_sent": Aggregate("flow", "{care_referral} x " + case_join, "", "c.area_id", "x.sent_on"),
        "housing_completed": Aggregate("flow", "{care_housingwork} x", "x.status = 'completed'", "x.area_id",
                                       "x.completed_on"),
        "incidents": Aggregate("flow", "{care_incident} x", "", "x.area_id", "x.occurred_on"),
    }  # fmt: skip


def _tables() -> dict[str, str]:
    from django.apps import apps

    return {
        f"{model._meta.app_label}_{model._meta.model_name}": model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label in ("meetings", "plans", "welfare", "care")
    }


class Dialect:
    def __init__(self):
        from django.db import connection

        self.ops = connection.ops
        self.postgres = connection.vendor == "postgresql"

    def greatest(self, a: str, b: str) -> str:
        return f"GREATEST({a}, {b})" if self.postgres else f"MAX({a}, {b})"

    def bounds(self, days: list[dt.date], timestamps: bool) -> list:
        """Days as the column holds them: a date-time column, the day's midnight in Bangkok."""
        if not timestamps:
            return [day.isoformat() for day in days]
        return [
            self.ops.adapt_datetimefield_value(dt.datetime.combine(day, dt.time.min, BANGKOK)) for day in days
        ]

    @staticmethod
    def quarter(column: str, count: int) -> str:
        """The position of the first of `count` quarters that ends after the column's day (the ends are
        parameters)."""
        whens = " ".join(f"WHEN {column} < %s THEN {i}" for i in range(count))
        return f"CASE {whens} END"


def _decimal(value) -> Decimal:
    """A sum as the cursor gives it (SQLite sums decimals as floats), to the cent."""
    return Decimal(str(value or 0)).quantize(CENT)


def sql_figures(prefixes: tuple[str, ...], child_length: int, quarters: list[dt.date]) -> dict[str, dict]:
    """{figure: {child code: [value per quarter]}} from the hand-written statements, children with nothing left
    out. prefixes: the area codes counted (empty: the whole country)."""
    from django.db import connection

    from sanphalang.reports.figures import shift_quarters

    dialect, tables = Dialect(), _tables()
    following = [shift_quarters(q, 1) for q in quarters]
    years = sorted({q.year + 543 for q in quarters})
    figures = {}
    with connection.cursor() as cursor:
        for key, agg in aggregates().items():
            areas = " OR ".join(f"{agg.area} LIKE %s" for _ in prefixes)
            conditions = [c for c in (agg.where, f"({areas})" if prefixes else "") if c]
            params = [f"{p}%" for p in prefixes]
            child = f"SUBSTR({agg.area}, 1, {child_length})"
            source = agg.source.format(**tables)
            values: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * len(quarters))
            ends = dialect.bounds(following, agg.timestamps)
            first = dialect.bounds(quarters[:1], agg.timestamps)[0]
            quarter = dialect.quarter(agg.date, len(quarters))
            if agg.kind == "yearly":
                marks = ", ".join(str(year) for year in years)
                where = " AND ".join([*conditions, f"{agg.date} IN ({marks})"])
                cursor.execute(
                    f"SELECT {child}, {agg.date}, {agg.value} FROM {source} WHERE {where} GROUP BY 1, 2",
                    params,
                )
                for code, year, value in cursor.fetchall():
                    for i, q in enumerate(quarters):
                        if q.year + 543 == year:
                            values[code][i] += _decimal(value)
            elif agg.kind == "flow":
                where = " AND ".join([*conditions, f"{agg.date} >= %s AND {agg.date} < %s"])
                cursor.execute(
                    f"SELECT {child}, {quarter}, {agg.value} FROM {source} WHERE {where} GROUP BY 1, 2",
                    [*ends, *params, first, ends[-1]],
                )
                for code, position, value in cursor.fetchall():
                    values[code][position] += _decimal(value)
            else:
                # Counted from the quarter a row starts in (those before the first, in the first) to the later of
                # its start's and its end's.
                changes: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0)] * len(quarters))
                where = " AND ".join([*conditions, f"{agg.date} < %s"])
                cursor.execute(
                    f"SELECT {child}, {quarter}, {agg.value} FROM {source} WHERE {where} GROUP BY 1, 2",
                    [*ends, *params, ends[-1]],
                )
                for code, position, value in cursor.fetchall():
                    changes[code][position] += _decimal(value)
                stops = dialect.greatest(quarter, dialect.quarter(agg.ends, len(quarters)))
                cursor.execute(
                    f"SELECT {child}, {stops}, {agg.value} FROM {source} WHERE {where} AND {agg.ends} < %s "
                    "GROUP BY 1, 2",
                    [*ends, *ends, *params, ends[-1], ends[-1]],
                )
                for code, position, value in cursor.fetchall():
                    changes[code][position] -= _decimal(value)
                for code, by_quarter in changes.items():
                    running = Decimal(0)
                    for i, change in enumerate(by_quarter):
                        running += change
                        values[code][i] = running
            figures[key] = {code: row for code, row in values.items() if any(row)}
    return figures


# --- what is measured -----------------------------------------------------------------------------------------


def board_figures(board) -> dict[str, dict]:
    return {
        key: {
            code: [value.quantize(CENT) for value in row]
            for code, row in counted.by_child.items()
            if any(row)
        }
        for key, counted in board.counted.items()
    }


RENDER = """{% for work, figures in board.key_figures.items %}<section><h2>{{ work }}</h2>
{% for key in figures %}<p>{{ key.figure.label }} {{ key.value }} {{ key.change }} {{ key.change_share }}</p>
{% endfor %}</section>{% endfor %}
{% for key, counted in board.counted.items %}<ol>{% for value in counted.series %}<li>{{ value }}</li>{% endfor %}
</ol><ul>{% for code, value in counted.at.items %}<li>{{ code }} {{ value }}</li>{% endfor %}</ul>{% endfor %}
{% for area in board.children %}{{ area.code }} {{ area.name_th }}{% endfor %}"""


def _dashboard_url(code: str) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("reports:dashboard", kwargs={"code": code}) + f"?quarter={QUARTER.isoformat()}"
    except NoReverseMatch:
        return None


def measured_call(user, code: str):
    """The page as the user gets it, or (until the page exists) the selector and a plain render of its numbers."""
    url = _dashboard_url(code)
    if url:
        from django.test import Client

        client = Client()
        client.force_login(user)

        def page():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return "the page", page
    from django.template import Context, Template

    from sanphalang.reports.selectors.dashboards import dashboard

    template = Template(RENDER)

    def selector():
        board = dashboard(user=user, code=code, quarter=QUARTER)
        template.render(Context({"board": board}))

    return "the selector and a plain render", selector


def _first_difference(expected: dict, got: dict) -> str | None:
    for key in sorted(set(expected) | set(got)):
        if expected.get(key) != got.get(key):
            return f"{key}: SQL {expected.get(key)}\n  selector {got.get(key)}"
    return None


def main() -> int:
    national = "--national" in sys.argv
    setup_django()
    from django.contrib.auth import get_user_model

    from sanphalang.accounts.models import Role
    from sanphalang.accounts.services import user_create
    from sanphalang.demo.synth.accounts import USERNAME_PREFIX
    from sanphalang.reports.figures import quarters_ending
    from sanphalang.reports.maps import child_length
    from sanphalang.reports.selectors.dashboards import SERIES_QUARTERS, dashboard

    _build(national)
    users = get_user_model().objects
    everywhere = users.filter(username=NATIONAL_USERNAME).first() or user_create(
        username=NATIONAL_USERNAME,
        password="seventy-seven-tiles-Q3-2569",
        role=Role.PROVINCIAL_COORDINATOR,
        area_codes=["TH"],
    )
    province = "10" if national else "57"
    quarters = quarters_ending(QUARTER, SERIES_QUARTERS)
    rounds = 5
    failures = 0
    for label, user, code, prefixes in [
        (f"province {province}", users.get(username=f"{USERNAME_PREFIX}p{province}"), province, (province,)),
        ("the country", everywhere, "TH", ()),
    ]:
        length = child_length(code)
        started = time.perf_counter()
        expected = sql_figures(prefixes, length, quarters)
        first_sql = time.perf_counter() - started
        started = time.perf_counter()
        got = board_figures(dashboard(user=user, code=code, quarter=QUARTER))
        first_board = time.perf_counter() - started
        difference = _first_difference(expected, got)
        if difference:
            print(f"bench_dashboards: the selector and the SQL disagree on {label}:\n  {difference}")
            return 1
        empty = sorted(key for key, row in expected.items() if not row)
        print(
            f"dashboard of {label}: {len(expected)} figures agree with the SQL"
            + (f" (nothing to count for {', '.join(empty)})" if empty else "")
            + f"; first reads {first_board * 1000:.0f} ms vs SQL {first_sql * 1000:.0f} ms"
        )
        what, measured = measured_call(user, code)
        measured()  # the first request warms the caches, as a coordinator's first visit of the day does
        base, took = best_of_interleaved(
            rounds, lambda p=prefixes, n=length: sql_figures(p, n, quarters), measured
        )
        failures += report(
            f"dashboard of {label}, {what} (ms)", took * 1000, base * 1000, unit="ms", limit=LIMIT,
            higher_is_better=False,
        )  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
