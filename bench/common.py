"""What every benchmark needs: a fresh database of its own, and a timer that takes the best of several rounds."""

import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def setup_django() -> None:
    """Point Django at a throw-away SQLite database (or DATABASE_URL if set) and migrate it.

    SANPHALANG_BENCH_TEMPLATE may name a migrated SQLite file (run.sh makes one): each benchmark starts from a
    copy of it instead of running every migration again.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanphalang.settings")
    if not os.environ.get("DATABASE_URL"):
        data_dir = tempfile.mkdtemp(prefix="sanphalang-bench-")
        os.environ["SANPHALANG_DATA_DIR"] = data_dir
        template = os.environ.get("SANPHALANG_BENCH_TEMPLATE", "")
        if template:
            source, copy = sqlite3.connect(template), sqlite3.connect(Path(data_dir) / "sanphalang.sqlite3")
            source.backup(copy)
            source.close()
            copy.close()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def best_of(rounds: int, func, *args) -> float:
    """The fastest of several rounds, in seconds: the figure least disturbed by other work on the machine."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        func(*args)
        best = min(best, time.perf_counter() - started)
    return best


def best_of_interleaved(rounds: int, baseline, measured) -> tuple[float, float]:
    """Best times of the baseline and the measured code, alternating rounds so both see the same machine load."""
    best_base = best_measured = float("inf")
    for _ in range(rounds):
        best_base = min(best_base, best_of(1, baseline))
        best_measured = min(best_measured, best_of(1, measured))
    return best_base, best_measured


def report(
    name: str, measured: float, baseline: float, *, unit: str, limit: float, higher_is_better: bool
) -> int:
    ratio = measured / baseline
    ok = ratio >= limit if higher_is_better else ratio <= limit
    relation = ">=" if higher_is_better else "<="
    print(
        f"{name}: {measured:.4g} {unit} vs baseline {baseline:.4g} {unit}; ratio {ratio:.2f} "
        f"(target {relation} {limit}) {'OK' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


def postgres_server() -> str:
    """The PostgreSQL server a benchmark may make its own database on: SANPHALANG_BENCH_POSTGRES, else
    DATABASE_URL's server, else postgres@127.0.0.1:5432 (its maintenance database)."""
    url = os.environ.get("SANPHALANG_BENCH_POSTGRES") or os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgresql://postgres@127.0.0.1:5432/postgres"
    return url


def postgres_database_url(server: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(server)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


@contextlib.contextmanager
def own_postgres_database(prefix: str):
    """A database of this run's own on the PostgreSQL server, migrated, dropped at the end; DATABASE_URL points
    at it meanwhile. Yields None when no server answers (the benchmark then says so and measures nothing)."""
    import psycopg

    server = postgres_server()
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        print(
            f"no PostgreSQL server answers ({str(error).strip()}); this benchmark needs one: nothing measured"
        )
        yield None
        return
    name = f"{prefix}_{os.getpid()}"
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    os.environ["DATABASE_URL"] = postgres_database_url(server, name)
    try:
        yield os.environ["DATABASE_URL"]
    finally:
        from django.db import connections

        connections.close_all()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
