"""Load: 50 coordinators at once on the main pages and the API of the national synthetic data, for 60 s.

    python bench/load_coordinators.py [--scale national] [--users 50] [--seconds 60] [--seed 1]

Builds the synthetic database once in the data dir (SANPHALANG_DATA_DIR/synth-<scale>-<seed>, kept for the next
run), starts the real server (`sanphalang serve`, waitress) on a free loopback port, runs locust headless with
each simulated user logged in as a different synthesized coordinator, and prints p50 and p95 per page and the
errors, and each page's p95 against the same page asked by one coordinator alone just before (the ratio). Exits
non-zero on any error. Downloads nothing.
"""

import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile_coordinators.py"
IDS_PER_USER = 20


def _env(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["SANPHALANG_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return env


def build(data_dir: Path, scale: str, seed: int) -> None:
    done = data_dir / "synth.done"
    if done.exists():
        print(f"Reusing the synthetic database in {data_dir}")
        return
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "sanphalang", "synth", "--scale", scale, "--seed", str(seed)]
    subprocess.run(cmd, env=_env(data_dir), check=True)
    done.write_text(f"{time.perf_counter() - started:.0f} s\n")


def prepare(users: int, plan_path: Path) -> None:
    """(In the data dir's environment) choose the coordinators, give each an API token and records to open."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.module_loading import import_string

    from sanphalang.accounts.models import Role
    from sanphalang.accounts.services import api_token_create
    from sanphalang.areas.scoping import scope_for
    from sanphalang.demo.synth.accounts import USERNAME_PREFIX
    from sanphalang.directory.models import Organisation, Person
    from sanphalang.meetings.models import Meeting
    from sanphalang.welfare.models import Fund

    coordinators = list(
        get_user_model()
        .objects.filter(
            username__startswith=USERNAME_PREFIX,
            role__in=[Role.PROVINCIAL_COORDINATOR, Role.AREA_COORDINATOR],
        )
        .order_by("username")
    )
    # Spread over the list: provincial, district and regional coordinators of many provinces.
    step = max(1, len(coordinators) // users)
    chosen = (coordinators[::step] + coordinators)[:users]
    # The backend that a login records: the first that can find the user again (the lockout's backend can't).
    backend = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    plan = {"cookie": settings.SESSION_COOKIE_NAME, "users": []}
    for user in chosen:
        scope = scope_for(user)
        _token, raw = api_token_create(user=user, name="load test")
        # Logged in before the clock starts: a login hashes the password on purpose slowly, once a day, and 50
        # at once would measure only that.
        session = SessionStore()
        session.update(
            {SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: backend,
             HASH_SESSION_KEY: user.get_session_auth_hash()}
        )  # fmt: skip
        session.create()

        def ids(model, field, scope=scope):
            return list(
                model.objects.filter(scope.subtree_q(field))
                .order_by("pk")
                .values_list("pk", flat=True)[:IDS_PER_USER]
            )

        plan["users"].append(
            {
                "username": user.username,
                "token": raw,
                "session": session.session_key,
                "funds": ids(Fund, "area_id"),
                "meetings": ids(Meeting, "body__area_id"),
                "organisations": ids(Organisation, "area_id"),
                "people": ids(Person, "area_id"),
            }
        )
    plan_path.write_text(json.dumps(plan), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 900) -> None:
    # The server first migrates and collects (and compresses) the static files: minutes on a busy machine.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    raise SystemExit(f"The server did not answer on {url}")


def _stats(stats_csv: Path) -> dict[str, dict]:
    return {row["Name"]: row for row in csv.DictReader(stats_csv.open(encoding="utf-8"))}


def _report(load: dict[str, dict], alone: dict[str, dict]) -> int:
    """Each page's p50 and p95 under load, and its p95 against the same page asked by one coordinator alone
    (measured just before, on the same server): the ratio is what the crowd costs each of them."""
    print(f"{'page':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'alone p95':>10}{'ratio':>7}")
    for name, row in load.items():
        base = alone.get(name, {}).get("95%", "")
        ratio = (
            f"{float(row['95%']) / float(base):.1f}"
            if base not in ("", "0", "N/A") and row["95%"] != "N/A"
            else "-"
        )
        label = "all" if name == "Aggregated" else name
        print(
            f"{label:<22}{row['Request Count']:>9}{row['Failure Count']:>8}{row['50%']:>9}{row['95%']:>9}"
            f"{base:>10}{ratio:>7}"
        )
    failures = int(load.get("Aggregated", {}).get("Failure Count", 0)) + int(
        alone.get("Aggregated", {}).get("Failure Count", 0)
    )
    print(f"errors: {failures}")
    return failures


def _locust(url: str, env: dict, plan: Path, work: Path, *, users: int, seconds: int, name: str) -> dict:
    subprocess.run(
        [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
            "-u", str(users), "-r", "10", "-t", f"{seconds}s", "--host", url,
            "--csv", str(work / name), "--loglevel", "WARNING",
        ],
        env={**env, "SANPHALANG_LOAD_USERS": str(plan)},
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=(work / f"locust-{name}.log").open("w"),
    )  # fmt: skip
    return _stats(work / f"{name}_stats.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="national")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare(args.users, args.prepare)
        return 0

    base = Path(os.environ.get("SANPHALANG_DATA_DIR") or ROOT / "var")
    data_dir = base / f"synth-{args.scale}-{args.seed}"
    build(data_dir, args.scale, args.seed)
    work = Path(tempfile.mkdtemp(prefix="sanphalang-load-"))
    plan = work / "users.json"
    env = _env(data_dir)
    subprocess.run(
        [sys.executable, __file__, "--prepare", str(plan), "--users", str(args.users)],
        env={**env, "DJANGO_SETTINGS_MODULE": "sanphalang.settings"},
        check=True,
    )
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sanphalang",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--threads",
            "8",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "server.log").open("w"),
    )
    try:
        _wait_for(f"{url}/accounts/login/")
        load = _locust(url, env, plan, work, users=args.users, seconds=args.seconds, name="load")
        # The baseline, after the crowd so that both meet a warm server: the same pages asked by one coordinator
        # at a time, on the same server and data.
        alone = _locust(url, env, plan, work, users=1, seconds=max(10, args.seconds // 2), name="alone")
        print(f"{args.users} coordinators for {args.seconds} s on the {args.scale} synthetic data ({url}):")
        failures = _report(load, alone)
        if failures:
            for name in ("alone", "load"):
                print((work / f"{name}_failures.csv").read_text(encoding="utf-8")[:2000])
            print((work / "server.log").read_text(encoding="utf-8")[-3000:])
    finally:
        server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
